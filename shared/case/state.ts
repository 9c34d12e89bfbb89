import type { IsoDate } from '../util/dates';
import type { Certainty, PeriodHolder, PeriodKey, PeriodOutcome, PeriodScope, PeriodUnit, RuleSetPin, Sector, Severity } from '../rules/types';
import type { PublicationProfile } from '../masking/types';
import type { CaseEventPayloads, DecisionDraft, ListType, ObjectionOutcome, SubjectRef } from './events';

/** Case stages (docs/domain-core.md). D6/D7 are not used. */
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

/** Objection sub-machine (黑龙江条例 第三十五、三十九条). OX = referred to the competent unit (closed). */
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

/** Repair sub-machine. P2R = 初审未通过 / 不予受理 (returned), P4R = 决定不予修复. */
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

/** Joint reward/sanction sub-machine (凌源联合奖惩 三、四、六; 庄河实施意见 四(十二)). 'none' = not initiated. */
export type JointStage = 'none' | 'J0' | 'J1' | 'J2' | 'J3' | 'J4';

export const JOINT_STAGE_LABELS: Record<JointStage, string> = {
  none: '未发起',
  J0: '已发起',
  J1: '已确定实施部门',
  J2: '响应实施中',
  J3: '已反馈',
  J4: '已撤销',
};

/** A decision under four-eyes approval (events decision_submitted / _approved / _returned). */
export type DecisionStatus = 'submitted' | 'approved' | 'returned' | 'carried_out';

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  submitted: '待审核',
  approved: '已审核通过',
  returned: '已退回',
  carried_out: '已办理',
};

export type DecisionState = {
  decisionId: string;
  decision: DecisionDraft;
  status: DecisionStatus;
  submittedOn: IsoDate;
  submittedBy: { userId: string; name: string };
  approvedOn: IsoDate | null;
  approvedBy: { userId: string; name: string } | null;
  returnedOn: IsoDate | null;
  returnReasons: string | null;
  /** The event that carried the approved decision out (the 列入, 移出 or 修复决定). */
  carriedOutEventId: string | null;
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
  /** The date the period counts from (the day itself is not counted, 民法典 第二百零一条). */
  startsOn: IsoDate;
  /** The resolved number and unit (null when unset). */
  amount: number | null;
  unit: PeriodUnit;
  /** null when the period is unset in the rule set, or its clock is paused right now. */
  dueOn: IsoDate | null;
  /**
   * For outcome 'becomes_eligible': the first day the subject may act (the day after dueOn, the last
   * day of the waiting period). null otherwise. This is the date to show and print.
   */
  eligibleFrom: IsoDate | null;
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
  scope: PeriodScope;
  /** objectionId / repairId / assistId / corrected event id / basis document no. the deadline belongs to. */
  scopeId: string | null;
  basis: string;
  /** How sure the number is; 'uncertain' numbers carry certaintyMarker() wherever shown or printed. */
  certainty: Certainty;
  /** Whose duty the act is ('other_body' periods are reported apart, as information). */
  holder: PeriodHolder;
};

/** Every period instance of the case, open or closed (documents read the period they print from here). */
export type PeriodInstance = Deadline & {
  /** The objection an assist belongs to (its clock pauses with the objection). */
  parentScopeId: string | null;
  /** When the period ended (the closing event's date), null while open. */
  closedOn: IsoDate | null;
  closedByEventId: string | null;
  /** Ended without the act being due any more (case ended, referral, 不予受理): never late. */
  lapsed: boolean;
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
  holder: PeriodHolder;
};

export type ObjectionState = {
  objectionId: string;
  stage: ObjectionStage;
  receivedOn: IsoDate;
  applicant: string;
  /** What the applicant contests (the objection's reasons). */
  claim: string;
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
  /**
   * Set when the application came before the subject could apply: the first possible day and the
   * waiting period that decides it. The lawful answer is 不予受理 (prematureRepairReason); accepting
   * or granting it is refused.
   */
  premature: { possibleFrom: IsoDate; label: string; basis: string } | null;
};

/** A repair application still to be answered: applied (P1) or accepted and under review (P3). */
export function isRepairOpen(r: Pick<RepairState, 'stage'>): boolean {
  return r.stage === 'P1' || r.stage === 'P3';
}

export type JointUnitProgress = {
  unit: string;
  assignedOn: IsoDate;
  /** The last 响应 of this unit (null: not responded yet) and the measures it reported. */
  respondedOn: IsoDate | null;
  measureCodes: string[];
  /** The last 反馈 of this unit (null: no feedback yet). */
  feedbackOn: IsoDate | null;
  feedback: string | null;
};

/** 联合奖惩 发起 → 响应 → 反馈 → 撤销, as recorded. */
export type JointState = {
  initiatedOn: IsoDate | null;
  platformRef: string | null;
  revokedOn: IsoDate | null;
  revokeReason: string | null;
  units: JointUnitProgress[];
};

export type MeasureState = { measureId: string; measureCode: string; implementingUnit: string; appliedOn: IsoDate; liftedOn: IsoDate | null };

export type CaseState = {
  caseId: string | null;
  stage: CaseStage;
  stageLabel: string;
  subject: SubjectRef | null;
  severity: Severity | null;
  sector: Sector | null;
  listType: ListType | null;
  ruleSetPin: RuleSetPin | null;
  /** The 认定 record: behaviour, facts, basis documents and the determining department. */
  determination: Pick<CaseEventPayloads['determined'], 'behaviourCode' | 'behaviourText' | 'facts' | 'basisDocuments' | 'determiningDept'> | null;
  determinedOn: IsoDate | null;
  /**
   * The earliest decision date of the effective basis documents (e.g. the 行政处罚决定): national
   * publication periods count from it (527号文, 58号令, 36号令).
   */
  basisDecidedOn: IsoDate | null;
  preNoticeServedOn: IsoDate | null;
  statementReceivedOn: IsoDate | null;
  listedOn: IsoDate | null;
  /** 列入决定书 文号 as recorded by the listing. */
  listingDecisionNo: string | null;
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
  /**
   * How repairEligibleFrom was found, once listed (also after the listing ended): the latest first
   * possible day of every waiting period, the period that decides it, and whether a number is unset
   * or uncertain, or the subject barred (朝阳房地产规定 第十九条).
   */
  repairEligibility: { possibleFrom: IsoDate | null; label: string | null; basis: string | null; certainty: Certainty; unset: boolean; barred: boolean } | null;
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
  joint: JointState;
  measures: MeasureState[];
  /** Decisions under four-eyes approval, in submission order. */
  decisions: DecisionState[];
  flags: CaseFlag[];
  /** Open periods the office (or the subject) must watch, soonest first. */
  deadlines: Deadline[];
  /** Open periods that are another body's duty (e.g. 黑龙江条例 第二十一条 push by the 公共信用工作机构): information only. */
  otherBodyDeadlines: Deadline[];
  /** Every period instance, open or closed, in the order they opened. */
  periods: PeriodInstance[];
  /** Closed deadlines that were met late, e.g. an objection decided after its 3 working days. */
  lateActs: LateAct[];
  /** Legal date of the latest non-voided event; later acts may not be dated before it. */
  lastOccurredOn: IsoDate | null;
  /** Ids of events neutralised by `voided` events. */
  voidedEventIds: string[];
  lastSeq: number;
};
