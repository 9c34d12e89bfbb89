import type { IsoDate } from '../util/dates';
import type { PauseKind, RuleSetPin, Sector, Severity } from '../rules/types';
import type { PublicationProfile } from '../masking/types';
import type { ServedDocumentKind } from '../documents/kinds';

/**
 * A case is an APPEND-ONLY list of procedural events (黑龙江条例 第三十六条 forbids 篡改 and 违规删除).
 * Nothing is edited or deleted: a mistaken event is neutralised by a later `voided` event with a reason.
 *
 * Every event carries:
 *  - `seq`: 1, 2, 3 … within the case, no gaps;
 *  - `occurredOn`: the LEGAL date of the act (what periods count from), set by the officer;
 *  - `recordedAt`: when it was entered (ISO timestamp, device clock, passed in — never read here);
 *  - `prevHash`/`hash`: optional keyed chain (HMAC-SHA-256, shared/case/hash-chain.ts), filled by the store.
 */
export type SubjectKind = 'natural_person' | 'legal_person' | 'unincorporated_org' | 'individual_business';

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  natural_person: '自然人',
  legal_person: '法人',
  unincorporated_org: '非法人组织',
  individual_business: '个体工商户',
};

export type PersonRef = { name: string; citizenId?: string; role?: string };

export type SubjectRef = {
  subjectId: string;
  kind: SubjectKind;
  name: string;
  /** 统一社会信用代码 (organisations, 个体工商户). */
  uscc?: string;
  /** 公民身份号码 (natural persons). */
  citizenId?: string;
  legalRepresentative?: PersonRef;
  /** 主要责任人 (朝阳房地产规定 第七、八、十、十二条). */
  responsiblePersons?: PersonRef[];
};

export type BasisDocumentType =
  | 'judgment' // 判决
  | 'ruling' // 裁定
  | 'arbitration' // 仲裁
  | 'penalty_decision' // 行政处罚决定
  | 'coercion' // 行政强制
  | 'adjudication' // 行政裁决
  | 'dishonest_judgment_debtor' // 失信被执行人名单
  | 'other';

export type BasisDocument = {
  type: BasisDocumentType;
  documentNo: string;
  issuer: string;
  decidedOn: IsoDate;
  /** 生效 — 黑龙江条例 第二十七条 requires an effective document. */
  effective: boolean;
  attachmentId?: string;
};

export type ServiceMethod = 'direct' | 'left_at_address' | 'post' | 'electronic' | 'entrusted' | 'public_notice';

export type ListType =
  | 'dishonesty_list' // 失信名单 (朝阳房地产)
  | 'severe_dishonesty_list' // 严重失信主体名单
  | 'joint_sanction_list' // 失信联合惩戒对象名单
  | 'focus_list'; // 重点关注对象名单

export type ObjectionGround = 'error' | 'omission' | 'overdue_publication' | 'trade_secret' | 'privacy' | 'listing' | 'other';

export type ObjectionOutcome = 'upheld_remove' | 'upheld_correct' | 'rejected';

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  upheld_remove: '采纳-移出',
  upheld_correct: '采纳-更正',
  rejected: '不予采纳',
};

export type RepairMethod = 'commitment' | 'rectification' | 'verification' | 'training' | 'credit_report' | 'public_welfare' | 'obligation_fulfilled';

export type RemovalReason = 'fulfilled' | 'other';

export type BasisRevocationKind = 'revoked' | 'confirmed_illegal' | 'confirmed_void';

/** The name of each list as printed (titles, intro sentences, publication). */
export const LIST_TYPE_LABELS: Record<ListType, string> = {
  dishonesty_list: '失信名单',
  severe_dishonesty_list: '严重失信主体名单',
  joint_sanction_list: '失信联合惩戒对象名单',
  focus_list: '重点关注对象名单',
};

/**
 * The decisions that need a second person (four-eyes, 两人审核): a 经办人 drafts and submits the decision,
 * a 审核人 who is not the drafter approves it, and only then is the act recorded (列入: the 列入决定书 is
 * issued; 移出 and 修复决定: the act itself). 黑龙江条例 第十七、三十六、五十一条.
 */
export type DecisionAct = 'listed' | 'removed' | 'repair_decided';

export const DECISION_ACTS: readonly DecisionAct[] = ['listed', 'removed', 'repair_decided'];

/** What the drafter proposes: the act and its content (the listing's 文号 comes when it is issued). */
export type DecisionDraft =
  | { act: 'listed'; payload: { listType: ListType } }
  | { act: 'removed'; payload: { reason: RemovalReason; note: string } }
  | { act: 'repair_decided'; payload: { repairId: string; approved: boolean; reasons: string } };

/** Payload of each event type. Keep field names stable: the store and sync persist them. */
export type CaseEventPayloads = {
  /** 认定 (D0→D1): the behaviour, the basis and the rule set in force on this date. */
  determined: {
    subject: SubjectRef;
    /** Behaviour catalogue item code (shared/rules/catalogues.ts) or null with free text. */
    behaviourCode: string | null;
    behaviourText: string;
    facts: string;
    severity: Severity;
    /** The sector of the conduct where rules depend on it (58号令: 食品、药品、特种设备、安全生产、消防). */
    sector?: Sector;
    listType: ListType;
    basisDocuments: BasisDocument[];
    determiningDept: string;
    ruleSet: RuleSetPin;
  };
  /** 免于惩戒 + 提醒 (D1→X0, 黑龙江条例 第三十条). */
  exempted: { reason: string };
  /** 事先告知 (D1→D2). */
  pre_notice_served: { documentNo: string; recipients: string[]; method: ServiceMethod };
  /** 陈述申辩 received (D2). */
  statement_received: { summary: string; accepted: boolean; note?: string };
  /** 列入 + 书面决定 (→D3). `priorRepairCompletedOn` is the subject's last completed repair (for T8). */
  listed: { decisionNo: string; listType: ListType; priorRepairCompletedOn: IsoDate | null };
  /** 送达 of a document (listing decision/notice → D4). */
  served: {
    /**
     * Kebab case (shared/documents/kinds.ts). Events stored by earlier versions may carry the old
     * snake-case spelling; parseCaseEvent accepts it and the fold reads it through normalizeServedKind.
     */
    documentKind: ServedDocumentKind;
    documentNo: string;
    recipients: string[];
    method: ServiceMethod;
    /** objectionId / repairId the document answers (closes O5/O4 → O6), or null. */
    regardingId: string | null;
  };
  /**
   * 公示 (D4→D5). `necessity`: the 行业主管部门's reasons why information that is in principle not
   * published (36号令: 轻微失信信息) must be published all the same.
   */
  published: { channels: string[]; profile: PublicationProfile; necessity?: string };
  /** 异议受理 (O0). `objectionId` is made by the caller and names the objection everywhere below. */
  objection_received: {
    objectionId: string;
    applicant: string;
    grounds: ObjectionGround[];
    reasons: string;
    /** True when the objection contests the listing itself (黑龙江条例 第三十五条 复核, T13). */
    concernsListing: boolean;
    channel: 'written' | 'credit_china' | 'platform' | 'other';
  };
  /** 异议转办: outside our remit → 告知有权处理的单位 (O-X, closed). */
  objection_referred: { objectionId: string; toUnit: string; note?: string };
  /** 异议标注 (O1). */
  objection_marked: { objectionId: string };
  /** 协助核查 request (O2a). */
  assist_requested: { objectionId: string; assistId: string; toUnit: string };
  assist_replied: { objectionId: string; assistId: string; result: string };
  /** 计时中止 (T18): `scopeId` is the objectionId (or repairId) whose clocks stop. */
  clock_paused: { pauseId: string; kind: PauseKind; scopeId: string; note?: string };
  clock_resumed: { pauseId: string };
  /** 异议决定 (O3). `reasons` is required for every outcome and must be non-empty for 'rejected'. */
  objection_decided: { objectionId: string; outcome: ObjectionOutcome; reasons: string };
  /** 更正 (O4 / provider correction). */
  corrected: {
    objectionId: string | null;
    changes: { field: string; before: string; after: string }[];
    note?: string;
    /** When the provider found the error itself (黑龙江条例 第三十八条: 3 WD from discovery). */
    discoveredOn?: IsoDate;
  };
  /** 更正信息已推送下游 (closes T19). */
  correction_pushed: { correctedEventId: string; targets: string[] };
  /** 修复申请 (P1). */
  repair_applied: { repairId: string; methods: RepairMethod[]; commitmentSigned: boolean; note?: string };
  /** 修复初审 (P2). Not accepted → reasons required. */
  repair_reviewed: { repairId: string; accepted: boolean; reasons: string };
  /** 修复决定 (P4). Approved → D8 (移出). Refused → reasons required. */
  repair_decided: { repairId: string; approved: boolean; reasons: string };
  /** 移出 other than by repair/objection/revocation (D8': 已履行法定义务…, 凌源联合奖惩 六(一)). */
  removed: { reason: RemovalReason; note: string };
  /** 期满停止公示 → 档案保存 (D11, 黑龙江条例 第三十七条). */
  expired_archived: { note?: string };
  /** 依据被改变 reported by the provider (T23 check, opens T24). */
  basis_change_reported: { basisDocumentNo: string; basisChangedOn: IsoDate; change: BasisRevocationKind | 'changed' };
  /** 撤销 (D10, 黑龙江条例 第三十八条). */
  basis_revoked: { basisDocumentNo: string; kind: BasisRevocationKind; basisChangedOn: IsoDate };
  /** 依据变更 (stay D5 with changed information). */
  basis_changed: { basisDocumentNo: string; basisChangedOn: IsoDate; description: string };
  /** 惩戒措施 from the closed catalogue (黑龙江条例 第三十、三十一条). */
  measure_applied: { measureId: string; measureCode: string; implementingUnit: string; justification: string };
  measure_lifted: { measureId: string; reason: string };
  /** 推送 to a credit platform (closes T25 platform_push / T27 joint_push). */
  platform_pushed: { platform: 'province' | 'city' | 'county' | 'joint'; reference: string | null };
  /** 联合奖惩 J0 发起 (录入平台即成功发起). */
  joint_initiated: { platformRef: string | null };
  /** J1 确定实施部门. */
  joint_units_assigned: { units: string[] };
  /** J2 响应/实施. */
  joint_responded: { unit: string; measureCodes: string[] };
  /** J3 反馈. */
  joint_feedback: { unit: string; summary: string };
  /** J4 撤销. */
  joint_revoked: { reason: string };
  /** 提交审核: the drafter (the event's actor) submits a decision for approval. */
  decision_submitted: { decisionId: string; decision: DecisionDraft };
  /** 审核通过: a 审核人 other than the drafter (the event's actor) approves it. */
  decision_approved: { decisionId: string; note?: string };
  /** 审核退回: the decision goes back to the drafter, with reasons. */
  decision_returned: { decisionId: string; reasons: string };
  /** 作废 an earlier event (append-only correction of the record itself). */
  voided: { voidedEventId: string; reason: string };
};

export type CaseEventType = keyof CaseEventPayloads;

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'determined', 'exempted', 'pre_notice_served', 'statement_received', 'listed', 'served', 'published',
  'objection_received', 'objection_referred', 'objection_marked', 'assist_requested', 'assist_replied',
  'clock_paused', 'clock_resumed', 'objection_decided', 'corrected', 'correction_pushed',
  'repair_applied', 'repair_reviewed', 'repair_decided', 'removed', 'expired_archived',
  'basis_change_reported', 'basis_revoked', 'basis_changed', 'measure_applied', 'measure_lifted',
  'platform_pushed', 'joint_initiated', 'joint_units_assigned', 'joint_responded', 'joint_feedback', 'joint_revoked',
  'decision_submitted', 'decision_approved', 'decision_returned', 'voided',
];

export const CASE_EVENT_LABELS: Record<CaseEventType, string> = {
  determined: '认定',
  exempted: '免于惩戒',
  pre_notice_served: '事先告知',
  statement_received: '陈述申辩',
  listed: '列入',
  served: '送达',
  published: '公示',
  objection_received: '异议受理',
  objection_referred: '异议转办',
  objection_marked: '异议标注',
  assist_requested: '协助核查',
  assist_replied: '协助核查反馈',
  clock_paused: '计时中止',
  clock_resumed: '计时恢复',
  objection_decided: '异议决定',
  corrected: '更正',
  correction_pushed: '更正推送',
  repair_applied: '修复申请',
  repair_reviewed: '修复初审',
  repair_decided: '修复决定',
  removed: '移出',
  expired_archived: '期满转档案',
  basis_change_reported: '依据变更报告',
  basis_revoked: '撤销依据',
  basis_changed: '依据变更',
  measure_applied: '惩戒措施',
  measure_lifted: '解除措施',
  platform_pushed: '推送平台',
  joint_initiated: '联合奖惩发起',
  joint_units_assigned: '确定实施部门',
  joint_responded: '联合奖惩响应',
  joint_feedback: '联合奖惩反馈',
  joint_revoked: '联合奖惩撤销',
  decision_submitted: '提交审核',
  decision_approved: '审核通过',
  decision_returned: '审核退回',
  voided: '作废',
};

/**
 * Who files each act: the office's own acts, filings of the subject (陈述申辩, 异议, 修复申请) and of
 * other bodies (协助核查反馈, 依据变更报告). A filing is always registered — an unset period it opens shows
 * as 期限未设置 — while an act of the office that opens an unset period is refused until the office sets it.
 */
export type Filer = 'office' | 'subject' | 'other_body';

export const CASE_EVENT_FILER: Record<CaseEventType, Filer> = {
  determined: 'office',
  exempted: 'office',
  pre_notice_served: 'office',
  statement_received: 'subject',
  listed: 'office',
  served: 'office',
  published: 'office',
  objection_received: 'subject',
  objection_referred: 'office',
  objection_marked: 'office',
  assist_requested: 'office',
  assist_replied: 'other_body',
  clock_paused: 'office',
  clock_resumed: 'office',
  objection_decided: 'office',
  corrected: 'office',
  correction_pushed: 'office',
  repair_applied: 'subject',
  repair_reviewed: 'office',
  repair_decided: 'office',
  removed: 'office',
  expired_archived: 'office',
  basis_change_reported: 'other_body',
  basis_revoked: 'office',
  basis_changed: 'office',
  measure_applied: 'office',
  measure_lifted: 'office',
  platform_pushed: 'office',
  joint_initiated: 'office',
  joint_units_assigned: 'office',
  joint_responded: 'other_body',
  joint_feedback: 'other_body',
  joint_revoked: 'office',
  decision_submitted: 'office',
  decision_approved: 'office',
  decision_returned: 'office',
  voided: 'office',
};

export type Actor = { userId: string; name: string; unit?: string; role?: string };

export type CaseEventOf<T extends CaseEventType> = {
  id: string;
  caseId: string;
  seq: number;
  type: T;
  occurredOn: IsoDate;
  recordedAt: string;
  actor: Actor;
  payload: CaseEventPayloads[T];
  prevHash?: string;
  hash?: string;
};

export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

/** What a caller supplies to append an event; id, seq, caseId and recordedAt are added by appendEvent. */
export type EventDraftOf<T extends CaseEventType> = { type: T; occurredOn: IsoDate; actor: Actor; payload: CaseEventPayloads[T] };
export type EventDraft = { [T in CaseEventType]: EventDraftOf<T> }[CaseEventType];

/**
 * An action to check with canPerform: the event type plus (optionally) its payload and date. Without
 * a payload only the payload-independent preconditions are checked (for enabling buttons).
 */
export type CaseAction = { [T in CaseEventType]: { type: T; occurredOn?: IsoDate; payload?: CaseEventPayloads[T]; actor?: Actor } }[CaseEventType];
