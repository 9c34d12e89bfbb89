/**
 * The desk's API for the user interface: use cases (writes) and reads, and the row types pages show.
 * Pages and components import from here (or the module files of this folder), never from
 * renderer/src/db or Dexie.
 */
export * from './desk';
export { isRefused, type DeskRefused } from './write';
export * from './subjects';
export * from './cases';
export { checkIntegrity, verifyAllCases, verifyCase, MAX_FINDINGS, type IntegrityFinding, type IntegrityReport } from './integrity/check';
export * from './deadlines';
export * from './case-list';
export * from './search';
export { importBatch, type DeskBatch, type BatchResult, type BatchRefusal } from './bulk';
export * from './settings';
export * from './rules';
export * from './calendars';
export { loadDemoData, DEMO_OFFICE } from './demo';
export { resetLocalData, wipeTrainingData, RESET_CONFIRMATION, type ResetOutcome } from './reset';
export { useDeskQuery } from './hooks';
export type {
  AttachmentRow,
  AuditRow,
  BasisDocumentRow,
  CaseEventRow,
  CaseListRow,
  CaseRow,
  DeadlineRow,
  LinkRole,
  ObjectionRow,
  PersonalData,
  RepairRow,
  SubjectKind,
  SubjectLinkRow,
  SubjectOrgType,
  SubjectRow,
} from '../db/types';
export * from './stats';
export * from './credit';
export * from './grading-schemes';
export * from './commitments';
export * from './credit-report';
