/**
 * The issue form: which fields each document kind asks for, and how the form's flat values
 * become the explicit document input of shared/documents.
 */
import { STATUTORY_REMEDY_PERIODS } from '../../../shared/rules/remedies';
import type { DocumentInput, DocumentKind, MeasureInput, OfficeProfile, SubjectInfo } from '../../../shared/documents/types';
import { addDays, addYears, type IsoDate } from '../../../shared/util/dates';

export type FieldType = 'text' | 'textarea' | 'date' | 'number' | 'lines' | 'select';

export type FieldSpec = {
  name: string;
  label: string;
  type: FieldType;
  options?: { value: string; label: string }[];
  help?: string;
};

export type FormValues = Record<string, unknown> & { measures?: MeasureInput[] };

const REPAIR_NOTICE_FIELDS: FieldSpec[] = [
  { name: 'earliestApplyDate', label: '可申请信用修复日期（最短公示期届满）', type: 'date' },
  { name: 'latestEndDate', label: '最长公示截止日期', type: 'date' },
  { name: 'materials', label: '修复申请材料（每行一项）', type: 'lines' },
  { name: 'window', label: '信用修复办理途径', type: 'textarea' },
  { name: 'contact', label: '联系方式', type: 'text' },
];

export const KIND_FIELDS: Readonly<Record<DocumentKind, FieldSpec[]>> = {
  'prior-notice': [
    { name: 'facts', label: '拟列入的事实和理由', type: 'textarea' },
    { name: 'basis', label: '拟列入的依据', type: 'textarea' },
    { name: 'statementPeriodText', label: '陈述、申辩期限（如：5个工作日）', type: 'text' },
    { name: 'statementDeadline', label: '陈述、申辩截止日期', type: 'date' },
    { name: 'contact', label: '联系方式', type: 'text' },
  ],
  'listing-decision': [
    { name: 'facts', label: '理由（失信行为事实）', type: 'textarea' },
    { name: 'basis', label: '依据（法律依据和认定标准）', type: 'textarea' },
    { name: 'validityText', label: '期限（如：三年）', type: 'text' },
    { name: 'validFrom', label: '期限起始日期', type: 'date' },
    { name: 'validTo', label: '期限截止日期', type: 'date' },
    { name: 'removalConditions', label: '移出条件和程序', type: 'textarea' },
    { name: 'objectionTo', label: '救济途径：异议受理机关', type: 'text' },
    { name: 'reviewBody', label: '救济途径：行政复议机关', type: 'text' },
    { name: 'reviewDays', label: '行政复议期限（日）', type: 'number' },
    { name: 'court', label: '救济途径：行政诉讼法院', type: 'text' },
    { name: 'litigationMonths', label: '行政诉讼期限（月）', type: 'number' },
    { name: 'repairRoute', label: '信用修复途径', type: 'textarea' },
  ],
  'repair-notice': [{ name: 'decisionNumber', label: '同时送达的决定书文号', type: 'text' }, { name: 'decisionName', label: '决定书名称', type: 'text' }, ...REPAIR_NOTICE_FIELDS],
  'objection-acceptance': [
    { name: 'receivedDate', label: '异议收到日期', type: 'date' },
    { name: 'objectionSummary', label: '异议内容', type: 'textarea' },
    { name: 'replyDeadline', label: '答复期限', type: 'date' },
    { name: 'markingNote', label: '异议标注情况（可选）', type: 'text' },
  ],
  'objection-decision': [
    { name: 'receivedDate', label: '异议收到日期', type: 'date' },
    { name: 'objectionSummary', label: '异议内容', type: 'textarea' },
    { name: 'findings', label: '核实情况', type: 'textarea' },
    {
      name: 'outcome',
      label: '处理结果',
      type: 'select',
      options: [
        { value: 'adopted', label: '采纳' },
        { value: 'partly-adopted', label: '部分采纳' },
        { value: 'not-adopted', label: '不予采纳' },
      ],
    },
    { name: 'reasons', label: '理由（未采纳时必填）', type: 'textarea' },
    { name: 'correction', label: '更正内容（采纳时填写）', type: 'textarea' },
  ],
  'repair-acceptance': [
    { name: 'applicationDate', label: '申请日期', type: 'date' },
    { name: 'materials', label: '收到的材料（每行一项）', type: 'lines' },
    { name: 'decisionDeadline', label: '作出决定的期限', type: 'date' },
  ],
  'repair-decision': [
    { name: 'applicationDate', label: '申请日期', type: 'date' },
    {
      name: 'outcome',
      label: '决定',
      type: 'select',
      options: [
        { value: 'granted', label: '准予信用修复' },
        { value: 'refused', label: '不予信用修复' },
      ],
    },
    { name: 'reasons', label: '审核理由（必填）', type: 'textarea' },
    { name: 'effectiveDate', label: '修复生效日期（准予时）', type: 'date' },
  ],
  'removal-decision': [
    { name: 'listingNumber', label: '原列入决定书文号', type: 'text' },
    { name: 'listingDate', label: '原列入日期', type: 'date' },
    {
      name: 'reason',
      label: '移出原因',
      type: 'select',
      options: [
        { value: 'expired', label: '有效期届满' },
        { value: 'repaired', label: '信用修复' },
        { value: 'objection-upheld', label: '异议成立' },
        { value: 'other', label: '其他' },
      ],
    },
    { name: 'reasonText', label: '移出理由', type: 'textarea' },
    { name: 'removalDate', label: '移出日期', type: 'date' },
  ],
};

export const COMPANION_NOTICE_FIELDS = REPAIR_NOTICE_FIELDS;

/** Kinds with a measures list. */
export function hasMeasures(kind: DocumentKind): boolean {
  return kind === 'listing-decision' || kind === 'prior-notice';
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function lines(v: unknown): string[] {
  return str(v)
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function num(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isFinite(n) && str(v) !== '' ? n : fallback;
}

export function subjectOf(values: FormValues): SubjectInfo {
  return {
    name: str(values.subjectName).trim(),
    kind: (str(values.subjectKind) || 'legal-person') as SubjectInfo['kind'],
    idNumber: str(values.subjectId).trim(),
    ...(str(values.legalRepresentative).trim() ? { legalRepresentative: str(values.legalRepresentative).trim() } : {}),
    ...(str(values.subjectAddress).trim() ? { address: str(values.subjectAddress).trim() } : {}),
  };
}

function measures(values: FormValues): MeasureInput[] {
  return (values.measures ?? []).filter((m) => m && (str(m.text).trim() || str(m.period).trim())).map((m) => ({ text: str(m.text).trim(), period: str(m.period).trim() }));
}

/** Flat form values → the explicit input of one document kind. */
export function inputFromForm(kind: DocumentKind, values: FormValues, office: OfficeProfile): DocumentInput {
  const common = { office, subject: subjectOf(values), date: str(values.date), ...(str(values.caseId) ? { caseId: str(values.caseId) } : {}) };
  switch (kind) {
    case 'prior-notice':
      return { ...common, kind, facts: str(values.facts), basis: str(values.basis), intendedMeasures: measures(values), statementDeadline: str(values.statementDeadline), statementPeriodText: str(values.statementPeriodText), contact: str(values.contact) };
    case 'listing-decision':
      return {
        ...common,
        kind,
        facts: str(values.facts),
        basis: str(values.basis),
        validity: { text: str(values.validityText), from: str(values.validFrom), to: str(values.validTo) },
        removalConditions: str(values.removalConditions),
        remedies: {
          objectionTo: str(values.objectionTo) || office.name,
          reviewBody: str(values.reviewBody) || office.reviewBody,
          reviewDays: num(values.reviewDays, STATUTORY_REMEDY_PERIODS.administrativeReviewDays),
          court: str(values.court) || office.court,
          litigationMonths: num(values.litigationMonths, STATUTORY_REMEDY_PERIODS.administrativeLitigationMonths),
        },
        measures: measures(values),
        repairRoute: str(values.repairRoute),
      };
    case 'repair-notice':
      return { ...common, kind, decisionNumber: str(values.decisionNumber), decisionName: str(values.decisionName) || '列入严重失信主体名单决定书', earliestApplyDate: str(values.earliestApplyDate), latestEndDate: str(values.latestEndDate), materials: lines(values.materials), window: str(values.window), contact: str(values.contact) };
    case 'objection-acceptance':
      return { ...common, kind, receivedDate: str(values.receivedDate), objectionSummary: str(values.objectionSummary), replyDeadline: str(values.replyDeadline), markingNote: str(values.markingNote) };
    case 'objection-decision':
      return { ...common, kind, receivedDate: str(values.receivedDate), objectionSummary: str(values.objectionSummary), findings: str(values.findings), outcome: (str(values.outcome) || 'not-adopted') as 'adopted', reasons: str(values.reasons), correction: str(values.correction) };
    case 'repair-acceptance':
      return { ...common, kind, applicationDate: str(values.applicationDate), materials: lines(values.materials), decisionDeadline: str(values.decisionDeadline) };
    case 'repair-decision':
      return { ...common, kind, applicationDate: str(values.applicationDate), outcome: (str(values.outcome) || 'granted') as 'granted', reasons: str(values.reasons), ...(str(values.effectiveDate) ? { effectiveDate: str(values.effectiveDate) } : {}) };
    case 'removal-decision':
      return { ...common, kind, listingNumber: str(values.listingNumber), listingDate: str(values.listingDate), reason: (str(values.reason) || 'expired') as 'expired', reasonText: str(values.reasonText), removalDate: str(values.removalDate) };
  }
}

/** The companion 信用修复告知书 of a listing decision (两书同达), from the same form. */
export function companionNoticeFromForm(values: FormValues, office: OfficeProfile): Omit<Extract<DocumentInput, { kind: 'repair-notice' }>, 'decisionNumber' | 'decisionName' | 'kind'> {
  return {
    office,
    subject: subjectOf(values),
    date: str(values.date),
    earliestApplyDate: str(values.earliestApplyDate),
    latestEndDate: str(values.latestEndDate),
    materials: lines(values.materials),
    window: str(values.window),
    contact: str(values.contact),
  };
}

/** Form values from a stored input (for a correction). */
export function formFromInput(input: DocumentInput): FormValues {
  const { office: _o, subject, kind: _k, ...rest } = input;
  const base: FormValues = {
    subjectName: subject.name,
    subjectKind: subject.kind,
    subjectId: subject.idNumber,
    legalRepresentative: subject.legalRepresentative ?? '',
    subjectAddress: subject.address ?? '',
  };
  const flat: FormValues = { ...base, ...(rest as Record<string, unknown>) };
  if (input.kind === 'listing-decision') {
    Object.assign(flat, { validityText: input.validity.text, validFrom: input.validity.from, validTo: input.validity.to, ...input.remedies });
  }
  if (input.kind === 'prior-notice') flat.measures = input.intendedMeasures;
  if ('materials' in input) flat.materials = input.materials.join('\n');
  return flat;
}

/** Training sample (按钮“填入示例”): a complete listing decision for a fictitious company. */
export function sampleListingValues(today: IsoDate, office: OfficeProfile): FormValues {
  const to = addDays(addYears(today, 3), -1);
  return {
    subjectName: '某某县示例建材有限公司',
    subjectKind: 'legal-person',
    subjectId: '91110000600037341L',
    legalRepresentative: '王堃',
    subjectAddress: '某某县工业园区8号',
    date: today,
    facts: '经查，你单位在承建某某县第一中学教学楼工程中使用不合格钢筋，经有关部门作出行政处罚决定后，逾期拒不履行行政处罚决定确定的义务，情节严重。',
    basis: '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）；本省社会信用条例及严重失信主体名单认定标准。',
    validityText: '三年',
    validFrom: today,
    validTo: to,
    removalConditions: '有效期届满的，本机关自届满之日起3个工作日内将你单位移出名单；有效期内纠正失信行为、履行相关义务满一年的，可以申请提前移出。',
    objectionTo: office.name,
    reviewBody: office.reviewBody,
    reviewDays: STATUTORY_REMEDY_PERIODS.administrativeReviewDays,
    court: office.court,
    litigationMonths: STATUTORY_REMEDY_PERIODS.administrativeLitigationMonths,
    repairRoute: '你单位可通过“信用中国”网站或本机关政务服务窗口申请信用修复。',
    measures: [
      { text: '限制参与政府投资项目的招标投标', period: '列入名单期间' },
      { text: '在评优评先中不予推荐', period: '列入名单期间' },
    ],
    earliestApplyDate: addYears(today, 1),
    latestEndDate: to,
    materials: '法定责任和义务履行完毕的证明材料\n信用承诺书',
    window: '“信用中国”网站信用修复栏目，或本机关政务服务窗口',
    contact: office.phone ?? '',
  };
}
