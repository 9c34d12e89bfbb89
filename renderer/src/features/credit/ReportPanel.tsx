import { App as AntApp, Alert, Button, List, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { creditReportFor, logReportHandedOut, REPORT_AUDIENCE_LABELS, useDeskQuery, type ReportAudience } from '../../desk';
import { creditReportUnit } from '../../../../shared/credit/report-document';
import { documentRenderer, printPdf } from '../../documents/service';
import { WorkerRenderError } from '../../documents/worker-client';
import { errorTextZh } from '../../format/error-text';

/**
 * 信用报告: for the subject itself or (de-identified) for someone else; printed on the GB/T 9704 page
 * by the documents' PDF worker, free of charge (黑龙江条例 第二十四条). Printing is logged once the PDF
 * has left the app.
 */
export function ReportPanel({ subjectId }: { subjectId: string }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [audience, setAudience] = useState<ReportAudience>('subject');
  const report = useDeskQuery((d) => creditReportFor(d, subjectId, audience), [subjectId, audience]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const print = async () => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      const renderer = await documentRenderer();
      const out = await renderer.render([creditReportUnit(report)], { title: report.title, author: report.office, subject: report.title, creationDate: report.generatedOn });
      const delivered = await printPdf(out.bytes, `${report.title}-${report.generatedOn}`);
      if (delivered.handedOut) await logReportHandedOut(desk, subjectId, audience, 'print', out);
      message.info(delivered.message);
    } catch (e) {
      setError(e instanceof WorkerRenderError ? e.messageZh : errorTextZh(e, '信用报告没有生成'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="credit-report">
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group optionType="button" value={audience} onChange={(e) => setAudience(e.target.value as ReportAudience)} options={(Object.keys(REPORT_AUDIENCE_LABELS) as ReportAudience[]).map((a) => ({ value: a, label: REPORT_AUDIENCE_LABELS[a] }))} data-testid="report-audience" />
        <Button type="primary" loading={busy} onClick={() => void print()} data-testid="report-print">
          打印报告
        </Button>
        <Typography.Text type="secondary">信用主体查询自身信用信息不限次数、免费。</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {report?.sections.map((s) => (
        <div key={s.key} data-testid={`report-section-${s.key}`}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {s.items.length === 0 ? (
            <Typography.Paragraph type="secondary">{s.emptyText}</Typography.Paragraph>
          ) : (
            <List
              size="small"
              dataSource={s.items}
              renderItem={(item) => (
                <List.Item data-testid="report-item">
                  <div>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <div>{item.fields.map((f) => `${f.label}：${f.value}`).join('；')}</div>
                    <Typography.Text type="secondary">
                      信息来源：{item.source.department}
                      {item.source.documents.length > 0 ? `；${item.source.documents.join('；')}` : ''}
                    </Typography.Text>
                    {item.changes.length > 0 && <div>变动情况：{item.changes.map((c) => `${c.date} ${c.label}`).join('；')}</div>}
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      ))}
    </div>
  );
}
