/**
 * Explicit inputs of the written documents (文书). `documentFromCase` (from-case.ts) fills them from
 * the folded case and the office profile; `checkIssuable(input, template, state)` refuses a document
 * whose printed dates differ from the case. Dates are 'YYYY-MM-DD'.
 */
import type { ListType, ObjectionOutcome } from '../case/events';
import type { IssuingOffice } from '../office/profile';
import type { IsoDate } from '../util/dates';
import { DOCUMENT_KINDS, type DocumentKind, type StoredDocumentKind } from './kinds';

export { DOCUMENT_KINDS, type DocumentKind, type StoredDocumentKind };

/**
 * The document's generic name (lists, 文号 series, 送达回证 of documents without a list). The printed
 * title of list documents follows the case's list: see documentTitle.
 */
export const DOCUMENT_KIND_NAMES: Readonly<Record<StoredDocumentKind, string>> = {
  'prior-notice': '列入名单事先告知书',
  'listing-decision': '列入名单决定书',
  'objection-acceptance': '异议受理通知书',
  'objection-decision': '异议处理决定书',
  'repair-acceptance': '信用修复受理通知书',
  'repair-decision': '信用修复决定书',
  'removal-decision': '移出名单决定书',
  'repair-notice': '信用修复告知书',
};

/** Short name used inside the 文号 series label and in lists. */
export const DOCUMENT_KIND_SHORT: Readonly<Record<StoredDocumentKind, string>> = {
  'prior-notice': '事先告知书',
  'listing-decision': '列入决定书',
  'objection-acceptance': '异议受理通知书',
  'objection-decision': '异议处理决定书',
  'repair-acceptance': '修复受理通知书',
  'repair-decision': '修复决定书',
  'removal-decision': '移出决定书',
  'repair-notice': '修复告知书',
};

/** The name of the 信用修复告知书, printed as the attachment (附件) of the listing decision. */
export const REPAIR_NOTICE_NAME = '信用修复告知书';

export type SubjectInfo = {
  /** 名称或姓名 */
  name: string;
  kind: 'legal-person' | 'natural-person' | 'individual-business';
  /** 统一社会信用代码 or 身份证号码 — printed as given (the document is served on the subject). */
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
  office: IssuingOffice;
  subject: SubjectInfo;
  /** 成文日期 */
  date: IsoDate;
  /** The case this document belongs to (not printed). */
  caseId?: string;
  /** The objection / repair application the document answers (not printed). */
  regardingId?: string;
  /**
   * Markers printed after a date whose number is of uncertain certainty (certaintyMarker), keyed by
   * the date field (e.g. 'validity.to'); checkIssuable refuses a print that leaves one out.
   */
  certaintyNotes?: Readonly<Record<string, string>>;
};

export type PriorNoticeInput = DocumentCommon & {
  kind: 'prior-notice';
  listType: ListType;
  facts: string;
  basis: string;
  /** 拟采取的惩戒措施 (optional in the notice). */
  intendedMeasures: MeasureInput[];
  /** 陈述、申辩 deadline (the fold's pre_notice_statement period). */
  statementDeadline: IsoDate;
  /** e.g. 5个工作日 — how the period is expressed in the rule set. */
  statementPeriodText: string;
  contact?: string;
};

/** The 信用修复告知书 attached to the listing decision (两书同达 without a number of its own). */
export type RepairNoticeAttachment = {
  /** First day a repair may be applied for; null when the subject may not apply within this listing (朝阳房地产规定 第十九条). */
  earliestApplyDate: IsoDate | null;
  /** When the subject may not apply: the article that bars it. */
  barBasis?: string;
  /** Latest publication end (最长公示期 / 有效期). */
  latestEndDate: IsoDate;
  materials: string[];
  window: string;
  contact?: string;
};

export type ListingDecisionInput = DocumentCommon & {
  kind: 'listing-decision';
  listType: ListType;
  /** 理由: the facts and reasons of the dishonest conduct. */
  facts: string;
  /** 依据: legal basis and 认定标准. */
  basis: string;
  /**
   * 期限: exactly the case's period — `from` the date the fold counts from (认定 for 朝阳房地产规定 第十条,
   * the basis decision for national regimes), `to` its last day — with the article it counts by.
   */
  validity: { text: string; from: IsoDate; to: IsoDate; basis: string };
  /** 移出条件 (and procedure). */
  removalConditions: string;
  /** 救济途径: who hears objections and reviews; the periods come from the template. */
  remedies: { objectionTo: string; reviewBody: string; reviewDays: number; court: string; litigationMonths: number };
  /** Measures that follow and their periods. */
  measures: MeasureInput[];
  /** 信用修复途径 (the attached 信用修复告知书 repeats it in detail). */
  repairRoute: string;
  /** The 信用修复告知书, printed as 附件 after the decision. */
  repairNotice: RepairNoticeAttachment;
};

/**
 * A 信用修复告知书 issued by earlier versions as a document of its own (with its own 文号). Only stored
 * snapshots have it; they can still be rebuilt and reprinted.
 */
export type LegacyRepairNoticeInput = DocumentCommon & {
  kind: 'repair-notice';
  decisionNumber: string;
  decisionName: string;
  earliestApplyDate: IsoDate;
  latestEndDate: IsoDate;
  materials: string[];
  window: string;
  contact?: string;
};

export type ObjectionAcceptanceInput = DocumentCommon & {
  kind: 'objection-acceptance';
  receivedDate: IsoDate;
  objectionSummary: string;
  /** Date by which the result will be given: the objection's applicable decision period. */
  replyDeadline: IsoDate;
  /** e.g. 已于2026年11月23日对相关信息作异议标注 */
  markingNote?: string;
};

export type ObjectionDecisionInput = DocumentCommon & {
  kind: 'objection-decision';
  receivedDate: IsoDate;
  objectionSummary: string;
  findings: string;
  /** The outcome recorded in the case (objection_decided). */
  outcome: ObjectionOutcome;
  /** Required when rejected. */
  reasons: string;
  /** What was corrected (upheld_correct). */
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
  listType: ListType;
  listingNumber: string;
  listingDate: IsoDate;
  reason: 'expired' | 'repaired' | 'objection-upheld' | 'other';
  reasonText: string;
  removalDate: IsoDate;
};

export type DocumentInput =
  | PriorNoticeInput
  | ListingDecisionInput
  | ObjectionAcceptanceInput
  | ObjectionDecisionInput
  | RepairAcceptanceInput
  | RepairDecisionInput
  | RemovalDecisionInput;

/** What a stored snapshot may hold (today's inputs and legacy 信用修复告知书). */
export type StoredDocumentInput = DocumentInput | LegacyRepairNoticeInput;

/** A 文号: 机关代字〔年份〕序号号. */
export type DocNumber = { prefix: string; year: number; seq: number };

/** 送达回证 fields; blank ones are left as lines to fill in by hand. */
export type ServiceProofInput = {
  /** Each served document, with its attachments (no number of their own). */
  documents: { name: string; number: string; attachments?: string[] }[];
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
