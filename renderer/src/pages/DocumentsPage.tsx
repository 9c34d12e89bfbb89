import { App as AntApp, Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppStore, currentActor } from '../stores/app-store';
import { newId } from '../db/ids';
import { nowIso } from '../lib/clock';
import type { CreditDeskDb } from '../db/database';
import type { IssuedDocument } from '../../../shared/documents/issued';
import { fileNameOf, servedDocuments } from '../../../shared/documents/issued';
import { seriesLabel, type NumberBlock } from '../../../shared/documents/numbering';
import { DEFAULT_TEMPLATES, describePlaceholder, droppedPlaceholders, paragraphKeys, paragraphLabel, paragraphPlaceholders, type DocumentTemplate } from '../../../shared/documents/templates';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, DOCUMENT_KIND_SHORT, type DocumentKind, type OfficeProfile } from '../../../shared/documents/types';
import { yearOf } from '../../../shared/util/dates';
import { handOut, issueDocument, issueListingWithRepairNotice, openStored, printBatch, storedJob, type HandOutJob, type IssueDeps, type PrintAction } from '../documents/issue';
import { sha256Hex, BUNDLED_BODY, BUNDLED_TITLE, type FontChoice } from '../documents/engine';
import { COMPANION_NOTICE_FIELDS, KIND_FIELDS, companionNoticeFromForm, formFromInput, hasMeasures, inputFromForm, sampleListingValues, type FieldSpec, type FormValues } from '../documents/forms';
import {
  availableFonts,
  changeFontChoice,
  documentOffice,
  documentRenderer,
  documentStore,
  loadDocumentSettings,
  pdfBlobUrl,
  printPdf,
  reconcileStale,
  saveDocumentSettings,
  savePdf,
  type DocumentOfficeSettings,
} from '../documents/service';
import { loadFontChoice } from '../documents/fonts';
import { foldCase } from '../db/repositories/cases';
import { draftFromCase } from '../../../shared/documents/from-case';

type Output = {
  title: string;
  fileName: string;
  url: string;
  pages: number;
  /** What printing / saving this preview hands out and how it is logged (viewing is not logged). */
  job: HandOutJob;
  /** Set when the preview shows one issued document's stored snapshot: printing goes through the print path. */
  stored?: IssuedDocument;
  /** How printing from the stored view is logged: 'print' right after issuing, 'reprint' from the list. */
  printAs?: PrintAction;
};

type Busy = { label: string; percent: number } | null;

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

function useDocumentContext() {
  const { db, deviceId, office: deskOffice, staffName, today } = useAppStore();
  const settings = useLiveQuery(async () => (db ? loadDocumentSettings(db) : undefined), [db]);
  const office = useMemo(() => documentOffice(deskOffice, settings ?? {}), [deskOffice, settings]);
  return { db, deviceId, office, settings, staffName, today };
}

function makeDeps(db: CreditDeskDb, deviceId: string, renderer: IssueDeps['renderer']): IssueDeps {
  return { store: documentStore(db), renderer, deviceId, user: currentActor().name, newId, now: nowIso };
}

function docTitle(doc: IssuedDocument): string {
  return `${DOCUMENT_KIND_SHORT[doc.kind]}${doc.numberText}`;
}

/** The stored snapshot of an issued document, for the preview (查看). */
function storedOutput(doc: IssuedDocument, printAs: PrintAction): Omit<Output, 'url'> {
  return { title: docTitle(doc), fileName: fileNameOf({ ...doc, kindName: DOCUMENT_KIND_SHORT[doc.kind] }), pages: doc.pages, job: storedJob(doc), stored: doc, printAs };
}

function officeProblems(office: OfficeProfile): string[] {
  const out: string[] = [];
  if (!office.name) out.push('发文机关名称');
  if (!office.numberPrefix) out.push('发文机关代字（文号前缀）');
  if (!office.reviewBody) out.push('行政复议机关');
  if (!office.court) out.push('行政诉讼法院');
  return out;
}

export function DocumentsPage() {
  const { db, deviceId, office, today } = useDocumentContext();
  const { message } = AntApp.useApp();
  const [tab, setTab] = useState('list');
  const [output, setOutput] = useState<Output | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [correcting, setCorrecting] = useState<IssuedDocument | null>(null);

  useEffect(() => {
    if (!db || !deviceId) return;
    void reconcileStale(db, deviceId).then((n) => {
      if (n > 0) void message.warning(`上次签发中断，${n} 个文号已登记作废（见“文号与号段”）。`);
    });
    void documentRenderer(); // start the worker and load fonts early
  }, [db, deviceId, message]);

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
      if (!db || selected.length === 0) return;
      const store = documentStore(db);
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
        const zh = (error as { messageZh?: string }).messageZh ?? (error instanceof Error ? error.message : String(error));
        void message.error(`生成打印文件失败：${zh}`);
      } finally {
        setBusy(null);
      }
    },
    [db, today, message, show],
  );

  /** Print dialog / save / download of what the preview shows; logged only once the bytes left. */
  const deliver = (how: 'print' | 'save') => {
    if (!output || !db) return;
    const deps = { store: documentStore(db), newId, now: nowIso, user: currentActor().name };
    const send = (bytes: Uint8Array) => (how === 'save' ? savePdf(bytes, output.fileName) : printPdf(bytes, output.title));
    void handOut(deps, output.job, how, send).then(
      (d) => void (d.handedOut ? message.success(d.message) : message.info(d.message)),
      (e: Error) => void message.error(e.message),
    );
  };

  if (!db || !deviceId) return <Typography.Paragraph>正在打开本机数据……</Typography.Paragraph>;
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
                db={db}
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
            children: (
              <IssueForm
                db={db}
                deviceId={deviceId}
                office={office}
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
          { key: 'numbers', label: '文号与号段', children: <NumberBlocks db={db} deviceId={deviceId} office={office} today={today} /> },
          { key: 'templates', label: '文书模板', children: <Templates db={db} /> },
          { key: 'settings', label: '机关与字体', children: <OfficeAndFonts db={db} /> },
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
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="preview-sha256">
                SHA-256 {output.job.sha256.slice(0, 16)}…
              </Typography.Text>
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
            这是签发时存档的原件（已核对SHA-256）。查看不计入打印记录；打印时文书后附送达回证{output.stored.state === 'valid' ? '，同组送达的文书（如信用修复告知书）一并打印' : ''}。
          </Typography.Paragraph>
        )}
        {output && <iframe data-testid="pdf-preview" title="PDF预览" src={output.url} style={{ width: '100%', height: '70vh', border: '1px solid #ddd' }} />}
      </Modal>
    </div>
  );
}

function IssuedList(props: {
  db: CreditDeskDb;
  today: string;
  onOutput: (o: Omit<Output, 'url'>) => void;
  onPrint: (docs: IssuedDocument[], action?: PrintAction) => void;
  onCorrect: (doc: IssuedDocument) => void;
}) {
  const { db, today, onOutput, onPrint, onCorrect } = props;
  const { message } = AntApp.useApp();
  const docs = useLiveQuery(() => documentStore(db).listDocuments(), [db]) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [kindFilter, setKindFilter] = useState<DocumentKind | 'all'>('all');
  const shown = docs.filter((d) => kindFilter === 'all' || d.kind === kindFilter);

  /** 查看: the stored snapshot, checked against its SHA-256; not logged (viewing is not a reprint). */
  const doView = async (doc: IssuedDocument) => {
    const out = await openStored({ store: documentStore(db) }, doc.id, sha256Hex);
    if (!out.ok) {
      void message.error(out.reason);
      return;
    }
    onOutput(storedOutput(out.document, 'reprint'));
  };

  const doBatch = () => {
    // keep groups together, in issue order
    const chosen = docs.filter((d) => selected.includes(d.id)).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    onPrint(chosen);
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select style={{ width: 260 }} value={kindFilter} onChange={setKindFilter} options={[{ value: 'all', label: '全部文书' }, ...KIND_OPTIONS]} />
        <Button onClick={() => setSelected(docs.filter((d) => d.state === 'valid' && d.date === today).map((d) => d.id))}>选择今日签发的文书</Button>
        <Button type="primary" data-testid="batch-print" disabled={selected.length === 0} onClick={doBatch}>
          打印选中（含送达回证，{selected.length}份）
        </Button>
      </Space>
      <Table<IssuedDocument>
        rowKey="id"
        size="small"
        dataSource={shown}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (d) => ({ disabled: d.state !== 'valid' }) }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '文号', dataIndex: 'numberText', render: (v: string, d) => <span data-testid={`doc-number-${d.seq}`}>{v}</span> },
          { title: '文书', dataIndex: 'kind', render: (k: DocumentKind) => DOCUMENT_KIND_SHORT[k] },
          { title: '当事人', dataIndex: 'subjectName' },
          { title: '成文日期', dataIndex: 'date' },
          { title: '页数', dataIndex: 'pages' },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: string, d) => (s === 'valid' ? <Tag color="green">有效</Tag> : <Tag color="red" title={d.voidReason}>已作废（{d.voidReason}）</Tag>),
          },
          {
            title: '操作',
            render: (_: unknown, d) => (
              <Space>
                <Button size="small" data-testid="doc-view" onClick={() => void doView(d)}>
                  查看
                </Button>
                {d.state === 'valid' && (
                  <Button size="small" data-testid="doc-print" onClick={() => onPrint([d], 'reprint')}>
                    打印（含送达回证）
                  </Button>
                )}
                {d.state === 'valid' && (
                  <Button size="small" onClick={() => onCorrect(d)}>
                    更正
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PrintLog db={db} />
    </div>
  );
}

function PrintLog({ db }: { db: CreditDeskDb }) {
  const log = useLiveQuery(() => documentStore(db).printLog(), [db]) ?? [];
  if (log.length === 0) return null;
  const labels: Record<string, string> = { reprint: '重印', print: '打印', 'batch-print': '批量打印', download: '下载' };
  return (
    <Card size="small" title="打印与重印记录（查看不计入）" style={{ marginTop: 16 }} data-testid="print-log">
      <Table
        rowKey="id"
        size="small"
        dataSource={log.slice(0, 50)}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'at' },
          { title: '经办人', dataIndex: 'by' },
          { title: '操作', dataIndex: 'action', render: (a: string) => labels[a] ?? a },
          { title: '文书数', dataIndex: 'documentIds', render: (ids: string[]) => ids.length },
          { title: '页数', dataIndex: 'pages' },
          { title: 'SHA-256', dataIndex: 'sha256', render: (s: string) => `${s.slice(0, 12)}…` },
        ]}
      />
    </Card>
  );
}

/** A form control for one field; Form.Item injects id, value and onChange, which are passed on. */
function FieldInput({ spec, ...control }: { spec: FieldSpec } & Record<string, unknown>) {
  switch (spec.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...control} />;
    case 'lines':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="每行一项" {...control} />;
    case 'date':
      return <Input type="date" style={{ width: 200 }} {...control} />;
    case 'number':
      return <InputNumber min={1} {...control} />;
    case 'select':
      return <Select options={spec.options} style={{ width: 240 }} {...control} />;
    default:
      return <Input {...control} />;
  }
}

function IssueForm(props: {
  db: CreditDeskDb;
  deviceId: string;
  office: OfficeProfile;
  today: string;
  correcting: IssuedDocument | null;
  onDone: (docs: IssuedDocument[]) => void;
  onCancelCorrection: () => void;
}) {
  const { db, deviceId, office, today, correcting, onDone, onCancelCorrection } = props;
  const [form] = Form.useForm<FormValues>();
  const [kind, setKind] = useState<DocumentKind>('listing-decision');
  const [withNotice, setWithNotice] = useState(true);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const templates = useLiveQuery(async () => {
    const store = documentStore(db);
    const out: Partial<Record<DocumentKind, DocumentTemplate>> = {};
    for (const k of DOCUMENT_KINDS) out[k] = await store.latestTemplate(k);
    return out;
  }, [db]);

  useEffect(() => {
    if (correcting) {
      setKind(correcting.kind);
      setWithNotice(false);
      form.setFieldsValue({ ...formFromInput(correcting.input), date: today, correctionReason: '' });
    }
  }, [correcting, form, today]);

  const cases = useLiveQuery(() => db.cases.orderBy('updatedAt').reverse().limit(200).toArray(), [db]) ?? [];
  const [caseId, setCaseId] = useState<string | undefined>(undefined);
  const fillFromCase = async (id: string | undefined, k: DocumentKind) => {
    setCaseId(id);
    if (!id) return;
    const folded = await foldCase(db, id, today);
    if (!folded) return;
    const draft = draftFromCase(folded.state, k);
    const subject = draft.subject;
    form.setFieldsValue({
      caseId: id,
      ...(subject ? { subjectName: subject.name, subjectKind: subject.kind, subjectId: subject.idNumber, legalRepresentative: subject.legalRepresentative ?? '' } : {}),
      ...draft.fields,
    });
  };

  const submit = async () => {
    setRefusal(null);
    const values = form.getFieldsValue(true) as FormValues;
    setWorking(true);
    try {
      const renderer = await documentRenderer();
      const deps = makeDeps(db, deviceId, renderer);
      const service = { servingUnit: office.name, recipient: String(values.subjectName ?? ''), ...(values.subjectAddress ? { place: String(values.subjectAddress) } : {}) };
      if (kind === 'listing-decision' && withNotice && !correcting) {
        const out = await issueListingWithRepairNotice(deps, inputFromForm(kind, values, office) as never, companionNoticeFromForm(values, office), service, {
          listing: templates?.['listing-decision'],
          notice: templates?.['repair-notice'],
        });
        if (!out.ok) setRefusal(out.reason);
        else {
          form.resetFields();
          setCaseId(undefined);
          onDone([out.decision, out.notice]);
        }
        return;
      }
      const corrects = correcting ? { id: correcting.id, reason: String(values.correctionReason ?? '') } : undefined;
      const out = await issueDocument(deps, { input: inputFromForm(kind, values, office), template: templates?.[kind], service, ...(corrects ? { corrects } : {}) });
      if (!out.ok) setRefusal(out.reason);
      else {
        form.resetFields();
        setCaseId(undefined);
        onDone([out.document]);
      }
    } catch (error) {
      setRefusal((error as { messageZh?: string }).messageZh ?? (error instanceof Error ? error.message : String(error)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ date: today, subjectKind: 'legal-person', reviewDays: 60, litigationMonths: 6 }} style={{ maxWidth: 900 }} data-testid="issue-form">
      {correcting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`更正 ${correcting.numberText}：签发后原文书作废（原件保留），新文书取新文号。`}
          action={<Button size="small" onClick={onCancelCorrection}>取消更正</Button>}
        />
      )}
      <Space wrap align="end">
        <Form.Item label="文书种类">
          <Select
            style={{ width: 300 }}
            value={kind}
            onChange={(k: DocumentKind) => {
              setKind(k);
              if (caseId) void fillFromCase(caseId, k);
            }}
            options={KIND_OPTIONS}
            disabled={correcting !== null}
            data-testid="kind-select"
          />
        </Form.Item>
        <Form.Item label="所属案件（可选，自动填入当事人和日期）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            value={caseId}
            onChange={(id?: string) => void fillFromCase(id, kind)}
            options={cases.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.subjectLabel}（${c.stateLabel}）` }))}
            disabled={correcting !== null}
          />
        </Form.Item>
        {kind === 'listing-decision' && !correcting && (
          <Form.Item>
            <Checkbox checked={withNotice} onChange={(e) => setWithNotice(e.target.checked)}>
              同时签发《信用修复告知书》（两书同达）
            </Checkbox>
          </Form.Item>
        )}
        {kind === 'listing-decision' && !correcting && (
          <Form.Item>
            <Button data-testid="fill-sample" onClick={() => form.setFieldsValue(sampleListingValues(today, office))}>
              填入示例（培训用）
            </Button>
          </Form.Item>
        )}
      </Space>
      <Card size="small" title="当事人" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Form.Item name="subjectName" label="名称或姓名">
            <Input style={{ width: 320 }} data-testid="subject-name" />
          </Form.Item>
          <Form.Item name="subjectKind" label="类别">
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'legal-person', label: '法人及非法人组织' },
                { value: 'individual-business', label: '个体工商户' },
                { value: 'natural-person', label: '自然人' },
              ]}
            />
          </Form.Item>
          <Form.Item name="subjectId" label="统一社会信用代码/身份证号码">
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="legalRepresentative" label="法定代表人（负责人）">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="subjectAddress" label="住所（送达地点）">
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="date" label="成文日期">
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Card>
      <Card size="small" title={DOCUMENT_KIND_NAMES[kind]} style={{ marginBottom: 12 }}>
        {KIND_FIELDS[kind].map((spec) => (
          <Form.Item key={spec.name} name={spec.name} label={spec.label}>
            <FieldInput spec={spec} />
          </Form.Item>
        ))}
        {hasMeasures(kind) && (
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <div>
                <Typography.Text strong>{kind === 'listing-decision' ? '失信惩戒措施及其期限' : '拟采取的失信惩戒措施'}</Typography.Text>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'text']}>
                      <Input placeholder="措施（须为已公布清单内的措施）" style={{ width: 420 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'period']}>
                      <Input placeholder="实施期限" style={{ width: 240 }} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>删除</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ text: '', period: '列入名单期间' })}>添加措施</Button>
              </div>
            )}
          </Form.List>
        )}
      </Card>
      {kind === 'listing-decision' && withNotice && !correcting && (
        <Card size="small" title="信用修复告知书（与决定书同时送达）" style={{ marginBottom: 12 }}>
          {COMPANION_NOTICE_FIELDS.map((spec) => (
            <Form.Item key={spec.name} name={spec.name} label={spec.label}>
              <FieldInput spec={spec} />
            </Form.Item>
          ))}
        </Card>
      )}
      {correcting && (
        <Form.Item name="correctionReason" label="更正理由（必填）">
          <Input />
        </Form.Item>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="issue-refusal" />}
      <Button type="primary" loading={working} onClick={() => void submit()} data-testid="issue-submit">
        {correcting ? '签发更正文书' : '签发'}
      </Button>
    </Form>
  );
}

function NumberBlocks(props: { db: CreditDeskDb; deviceId: string; office: OfficeProfile; today: string }) {
  const { db, deviceId, office, today } = props;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ kind: DocumentKind; year: number; deviceId: string; first: number; last: number }>();
  const data = useLiveQuery(async () => {
    const store = documentStore(db);
    const blocks = await store.listBlocks();
    const ledger = await store.ledger();
    const remaining = await Promise.all(blocks.map((b) => store.remaining(b, b.deviceId)));
    return { blocks, ledger, remaining };
  }, [db]);

  const add = async () => {
    const v = form.getFieldsValue(true) as { kind: DocumentKind; year: number; deviceId: string; first: number; last: number };
    const block: NumberBlock = {
      id: newId(),
      officeId: office.officeId,
      kind: v.kind,
      year: Number(v.year),
      deviceId: String(v.deviceId ?? '').trim(),
      first: Number(v.first),
      last: Number(v.last),
      assignedAt: nowIso(),
      assignedBy: currentActor().name,
      source: 'admin',
    };
    const result = await documentStore(db).addBlock(block);
    if (!result.ok) void message.error(result.reason);
    else void message.success(`已为设备 ${block.deviceId} 分配 ${seriesLabel(block)} ${block.first}–${block.last} 号。`);
  };

  const voided = (data?.ledger ?? []).filter((e) => e.state !== 'issued');
  return (
    <div>
      <Typography.Paragraph type="secondary">
        每台设备只能使用分配给它的号段，离线签发也不会重号。号段由管理员分配（接入市级平台后由平台下发）；不同设备的号段不得重叠。本机设备号：
        <Typography.Text code copyable data-testid="device-id">
          {deviceId}
        </Typography.Text>
      </Typography.Paragraph>
      <Card size="small" title="分配号段" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ kind: 'listing-decision', year: yearOf(today), deviceId, first: 1, last: 100 }} data-testid="block-form">
          <Form.Item name="kind" label="文书">
            <Select style={{ width: 200 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_SHORT[k] }))} data-testid="block-kind" />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="deviceId" label="设备">
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="first" label="起号">
            <InputNumber min={1} data-testid="block-first" />
          </Form.Item>
          <Form.Item name="last" label="止号">
            <InputNumber min={1} data-testid="block-last" />
          </Form.Item>
          <Button type="primary" onClick={() => void add()} data-testid="block-add">
            分配
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.blocks ?? []}
        pagination={false}
        columns={[
          { title: '文号序列', render: (_: unknown, b: NumberBlock) => seriesLabel(b) },
          { title: '设备', dataIndex: 'deviceId', render: (d: string) => (d === deviceId ? <Tag color="blue">本机</Tag> : d) },
          { title: '号段', render: (_: unknown, b: NumberBlock) => `${b.first}–${b.last}` },
          { title: '剩余', render: (_: unknown, _b: NumberBlock, i: number) => data?.remaining[i] ?? '' },
          { title: '分配人', dataIndex: 'assignedBy' },
        ]}
      />
      <Card size="small" title="作废与未完成的文号" style={{ marginTop: 16 }}>
        {voided.length === 0 ? (
          <Typography.Text type="secondary">没有作废的文号。</Typography.Text>
        ) : (
          <Table
            rowKey="id"
            size="small"
            dataSource={voided}
            pagination={false}
            columns={[
              { title: '文号序列', render: (_: unknown, e: (typeof voided)[number]) => seriesLabel(e) },
              { title: '序号', dataIndex: 'seq' },
              { title: '状态', dataIndex: 'state', render: (s: string) => (s === 'voided' ? <Tag color="red">作废</Tag> : <Tag color="orange">签发中</Tag>) },
              { title: '原因', dataIndex: 'voidReason' },
              { title: '时间', dataIndex: 'voidedAt' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function Templates({ db }: { db: CreditDeskDb }) {
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<DocumentKind>('listing-decision');
  const versions = useLiveQuery(() => documentStore(db).templateVersions(kind), [db, kind]) ?? [];
  const latest = versions.at(-1) ?? DEFAULT_TEMPLATES[kind];
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft({ ...latest.paragraphs }), [latest]);
  const save = async () => {
    for (const key of paragraphKeys(kind, latest)) {
      const lost = droppedPlaceholders(kind, key, draft[key]);
      if (lost.length > 0) {
        void message.error(`“${paragraphLabel(kind, key)}”必须保留 ${lost.map(describePlaceholder).join('、')}（法定必备内容）。`);
        return;
      }
    }
    const saved = await documentStore(db).saveTemplate(kind, draft, nowIso(), currentActor().name);
    void message.success(`已保存为第${saved.version}版，之后签发的文书使用新版本；已签发文书保留原版本。`);
  };

  return (
    <div style={{ maxWidth: 900 }} data-testid="templates">
      <Space style={{ marginBottom: 12 }}>
        <Select style={{ width: 300 }} value={kind} onChange={setKind} options={KIND_OPTIONS} />
        <Typography.Text type="secondary">当前第{latest.version}版（共{versions.length}版）</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        可修改固定段落的措辞。双花括号中的英文名（如 {'{{reviewDays}}'}）是签发时自动填入的内容，须原样保留；标为“必备”的不能删除（期限、救济途径等法定要素）。
      </Typography.Paragraph>
      {paragraphKeys(kind, latest).map((key) => {
        const slots = paragraphPlaceholders(kind, key);
        const mustKeep = slots.filter((p) => p.required);
        const mayUse = slots.filter((p) => !p.required);
        return (
          <Form.Item key={key} label={<Typography.Text strong data-testid={`paragraph-label-${key}`}>{paragraphLabel(kind, key)}</Typography.Text>} layout="vertical" style={{ marginBottom: 16 }}>
            <Input.TextArea autoSize={{ minRows: 2 }} value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} aria-label={paragraphLabel(kind, key)} />
            {(mustKeep.length > 0 || mayUse.length > 0) && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 0 }}>
                {mustKeep.length > 0 && (
                  <span>
                    <Tag color="red">必备</Tag>
                    {mustKeep.map((p) => describePlaceholder(p.name)).join('、')}
                  </span>
                )}
                {mayUse.length > 0 && <span>{`${mustKeep.length > 0 ? '；' : ''}可用：${mayUse.map((p) => describePlaceholder(p.name)).join('、')}`}</span>}
              </Typography.Paragraph>
            )}
          </Form.Item>
        );
      })}
      <Space>
        <Button type="primary" onClick={() => void save()}>
          保存为新版本
        </Button>
        <Button onClick={() => setDraft({ ...DEFAULT_TEMPLATES[kind].paragraphs })}>恢复默认措辞</Button>
      </Space>
    </div>
  );
}

function OfficeAndFonts({ db }: { db: CreditDeskDb }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DocumentOfficeSettings>();
  const settings = useLiveQuery(() => loadDocumentSettings(db), [db]);
  const [fonts, setFonts] = useState<{ family: string; label: string; source: string; glyphs: number }[]>([]);
  const [choice, setChoice] = useState<FontChoice | null>(null);

  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [settings, form]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await documentRenderer();
      const ready = await r.ready.catch(() => []);
      const available = await availableFonts();
      if (!live) return;
      setFonts(ready);
      setChoice(loadFontChoice(available.map((f) => f.family)));
    })();
    return () => {
      live = false;
    };
  }, []);

  const fontOptions = fonts.map((f) => ({ value: f.family, label: `${f.label}（${f.glyphs}字）` }));
  const pickRole = (role: keyof FontChoice, family: string) => {
    if (!choice) return;
    const fallback = role === 'body' ? [BUNDLED_BODY, BUNDLED_TITLE] : [BUNDLED_TITLE, BUNDLED_BODY];
    const next = { ...choice, [role]: [family, ...fallback.filter((f) => f !== family)] };
    setChoice(next);
    void changeFontChoice(next).then(() => message.success('字体已更换，之后生成的文书使用新字体。'));
  };

  return (
    <div style={{ maxWidth: 900 }}>
      <Card size="small" title="机关信息（印在文书上）" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          data-testid="doc-office-form"
          onFinish={(values) => void saveDocumentSettings(db, { ...settings, ...values }).then(() => message.success('已保存。'))}
        >
          <Form.Item name="name" label="发文机关名称（留空则用“设置”中的机关名称）">
            <Input data-testid="doc-office-name" />
          </Form.Item>
          <Form.Item name="numberPrefix" label="发文机关代字（文号前缀，如“某发改信用”→ 某发改信用〔2026〕15号）">
            <Input data-testid="doc-office-prefix" />
          </Form.Item>
          <Form.Item name="letterhead" label="红色发文机关标志（可选，如“某某县发展和改革局文件”）">
            <Input />
          </Form.Item>
          <Form.Item name="reviewBody" label="行政复议机关">
            <Input data-testid="doc-office-review" />
          </Form.Item>
          <Form.Item name="court" label="行政诉讼法院">
            <Input data-testid="doc-office-court" />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item label="电子印章图片（可选，PNG；不设置则留出盖章位置）">
            <input
              type="file"
              accept="image/png,image/jpeg"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const reader = new FileReader();
                reader.onload = () => form.setFieldValue('sealImage', String(reader.result));
                reader.readAsDataURL(file);
              }}
            />
          </Form.Item>
          <Form.Item name="sealImage" hidden>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="doc-office-save">
            保存
          </Button>
        </Form>
      </Card>
      <Card size="small" title="字体">
        <Typography.Paragraph type="secondary">
          内置开源字体（思源宋体、思源黑体）始终可用；桌面版可使用本机的仿宋、黑体、宋体等。某字在所选字体中没有时自动改用其他字体显示；所有字体都没有的字会拒绝签发并指出该字。
        </Typography.Paragraph>
        <Table
          rowKey="family"
          size="small"
          pagination={false}
          dataSource={fonts}
          columns={[
            { title: '字体', dataIndex: 'label' },
            { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'bundled' ? '内置' : '本机') },
            { title: '字数', dataIndex: 'glyphs' },
          ]}
        />
        {choice && (
          <Space style={{ marginTop: 12 }} wrap>
            <span>正文：</span>
            <Select style={{ width: 240 }} value={choice.body[0]} options={fontOptions} onChange={(v) => pickRole('body', v)} />
            <span>标题：</span>
            <Select style={{ width: 240 }} value={choice.title[0]} options={fontOptions} onChange={(v) => pickRole('title', v)} />
            <span>小标题：</span>
            <Select style={{ width: 240 }} value={choice.heading[0]} options={fontOptions} onChange={(v) => pickRole('heading', v)} />
          </Space>
        )}
      </Card>
    </div>
  );
}
