/**
 * The credit tables (migrations 0070–0072) and their row types. Reached through `db.table(...)` so
 * that the database class stays as it is; only the desk layer uses these accessors.
 */
import type { Table } from 'dexie';
import type { CreditDeskDb } from '../../db/database';
import type { IsoDate } from '../../../../shared/util/dates';
import type { StatsRow } from '../../../../shared/credit/stats';
import type { StatsBucket } from '../../../../shared/credit/stats-buckets';
import type { CreditRecord } from '../../../../shared/credit/records';
import type { Award } from '../../../../shared/credit/incentive';
import type { PointsEntry, PointsScheme } from '../../../../shared/credit/points';
import type { SampleDraw, SamplingPolicy } from '../../../../shared/credit/sampling';
import type { CommitmentEvent, CommitmentStage, CommitmentType } from '../../../../shared/credit/commitments';

/** A 双公示 date recorded for one penalty decision a case rests on. */
export type PenaltyDisclosureRow = { id: string; caseId: string; documentNo: string; disclosedOn: IsoDate; recordedAt: string; recordedBy: string };

/** One credit record of a subject: a case's (id `case:<caseId>`), a breached commitment's, or another department's. */
export type CreditRecordRow = { id: string; subjectId: string; origin: 'case' | 'commitment' | 'other'; record: CreditRecord; updatedAt: string };

/** A credit evaluation made elsewhere (纳税信用等级, 行业信用评价 …) that the office recorded. */
export type RecordedEvaluation = { id: string; scheme: string; grade: string; evaluatedOn: IsoDate; department: string; document: string | null };

/** A change to a subject's credit profile, for the subject's report (黑龙江条例 第三十五条 变动情况). */
export type ProfileChange = { at: string; date: IsoDate; by: string; label: string; detail: string };

export type SubjectCreditRow = {
  subjectId: string;
  /** 成立（登记）日期, for "连续三年" (凌源信易批 三(一)3); null = unknown. */
  establishedOn: IsoDate | null;
  /** 吊销营业执照 date (河北 D类); null = not revoked. */
  businessLicenceRevokedOn: IsoDate | null;
  awards: Award[];
  evaluations: RecordedEvaluation[];
  /** 黑龙江条例 第三十七条: the subject asked not to publish its positive information. */
  positiveOptOut: { since: IsoDate; note: string } | null;
  changes: ProfileChange[];
  updatedAt: string;
};

export type PointsSchemeRow = { id: string; schemeKey: string; version: number; data: PointsScheme; savedAt: string; savedBy: string };

export type PointsEntryRow = PointsEntry & { subjectId: string; schemeKey: string; recordedAt: string; recordedBy: string };

export type SamplingPolicyRow = { id: string; policyId: string; version: number; data: SamplingPolicy; savedAt: string; savedBy: string };

export type SampleCandidate = { id: string; label: string; code: string; grade: string };

/** A recorded 双随机 draw: seed, the graded list drawn from, the result, who and when. */
export type SampleDrawRow = {
  id: string;
  at: string;
  by: string;
  asOf: IsoDate;
  policy: { id: string; version: number; title: string };
  seed: string;
  candidates: SampleCandidate[];
  tiers: { tierKey: string; label: string; ratio: number | null; draw: SampleDraw }[];
};

export type CommitmentRow = {
  id: string;
  subjectId: string;
  subjectLabel: string;
  /** The commitment rule set (COMMITMENT_RULE_PRESETS key). */
  rulesKey: string;
  type: CommitmentType;
  matter: string;
  department: string;
  events: CommitmentEvent[];
  stage: CommitmentStage;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
};

export const statsTable = (db: CreditDeskDb): Table<StatsRow, string> => db.table('stats');
export const statsBucketsTable = (db: CreditDeskDb): Table<StatsBucket, string> => db.table('statsBuckets');
export const penaltyDisclosuresTable = (db: CreditDeskDb): Table<PenaltyDisclosureRow, string> => db.table('penaltyDisclosures');
export const creditRecordsTable = (db: CreditDeskDb): Table<CreditRecordRow, string> => db.table('creditRecords');
export const subjectCreditTable = (db: CreditDeskDb): Table<SubjectCreditRow, string> => db.table('subjectCredit');
export const pointsSchemesTable = (db: CreditDeskDb): Table<PointsSchemeRow, string> => db.table('pointsSchemes');
export const pointsEntriesTable = (db: CreditDeskDb): Table<PointsEntryRow, string> => db.table('pointsEntries');
export const samplingPoliciesTable = (db: CreditDeskDb): Table<SamplingPolicyRow, string> => db.table('samplingPolicies');
export const sampleDrawsTable = (db: CreditDeskDb): Table<SampleDrawRow, string> => db.table('sampleDraws');
export const commitmentsTable = (db: CreditDeskDb): Table<CommitmentRow, string> => db.table('commitments');

/** An empty profile for a subject nothing was recorded about yet. */
export function emptySubjectCredit(subjectId: string, at: string): SubjectCreditRow {
  return { subjectId, establishedOn: null, businessLicenceRevokedOn: null, awards: [], evaluations: [], positiveOptOut: null, changes: [], updatedAt: at };
}
