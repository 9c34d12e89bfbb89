import type { CaseEventType } from '../case/events';
import type {
  Certainty,
  PauseKind,
  PeriodAnchor,
  PeriodCondition,
  PeriodHolder,
  PeriodKey,
  PeriodOutcome,
  PeriodRule,
  PeriodScope,
  PeriodStart,
  PeriodTrigger,
  PeriodUnit,
  RuleSet,
  Sector,
  Severity,
  TierAmount,
} from './types';
import { ALL_PAUSE_KINDS } from './types';
import { isPayloadCondition, meetsCondition } from './conditions';
import { assertNever } from '../util/assert-never';

/**
 * The shape of every period kind independent of any text's number: what opens it, which date counts,
 * what closes it, whose duty it is. Presets fill in amount, basis and certainty and may override any
 * of these; an office adding a period starts from the template. The fold (shared/case/periods-engine.ts)
 * reads nothing else: change the data and the fold changes.
 */
export type PeriodTemplate = {
  label: string;
  unit: PeriodUnit;
  countsFrom: PeriodAnchor;
  countsFromWhen?: PeriodCondition;
  from: PeriodStart;
  scope: PeriodScope;
  closedBy: readonly PeriodTrigger[];
  supersededBy: readonly PeriodKey[];
  onEnd: PeriodOutcome;
  pausedBy: readonly PauseKind[];
  /** 民法典 第二百零三条 / 民事诉讼法 第八十五条 for acts due within calendar-day periods. */
  rollToWorkingDay: boolean;
  holder: PeriodHolder;
  shownAfterEnd: boolean;
  shownFrom?: 'listed' | 'published';
};

/** The listing ended (移出、修复、异议成立、撤销、期满、免于惩戒): the act is no longer due. */
export const ON_CASE_END: PeriodTrigger = { event: 'case_ended', lapses: true };
/** The objection was referred to the competent unit (黑龙江条例 第三十九条): nothing more is due here. */
const ON_REFERRAL: PeriodTrigger = { event: 'objection_referred', lapses: true };

const T = (template: PeriodTemplate): PeriodTemplate => template;
const office = { holder: 'office' as const, shownAfterEnd: true, supersededBy: [] as readonly PeriodKey[], from: 'event_date' as const };

export const PERIOD_TEMPLATES: Record<PeriodKey, PeriodTemplate> = {
  pre_notice_statement: T({ ...office, label: '陈述申辩期限', unit: 'working_days', countsFrom: 'pre_notice_served', scope: 'case', closedBy: [{ event: 'statement_received' }, { event: 'listed', lapses: true }, { event: 'exempted', lapses: true }, ON_CASE_END], onEnd: 'window_closes', pausedBy: [], rollToWorkingDay: true, holder: 'subject', shownAfterEnd: false }),
  listing_notice: T({ ...office, label: '列入后书面告知', unit: 'calendar_days', countsFrom: 'listed', scope: 'case', closedBy: [{ event: 'served', when: 'listing_notice_complete' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  written_decision: T({ ...office, label: '作出书面决定', unit: 'working_days', countsFrom: 'determined', scope: 'case', closedBy: [{ event: 'listed' }, { event: 'exempted', lapses: true }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  validity: T({ ...office, label: '失信记录有效期', unit: 'years', countsFrom: 'determined', scope: 'case', closedBy: [ON_CASE_END], onEnd: 'listing_expires', pausedBy: [], rollToWorkingDay: false, shownFrom: 'listed' }),
  publication_max: T({ ...office, label: '最长公示期限', unit: 'years', countsFrom: 'listed', from: 'basis_decision', scope: 'case', closedBy: [ON_CASE_END], onEnd: 'publication_ends', pausedBy: [], rollToWorkingDay: false, shownFrom: 'published' }),
  publication_min: T({ ...office, label: '最短公示期限（期满方可申请修复）', unit: 'months', countsFrom: 'listed', from: 'basis_decision', scope: 'case', closedBy: [ON_CASE_END], onEnd: 'becomes_eligible', pausedBy: [], rollToWorkingDay: false, holder: 'subject', shownAfterEnd: false }),
  repair_eligibility: T({ ...office, label: '列入满期方可申请信用修复', unit: 'years', countsFrom: 'listed', scope: 'case', closedBy: [ON_CASE_END], onEnd: 'becomes_eligible', pausedBy: [], rollToWorkingDay: false, holder: 'subject', shownAfterEnd: false }),
  // A look-back window into the subject's history (朝阳房地产规定 第十九条), checked when the case is
  // listed; it is not a clock of the case and opens no instance.
  relisting_repair_bar: T({ ...office, label: '修复后再次列入的禁止修复回溯期', unit: 'years', countsFrom: 'repair_completed', scope: 'case', closedBy: [], onEnd: 'bar_ends', pausedBy: [], rollToWorkingDay: false, holder: 'subject', shownAfterEnd: false }),
  repair_initial_review: T({ ...office, label: '信用修复初审', unit: 'working_days', countsFrom: 'repair_applied', scope: 'repair', closedBy: [{ event: 'repair_reviewed' }, { event: 'repair_decided' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  repair_decision: T({ ...office, label: '信用修复决定', unit: 'working_days', countsFrom: 'repair_applied', scope: 'repair', closedBy: [{ event: 'repair_decided' }, { event: 'repair_reviewed', when: 'review_not_accepted', lapses: true }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  objection_processing: T({ ...office, label: '异议处理完毕', unit: 'working_days', countsFrom: 'objection_received', scope: 'objection', closedBy: [{ event: 'objection_decided' }, ON_REFERRAL], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  objection_listing_review: T({ ...office, label: '列入异议复核决定', unit: 'working_days', countsFrom: 'objection_received', countsFromWhen: 'concerns_listing', scope: 'objection', closedBy: [{ event: 'objection_decided' }, ON_REFERRAL], supersededBy: ['objection_decision_assisted'], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  objection_marking: T({ ...office, label: '异议标注', unit: 'working_days', countsFrom: 'objection_received', scope: 'objection', closedBy: [{ event: 'objection_marked' }, { event: 'objection_decided', lapses: true }, ON_REFERRAL], onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true }),
  objection_decision: T({ ...office, label: '异议处理决定', unit: 'working_days', countsFrom: 'objection_received', scope: 'objection', closedBy: [{ event: 'objection_decided' }, ON_REFERRAL], supersededBy: ['objection_decision_assisted', 'objection_listing_review'], onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true }),
  objection_decision_assisted: T({ ...office, label: '异议处理决定（协助核查）', unit: 'working_days', countsFrom: 'assist_requested', from: 'scope_opened', scope: 'objection', closedBy: [{ event: 'objection_decided' }, ON_REFERRAL], onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true }),
  // The assisting unit's reply; the office tracks it because its own 7-WD decision depends on it.
  assist_reply: T({ ...office, label: '协助单位反馈核查结果', unit: 'working_days', countsFrom: 'assist_requested', scope: 'assist', closedBy: [{ event: 'assist_replied' }, { event: 'objection_decided', lapses: true }, ON_REFERRAL], onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true }),
  objection_correction: T({ ...office, label: '核实后更正', unit: 'calendar_days', countsFrom: 'objection_decided', countsFromWhen: 'upheld_correct', scope: 'objection', closedBy: [{ event: 'corrected' }], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: false }),
  downstream_correction: T({ ...office, label: '已共享系统处理更正信息', unit: 'working_days', countsFrom: 'corrected', scope: 'correction', closedBy: [{ event: 'correction_pushed' }], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  // Opened and closed by the same correction: it only shows whether the provider acted in time.
  provider_correction: T({ ...office, label: '提供单位更正并推送', unit: 'working_days', countsFrom: 'corrected', countsFromWhen: 'provider_discovery', from: 'discovered_on', scope: 'correction', closedBy: [{ event: 'corrected', when: 'provider_discovery' }], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true, holder: 'other_body' }),
  // Opened and closed by the report itself (the provider's duty; only lateness is shown).
  basis_change_report: T({ ...office, label: '依据变更后提出更新', unit: 'working_days', countsFrom: 'basis_change_reported', from: 'basis_changed_on', scope: 'basis_report', closedBy: [{ event: 'basis_change_reported' }], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true, holder: 'other_body' }),
  basis_change_action: T({ ...office, label: '撤销或变更信息', unit: 'working_days', countsFrom: 'basis_change_reported', scope: 'basis_report', closedBy: [{ event: 'basis_revoked' }, { event: 'basis_changed' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  platform_push: T({ ...office, label: '推送至上级信用平台', unit: 'working_days', countsFrom: 'determined', scope: 'case', closedBy: [{ event: 'platform_pushed', when: 'other_platform' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  joint_push: T({ ...office, label: '联合奖惩信息报送', unit: 'working_days', countsFrom: 'listed', scope: 'case', closedBy: [{ event: 'joint_initiated' }, { event: 'platform_pushed', when: 'joint_platform' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
  decision_publication: T({ ...office, label: '列入决定上网公开', unit: 'working_days', countsFrom: 'listed', scope: 'case', closedBy: [{ event: 'published' }, ON_CASE_END], onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true }),
};

/** A period rule with every template field filled in. */
export type ResolvedPeriodRule = PeriodRule & Required<Pick<PeriodRule, 'from' | 'scope' | 'closedBy' | 'supersededBy' | 'holder' | 'shownAfterEnd'>>;

/** The rule with template defaults for the fields it leaves out (pushed rule sets may carry only the old fields). */
export function resolvePeriodRule(rule: PeriodRule): ResolvedPeriodRule {
  const t = PERIOD_TEMPLATES[rule.key];
  return {
    ...rule,
    from: rule.from ?? t.from,
    scope: rule.scope ?? t.scope,
    closedBy: rule.closedBy ?? t.closedBy,
    supersededBy: rule.supersededBy ?? t.supersededBy,
    holder: rule.holder ?? t.holder,
    shownAfterEnd: rule.shownAfterEnd ?? t.shownAfterEnd,
    ...(rule.countsFromWhen ?? t.countsFromWhen ? { countsFromWhen: rule.countsFromWhen ?? t.countsFromWhen } : {}),
    ...(rule.shownFrom ?? t.shownFrom ? { shownFrom: rule.shownFrom ?? t.shownFrom } : {}),
  };
}

/** Build a period from its template. `amount: null` = unset (certainty forced to 'unset'). */
export function period(
  key: PeriodKey,
  amount: number | null,
  basis: string,
  certainty: Certainty,
  overrides: Partial<Omit<PeriodRule, 'key' | 'amount' | 'basis' | 'certainty'>> = {},
): PeriodRule {
  const t = PERIOD_TEMPLATES[key];
  return {
    key,
    label: t.label,
    unit: t.unit,
    countsFrom: t.countsFrom,
    pausedBy: t.pausedBy,
    rollToWorkingDay: t.rollToWorkingDay,
    onEnd: t.onEnd,
    ...overrides,
    amount,
    basis,
    certainty: amount === null && overrides.bySeverity === undefined && overrides.bySector === undefined ? 'unset' : certainty,
  };
}

export function findPeriod(periods: readonly PeriodRule[], key: PeriodKey): PeriodRule | undefined {
  return periods.find((p) => p.key === key);
}

/**
 * The amount that applies to a case: sector > severity tier > flat amount. A rule with tiers but no
 * severity known yet (or no tier for it) is unset.
 */
export function resolvePeriodAmount(rule: PeriodRule, severity: Severity | null, sector: Sector | null = null): TierAmount {
  const bySector = sector !== null ? rule.bySector?.[sector] : undefined;
  if (bySector) return bySector;
  if (rule.bySeverity) {
    if (severity === null) return { amount: null, certainty: 'unset' };
    return rule.bySeverity[severity] ?? { amount: null, certainty: 'unset' };
  }
  return { amount: rule.amount, certainty: rule.certainty };
}

/**
 * The periods of `ruleSet` an act opens: those whose `countsFrom` is the act's type and whose opening
 * condition the payload meets. Without a payload, periods with an opening condition are left out (the
 * act may or may not open them). This replaces any table of "which act opens what": it is the rules.
 */
export function periodsOpenedBy(ruleSet: RuleSet, type: CaseEventType, payload?: unknown): PeriodRule[] {
  return ruleSet.periods.filter((p) => {
    const r = resolvePeriodRule(p);
    if (r.countsFrom !== type || r.onEnd === 'bar_ends') return false;
    if (r.countsFromWhen === undefined) return true;
    return payload !== undefined && isPayloadCondition(r.countsFromWhen) && meetsCondition(r.countsFromWhen, { type, payload });
  });
}

/** Whether any number this rule can resolve to is unset (for a severity not yet known: any tier). */
export function isUnsetFor(rule: PeriodRule, severity: Severity | null, sector: Sector | null): boolean {
  if (rule.bySeverity && severity === null) return Object.values(rule.bySeverity).some((t) => t.amount === null);
  return resolvePeriodAmount(rule, severity, sector).amount === null;
}

export function formatPeriod(amount: number, unit: PeriodUnit): string {
  switch (unit) {
    case 'working_days':
      return `${amount}个工作日`;
    case 'calendar_days':
      return `${amount}日`;
    case 'months':
      return `${amount}个月`;
    case 'years':
      return `${amount}年`;
    default:
      return assertNever(unit);
  }
}

/**
 * The words shown next to a number that is not certain, on screen and on every printed line that
 * depends on it, until an office confirms the number. null = nothing to mark.
 */
export function certaintyMarker(certainty: Certainty): string | null {
  switch (certainty) {
    case 'uncertain':
      return '期限数值依据二手资料，中等可信度，待办公室核实';
    case 'unset':
      return '期限未设置';
    case 'stated':
    case 'unit_as_written':
    case 'office':
      return null;
    default:
      return assertNever(certainty);
  }
}
