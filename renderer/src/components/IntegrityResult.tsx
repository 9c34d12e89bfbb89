import { Alert } from 'antd';
import type { IntegrityReport } from '../desk';
import { navigate } from '../router';

export function IntegrityResult({ report }: { report: IntegrityReport }) {
  if (report.ok) {
    return <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="integrity-ok" title={`完整性校验通过：${report.casesChecked} 件案件，${report.eventsChecked} 条事件，记录完整，未被改动。`} />;
  }
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="error"
      showIcon
      data-testid="integrity-broken"
      title={`发现断点：案件 ${report.caseNo || report.caseId} 第 ${report.seq} 条事件`}
      description={
        <span>
          {report.reason}（已校验 {report.casesChecked} 件案件、{report.eventsChecked} 条事件）。<a onClick={() => navigate('cases', report.caseId)}>打开该案件</a>
        </span>
      }
    />
  );
}
