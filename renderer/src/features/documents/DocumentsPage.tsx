/**
 * 文书: issued documents (view, print with 送达回证, correct), issuing, number blocks, templates and
 * the office's printed identity. Each tab is its own component; storage and issuing go through the
 * desk (renderer/src/desk/documents).
 */
import { App as AntApp, Alert, Button, Card, Modal, Progress, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore, useDesk } from '../../stores/app-store';
import { documentStore, handOutDeps, reconcileStale } from '../../desk/documents';
import type { IssuedDocument } from '../../../../shared/documents/issued';
import type { DocumentKind } from '../../../../shared/documents/types';
import { servedDocuments } from '../../../../shared/documents/issued';
import { handOut, printBatch, type PrintAction } from '../../documents/issue';
import { documentRenderer, pdfBlobUrl, printPdf, savePdf } from '../../documents/service';
import { docTitle, officeProblems, storedOutput, type Busy, type Output } from './output';
import { IssuedList } from './IssuedList';
import { IssueForm } from './IssueForm';
import { NumberBlocks } from './NumberBlocks';
import { Templates } from './Templates';
import { OfficeAndFonts } from './OfficeAndFonts';
import { NUMBER_BLOCKS_TAB } from '../../../../shared/documents/numbering';
import { TechnicalInfo } from '../../components/TechnicalInfo';
import { errorTextZh } from '../../format/error-text';

function useDocumentContext() {
  const desk = useDesk();
  const { deviceId, office, today } = useAppStore();
  return { desk, deviceId, office, today };
}

/** `params`: ['issue', caseId, kind] opens 签发文书 for that case (from the case page). */
export function DocumentsPage({ params = [] }: { params?: string[] }) {
  const { desk, deviceId, office, today } = useDocumentContext();
  const { message } = AntApp.useApp();
  const [issueFor] = useState(() => (params[0] === 'issue' ? { caseId: params[1], kind: params[2] as DocumentKind | undefined } : null));
  const [tab, setTab] = useState(issueFor ? 'issue' : 'list');
  const [output, setOutput] = useState<Output | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [correcting, setCorrecting] = useState<IssuedDocument | null>(null);

  useEffect(() => {
    if (!deviceId) return;
    void reconcileStale(desk, deviceId).then((n) => {
      if (n > 0) void message.warning(`上次签发中断，${n} 个文号已登记作废（见“${NUMBER_BLOCKS_TAB}”）。`);
    });
    void documentRenderer(); // start the worker and load fonts early
  }, [desk, deviceId, message]);

  const show = useCallback((out: Omit<Output, 'url'>) => {
    setOutput((previous) => {
      if (previous) URL.revokeObjectURL(previous.url);
      return { ...out, url: pdfBlobUrl(out.job.bytes) };
    });
  }, []);

  /**
   * Printing, for one document and for a batch alike: the selected documents with those issued
   * together with them, each followed by its 送达回证 (printBatch), shown for preview first.
   */
  const printServed = useCallback(
    async (selected: IssuedDocument[], action?: PrintAction) => {
      if (selected.length === 0) return;
      const store = documentStore(desk);
      const all = await store.documentsInGroups(Array.from(new Set(selected.map((d) => d.groupId))));
      const served = servedDocuments(selected, all);
      const groups = new Set(served.map((d) => d.groupId)).size;
      const title = groups === 1 ? `${served.map(docTitle).join('、')}（含送达回证）` : `批量打印${today}（${served.length}份，含送达回证）`;
      const label = `正在生成 ${served.length} 份文书及送达回证……`;
      setBusy({ label, percent: 0 });
      try {
        const renderer = await documentRenderer();
        const out = await printBatch({ store, renderer }, selected, title, (f) => setBusy({ label, percent: Math.round(f * 100) }), { all, ...(action ? { action } : {}) });
        if (!out.ok) void message.error(out.reason);
        else show({ title, fileName: `${title}.pdf`.replace(/[\\/:*?"<>|]/g, '_'), pages: out.pages, job: out.job });
      } catch (error) {
        console.error('[documents] print rendering failed', error);
        const zh = errorTextZh(error, '文件没有生成');
        void message.error(`生成打印文件失败：${zh}`);
      } finally {
        setBusy(null);
      }
    },
    [desk, today, message, show],
  );

  /** Print dialog / save / download of what the preview shows; logged only once the bytes left. */
  const deliver = (how: 'print' | 'save') => {
    if (!output || !deviceId) return;
    const deps = handOutDeps(desk);
    const send = (bytes: Uint8Array) => (how === 'save' ? savePdf(bytes, output.fileName) : printPdf(bytes, output.title));
    void handOut(deps, output.job, how, send).then(
      (d) => void (d.handedOut ? message.success(d.message) : message.info(d.message)),
      (e: Error) => void message.error(errorTextZh(e, how === 'save' ? 'PDF 没有保存' : '没有送去打印')),
    );
  };

  if (!deviceId) return <Typography.Paragraph>正在打开本机数据……</Typography.Paragraph>;
  const problems = officeProblems(office);

  return (
    <div data-testid="documents-page">
      <Typography.Title level={3}>文书</Typography.Title>
      {problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`签发前请在“机关与字体”中填写：${problems.join('、')}。`} />
      )}
      {busy && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="print-progress">
          <Typography.Text>{busy.label}</Typography.Text>
          <Progress percent={busy.percent} status="active" />
        </Card>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: '已签发文书',
            children: (
              <IssuedList
                today={today}
                onOutput={show}
                onPrint={(docs, action) => void printServed(docs, action)}
                onCorrect={(doc) => {
                  setCorrecting(doc);
                  setTab('issue');
                }}
              />
            ),
          },
          {
            key: 'issue',
            label: '签发文书',
            children: !office ? (
              <Alert type="warning" showIcon title="请先在“设置”中完成办公室设置，再签发文书。" />
            ) : (
              <IssueForm
                deviceId={deviceId}
                office={office}
                {...(issueFor?.caseId ? { initialCaseId: issueFor.caseId } : {})}
                {...(issueFor?.kind ? { initialKind: issueFor.kind } : {})}
                today={today}
                correcting={correcting}
                onDone={(docs) => {
                  setCorrecting(null);
                  setTab('list');
                  const first = docs[0];
                  if (first) show(storedOutput(first, 'print'));
                }}
                onCancelCorrection={() => setCorrecting(null)}
              />
            ),
          },
          { key: 'numbers', label: NUMBER_BLOCKS_TAB, children: office ? <NumberBlocks deviceId={deviceId} office={office} today={today} /> : <Alert type="warning" showIcon title="请先在“设置”中完成办公室设置。" /> },
          { key: 'templates', label: '文书模板', children: <Templates /> },
          { key: 'settings', label: '机关与字体', children: <OfficeAndFonts /> },
        ]}
      />
      <Modal
        open={output !== null}
        title={output ? `预览：${output.title}（${output.pages}页）` : ''}
        width={900}
        onCancel={() => {
          if (output) URL.revokeObjectURL(output.url);
          setOutput(null);
        }}
        footer={
          output && (
            <Space wrap>
              <TechnicalInfo testId="preview-technical" items={[['文件校验值（SHA-256）', output.job.sha256]]} />
              <Button data-testid="save-pdf" disabled={busy !== null} onClick={() => deliver('save')}>
                保存PDF
              </Button>
              {output.stored ? (
                output.stored.state === 'valid' ? (
                  <Button type="primary" data-testid="print-with-proof" loading={busy !== null} onClick={() => output.stored && void printServed([output.stored], output.printAs)}>
                    打印（含送达回证）
                  </Button>
                ) : (
                  <Tag color="red">已作废，不能打印送达</Tag>
                )
              ) : (
                <Button type="primary" data-testid="print-pdf" onClick={() => deliver('print')}>
                  打印
                </Button>
              )}
            </Space>
          )
        }
      >
        {output && busy && (
          <div data-testid="preview-progress">
            <Typography.Text>{busy.label}</Typography.Text>
            <Progress percent={busy.percent} status="active" />
          </div>
        )}
        {output?.stored && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            这是签发时存档的原件（已核对，未被改动）。查看不计入打印记录；打印时文书后附送达回证{output.stored.state === 'valid' ? '，同组送达的文书（如信用修复告知书）一并打印' : ''}。
          </Typography.Paragraph>
        )}
        {output && <iframe data-testid="pdf-preview" title="PDF预览" src={output.url} style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }} />}
      </Modal>
    </div>
  );
}

