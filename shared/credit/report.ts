import { SUBJECT_KIND_LABELS } from '../case/events';
import { SEVERITY_LABELS } from '../rules/types';
import type { IsoDate } from '../util/dates';
import { LIST_TYPE_LABELS } from '../case/events';
import type { PublicationMasker, PublicationSubject } from '../exchange/publication-list';
import { CASE_END_REASON_LABELS, describeBasisDocument, type CaseFacts } from './case-facts';
import { COMMITMENT_STAGE_LABELS, COMMITMENT_TYPE_LABELS, type CommitmentState } from './commitments';
import type { Award } from './incentive';
import { CREDIT_INFO_CATEGORY_LABELS, type CreditRecord } from './records';

/**
 * A subject's own credit report (信用报告 / 信息查询): everything recorded about it, each item with its
 * source (department, document) and each change with its date — 黑龙江条例 第三十五条 "有权知晓…信用
 * 报告载明的信息来源和变动等情况" — free of charge by design (第二十四条 "有权不限次数免费查询自身的
 * 公共信用信息": the model has no fee field). For anyone but the subject the identity passes through the
 * masking function the caller gives, and positive information the subject asked not to publish is left
 * out (第三十七条). The output is plain data for a document builder (GB/T 9704 print is the documents
 * module's job).
 */
export type ReportField = { label: string; value: string };

export type ReportItem = {
  title: string;
  fields: ReportField[];
  /** Where the information comes from (第三十五条 信息来源). */
  source: { department: string; documents: string[] };
  /** Every change with its date (第三十五条 变动情况). */
  changes: { date: IsoDate; label: string; detail: string }[];
};

export type ReportSection = { key: 'identity' | 'dishonesty' | 'other_records' | 'commitments' | 'positive' | 'evaluations'; title: string; items: ReportItem[]; emptyText: string };

export type CreditReport = {
  title: string;
  office: string;
  generatedOn: IsoDate;
  audience: 'subject' | 'other';
  sections: ReportSection[];
  notes: string[];
};

export type ReportEvaluation = { scheme: string; grade: string; evaluatedOn: IsoDate; explanation: readonly string[]; source: { department: string; document: string | null } };

export type ReportInput = {
  subject: PublicationSubject & { township?: string | null };
  cases: readonly CaseFacts[];
  otherRecords?: readonly CreditRecord[];
  commitments?: readonly (CommitmentState & { matter: string; department: string })[];
  awards?: readonly Award[];
  evaluations?: readonly ReportEvaluation[];
  /** The subject asked not to publish its positive information (黑龙江条例 第三十七条). */
  optedOutOfPositivePublication: boolean;
  audience: 'subject' | 'other';
  /** Masking for audience 'other' (e.g. (s) => publicationView(s, profile)). */
  mask: PublicationMasker;
  office: string;
  generatedOn: IsoDate;
};

function identity(input: ReportInput): ReportItem {
  const s = input.subject;
  const fields: ReportField[] = [{ label: '主体类别', value: SUBJECT_KIND_LABELS[s.kind] }];
  if (input.audience === 'subject') {
    fields.unshift({ label: s.kind === 'natural_person' ? '姓名' : '名称', value: s.name });
    if (s.uscc) fields.push({ label: '统一社会信用代码', value: s.uscc });
    if (s.citizenId) fields.push({ label: '公民身份号码', value: s.citizenId });
    if (s.legalRepresentative) fields.push({ label: '法定代表人（负责人）', value: s.legalRepresentative.name });
  } else {
    const masked = input.mask(s);
    if (!masked.published) {
      fields.unshift({ label: '名称', value: '（不予提供）' });
      fields.push({ label: '说明', value: masked.reason });
    } else {
      fields.unshift({ label: s.kind === 'natural_person' ? '姓名' : '名称', value: masked.name });
      if (masked.code) fields.push({ label: s.kind === 'natural_person' ? '公民身份号码' : '统一社会信用代码', value: masked.code });
      if (masked.legalRepresentative) fields.push({ label: '法定代表人（负责人）', value: masked.legalRepresentative.name });
    }
  }
  if (s.township) fields.push({ label: '所在乡镇（街道）', value: s.township });
  return { title: '基本信息', fields, source: { department: input.office, documents: [] }, changes: [] };
}

function caseItem(c: CaseFacts): ReportItem {
  const status = c.endReason ? `${CASE_END_REASON_LABELS[c.endReason]}${c.endedOn ? `（${c.endedOn}）` : ''}` : c.publicationActive ? '公示中' : c.stageLabel;
  const fields: ReportField[] = [
    { label: '失信行为', value: c.behaviourText },
    { label: '失信事实', value: c.facts },
    ...(c.listType ? [{ label: '名单类型', value: LIST_TYPE_LABELS[c.listType] }] : []),
    ...(c.severity ? [{ label: '失信程度', value: SEVERITY_LABELS[c.severity] }] : []),
    { label: '认定部门', value: c.determiningDept },
    { label: '认定日期', value: c.determinedOn ?? '' },
    ...(c.listedOn ? [{ label: '列入日期', value: c.listedOn }] : []),
    ...(c.validUntil ? [{ label: '有效期至', value: c.validUntil }] : []),
    ...(c.publicationUntil ? [{ label: '公示期至', value: c.publicationUntil }] : []),
    { label: '当前状态', value: status },
  ];
  const changes = c.history.map((h) => ({ date: h.date, label: h.voided ? `${h.label}（已作废）` : h.label, detail: h.detail }));
  return {
    title: c.behaviourText || '失信信息',
    fields,
    source: { department: c.determiningDept, documents: c.basisDocuments.map((b) => `${describeBasisDocument(b)}（${b.issuer}，${b.decidedOn}${b.effective ? '' : '，已撤销'}）`) },
    changes,
  };
}

function recordItem(r: CreditRecord): ReportItem {
  const changes = [{ date: r.date, label: '记录', detail: r.description }];
  if (r.endedOn) changes.push({ date: r.endedOn, label: '终止', detail: '停止公示或移出' });
  if (r.withdrawn) changes.push({ date: r.withdrawn.on, label: '撤销', detail: r.withdrawn.reason });
  return {
    title: r.description,
    fields: [
      { label: '信息类别', value: CREDIT_INFO_CATEGORY_LABELS[r.category] },
      { label: '程度', value: r.kind === 'severe' ? '严重' : '一般' },
      { label: '日期', value: r.date },
      ...(r.penaltyType ? [{ label: '处罚类别', value: r.penaltyType }] : []),
    ],
    source: { department: r.source.department, documents: r.source.document ? [r.source.document] : [] },
    changes,
  };
}

function commitmentItem(c: CommitmentState & { matter: string; department: string }): ReportItem {
  const changes = [
    ...(c.committedOn ? [{ date: c.committedOn, label: '作出承诺', detail: c.matter }] : []),
    ...(c.publishedOn ? [{ date: c.publishedOn, label: '公示', detail: '' }] : []),
    ...(c.licenceDecidedOn ? [{ date: c.licenceDecidedOn, label: '作出许可决定', detail: '' }] : []),
    ...(c.verifiedOn ? [{ date: c.verifiedOn, label: '核查', detail: c.result === 'fulfilled' ? '已履约' : '未履约' }] : []),
  ];
  return {
    title: c.matter,
    fields: [
      { label: '承诺类型', value: c.type ? COMMITMENT_TYPE_LABELS[c.type] : '' },
      { label: '状态', value: COMMITMENT_STAGE_LABELS[c.stage] },
    ],
    source: { department: c.department, documents: [] },
    changes,
  };
}

function awardItem(a: Award): ReportItem {
  return {
    title: a.title,
    fields: [{ label: '授予单位', value: a.grantor }, { label: '日期', value: a.date }, ...(a.revoked ? [{ label: '状态', value: '已撤销' }] : [])],
    source: { department: a.grantor, documents: a.document ? [a.document] : [] },
    changes: [{ date: a.date, label: '授予', detail: a.title }],
  };
}

/** Build the report model. */
export function buildCreditReport(input: ReportInput): CreditReport {
  const forSubject = input.audience === 'subject';
  const cases = [...input.cases].filter((c) => c.determinedOn !== null).sort((a, b) => (a.determinedOn ?? '').localeCompare(b.determinedOn ?? ''));
  const showPositive = forSubject || !input.optedOutOfPositivePublication;
  const sections: ReportSection[] = [
    { key: 'identity', title: '一、基本信息', items: [identity(input)], emptyText: '' },
    { key: 'dishonesty', title: '二、失信信息', items: cases.map(caseItem), emptyText: '无失信信息' },
    { key: 'other_records', title: '三、其他失信记录', items: [...(input.otherRecords ?? [])].sort((a, b) => a.date.localeCompare(b.date)).map(recordItem), emptyText: '无' },
    { key: 'commitments', title: '四、信用承诺及履行情况', items: (input.commitments ?? []).map(commitmentItem), emptyText: '无' },
    {
      key: 'positive',
      title: '五、守信信息',
      items: showPositive ? [...(input.awards ?? [])].sort((a, b) => a.date.localeCompare(b.date)).map(awardItem) : [],
      emptyText: showPositive ? '无' : '信用主体已申请不公示守信信息（黑龙江省社会信用条例 第三十七条）',
    },
    {
      key: 'evaluations',
      title: '六、信用评价',
      items: (input.evaluations ?? []).map((e) => ({
        title: `${e.scheme}：${e.grade}`,
        fields: [{ label: '评价日期', value: e.evaluatedOn }, { label: '评价说明', value: e.explanation.join('；') }],
        source: { department: e.source.department, documents: e.source.document ? [e.source.document] : [] },
        changes: [{ date: e.evaluatedOn, label: '评价', detail: e.grade }],
      })),
      emptyText: '无',
    },
  ];
  // A subject the masking profile does not publish (朝阳2020方案 十六(二十六)) is not reported to others either.
  const masked = forSubject ? null : input.mask(input.subject);
  if (masked && !masked.published) {
    for (const section of sections) {
      if (section.key === 'identity') continue;
      section.items = [];
      section.emptyText = masked.reason;
    }
  }
  const notes = [
    '本报告载明每项信息的来源（提供部门和依据文书）及其变动情况（黑龙江省社会信用条例 第三十五条）。',
    forSubject ? '信用主体查询自身公共信用信息不限次数、免费（黑龙江省社会信用条例 第二十四条）。' : '本报告中的个人信息已按公示规则脱敏处理（黑龙江省社会信用条例 第二十三条）。',
    '对报告内容有异议的，可向信息提供单位或本办公室书面提出异议申请（黑龙江省社会信用条例 第三十九条）。',
  ];
  return { title: forSubject ? '信用信息报告（本人查询）' : '信用信息报告', office: input.office, generatedOn: input.generatedOn, audience: input.audience, sections, notes };
}
