import type { IsoDate } from '../util/dates';
import type { PublicationProfile } from '../masking/types';

/**
 * Legal rules are DATA. A number that no text gives is `null` ("unset", the GAPs of DOMAIN.md §8);
 * the app refuses actions that would open an unset period until the office sets it (设置).
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

/** Every procedural period a case can meet (DOMAIN.md §3; T-numbers in comments). */
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
  | 'joint_push'; // T27 联合奖惩信息报送

/** The fact a period counts from. Mostly case event types; some are dates carried in payloads. */
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
 * says "日" and we read calendar days (DOMAIN.md §8 GAP 6); 'uncertain' = from secondary sources
 * (NATIONAL_RULES.md marks it MED/UNVERIFIED); 'unset' = no text gives a number; 'office' = set by
 * the office in 设置 (see applyOfficeSettings).
 */
export type Certainty = 'stated' | 'unit_as_written' | 'uncertain' | 'unset' | 'office';

export type TierAmount = { amount: number | null; certainty: Certainty };

export type PeriodRule = {
  key: PeriodKey;
  /** Chinese label shown in deadline lists and printed documents. */
  label: string;
  /** null = unset (GAP): actions that open this period are refused until the office sets it. */
  amount: number | null;
  unit: PeriodUnit;
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
  note?: string;
};

/** Publication tier of the national repair regimes (NATIONAL_RULES.md §0, §2). */
export type PublicationTier = {
  severity: Severity;
  /** Whether the information is published at all by default (轻微: "原则上不公示"). */
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
  /** Whether 003 十七(二十七)'s deny-list is enforced. */
  enforcesDenyList: boolean;
  /** Set when produced by applyOfficeSettings: the preset it derives from. */
  derivedFrom: RuleSetRef | null;
  notes: readonly string[];
};

/** An office's settings for unset periods (and optional override of the masking profile). */
export type OfficeSettings = {
  /** Office-chosen amounts for periods; only unset periods may be set unless `allowOverride`. */
  periods: Partial<Record<PeriodKey, { amount: number; unit?: PeriodUnit; note?: string }>>;
  publicationProfile?: PublicationProfile;
  requiresPreNotice?: boolean;
  /** Who decided and by which internal document (recorded in the rule set's notes). */
  decidedBy: string;
  decisionReference: string;
  effectiveFrom: IsoDate;
};
