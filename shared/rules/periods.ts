import type { PauseKind, PeriodAnchor, PeriodKey, PeriodOutcome, PeriodRule, PeriodUnit, Certainty, Severity, TierAmount } from './types';
import { ALL_PAUSE_KINDS } from './types';
import { assertNever } from '../util/assert-never';

/**
 * The shape of every period kind (label, unit, anchor, outcome) independent of any text's number.
 * Presets fill in amount, basis and certainty; an office adding a period starts from the template.
 */
export type PeriodTemplate = {
  label: string;
  unit: PeriodUnit;
  countsFrom: PeriodAnchor;
  onEnd: PeriodOutcome;
  pausedBy: readonly PauseKind[];
  /** 民法典 第二百零三条 / 民事诉讼法 第八十五条 for acts due within calendar-day periods. */
  rollToWorkingDay: boolean;
};

export const PERIOD_TEMPLATES: Record<PeriodKey, PeriodTemplate> = {
  pre_notice_statement: { label: '陈述申辩期限', unit: 'working_days', countsFrom: 'pre_notice_served', onEnd: 'window_closes', pausedBy: [], rollToWorkingDay: true },
  listing_notice: { label: '列入后书面告知', unit: 'calendar_days', countsFrom: 'listed', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  written_decision: { label: '作出书面决定', unit: 'working_days', countsFrom: 'determined', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  validity: { label: '失信记录有效期', unit: 'years', countsFrom: 'determined', onEnd: 'listing_expires', pausedBy: [], rollToWorkingDay: false },
  publication_max: { label: '最长公示期限', unit: 'years', countsFrom: 'determined', onEnd: 'publication_ends', pausedBy: [], rollToWorkingDay: false },
  publication_min: { label: '最短公示期限（期满方可申请修复）', unit: 'months', countsFrom: 'determined', onEnd: 'becomes_eligible', pausedBy: [], rollToWorkingDay: false },
  repair_eligibility: { label: '列入满期方可申请信用修复', unit: 'years', countsFrom: 'listed', onEnd: 'becomes_eligible', pausedBy: [], rollToWorkingDay: false },
  relisting_repair_bar: { label: '修复后再次列入的禁止修复回溯期', unit: 'years', countsFrom: 'repair_completed', onEnd: 'bar_ends', pausedBy: [], rollToWorkingDay: false },
  repair_initial_review: { label: '信用修复初审', unit: 'working_days', countsFrom: 'repair_applied', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  repair_decision: { label: '信用修复决定', unit: 'working_days', countsFrom: 'repair_applied', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  objection_processing: { label: '异议处理完毕', unit: 'working_days', countsFrom: 'objection_received', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  objection_listing_review: { label: '列入异议复核决定', unit: 'working_days', countsFrom: 'objection_received', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  objection_marking: { label: '异议标注', unit: 'working_days', countsFrom: 'objection_received', onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true },
  objection_decision: { label: '异议处理决定', unit: 'working_days', countsFrom: 'objection_received', onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true },
  objection_decision_assisted: { label: '异议处理决定（协助核查）', unit: 'working_days', countsFrom: 'objection_received', onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true },
  assist_reply: { label: '协助单位反馈核查结果', unit: 'working_days', countsFrom: 'assist_requested', onEnd: 'overdue', pausedBy: ALL_PAUSE_KINDS, rollToWorkingDay: true },
  objection_correction: { label: '核实后更正', unit: 'calendar_days', countsFrom: 'objection_decided', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: false },
  downstream_correction: { label: '已共享系统处理更正信息', unit: 'working_days', countsFrom: 'corrected', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  provider_correction: { label: '提供单位更正并推送', unit: 'working_days', countsFrom: 'discovered', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  basis_change_report: { label: '依据变更后提出更新', unit: 'working_days', countsFrom: 'basis_changed_on', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  basis_change_action: { label: '撤销或变更信息', unit: 'working_days', countsFrom: 'basis_change_reported', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  platform_push: { label: '推送至上级信用平台', unit: 'working_days', countsFrom: 'determined', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
  joint_push: { label: '联合奖惩信息报送', unit: 'working_days', countsFrom: 'joint_initiated', onEnd: 'overdue', pausedBy: [], rollToWorkingDay: true },
};

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
    certainty: amount === null && overrides.bySeverity === undefined ? 'unset' : certainty,
  };
}

export function findPeriod(periods: readonly PeriodRule[], key: PeriodKey): PeriodRule | undefined {
  return periods.find((p) => p.key === key);
}

/** The amount that applies to a case of the given severity (tiers override the flat amount). */
export function resolvePeriodAmount(rule: PeriodRule, severity: Severity | null): TierAmount {
  if (rule.bySeverity) {
    if (severity === null) return { amount: null, certainty: 'unset' };
    return rule.bySeverity[severity] ?? { amount: null, certainty: 'unset' };
  }
  return { amount: rule.amount, certainty: rule.certainty };
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
