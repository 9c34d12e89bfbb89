/**
 * Row types of the `credit-desk` database. Personal data (natural persons' names, ID numbers,
 * attachment contents) sits in dedicated fields (`pii`, `blob`) that a later issue encrypts;
 * lookups go through derived keyed hashes so the shape does not change.
 */
import type { OutboxRow } from '../../../shared/sync/outbox';
import type { Actor, BasisDocumentType, CaseEvent, SubjectKind } from '../../../shared/case/events';
import type { Severity } from '../../../shared/rules/types';
import type { Role } from '../../../shared/users/roles';
import type { PasswordRecord } from '../desk/users/password';

export type { OutboxRow, Actor, SubjectKind, Severity, BasisDocumentType };

export type SettingRow = { key: string; value: unknown };

export type DeviceRow = {
  id: 'this';
  deviceId: string;
  /** The next deviceSeq to hand out; strictly increasing, never reused. */
  nextSeq: number;
  /** Hex secret for keyed lookup hashes of personal identifiers (never leaves the device). */
  lookupSecret: string;
  createdAt: string;
  // ---- The keyed chains (renderer/src/desk/integrity/chains.ts; migration 0130) ----
  /** The first deviceSeq recorded in the ledger (numbers below were issued before the ledger existed). */
  ledgerFrom?: number;
  /** The mac of the last ledger row (GENESIS_HASH before the first). */
  ledgerHead?: string;
  /** The next audit number. */
  auditNext?: number;
  /** The mac of the last chained audit row. */
  auditHead?: string;
  /** Fingerprint of the chain key the seal was made with. */
  keyId?: string;
  /** HMAC over deviceId, nextSeq and both chain heads: cutting a chain's tail needs the key too. */
  seal?: string;
};

/**
 * One operation numbered by this device (migration 0130): deviceSeq has no holes from `ledgerFrom`
 * on, each row's mac links to the previous row's (HMAC under the device chain key).
 */
export type OperationLedgerRow = {
  deviceSeq: number;
  deviceId: string;
  /** The outbox row's id (the operation's id on the platform). */
  opId: string;
  kind: string;
  entityId: string;
  payloadHash: string;
  recordedAt: string;
  mac: string;
};

/** A chain head the city platform acknowledged (migration 0130): proof of what was synced. */
export type ChainAnchorRow = {
  /** `${chain}|${seq}`. */
  id: string;
  /** 'ledger', 'audit' or 'case:<caseId>'. */
  chain: string;
  seq: number;
  hash: string;
  /** Server clock of the acknowledgement. */
  ackedAt: string;
};

export type SubjectOrgType = '企业' | '个体工商户' | '专业合作社' | '社会组织' | '国家机关' | '事业单位' | '其他组织';

export type PersonalData = {
  name: string;
  idType: '居民身份证' | '其他有效证件';
  idNumber: string;
  phone?: string;
  address?: string;
};

export type VoidMark = { at: string; by: string; reason: string };

export type SubjectRow = {
  id: string;
  kind: SubjectKind;
  /** 'U:<统一社会信用代码>' for organisations, 'P:<keyed hash of the ID number>' for natural persons. Unique. */
  codeKey: string;
  /** Organisations only (public identifiers). */
  uscc?: string;
  name?: string;
  orgType?: SubjectOrgType;
  /** Natural persons only: personal data in one dedicated field. */
  pii?: PersonalData;
  /**
   * Search terms (renderer/src/desk/search-terms.ts): suffixes of an organisation's name and of its
   * pinyin initials; for a natural person only the keyed hash of the name ('#N:…').
   */
  searchTerms: string[];
  categoryFlags: string[];
  region?: string;
  createdAt: string;
  createdBy: string;
  voided?: VoidMark;
};

export type LinkRole = '法定代表人' | '主要负责人' | '主要责任人' | '实际控制人' | '直接责任人';

export type SubjectLinkRow = {
  id: string;
  /** The organisation. */
  fromSubjectId: string;
  /** The natural person. */
  toSubjectId: string;
  role: LinkRole;
  createdAt: string;
  createdBy: string;
  voided?: VoidMark;
};

export type CaseRow = {
  id: string;
  caseNo: string;
  subjectId: string;
  /** Display label for lists (masked for natural persons). */
  subjectLabel: string;
  ruleSetId: string;
  behaviourCode: string;
  behaviourLabel: string;
  severity: Severity;
  /** 认定日期 (YYYY-MM-DD). */
  determinationDate: string;
  proportionalityNote: string;
  /** Folded state code from shared/ (denormalised for indexes). */
  state: string;
  stateLabel: string;
  /** 文号 of the basis documents (multi-entry index for search). */
  docNos: string[];
  lastSeq: number;
  lastHash: string;
  /** Events up to this seq were sealed unkeyed, before chains were keyed (migration 0130); absent: none. */
  legacyChainSeq?: number;
  /** Date a repair was completed in this case (for the subject's re-listing bar, 朝阳房地产规定 第十九条). */
  repairCompletedOn?: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
};

/** A stored case event: the shared/ event (hash-chained) plus where it was recorded. */
export type CaseEventRow = CaseEvent & {
  deviceId: string;
  deviceSeq: number;
  /** An issued document produced by this event (the documents issue sets it at issue time). */
  documentId?: string;
};

export type BasisDocumentRow = {
  id: string;
  caseId: string;
  type: BasisDocumentType;
  docNo: string;
  issuingAuthority: string;
  decisionDate: string;
  effective: boolean;
  attachmentId?: string;
  createdAt: string;
  createdBy: string;
};

export type AttachmentRow = {
  id: string;
  caseId: string;
  /** The record it belongs to (basis document, objection, repair, or the case itself). */
  ownerId: string;
  purpose: '依据文书' | '证据' | '异议材料' | '修复材料' | '其他';
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Not indexed. */
  blob: Blob;
  createdAt: string;
  createdBy: string;
};

export type ObjectionRow = {
  id: string;
  caseId: string;
  receivedDate: string;
  applicant: string;
  grounds: string;
  state: string;
  createdAt: string;
  updatedAt: string;
};

export type RepairRow = {
  id: string;
  caseId: string;
  applicationDate: string;
  applicant: string;
  materials: { key: string; label: string; received: boolean }[];
  state: string;
  createdAt: string;
  updatedAt: string;
};

/** Placeholder owned by the documents issue, which may add fields and indexes (migrations 20–29). */
export type IssuedDocumentRow = { id: string; caseId: string } & Record<string, unknown>;

/** One open deadline of one case, derived from the fold and rewritten with each event. */
export type DeadlineRow = {
  id: string;
  caseId: string;
  caseNo: string;
  subjectLabel: string;
  kind: string;
  label: string;
  /** YYYY-MM-DD; '' when the period is unset in the rule set or its clock is paused. */
  dueDate: string;
  provisional: boolean;
  unset: boolean;
  paused: boolean;
  /** shared/rules PeriodOutcome: what the end of the period means. */
  outcome: string;
  /** objectionId / repairId the deadline belongs to. */
  scopeId: string | null;
  /** 1 when the deadline is a task for the office (indexed with dueDate, migration 0011). */
  attention: 0 | 1;
  /** 1 when provisional, unset or paused (indexed with dueDate, migration 0011). */
  flagged: 0 | 1;
  /** Why this is provisional / unset / paused. */
  note?: string;
  basis: string;
  /** Set on rows that belong to a subject rather than a case (信用承诺 deadlines): the work list opens the subject. */
  subjectId?: string;
};

export type CalendarRow = { id: string; name: string; data: unknown; updatedAt: string };

export type RuleSetRow = { id: string; name: string; data: unknown; updatedAt: string };

export type AuditRow = {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  entity: 'subject' | 'subjectLink' | 'case' | 'attachment' | 'settings' | 'demo' | 'integrity' | 'ruleSet' | 'document' | 'numberBlock' | 'template' | 'sync' | 'commitment' | 'credit' | 'user';
  entityId: string;
  detail?: unknown;
  /** Audit number (no holes; absent on rows written before the audit chain, migration 0130). */
  seq?: number;
  /** HMAC link to the previous audit row (renderer/src/desk/integrity/chains.ts). */
  mac?: string;
};

/**
 * Search terms of one case (migration 0080), written when the case is opened: the subject's name
 * terms (or a natural person's keyed hashes) and its code key, so that a case is found by any part of
 * its subject's name or code in one index range. No personal data in clear.
 */
export type CaseTermsRow = { id: string; terms: string[] };

/** One 文号 a case's events carry (事先告知书、列入决定书、送达的文书 …), for search (migration 0080). */
export type DocumentNumberRow = { id: string; no: string; caseId: string };

/**
 * The case list's filter and sort keys of one case (migration 0081), rewritten with each event of the
 * case (only the touched case's row changes). `dueSort` = the nearest open deadline + '|' + case id
 * (unique, so lists page by key); '9999-12-31' when the case has none.
 */
export type CaseListRow = {
  id: string;
  stage: string;
  listType: string;
  severity: string;
  region: string;
  ruleSetId: string;
  determinationDate: string;
  nextDue: string;
  nextDueLabel: string;
  dueSort: string;
};

/**
 * Counts of open deadlines due on one day (migration 0083), kept with every change of `deadlines`
 * (desk/deadline-days.ts): the badge and the work list's totals add up days instead of counting index
 * ranges, which Chromium does entry by entry (≈ 8 µs each: 350 ms for 39,000 overdue rows).
 * `kinds[kind]` = [total, attention, flagged]. dueDate '' holds the unset and paused ones.
 */
export type DeadlineDayRow = { dueDate: string; total: number; attention: number; flagged: number; kinds: Record<string, [number, number, number]> };

/** A local account (migration 0131). The password is a scrypt record, never the password itself. */
export type UserRow = {
  id: string;
  /** Unique, compared case-insensitively (stored lower-case). */
  loginName: string;
  /** The person's name as printed on acts and audit rows. */
  name: string;
  roles: Role[];
  password: PasswordRecord;
  /** Wrong passwords in a row since the last success or lock-out. */
  failedCount: number;
  /** ISO time until which logins are refused, or null. */
  lockedUntil: string | null;
  /** A disabled account cannot log in (accounts are never deleted: acts name them). */
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  lastLoginAt?: string;
};
