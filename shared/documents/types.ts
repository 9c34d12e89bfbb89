/**
 * Plain, explicit inputs of the written documents (文书). These are deliberately independent of the
 * case fold: the caller (a mapping module, the UI or a test) fills them in. Dates are 'YYYY-MM-DD'.
 */
import type { IsoDate } from '../util/dates';

export type DocumentKind =
  | 'prior-notice'
  | 'listing-decision'
  | 'repair-notice'
  | 'objection-acceptance'
  | 'objection-decision'
  | 'repair-acceptance'
  | 'repair-decision'
  | 'removal-decision';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'prior-notice',
  'listing-decision',
  'repair-notice',
  'objection-acceptance',
  'objection-decision',
  'repair-acceptance',
  'repair-decision',
  'removal-decision',
];

/** The document's name as printed (title line and in the 送达回证). */
export const DOCUMENT_KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  'prior-notice': '列入严重失信主体名单事先告知书',
  'listing-decision': '列入严重失信主体名单决定书',
  'repair-notice': '信用修复告知书',
  'objection-acceptance': '异议受理通知书',
  'objection-decision': '异议处理决定书',
  'repair-acceptance': '信用修复受理通知书',
  'repair-decision': '信用修复决定书',
  'removal-decision': '移出严重失信主体名单决定书',
};

/** Short name used inside the 文号 series label and in lists. */
export const DOCUMENT_KIND_SHORT: Readonly<Record<DocumentKind, string>> = {
  'prior-notice': '事先告知书',
  'listing-decision': '列入决定书',
  'repair-notice': '修复告知书',
  'objection-acceptance': '异议受理通知书',
  'objection-decision': '异议处理决定书',
  'repair-acceptance': '修复受理通知书',
  'repair-decision': '修复决定书',
  'removal-decision': '移出决定书',
};

export type OfficeProfile = {
  /** Stable id of the office (numbers are per office). */
  officeId: string;
  /** 发文机关全称, e.g. 某某县发展和改革局 */
  name: string;
  /** 发文机关代字 used in the 文号, e.g. 某发改信用 → 某发改信用〔2026〕15号 */
  numberPrefix: string;
  /** Optional red 发文机关标志 (e.g. 某某县发展和改革局文件); omitted → no red header. */
  letterhead?: string;
  /** Where 行政复议 is applied for, e.g. 某某县人民政府 */
  reviewBody: string;
  /** Where 行政诉讼 is brought, e.g. 某某县人民法院 */
  court: string;
  address?: string;
  phone?: string;
  /** Office's own seal image (PNG/JPEG data URL). Optional; the seal area stays free otherwise. */
  sealImage?: string;
};

export type SubjectInfo = {
  /** 名称或姓名 */
  name: string;
  kind: 'legal-person' | 'natural-person' | 'individual-business';
  /** 统一社会信用代码 or 身份证号码 — printed as given (masking is the caller's choice). */
  idNumber: string;
  legalRepresentative?: string;
  address?: string;
};

export type MeasureInput = {
  /** 惩戒措施 as published in the measures list. */
  text: string;
  /** Its period, e.g. 自2026年11月22日至2029年11月21日 / 列入名单期间 */
  period: string;
  /** Source of the measure (law/list item). */
  basis?: string;
};

/** Common to every document. `number` is NOT here: it is assigned when issuing. */
export type DocumentCommon = {
  office: OfficeProfile;
  subject: SubjectInfo;
  /** 成文日期 */
  date: IsoDate;
  /** The case this document belongs to (not printed). */
  caseId?: string;
};

export type PriorNoticeInput = DocumentCommon & {
  kind: 'prior-notice';
  facts: string;
  basis: string;
  /** 拟采取的惩戒措施 (optional in the notice). */
  intendedMeasures: MeasureInput[];
  /** 陈述、申辩 deadline (computed by the caller from the rule set). */
  statementDeadline: IsoDate;
  /** e.g. 5个工作日 — how the period is expressed in the rule set. */
  statementPeriodText: string;
  contact?: string;
};

export type ListingDecisionInput = DocumentCommon & {
  kind: 'listing-decision';
  /** 名单名称 (default 严重失信主体名单). */
  listName?: string;
  /** 理由: the facts and reasons of the dishonest conduct. */
  facts: string;
  /** 依据: legal basis and 认定标准. */
  basis: string;
  /** 期限: validity (publication) period. */
  validity: { text: string; from: IsoDate; to: IsoDate };
  /** 移出条件 (and procedure). */
  removalConditions: string;
  /** 救济途径: who hears objections and reviews; the periods come from the template. */
  remedies: { objectionTo: string; reviewBody: string; reviewDays: number; court: string; litigationMonths: number };
  /** Measures that follow and their periods. */
  measures: MeasureInput[];
  /** 信用修复途径 (the 两书同达 repair notice repeats it in detail). */
  repairRoute: string;
};

export type RepairNoticeInput = DocumentCommon & {
  kind: 'repair-notice';
  /** The decision it is served with (文号 text). */
  decisionNumber: string;
  decisionName: string;
  /** Earliest date a repair may be applied for (最短公示期届满). */
  earliestApplyDate: IsoDate;
  /** Latest publication end (最长公示期). */
  latestEndDate: IsoDate;
  materials: string[];
  window: string;
  contact?: string;
};

export type ObjectionAcceptanceInput = DocumentCommon & {
  kind: 'objection-acceptance';
  receivedDate: IsoDate;
  objectionSummary: string;
  /** Date by which the result will be given (rule-set computed). */
  replyDeadline: IsoDate;
  /** e.g. 已于2026年11月23日对相关信息作异议标注 */
  markingNote?: string;
};

export type ObjectionDecisionInput = DocumentCommon & {
  kind: 'objection-decision';
  receivedDate: IsoDate;
  objectionSummary: string;
  findings: string;
  outcome: 'adopted' | 'partly-adopted' | 'not-adopted';
  /** Required when not (fully) adopted. */
  reasons: string;
  /** What was corrected (when adopted). */
  correction?: string;
};

export type RepairAcceptanceInput = DocumentCommon & {
  kind: 'repair-acceptance';
  applicationDate: IsoDate;
  materials: string[];
  decisionDeadline: IsoDate;
};

export type RepairDecisionInput = DocumentCommon & {
  kind: 'repair-decision';
  applicationDate: IsoDate;
  outcome: 'granted' | 'refused';
  /** Required in both cases: why granted / why refused. */
  reasons: string;
  /** When granted: the effect (终止公示、解除惩戒) and its date. */
  effectiveDate?: IsoDate;
};

export type RemovalDecisionInput = DocumentCommon & {
  kind: 'removal-decision';
  listingNumber: string;
  listingDate: IsoDate;
  reason: 'expired' | 'repaired' | 'objection-upheld' | 'other';
  reasonText: string;
  removalDate: IsoDate;
};

export type DocumentInput =
  | PriorNoticeInput
  | ListingDecisionInput
  | RepairNoticeInput
  | ObjectionAcceptanceInput
  | ObjectionDecisionInput
  | RepairAcceptanceInput
  | RepairDecisionInput
  | RemovalDecisionInput;

/** A 文号: 机关代字〔年份〕序号号. */
export type DocNumber = { prefix: string; year: number; seq: number };

/** 送达回证 fields; blank ones are left as lines to fill in by hand. */
export type ServiceProofInput = {
  documents: { name: string; number: string }[];
  servingUnit: string;
  recipient: string;
  place?: string;
  method?: string;
  /** Pre-filled service time text, normally blank (filled on site). */
  time?: string;
  server?: string;
  witness?: string;
  remarks?: string;
};
