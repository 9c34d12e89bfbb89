import type { IsoDate } from '../util/dates';
import type { PeriodKey, PeriodOutcome, RuleSetPin, Severity } from '../rules/types';
import type { PublicationProfile } from '../masking/types';
import type { ListType, ObjectionOutcome, SubjectRef } from './events';

/** Case stages (DOMAIN.md §4.1). D6/D7 are not used by the spec's diagram. */
export type CaseStage = 'D0' | 'D1' | 'X0' | 'D2' | 'D3' | 'D4' | 'D5' | 'D8' | 'D8F' | 'D9' | 'D10' | 'D11';

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  D0: '线索/登记',
  D1: '失信行为认定',
  X0: '免于惩戒（提醒）',
  D2: '拟列入（事先告知）',
  D3: '已列入（书面决定）',
  D4: '已告知',
  D5: '公示中/惩戒实施中',
  D8: '移出（信用修复）',
  D8F: '移出（已履行）',
  D9: '移出（异议成立）',
  D10: '撤销（依据被撤销）',
  D11: '期满停止公示（档案保存）',
};

/** Stages after which nothing but voiding and joint-sanction wind-down may happen. */
export const TERMINAL_STAGES: readonly CaseStage[] = ['X0', 'D8', 'D8F', 'D9', 'D10', 'D11'];

/** Objection sub-machine (DOMAIN.md §4.2). OX = referred to the competent unit (closed). */
export type ObjectionStage = 'O0' | 'OX' | 'O1' | 'O2' | 'O2a' | 'O4' | 'O5' | 'O6';

export const OBJECTION_STAGE_LABELS: Record<ObjectionStage, string> = {
  O0: '已受理',
  OX: '已告知有权处理的单位',
  O1: '已异议标注',
  O2: '核查中',
  O2a: '协助核查中',
  O4: '已采纳（更正/移出）',
  O5: '不予采纳（维持）',
  O6: '结案',
};

/** Repair sub-machine (DOMAIN.md §4.3). P2R = 初审未通过 (returned), P4R = 决定不予修复. */
export type RepairStage = 'P0' | 'P1' | 'P2' | 'P2R' | 'P3' | 'P4' | 'P4R';

export const REPAIR_STAGE_LABELS: Record<RepairStage, string> = {
  P0: '未申请',
  P1: '已申请',
  P2: '初审通过',
  P2R: '初审未通过',
  P3: '审查中',
  P4: '已修复',
  P4R: '不予修复',
};

/** Joint reward/sanction sub-machine (DOMAIN.md §4.4). 'none' = not initiated. */
export type JointStage = 'none' | 'J0' | 'J1' | 'J2' | 'J3' | 'J4';

export const JOINT_STAGE_LABELS: Record<JointStage, string> = {
  none: '未发起',
  J0: '已发起',
  J1: '已确定实施部门',
  J2: '响应实施中',
  J3: '已反馈',
  J4: '已撤销',
};

export type CaseFlag =
  | 'NO_REPAIR' // 朝阳房地产规定 第十九条: re-listed within 1 year after a repair
  | 'OBJECTION_MARKED' // the published record carries an 异议标注
  | 'EXPIRED_PENDING_ARCHIVE' // validity/publication ended (today) but expired_archived not yet recorded
  | 'CORRECTED' // information corrected after an objection
  | 'BASIS_CHANGED' // basis document changed (黑龙江条例 第三十八条)
  | 'PROVISIONAL_DEADLINE' // at least one open deadline depends on an uncovered calendar year
  | 'UNSET_PERIOD' // at least one period the case needs is unset in its rule set
  | 'JOINT_REVOKE_PENDING' // listing ended but the joint sanction is not revoked (J4)
  | 'MEASURES_PENDING_LIFT'; // listing ended but measures are still applied (黑龙江条例 第四十条 "即时终止")

export type Deadline = {
  key: PeriodKey;
  label: string;
  /** null when the period is unset in the rule set, or its clock is paused right now. */
  dueOn: IsoDate | null;
  provisional: boolean;
  /** dueOn < today (and the act is still outstanding). */
  overdue: boolean;
  /** The period is unset (GAP) in the case's rule set: the office must set it in 设置. */
  unset: boolean;
  /** The clock is stopped by an open pause (T18). */
  paused: boolean;
  /** Calendar days excluded by closed pauses. */
  pausedDays: number;
  outcome: PeriodOutcome;
  sourceEventId: string;
  /** objectionId / repairId / assistId the deadline belongs to, if any. */
  scopeId: string | null;
  basis: string;
};

/** An act recorded after its deadline (the deadline is closed, but the delay stays visible). */
export type LateAct = {
  key: PeriodKey;
  label: string;
  dueOn: IsoDate;
  actedOn: IsoDate;
  sourceEventId: string;
  scopeId: string | null;
  basis: string;
};

export type ObjectionState = {
  objectionId: string;
  stage: ObjectionStage;
  receivedOn: IsoDate;
  concernsListing: boolean;
  markedOn: IsoDate | null;
  assists: { assistId: string; toUnit: string; requestedOn: IsoDate; repliedOn: IsoDate | null }[];
  decidedOn: IsoDate | null;
  outcome: ObjectionOutcome | null;
  reasons: string | null;
  openPauseIds: string[];
};

export type RepairState = {
  repairId: string;
  stage: RepairStage;
  appliedOn: IsoDate;
  reviewedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  reasons: string | null;
};

export type MeasureState = { measureId: string; measureCode: string; implementingUnit: string; appliedOn: IsoDate; liftedOn: IsoDate | null };

export type CaseState = {
  caseId: string | null;
  stage: CaseStage;
  stageLabel: string;
  subject: SubjectRef | null;
  severity: Severity | null;
  listType: ListType | null;
  ruleSetPin: RuleSetPin | null;
  determinedOn: IsoDate | null;
  preNoticeServedOn: IsoDate | null;
  statementReceivedOn: IsoDate | null;
  listedOn: IsoDate | null;
  /** Date the listing decision/notice was first served (D4). */
  servedOn: IsoDate | null;
  /**
   * Required recipients of the listing notice not yet served (names), e.g. the 主要责任人 under
   * 朝阳房地产规定 第八条. The T1 deadline stays open until this is empty.
   */
  listingNoticeOutstanding: string[];
  publishedOn: IsoDate | null;
  publicationProfile: PublicationProfile | null;
  /** Whether the listing is currently published (D5 and not stopped). */
  publicationActive: boolean;
  /** Last day of validity (T3), or null. */
  validUntil: IsoDate | null;
  /** Last day of publication (T4 maximum), or null. */
  publicationUntil: IsoDate | null;
  /** First day the subject may apply for repair, or null when not applicable/unset. */
  repairEligibleFrom: IsoDate | null;
  /** today > validUntil or > publicationUntil. */
  expired: boolean;
  /** Date the listing ended (removal, revocation, archive), or null. */
  endedOn: IsoDate | null;
  priorRepairCompletedOn: IsoDate | null;
  /** Date repair was completed in THIS case (for the subject's history, T8). */
  repairCompletedOn: IsoDate | null;
  objections: ObjectionState[];
  repairs: RepairState[];
  repairStage: RepairStage;
  jointStage: JointStage;
  jointUnits: string[];
  measures: MeasureState[];
  flags: CaseFlag[];
  deadlines: Deadline[];
  /** Closed deadlines that were met late, e.g. an objection decided after its 3 working days. */
  lateActs: LateAct[];
  /** Legal date of the latest non-voided event; later acts may not be dated before it. */
  lastOccurredOn: IsoDate | null;
  /** Ids of events neutralised by `voided` events. */
  voidedEventIds: string[];
  lastSeq: number;
};
