/**
 * The procedure as actions: each button appends one event through shared/'s life cycle (via the
 * store's appendCaseEvent). Availability and refusals (with their reasons) come from shared/.
 */
import { DateInput } from './DateInput';
import { Alert, Button, Card, Checkbox, Dropdown, Form, Input, Radio, Select, Space, Typography, type MenuProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseEventType } from '../../../shared/case/events';
import { CASE_EVENT_LABELS, OBJECTION_OUTCOME_LABELS } from '../../../shared/case/events';
import type { CaseState, Deadline } from '../../../shared/case/state';
import { nextActs } from '../../../shared/case/next-acts';
import { OBJECTION_STAGE_LABELS, REPAIR_STAGE_LABELS, isRepairOpen } from '../../../shared/case/state';
import { PAUSE_KIND_LABELS } from '../../../shared/rules/types';
import { findMeasure } from '../../../shared/rules/measures';
import { PUBLICATION_PROFILE_LABELS } from '../../../shared/masking/types';
import { parseDateInput } from '../../../shared/util/parse-date';
import { recordAct, type BasisDocumentRow, type CaseEventRow, type CaseRulesContext } from '../desk';
import { canPerform, repairsAwaiting } from '../../../shared/case/can-perform';
import { prematureRepairReason, proportionalityLabel } from '../../../shared/case/explain';
import { jointProgress } from '../../../shared/case/joint';
import { navigate } from '../router';
import { useDesk } from '../stores/app-store';
import {
  OBJECTION_GROUND_LABELS,
  REMOVAL_REASON_LABELS,
  REPAIR_METHOD_LABELS,
  REVOCATION_LABELS,
  SERVICE_METHOD_LABELS,
  optionsOf,
} from './labels';

/** An issued document of the case (what 送达 refers to). */
type CaseDocumentRef = { id: string; kind: string; title: string; numberText: string; state: string };
type Ctx = { state: CaseState; events: CaseEventRow[]; recipients: string[]; basisDocs: BasisDocumentRow[]; issuedDocs: CaseDocumentRef[]; caseCtx: CaseRulesContext; ids: () => string };

const canDo = (c: Ctx, type: CaseEventType) => canPerform(c.state, { type } as never, c.caseCtx);
type Opt = { value: string; label: string };
type Field = {
  name: string;
  /** A label that cites the case's own rule set is computed from the case. */
  label: string | ((c: Ctx) => string);
  /** tags: a list typed one entry at a time (Enter or a comma ends an entry); multi: several options. */
  kind: 'text' | 'textarea' | 'select' | 'radio' | 'checks' | 'bool' | 'tags' | 'multi';
  options?: (c: Ctx) => Opt[];
  required?: boolean;
  initial?: (c: Ctx) => unknown;
  help?: string;
};
type Spec = {
  type: CaseEventType;
  group: string;
  fields: Field[];
  build: (v: Record<string, unknown>, c: Ctx) => unknown;
  /** The issued document the act refers to (送达 of a decision of the case). */
  documentId?: (v: Record<string, unknown>) => string | undefined;
};

/** Acts recorded by issuing their document (签发文书): the button opens the issue form for the case. */
const ISSUED_ACTS: Partial<Record<CaseEventType, { group: string; kind: string; label: string }>> = {
  pre_notice_served: { group: '列入程序', kind: 'prior-notice', label: '签发并送达事先告知书' },
  listed: { group: '列入程序', kind: 'listing-decision', label: '签发列入决定书' },
};

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown) => str(v).split(/[，,、;；\n]/).map((s) => s.trim()).filter(Boolean);
const openObjections = (c: Ctx): Opt[] => c.state.objections.filter((o) => o.decidedOn === null).map((o) => ({ value: o.objectionId, label: `${o.receivedOn} 收到的异议（${OBJECTION_STAGE_LABELS[o.stage]}）` }));
const allObjections = (c: Ctx): Opt[] => c.state.objections.map((o) => ({ value: o.objectionId, label: `${o.receivedOn} 收到的异议（${OBJECTION_STAGE_LABELS[o.stage]}）` }));
/** The applications this act can answer, as shared/ decides it. */
const repairOptions = (act: 'repair_reviewed' | 'repair_decided') => (c: Ctx): Opt[] =>
  repairsAwaiting(c.state, act, c.caseCtx.ruleSet).map((r) => ({ value: r.repairId, label: `${r.appliedOn} 的修复申请（${REPAIR_STAGE_LABELS[r.stage]}）` }));
const first = (f: (c: Ctx) => Opt[]) => (c: Ctx) => f(c)[0]?.value;
/** The open repair application filed before the subject could apply (it is answered with 不予受理). */
const openPremature = (c: Ctx) => c.state.repairs.find((r) => isRepairOpen(r) && r.premature);
const labelOf = (f: Field, c: Ctx): string => (typeof f.label === 'function' ? f.label(c) : f.label);
const basisOptions = (c: Ctx): Opt[] => c.basisDocs.map((b) => ({ value: b.docNo, label: `${b.docNo}（${b.issuingAuthority}）` }));
const strings = (v: unknown) => (Array.isArray(v) ? v : [v]).flatMap((x) => list(x));
/** 实施部门 as shared/ knows them, with what each has done so far (from the recorded events). */
const jointUnitOptions = (done: 'responded' | 'feedback') => (c: Ctx): Opt[] =>
  jointProgress(c.state).units.map((u) => {
    const status = done === 'responded' ? (u.respondedOn ? `已于${u.respondedOn}响应` : '尚未响应') : u.feedbackOn ? `已于${u.feedbackOn}反馈` : u.respondedOn ? `已于${u.respondedOn}响应，待反馈` : '尚未响应';
    return { value: u.unit, label: `${u.unit}（${status}）` };
  });
const firstUnit = (done: 'responded' | 'feedback') => (c: Ctx) => {
  const units = jointProgress(c.state).units;
  const next = done === 'responded' ? units.find((u) => !u.respondedOn) : units.find((u) => u.respondedOn && !u.feedbackOn);
  return (next ?? units[0])?.unit;
};
const measureOptions = (c: Ctx): Opt[] => c.caseCtx.ruleSet.measureCodes.map((code) => { const m = findMeasure(code); return { value: code, label: m ? `${m.label}（${m.basis}）` : code }; });

const SPECS: Spec[] = [
  { type: 'statement_received', group: '列入程序', fields: [
    { name: 'summary', label: '陈述申辩要点', kind: 'textarea', required: true },
    { name: 'accepted', label: '是否采纳', kind: 'radio', options: () => [{ value: 'no', label: '不采纳' }, { value: 'yes', label: '采纳' }], initial: () => 'no' },
    { name: 'note', label: '说明', kind: 'textarea' },
  ], build: (v) => ({ summary: str(v.summary), accepted: v.accepted === 'yes', ...(str(v.note) ? { note: str(v.note) } : {}) }) },
  { type: 'exempted', group: '列入程序', fields: [{ name: 'reason', label: '免于惩戒理由（轻微偶发、及时改正、未造成危害后果）', kind: 'textarea', required: true }], build: (v) => ({ reason: str(v.reason) }) },
  { type: 'served', group: '列入程序', fields: [
    { name: 'document', label: '送达的文书（本案已签发的文书）', kind: 'select', required: true, options: (c) => [...c.issuedDocs.filter((d) => d.state === 'valid').map((d) => ({ value: d.id, label: `《${d.title}》${d.numberText}` })), { value: 'listing-notice', label: '列入告知书（向主要责任人等送达）' }, { value: 'other', label: '其他文书' }], initial: (c) => c.issuedDocs.find((d) => d.state === 'valid' && d.kind === 'listing-decision')?.id },
    { name: 'documentNo', label: '文书文号（仅“其他文书”或“列入告知书”填写）', kind: 'text' },
    { name: 'recipients', label: '受送达人（多个用逗号分隔）', kind: 'text', required: true, initial: (c) => c.recipients.join('，') },
    { name: 'method', label: '送达方式', kind: 'select', options: () => optionsOf(SERVICE_METHOD_LABELS), initial: () => 'direct' },
    { name: 'regardingId', label: '所答复的异议或修复申请（如有）', kind: 'select', options: (c) => [...allObjections(c), ...c.state.repairs.map((r) => ({ value: r.repairId, label: `${r.appliedOn} 的修复申请` }))] },
  ], build: (v, c) => {
    const doc = c.issuedDocs.find((d) => d.id === v.document);
    return { documentKind: doc ? doc.kind : v.document, documentNo: doc ? doc.numberText : str(v.documentNo), recipients: list(v.recipients), method: v.method, regardingId: (v.regardingId as string) || null };
  }, documentId: (v) => (typeof v.document === 'string' && v.document !== 'other' && v.document !== 'listing-notice' ? v.document : undefined) },
  { type: 'published', group: '列入程序', fields: [
    { name: 'channels', label: '公示渠道（多个用逗号分隔）', kind: 'text', required: true, initial: () => '信用中国（地方站）' },
    { name: 'profile', label: '公示方式', kind: 'select', options: (c) => optionsOf(PUBLICATION_PROFILE_LABELS).filter((o) => o.value !== 'full' || c.caseCtx.ruleSet.publicationProfile === 'full'), initial: (c) => c.caseCtx.ruleSet.publicationProfile },
  ], build: (v) => ({ channels: list(v.channels), profile: v.profile }) },
  { type: 'objection_received', group: '异议', fields: [
    { name: 'applicant', label: '异议申请人', kind: 'text', required: true, initial: (c) => c.recipients[0] ?? '' },
    { name: 'grounds', label: '异议事由', kind: 'checks', options: () => optionsOf(OBJECTION_GROUND_LABELS), initial: () => ['error'] },
    { name: 'reasons', label: '异议理由（书面）', kind: 'textarea', required: true },
    { name: 'concernsListing', label: '针对列入决定本身（复核）', kind: 'bool', initial: () => false },
    { name: 'channel', label: '提出渠道', kind: 'select', options: () => [{ value: 'written', label: '书面' }, { value: 'credit_china', label: '信用中国网站' }, { value: 'platform', label: '信用平台' }, { value: 'other', label: '其他' }], initial: () => 'written' },
  ], build: (v, c) => ({ objectionId: c.ids(), applicant: str(v.applicant), grounds: (v.grounds as string[]) ?? [], reasons: str(v.reasons), concernsListing: !!v.concernsListing, channel: v.channel }) },
  { type: 'objection_marked', group: '异议', fields: [{ name: 'objectionId', label: '异议', kind: 'select', options: openObjections, initial: first(openObjections), required: true }], build: (v) => ({ objectionId: v.objectionId }) },
  { type: 'assist_requested', group: '异议', fields: [
    { name: 'objectionId', label: '异议', kind: 'select', options: openObjections, initial: first(openObjections), required: true },
    { name: 'toUnit', label: '协助核查单位', kind: 'text', required: true },
  ], build: (v, c) => ({ objectionId: v.objectionId, assistId: c.ids(), toUnit: str(v.toUnit) }) },
  { type: 'assist_replied', group: '异议', fields: [
    { name: 'assist', label: '协助核查请求', kind: 'select', required: true, options: (c) => c.state.objections.flatMap((o) => o.assists.filter((a) => a.repliedOn === null).map((a) => ({ value: `${o.objectionId}|${a.assistId}`, label: `${a.toUnit}（${a.requestedOn}）` }))) },
    { name: 'result', label: '核查结果', kind: 'textarea', required: true },
  ], build: (v) => { const [objectionId, assistId] = str(v.assist).split('|'); return { objectionId, assistId, result: str(v.result) }; } },
  { type: 'clock_paused', group: '异议', fields: [
    { name: 'scopeId', label: '异议', kind: 'select', options: openObjections, initial: first(openObjections), required: true },
    { name: 'kind', label: '中止事由', kind: 'select', options: () => optionsOf(PAUSE_KIND_LABELS), initial: () => 'appraisal' },
    { name: 'note', label: '说明', kind: 'text' },
  ], build: (v, c) => ({ pauseId: c.ids(), kind: v.kind, scopeId: v.scopeId, ...(str(v.note) ? { note: str(v.note) } : {}) }) },
  { type: 'clock_resumed', group: '异议', fields: [
    { name: 'pauseId', label: '中止记录', kind: 'select', required: true, options: (c) => c.events.filter((e) => e.type === 'clock_paused' && !c.events.some((r) => r.type === 'clock_resumed' && r.payload.pauseId === (e.payload as { pauseId: string }).pauseId)).map((e) => ({ value: (e.payload as { pauseId: string }).pauseId, label: `${e.occurredOn} ${PAUSE_KIND_LABELS[(e.payload as { kind: keyof typeof PAUSE_KIND_LABELS }).kind]}` })) },
  ], build: (v) => ({ pauseId: v.pauseId }) },
  { type: 'objection_referred', group: '异议', fields: [
    { name: 'objectionId', label: '异议', kind: 'select', options: openObjections, initial: first(openObjections), required: true },
    { name: 'toUnit', label: '有权处理的单位', kind: 'text', required: true },
    { name: 'note', label: '说明', kind: 'text' },
  ], build: (v) => ({ objectionId: v.objectionId, toUnit: str(v.toUnit), ...(str(v.note) ? { note: str(v.note) } : {}) }) },
  { type: 'objection_decided', group: '异议', fields: [
    { name: 'objectionId', label: '异议', kind: 'select', options: openObjections, initial: first(openObjections), required: true },
    { name: 'outcome', label: '决定', kind: 'radio', options: () => optionsOf(OBJECTION_OUTCOME_LABELS), initial: () => 'rejected' },
    { name: 'reasons', label: '理由（不予采纳的必须说明理由）', kind: 'textarea' },
  ], build: (v) => ({ objectionId: v.objectionId, outcome: v.outcome, reasons: str(v.reasons) }) },
  { type: 'corrected', group: '异议', fields: [
    { name: 'objectionId', label: '对应异议（如有）', kind: 'select', options: allObjections },
    { name: 'field', label: '更正项目', kind: 'text', required: true },
    { name: 'before', label: '更正前', kind: 'text', required: true },
    { name: 'after', label: '更正后', kind: 'text', required: true },
    { name: 'note', label: '说明', kind: 'text' },
  ], build: (v) => ({ objectionId: (v.objectionId as string) || null, changes: [{ field: str(v.field), before: str(v.before), after: str(v.after) }], ...(str(v.note) ? { note: str(v.note) } : {}) }) },
  { type: 'repair_applied', group: '信用修复', fields: [
    { name: 'methods', label: '修复方式及材料清单（勾选已提交的材料）', kind: 'checks', options: () => optionsOf(REPAIR_METHOD_LABELS), initial: () => ['commitment'] },
    { name: 'commitmentSigned', label: '已签署信用承诺书', kind: 'bool', initial: () => true },
    { name: 'note', label: '申请人/说明', kind: 'text', initial: (c) => c.recipients[0] ?? '' },
  ], build: (v, c) => ({ repairId: c.ids(), methods: (v.methods as string[]) ?? [], commitmentSigned: !!v.commitmentSigned, ...(str(v.note) ? { note: str(v.note) } : {}) }) },
  { type: 'repair_reviewed', group: '信用修复', fields: [
    { name: 'repairId', label: '修复申请', kind: 'select', options: repairOptions('repair_reviewed'), initial: first(repairOptions('repair_reviewed')), required: true },
    { name: 'accepted', label: '初审结果', kind: 'radio', options: () => [{ value: 'yes', label: '通过' }, { value: 'no', label: '不予受理（退回）' }], initial: (c) => (openPremature(c) ? 'no' : 'yes') },
    { name: 'reasons', label: '理由（不予受理的必须说明理由）', kind: 'textarea', initial: (c) => { const r = openPremature(c); return r ? prematureRepairReason(r) : ''; } },
  ], build: (v) => ({ repairId: v.repairId, accepted: v.accepted === 'yes', reasons: str(v.reasons) }) },
  { type: 'repair_decided', group: '信用修复', fields: [
    { name: 'repairId', label: '修复申请', kind: 'select', options: repairOptions('repair_decided'), initial: first(repairOptions('repair_decided')), required: true },
    { name: 'approved', label: '决定', kind: 'radio', options: () => [{ value: 'yes', label: '准予修复（移出名单）' }, { value: 'no', label: '不予修复' }], initial: () => 'yes' },
    { name: 'reasons', label: '理由', kind: 'textarea', required: true },
  ], build: (v) => ({ repairId: v.repairId, approved: v.approved === 'yes', reasons: str(v.reasons) }) },
  { type: 'removed', group: '移出与结案', fields: [
    { name: 'reason', label: '移出事由', kind: 'radio', options: () => optionsOf(REMOVAL_REASON_LABELS), initial: () => 'fulfilled' },
    { name: 'note', label: '说明', kind: 'textarea', required: true },
  ], build: (v) => ({ reason: v.reason, note: str(v.note) }) },
  { type: 'expired_archived', group: '移出与结案', fields: [{ name: 'note', label: '说明', kind: 'text' }], build: (v) => (str(v.note) ? { note: str(v.note) } : {}) },
  { type: 'basis_change_reported', group: '移出与结案', fields: [
    { name: 'basisDocumentNo', label: '依据文书', kind: 'select', options: basisOptions, initial: first(basisOptions), required: true },
    { name: 'change', label: '变化', kind: 'select', options: () => [...optionsOf(REVOCATION_LABELS), { value: 'changed', label: '被变更' }], initial: () => 'revoked' },
    { name: 'basisChangedOn', label: '依据被改变的日期', kind: 'text', required: true },
  ], build: (v) => ({ basisDocumentNo: v.basisDocumentNo, change: v.change, basisChangedOn: str(v.basisChangedOn) }) },
  { type: 'basis_revoked', group: '移出与结案', fields: [
    { name: 'basisDocumentNo', label: '依据文书', kind: 'select', options: basisOptions, initial: first(basisOptions), required: true },
    { name: 'kind', label: '情形', kind: 'select', options: () => optionsOf(REVOCATION_LABELS), initial: () => 'revoked' },
    { name: 'basisChangedOn', label: '依据被撤销的日期', kind: 'text', required: true },
  ], build: (v) => ({ basisDocumentNo: v.basisDocumentNo, kind: v.kind, basisChangedOn: str(v.basisChangedOn) }) },
  { type: 'basis_changed', group: '移出与结案', fields: [
    { name: 'basisDocumentNo', label: '依据文书', kind: 'select', options: basisOptions, initial: first(basisOptions), required: true },
    { name: 'basisChangedOn', label: '变更日期', kind: 'text', required: true },
    { name: 'description', label: '变更内容', kind: 'textarea', required: true },
  ], build: (v) => ({ basisDocumentNo: v.basisDocumentNo, basisChangedOn: str(v.basisChangedOn), description: str(v.description) }) },
  { type: 'measure_applied', group: '惩戒措施与推送', fields: [
    { name: 'measureCode', label: '惩戒措施（仅限公布的措施清单）', kind: 'select', required: true, options: measureOptions },
    { name: 'implementingUnit', label: '实施部门', kind: 'text', required: true },
    { name: 'justification', label: (c) => proportionalityLabel(c.caseCtx.ruleSet), kind: 'textarea', required: true },
  ], build: (v, c) => ({ measureId: c.ids(), measureCode: v.measureCode, implementingUnit: str(v.implementingUnit), justification: str(v.justification) }) },
  { type: 'measure_lifted', group: '惩戒措施与推送', fields: [
    { name: 'measureId', label: '措施', kind: 'select', required: true, options: (c) => c.state.measures.filter((m) => m.liftedOn === null).map((m) => ({ value: m.measureId, label: findMeasure(m.measureCode)?.label ?? m.measureCode })) },
    { name: 'reason', label: '解除理由', kind: 'textarea', required: true },
  ], build: (v) => ({ measureId: v.measureId, reason: str(v.reason) }) },
  { type: 'platform_pushed', group: '惩戒措施与推送', fields: [
    { name: 'platform', label: '推送平台', kind: 'select', options: () => [{ value: 'province', label: '省级平台' }, { value: 'city', label: '市级平台' }, { value: 'county', label: '县级平台' }, { value: 'joint', label: '联合奖惩平台' }], initial: () => 'city' },
    { name: 'reference', label: '平台回执号（如有）', kind: 'text' },
  ], build: (v) => ({ platform: v.platform, reference: str(v.reference) || null }) },
  // 联合奖惩 J0 发起 → J1 确定实施部门 → J2 响应/实施 → J3 反馈 → J4 撤销 (朝阳2020方案 联合奖惩 procedure); order and refusals from shared/.
  { type: 'joint_initiated', group: '联合奖惩', fields: [{ name: 'platformRef', label: '信用平台录入编号（如有；信息录入平台即为成功发起）', kind: 'text' }], build: (v) => ({ platformRef: str(v.platformRef) || null }) },
  { type: 'joint_units_assigned', group: '联合奖惩', fields: [
    { name: 'units', label: '实施部门', kind: 'tags', required: true, help: '逐个输入部门名称，按回车或逗号确认；可多次办理以增加实施部门' },
  ], build: (v) => ({ units: [...new Set(strings(v.units))] }) },
  { type: 'joint_responded', group: '联合奖惩', fields: [
    { name: 'unit', label: '响应的实施部门', kind: 'select', required: true, options: jointUnitOptions('responded'), initial: firstUnit('responded') },
    { name: 'measureCodes', label: '实施的惩戒措施（仅限公布的措施清单，可多选）', kind: 'multi', options: measureOptions },
  ], build: (v) => ({ unit: str(v.unit), measureCodes: Array.isArray(v.measureCodes) ? (v.measureCodes as string[]) : [] }) },
  { type: 'joint_feedback', group: '联合奖惩', fields: [
    { name: 'unit', label: '反馈的实施部门', kind: 'select', required: true, options: jointUnitOptions('feedback'), initial: firstUnit('feedback') },
    { name: 'summary', label: '实施情况反馈', kind: 'textarea', required: true },
  ], build: (v) => ({ unit: str(v.unit), summary: str(v.summary) }) },
  { type: 'joint_revoked', group: '联合奖惩', fields: [
    { name: 'reason', label: '撤销理由', kind: 'textarea', required: true, initial: (c) => (c.state.endedOn ? `案件已${c.state.stageLabel}（${c.state.endedOn}），撤销联合惩戒并通知实施部门停止实施` : '') },
  ], build: (v) => ({ reason: str(v.reason) }) },
  { type: 'voided', group: '记录更正', fields: [
    { name: 'voidedEventId', label: '要作废的记录', kind: 'select', required: true, options: (c) => c.events.filter((e) => e.type !== 'voided' && e.seq > 1 && !c.state.voidedEventIds.includes(e.id)).map((e) => ({ value: e.id, label: `第${e.seq}条 ${CASE_EVENT_LABELS[e.type]}（${e.occurredOn}）` })) },
    { name: 'reason', label: '作废理由', kind: 'textarea', required: true },
  ], build: (v) => ({ voidedEventId: v.voidedEventId, reason: str(v.reason) }) },
];

/** Form.Item injects value/onChange (or checked) into its child: pass them through to the control. */
function FieldInput({ field, c, ...control }: { field: Field; c: Ctx } & Record<string, unknown>) {
  const testId = `field-${field.name}`;
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea rows={2} data-testid={testId} {...control} />;
    case 'select':
      return <Select allowClear={!field.required} options={field.options?.(c) ?? []} data-testid={testId} style={{ maxWidth: 520 }} {...control} />;
    case 'radio':
      return <Radio.Group options={field.options?.(c) ?? []} data-testid={testId} {...control} />;
    case 'checks':
      return <Checkbox.Group options={field.options?.(c) ?? []} data-testid={testId} {...control} />;
    case 'tags':
      return <Select mode="tags" notFoundContent={null} tokenSeparators={[',', '，', '、', ';', '；']} placeholder="输入后按回车" data-testid={testId} style={{ maxWidth: 520 }} {...control} />;
    case 'multi':
      return <Select mode="multiple" allowClear options={field.options?.(c) ?? []} optionFilterProp="label" data-testid={testId} style={{ maxWidth: 520 }} {...control} />;
    case 'bool':
      return (
        <Checkbox data-testid={testId} {...control}>
          是
        </Checkbox>
      );
    default:
      return <Input data-testid={testId} style={{ maxWidth: 520 }} {...control} />;
  }
}

function ActionForm({ spec, c, caseId, onDone }: { spec: Spec; c: Ctx; caseId: string; onDone: () => void }) {
  const desk = useDesk();
  const today = desk.clock.today();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const availability = canDo(c, spec.type);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const initial = useMemo(() => Object.fromEntries([['occurredOn', today], ...spec.fields.map((f) => [f.name, f.initial?.(c)])]), [spec, c, today]);
  const submit = async (v: Record<string, unknown>) => {
    setRefusal(null);
    setBusy(true);
    try {
      const act = { type: spec.type, occurredOn: str(v.occurredOn), payload: spec.build(v, c) };
      const materials = spec.type === 'repair_applied' ? Object.entries(REPAIR_METHOD_LABELS).map(([key, label]) => ({ key, label, received: ((v.methods as string[]) ?? []).includes(key) })) : undefined;
      const documentId = spec.documentId?.(v);
      const r = await recordAct(desk, caseId, act, { ...(materials ? { repairMaterials: materials } : {}), ...(documentId ? { documentId } : {}) });
      if (!r.ok) setRefusal(r.reason);
      else {
        form.resetFields();
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={box}>
      <Card size="small" title={`办理：${CASE_EVENT_LABELS[spec.type]}`} data-testid={`action-form-${spec.type}`} style={{ marginTop: 12 }}>
        {!availability.ok && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`当前可能不能办理：${availability.reason}`} data-testid="action-availability" />}
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
          <Form.Item label="办理日期" name="occurredOn" rules={[{ validator: async (_, value: string) => { const r = parseDateInput(value); if (!r.ok) throw new Error(r.reason); } }]}>
            <DateInput testId="field-occurredOn" maxDate={today} />
          </Form.Item>
          {spec.fields.map((f) => (
            <Form.Item key={f.name} label={labelOf(f, c)} name={f.name} extra={f.help} valuePropName={f.kind === 'bool' ? 'checked' : 'value'} rules={f.required ? [{ required: true, message: `请填写${labelOf(f, c)}` }] : []}>
              <FieldInput field={f} c={c} />
            </Form.Item>
          ))}
          {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`不能办理：${refusal}`} data-testid="action-refusal" />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
              登记{CASE_EVENT_LABELS[spec.type]}
            </Button>
            <Button onClick={onDone} data-testid="action-cancel">
              取消
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

/** Label of an act on its button: issued acts name their document. */
const actLabel = (type: CaseEventType) => ISSUED_ACTS[type]?.label ?? CASE_EVENT_LABELS[type];
const groupOf = (type: CaseEventType) => ISSUED_ACTS[type]?.group ?? SPECS.find((s) => s.type === type)?.group ?? '';
/** Every act the panel can offer, issued acts first within their group. */
const CANDIDATES: CaseEventType[] = [...new Set([...SPECS.map((s) => s.group)])].flatMap((g) => [
  ...(Object.entries(ISSUED_ACTS) as [CaseEventType, { group: string }][]).filter(([, a]) => a.group === g).map(([t]) => t),
  ...SPECS.filter((s) => s.group === g).map((s) => s.type),
]);

function deadlineText(d: Deadline, today: string): string {
  if (!d.dueOn) return `答复“${d.label}”`;
  const when = d.dueOn === today ? '今天届满' : d.overdue ? `已于${d.dueOn}届满，已逾期` : `${d.dueOn}届满`;
  return `答复“${d.label}”（${when}）`;
}

/**
 * The next lawful acts (shared/ nextActs) as primary buttons with the deadline each answers; every
 * other act in the 其他办理 menu, an unavailable one with shared/'s refusal text.
 * `active`/`onActiveChange` let the page open an action from elsewhere (e.g. the prompt to revoke a
 * joint sanction); without them the panel keeps its own state.
 */
export function ActionPanel({ caseId, c, active: activeProp, onActiveChange }: { caseId: string; c: Ctx; active?: CaseEventType | null; onActiveChange?: (type: CaseEventType | null) => void }) {
  const [own, setOwn] = useState<CaseEventType | null>(null);
  const active = activeProp === undefined ? own : activeProp;
  const setActive = (type: CaseEventType | null) => {
    setOwn(type);
    onActiveChange?.(type);
  };
  const choose = (type: CaseEventType) => {
    const issued = ISSUED_ACTS[type];
    if (issued) navigate('documents', 'issue', caseId, issued.kind);
    else setActive(type);
  };
  const { next, others } = useMemo(() => nextActs(c.state, c.caseCtx, CANDIDATES), [c.state, c.caseCtx]);
  const today = c.caseCtx.today;
  const groups = [...new Set(others.map((o) => groupOf(o.type)))];
  const items: MenuProps['items'] = groups.map((g) => ({
    type: 'group' as const,
    key: g,
    label: g,
    children: others.filter((o) => groupOf(o.type) === g).map((o) => ({
      key: o.type,
      label: (
        <div data-testid={`action-${o.type}`} data-available={o.check.ok ? 'true' : 'false'} style={{ maxWidth: 420, whiteSpace: 'normal' }}>
          <div>{actLabel(o.type)}</div>
          {!o.check.ok && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="action-refusal-reason">
              暂不能办理：{o.check.reason}
            </Typography.Text>
          )}
        </div>
      ),
    })),
  }));
  const spec = SPECS.find((s) => s.type === active);
  return (
    <Card size="small" title="办理" data-testid="action-panel">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        下一步
      </Typography.Text>
      <Space wrap size={[8, 8]} align="start" data-testid="next-acts">
        {next.length === 0 && <Typography.Text type="secondary">当前没有必须办理的事项，可从“其他办理”中选择。</Typography.Text>}
        {next.map((n) => (
          <div key={n.type} style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start' }}>
            <Button type="primary" onClick={() => choose(n.type)} data-testid={`action-${n.type}`} data-next="true">
              {actLabel(n.type)}
            </Button>
            {n.deadline && (
              <Typography.Text type={n.deadline.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid={`next-act-deadline-${n.type}`}>
                {deadlineText(n.deadline, today)}
              </Typography.Text>
            )}
          </div>
        ))}
        <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => choose(key as CaseEventType), style: { maxHeight: 460, overflowY: 'auto' } }}>
          <Button data-testid="action-more">
            其他办理 <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
      {spec && <ActionForm key={spec.type} spec={spec} c={c} caseId={caseId} onDone={() => setActive(null)} />}
    </Card>
  );
}

export type { Ctx as ActionContext };
