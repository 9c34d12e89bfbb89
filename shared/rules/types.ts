import type { IsoDate } from '../util/dates';
import type { PublicationProfile } from '../masking/types';
import type { CaseEventType, ListType } from '../case/events';

/**
 * Legal rules are DATA. A number that no text gives is `null` ("unset"; docs/domain-core.md lists
 * them); an act of the office that would open an unset period is refused until the office sets it
 * (设置), while filings of the subject or of other bodies are always registered.
 */
export type PeriodUnit = 'working_days' | 'calendar_days' | 'months' | 'years';

export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = {
  working_days: '个工作日',
  calendar_days: '日',
  months: '个月',
  years: '年',
};

/** Severity of the dishonesty information (国办发〔2025〕22号 / 发改委令第36号 tiers). */
export type Severity = 'minor' | 'general' | 'severe';

export const SEVERITY_LABELS: Record<Severity, string> = { minor: '轻微', general: '一般', severe: '严重' };

/**
 * What stops a period's clock. 黑龙江条例 第三十九条: "检验、检测、检疫、鉴定和专家评审所需时间不计入异议处理时间".
 */
export type PauseKind = 'inspection' | 'testing' | 'quarantine' | 'appraisal' | 'expert_review';

export const PAUSE_KIND_LABELS: Record<PauseKind, string> = {
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
};

export const ALL_PAUSE_KINDS: readonly PauseKind[] = ['inspection', 'testing', 'quarantine', 'appraisal', 'expert_review'];

/** Every procedural period a case can meet (T-numbers in docs/domain-core.md). */
export type PeriodKey =
  | 'pre_notice_statement' // 事先告知后陈述申辩期 (国办发〔2020〕49号 (八); GAP: no number)
  | 'listing_notice' // T1 列入后书面告知
  | 'written_decision' // T2 作出书面决定 (GAP)
  | 'validity' // T3 失信记录有效期
  | 'publication_max' // T4 公示期限 (maximum; tiered by severity under national rules)
  | 'publication_min' // national minimum publication before repair (tiered)
  | 'repair_eligibility' // T7 列入满一年方可申请修复
  | 'relisting_repair_bar' // T8 修复后一年内再次列入 → 新有效期内不得修复 (look-back window)
  | 'repair_initial_review' // T9 修复初审
  | 'repair_decision' // T10 修复决定 (GAP: "及时")
  | 'objection_processing' // T11 / T20 异议处理完毕 (whole process)
  | 'objection_listing_review' // T13 列入严重失信名单异议复核
  | 'objection_marking' // T14 异议标注
  | 'objection_decision' // T15 异议处理决定 (own verification)
  | 'objection_decision_assisted' // T16 需协助核查时的处理决定
  | 'assist_reply' // T17 协助单位反馈核查结果
  | 'objection_correction' // T12 核实后更正 ("立即")
  | 'downstream_correction' // T19 已共享系统处理更正信息
  | 'provider_correction' // T22 提供单位自发现之日起更正
  | 'basis_change_report' // T23 依据变更后提供单位报告
  | 'basis_change_action' // T24 公共信用工作机构撤销或变更
  | 'platform_push' // T25 归集后推送省平台
  | 'joint_push' // T27 联合奖惩信息报送 (凌源联合奖惩 二(四))
  | 'decision_publication'; // T28–T30 作出决定后上网公开 (双公示)

/**
 * The event a period opens on (`countsFrom`). 'repair_completed', 'basis_changed_on' and 'discovered'
 * are anchors of earlier rule-set versions that name a date, not an event: no event opens them (the
 * date is chosen with `from`, e.g. countsFrom 'basis_change_reported' from 'basis_changed_on').
 */
export type PeriodAnchor =
  | 'pre_notice_served'
  | 'determined'
  | 'listed'
  | 'published'
  | 'objection_received'
  | 'assist_requested'
  | 'objection_decided'
  | 'corrected'
  | 'repair_applied'
  | 'repair_reviewed'
  | 'repair_completed' // the subject's previous repair (outside this case)
  | 'basis_changed_on' // the date the basis document was changed (payload date)
  | 'basis_change_reported'
  | 'discovered' // provider discovers an error (payload date)
  | 'joint_initiated';

/** What the end of a period means. */
export type PeriodOutcome =
  | 'overdue' // an act is due by then; a task becomes overdue after it
  | 'listing_expires' // validity ends: stop publication, archive (黑龙江 第三十七条)
  | 'publication_ends' // maximum publication reached: stop publication
  | 'becomes_eligible' // the subject may apply (e.g. repair) after the period
  | 'bar_ends' // a prohibition (look-back window) ends
  | 'window_closes'; // a right of the subject (陈述申辩) may no longer be exercised

/**
 * How sure we are of a number: 'stated' = verbatim in the cited text; 'unit_as_written' = the text
 * says "日" and we read calendar days; 'uncertain' = the official text could not be read and the number
 * comes from secondary restatements (shown with `certaintyMarker` until an office confirms it);
 * 'unset' = no text gives a number; 'office' = set or confirmed by the office in 设置 (applyOfficeSettings).
 */
export type Certainty = 'stated' | 'unit_as_written' | 'uncertain' | 'unset' | 'office';

export type TierAmount = { amount: number | null; certainty: Certainty };

/**
 * Sectors some national rules treat apart (58号令 as restated: a 1-year minimum publication for
 * 食品、药品、特种设备、安全生产、消防 penalties).
 */
export type Sector = 'food' | 'drug' | 'special_equipment' | 'work_safety' | 'fire';

export const SECTOR_LABELS: Record<Sector, string> = {
  food: '食品',
  drug: '药品',
  special_equipment: '特种设备',
  work_safety: '安全生产',
  fire: '消防',
};

export const ALL_SECTORS: readonly Sector[] = ['food', 'drug', 'special_equipment', 'work_safety', 'fire'];

/** Which date a period counts from, once its opening event happened. */
export type PeriodStart =
  | 'event_date' // the opening event's occurredOn
  | 'basis_decision' // the earliest decision date of the effective basis documents of 认定 (527号文, 58号令, 36号令)
  | 'scope_opened' // the date the scope opened (the objection's receipt for T16)
  | 'basis_changed_on' // the payload's basisChangedOn (黑龙江条例 第三十八条 T23)
  | 'discovered_on'; // the payload's discoveredOn (黑龙江条例 第三十八条 T22)

/** What a period instance belongs to; the id comes from the event payload. */
export type PeriodScope = 'case' | 'objection' | 'assist' | 'repair' | 'correction' | 'basis_report';

/** Whose duty the act due at the end is: the office's own list shows 'office' and 'subject' periods. */
export type PeriodHolder = 'office' | 'subject' | 'other_body';

/**
 * Named conditions an opening or closing event must meet. The registry is closed and lives in code
 * (shared/case/periods-engine.ts); the data only picks one.
 */
export type PeriodCondition =
  | 'concerns_listing' // objection_received: the objection contests the listing itself (黑龙江条例 第三十五条)
  | 'upheld_correct' // objection_decided: upheld, the information must be corrected
  | 'provider_discovery' // corrected: the provider found the error itself (payload carries discoveredOn)
  | 'listing_notice_complete' // served: a listing document, and every required recipient has now been served
  | 'joint_platform' // platform_pushed to the joint-sanction platform
  | 'other_platform' // platform_pushed to any other platform
  | 'review_not_accepted'; // repair_reviewed: 不予受理

/** An event that ends a period. `lapses`: the act is no longer due (no late act is reported). */
export type PeriodTrigger = { event: CaseEventType | 'case_ended'; when?: PeriodCondition; lapses?: boolean };

export type PeriodRule = {
  key: PeriodKey;
  /** Chinese label shown in deadline lists and printed documents. */
  label: string;
  /** null = unset (GAP): acts of the office that open this period are refused until the office sets it. */
  amount: number | null;
  unit: PeriodUnit;
  /** The event that opens the period. */
  countsFrom: PeriodAnchor;
  /** Pause kinds that stop the clock (T18). Empty = never paused. */
  pausedBy: readonly PauseKind[];
  /** 民事诉讼法 第八十五条: a period ending on a rest day ends on the next working day. */
  rollToWorkingDay: boolean;
  onEnd: PeriodOutcome;
  /** Citation, e.g. "黑龙江省社会信用条例 第三十九条". */
  basis: string;
  certainty: Certainty;
  /** Per-severity amounts (national publication tiers); when present they override `amount`. */
  bySeverity?: Partial<Record<Severity, TierAmount>>;
  /** Per-sector amounts; they win over tiers and the flat amount (sector > severity tier > amount). */
  bySector?: Partial<Record<Sector, TierAmount>>;
  note?: string;
  // The fields below default to PERIOD_TEMPLATES[key] (shared/rules/periods.ts) when absent.
  /** Condition the opening event must meet. */
  countsFromWhen?: PeriodCondition;
  /** Which date counts. */
  from?: PeriodStart;
  scope?: PeriodScope;
  /** Events that end the period. */
  closedBy?: readonly PeriodTrigger[];
  /** Periods that replace this one when they open in the same scope (e.g. T16 replaces T15). */
  supersededBy?: readonly PeriodKey[];
  holder?: PeriodHolder;
  /** Whether the period stays in the deadline list after its last day (false: a window that simply closes). */
  shownAfterEnd?: boolean;
  /** Shown only once the case has been listed / published (the value is computed earlier). */
  shownFrom?: 'listed' | 'published';
};

/** Publication tier of the national repair regimes (国办发〔2025〕22号, 36号令, 527号文). */
export type PublicationTier = {
  severity: Severity;
  /**
   * Whether the information is published at all by default (36号令: 轻微失信信息"原则上不予公示";
   * publishing it needs the 行业主管部门's "确有必要" reasons, and the maximum below caps it).
   */
  publishedByDefault: boolean;
  minimum: { amount: number | null; unit: PeriodUnit } | null;
  maximum: { amount: number | null; unit: PeriodUnit } | null;
  certainty: Certainty;
  basis: string;
};

export type RuleSetKind = 'local' | 'national';

export type RuleSetRef = { id: string; version: number };

/**
 * A case pins the rule set (and the national regime composed into it) in force on its 认定 date,
 * so later changes of the rules never change an old case.
 */
export type RuleSetPin = RuleSetRef & { national: RuleSetRef | null };

export type RuleSet = {
  id: string;
  version: number;
  kind: RuleSetKind;
  /** Which rule family this is a version of (selectRuleSet picks by this key and date). */
  jurisdictionKey: string;
  title: string;
  shortTitle: string;
  issuer: string;
  documentNumber: string | null;
  /** In force from (inclusive). */
  effectiveFrom: IsoDate;
  /** Last day in force (inclusive), null = open-ended. */
  effectiveTo: IsoDate | null;
  periods: readonly PeriodRule[];
  /** National publication tiers (only on national rule sets; composed into local ones, see publicationSource). */
  publicationTiers: readonly PublicationTier[];
  /** 'own' = the local text fixes publication (e.g. 3-year validity); 'national' = "按照国家有关规定执行". */
  publicationSource: 'own' | 'national';
  publicationProfile: PublicationProfile;
  /**
   * Who must receive the written listing notice before T1 is met: 朝阳房地产规定 第八条 "书面告知该
   * 市场主体和主要责任人" → 'subject_and_responsible'. Absent = the subject only.
   */
  listingNoticeRecipients?: 'subject' | 'subject_and_responsible';
  /** Whether listing requires a served 事先告知 (and the 陈述申辩 window) first. */
  requiresPreNotice: boolean;
  preNoticeBasis: string | null;
  /** Behaviour catalogue ids usable under this rule set (shared/rules/catalogues.ts). */
  behaviourCatalogues: readonly string[];
  /** Measure catalogue codes usable under this rule set (shared/rules/measures.ts); closed list. */
  measureCodes: readonly string[];
  /** Whether the deny-list of 朝阳2020方案 十七(二十七) is enforced. */
  enforcesDenyList: boolean;
  /**
   * Severities a list type may carry, with the article (黑龙江 严重失信主体名单 = 严重 only). A list type
   * absent here takes any severity.
   */
  severitiesByListType?: Partial<Record<ListType, { severities: readonly Severity[]; basis: string }>>;
  /** The article the 比例原则 (合法、关联、比例 / 过惩相当) of measures rests on under this rule set. */
  proportionalityBasis?: string;
  /** Set when produced by applyOfficeSettings: the preset it derives from. */
  derivedFrom: RuleSetRef | null;
  notes: readonly string[];
};

/** An office's settings for unset periods (and optional override of the masking profile). */
export type OfficeSettings = {
  /** Office-chosen amounts for periods; only unset periods may be set unless `allowOverride`. */
  periods: Partial<Record<PeriodKey, { amount: number; unit?: PeriodUnit; note?: string }>>;
  /**
   * Periods of uncertain certainty the office has checked against the official text and confirms
   * (certainty becomes 'office'; the uncertainty marker disappears from screens and prints).
   */
  confirmedPeriods?: readonly PeriodKey[];
  /** 'full' publication (朝阳房地产规定 第十二条(一)) only by an explicit, recorded decision. */
  publicationProfile?: PublicationProfile;
  requiresPreNotice?: boolean;
  /** Who decided and by which internal document (recorded in the rule set's notes). */
  decidedBy: string;
  decisionReference: string;
  effectiveFrom: IsoDate;
};
