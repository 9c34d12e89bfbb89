/**
 * 签发文书: a document of a case, filled from the folded case. The officer picks the case, the kind and
 * the 成文日期, sees every case-derived field and date read-only (with the article it counts by), and
 * writes only what the case cannot know; issuing refuses when a printed date differs from the case.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { issueCaseDocument, prepareCaseDocument, recentCases, type CaseDocumentRequest, type PreparedCaseDocument } from '../../desk/documents';
import type { IssuedDocument } from '../../../../shared/documents/issued';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentInput, type DocumentKind } from '../../../../shared/documents/types';
import type { OfficeProfile } from '../../../../shared/office/profile';
import { formatChineseDate } from '../../../../shared/documents/format';
import { findMeasure } from '../../../../shared/rules/measures';
import { parseDateInput } from '../../../../shared/util/parse-date';
import type { ServiceMethod } from '../../../../shared/case/events';
import { OFFICER_FIELDS, officerValuesOf, type OfficerField } from '../../documents/forms';
import { documentRenderer } from '../../documents/service';
import { SERVICE_METHOD_LABELS, optionsOf } from '../../components/labels';
import { DateInput } from '../../components/DateInput';
import { errorTextZh } from '../../format/error-text';

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

type Values = Record<string, unknown> & { date?: string; serviceOn?: string; recipients?: string; method?: ServiceMethod; correctionReason?: string };

function dateOf(value: unknown): string | null {
  const r = parseDateInput(typeof value === 'string' ? value : '');
  return r.ok ? r.date : null;
}

/** The case-derived content of a document, as the officer checks it before issuing. */
function CaseFilled({ input }: { input: DocumentInput }) {
  const d = (date: string | null | undefined) => (date ? formatChineseDate(date) : '—');
  const notes = input.certaintyNotes ?? {};
  const marked = (field: string, text: string) => (
    <span>
      {text}
      {notes[field] ? <Tag color="orange" style={{ marginLeft: 8 }}>{notes[field]}</Tag> : null}
    </span>
  );
  const items: { label: string; value: ReactNode }[] = [
    { label: '当事人', value: `${input.subject.name}${input.subject.idNumber ? `（${input.subject.idNumber}）` : ''}` },
    { label: '发文机关', value: input.office.name },
  ];
  switch (input.kind) {
    case 'prior-notice':
      items.push({ label: '陈述、申辩期限', value: marked('statementDeadline', `${input.statementPeriodText}，至${d(input.statementDeadline)}`) }, { label: '事实和理由', value: input.facts }, { label: '依据', value: input.basis });
      break;
    case 'listing-decision':
      items.push(
        { label: '列入理由', value: input.facts },
        { label: '列入依据', value: input.basis },
        { label: '列入期限', value: marked('validity.to', `${input.validity.text}，自${d(input.validity.from)}起算，至${d(input.validity.to)}届满（${input.validity.basis}）`) },
        { label: '移出条件', value: input.removalConditions },
        { label: '附件：信用修复告知书', value: marked('repairNotice.earliestApplyDate', input.repairNotice.earliestApplyDate ? `自${d(input.repairNotice.earliestApplyDate)}起可以申请信用修复；最长公示至${d(input.repairNotice.latestEndDate)}` : `本次列入期间不得申请信用修复（${input.repairNotice.barBasis ?? ''}）`) },
      );
      break;
    case 'objection-acceptance':
      items.push({ label: '收到异议', value: d(input.receivedDate) }, { label: '答复期限', value: marked('replyDeadline', `${d(input.replyDeadline)}前`) });
      break;
    case 'objection-decision':
      items.push({ label: '收到异议', value: d(input.receivedDate) }, { label: '处理结果', value: input.outcome === 'rejected' ? '不予采纳' : input.outcome === 'upheld_remove' ? '采纳，移出名单' : '采纳，予以更正' }, { label: '理由', value: input.reasons || '—' });
      break;
    case 'repair-acceptance':
      items.push({ label: '申请日期', value: d(input.applicationDate) }, { label: '作出决定的期限', value: marked('decisionDeadline', `${d(input.decisionDeadline)}前`) });
      break;
    case 'repair-decision':
      items.push({ label: '申请日期', value: d(input.applicationDate) }, { label: '决定', value: input.outcome === 'granted' ? `准予信用修复，自${d(input.effectiveDate)}起生效` : '不予信用修复' });
      break;
    case 'removal-decision':
      items.push({ label: '原列入决定', value: `${input.listingNumber}（${d(input.listingDate)}）` }, { label: '移出日期', value: d(input.removalDate) });
      break;
  }
  return (
    <Descriptions bordered size="small" column={1} data-testid="issue-case-filled">
      {items.map((i) => (
        <Descriptions.Item key={i.label} label={i.label}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{i.value}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function OfficerInput({ field, measureCodes, ...control }: { field: OfficerField; measureCodes: readonly string[] } & Record<string, unknown>) {
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`officer-${field.name}`} {...control} />;
    case 'lines':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="每行一项" data-testid={`officer-${field.name}`} {...control} />;
    case 'measures':
      return (
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={measureCodes.map((code) => ({ value: code, label: findMeasure(code)?.label ?? code }))}
          data-testid={`officer-${field.name}`}
          {...control}
        />
      );
    default:
      return <Input data-testid={`officer-${field.name}`} {...control} />;
  }
}

export function IssueForm(props: {
  deviceId: string;
  office: OfficeProfile;
  today: string;
  /** Preselected from a case page (签发列入决定书 …). */
  initialCaseId?: string;
  initialKind?: DocumentKind;
  correcting: IssuedDocument | null;
  onDone: (docs: IssuedDocument[]) => void;
  onCancelCorrection: () => void;
}) {
  const { deviceId, today, correcting, onDone, onCancelCorrection } = props;
  const desk = useDesk();
  const [form] = Form.useForm<Values>();
  const [caseId, setCaseId] = useState<string | undefined>(correcting?.caseId || props.initialCaseId);
  const [kind, setKind] = useState<DocumentKind>((correcting?.kind as DocumentKind | undefined) ?? props.initialKind ?? 'listing-decision');
  const [prepared, setPrepared] = useState<({ ok: true } & PreparedCaseDocument) | { ok: false; reason: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const cases = useDeskQuery((d) => recentCases(d), []) ?? [];
  const date = Form.useWatch('date', form);
  const serviceOn = Form.useWatch('serviceOn', form);
  const recipients = Form.useWatch('recipients', form);
  const method = Form.useWatch('method', form);

  // The PDF worker and its fonts start while the officer fills the form, so 签发 → preview waits
  // only for the document's own rendering (the first start takes seconds on an office laptop).
  useEffect(() => {
    void documentRenderer().catch((error: unknown) => console.warn('[documents] PDF worker did not start early', error));
  }, []);

  useEffect(() => {
    if (correcting) {
      setCaseId(correcting.caseId);
      setKind(correcting.kind as DocumentKind);
    }
  }, [correcting]);

  const request = useMemo((): CaseDocumentRequest | null => {
    const on = dateOf(date ?? today);
    if (!caseId || !on) return null;
    const service = kind === 'prior-notice' ? { occurredOn: dateOf(serviceOn ?? on) ?? on, recipients: String(recipients ?? '').split(/[，,、\n]/).map((s) => s.trim()).filter(Boolean), method: method ?? 'direct' } : undefined;
    return { caseId, kind, date: on, ...(service ? { service } : {}), ...(correcting ? { corrects: { id: correcting.id, reason: '' } } : {}) };
  }, [caseId, kind, date, serviceOn, recipients, method, today, correcting]);

  useEffect(() => {
    let live = true;
    if (!request) {
      setPrepared(null);
      return;
    }
    void prepareCaseDocument(desk, request).then((p) => {
      if (!live) return;
      setPrepared(p);
      if (p.ok) {
        const current = form.getFieldsValue(true) as Values;
        const initial = officerValuesOf(p.input);
        // Keep what the officer already typed; fill what is still empty from the case.
        form.setFieldsValue(Object.fromEntries(Object.entries(initial).filter(([k]) => current[k] === undefined || current[k] === '')));
        if (kind === 'prior-notice' && !current.recipients) form.setFieldsValue({ recipients: p.input.subject.name });
      }
    });
    return () => {
      live = false;
    };
  }, [desk, request, form, kind]);

  const submit = async () => {
    setRefusal(null);
    if (!request) {
      setRefusal('请选择案件并填写有效的成文日期（如 2026-11-04 或 2026年11月4日）');
      return;
    }
    const values = form.getFieldsValue(true) as Values;
    const officer = Object.fromEntries(OFFICER_FIELDS[kind].map((f) => [f.name, values[f.name] as string | string[] | undefined]));
    const corrects = correcting ? { id: correcting.id, reason: String(values.correctionReason ?? '') } : undefined;
    setWorking(true);
    try {
      const renderer = await documentRenderer();
      const out = await issueCaseDocument(desk, renderer, deviceId, { ...request, officer, ...(corrects ? { corrects } : {}) });
      if (!out.ok) setRefusal(out.reason);
      else {
        form.resetFields();
        onDone([out.document]);
      }
    } catch (error) {
      setRefusal(errorTextZh(error, '文书没有签发'));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ date: today, method: 'direct' }} style={{ maxWidth: 900 }} data-testid="issue-form">
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
        <Form.Item label="所属案件">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 360 }}
            value={caseId}
            placeholder="选择案件（文书内容由案件填入）"
            onChange={(id: string) => setCaseId(id)}
            options={cases.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.subjectLabel}（${c.stateLabel}）` }))}
            disabled={correcting !== null}
            data-testid="issue-case"
          />
        </Form.Item>
        <Form.Item label="文书种类">
          <Select style={{ width: 300 }} value={kind} onChange={(k: DocumentKind) => setKind(k)} options={KIND_OPTIONS} disabled={correcting !== null} data-testid="kind-select" />
        </Form.Item>
        <Form.Item label="成文日期" name="date" rules={[{ validator: async (_, v: string) => { const r = parseDateInput(v); if (!r.ok) throw new Error(r.reason); } }]}>
          <DateInput testId="issue-date" />
        </Form.Item>
      </Space>
      {kind === 'prior-notice' && !correcting && (
        <Card size="small" title="送达（陈述申辩期限自送达之日起计算）" style={{ marginBottom: 12 }}>
          <Space wrap>
            <Form.Item label="送达日期" name="serviceOn">
              <DateInput placeholder="默认为成文日期" testId="issue-service-on" />
            </Form.Item>
            <Form.Item label="受送达人（多个用逗号分隔）" name="recipients">
              <Input style={{ width: 320 }} data-testid="issue-recipients" />
            </Form.Item>
            <Form.Item label="送达方式" name="method">
              <Select style={{ width: 160 }} options={optionsOf(SERVICE_METHOD_LABELS)} />
            </Form.Item>
          </Space>
        </Card>
      )}
      {prepared && !prepared.ok && <Alert type="warning" showIcon title={`暂不能签发：${prepared.reason}`} style={{ marginBottom: 12 }} data-testid="issue-not-ready" />}
      {prepared?.ok && (
        <>
          <Card size="small" title={`${prepared.title}（以下内容由案件填入，签发时逐项核对）`} style={{ marginBottom: 12 }}>
            <CaseFilled input={prepared.input} />
          </Card>
          {OFFICER_FIELDS[kind].length > 0 && (
            <Card size="small" title="经办人填写" style={{ marginBottom: 12 }}>
              {OFFICER_FIELDS[kind].map((f) => (
                <Form.Item key={f.name} name={f.name} label={f.label} extra={f.help}>
                  <OfficerInput field={f} measureCodes={prepared.measureCodes} />
                </Form.Item>
              ))}
            </Card>
          )}
        </>
      )}
      {correcting && (
        <Form.Item name="correctionReason" label="更正理由（必填）">
          <Input data-testid="correction-reason" />
        </Form.Item>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="issue-refusal" />}
      <Space>
        <Button type="primary" loading={working} disabled={!prepared?.ok} onClick={() => void submit()} data-testid="issue-submit">
          {correcting ? '签发更正文书' : '签发'}
        </Button>
        <Typography.Text type="secondary">签发后取本机号段中的下一个文号；签发失败的文号登记作废，不会重用。</Typography.Text>
      </Space>
    </Form>
  );
}
