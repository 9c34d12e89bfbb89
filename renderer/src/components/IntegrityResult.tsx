import { Alert } from 'antd';
import type { IntegrityReport } from '../desk';
import { navigate } from '../router';

/** 校验完整性: what was checked, or every finding (what is wrong, in Chinese) with a link to its case. */
export function IntegrityResult({ report }: { report: IntegrityReport }) {
  const checked = `${report.casesChecked} 件案件、${report.eventsChecked} 条事件、${report.operationsChecked} 条本机操作记录、${report.auditChecked} 条审计记录`;
  if (report.ok) {
    const anchored = report.anchorsChecked > 0 ? `，其中 ${report.anchorsChecked} 处与市平台确认的记录一致` : '';
    const legacy = report.legacyCases > 0 ? `（${report.legacyCases} 件案件的早期事件为升级前记录，按原方式核对）` : '';
    return <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="integrity-ok" title={`完整性校验通过：已核对 ${checked}${anchored}，未发现改动或删除。${legacy}`} />;
  }
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="error"
      showIcon
      data-testid="integrity-broken"
      title={`发现 ${report.findings.length + report.moreFindings} 处问题，记录可能被改动或删除。请勿继续修改相关案件，并报告单位负责人和技术支持。`}
      description={
        <div>
          <ol style={{ paddingLeft: 20, margin: '4px 0' }} data-testid="integrity-findings">
            {report.findings.map((f, i) => (
              <li key={i}>
                {f.message}
                {f.caseId && f.code !== 'case_deleted' && f.code !== 'case_missing' ? (
                  <>
                    {' '}
                    <a onClick={() => navigate('cases', f.caseId ?? '')}>打开该案件</a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {report.moreFindings > 0 && <div>另有 {report.moreFindings} 处问题未列出。</div>}
          <div>（已核对 {checked}。）</div>
        </div>
      }
    />
  );
}
