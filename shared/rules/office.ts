import type { CaseEventType } from '../case/events';
import { refuse, type Refusal } from '../util/result';
import { ACTION_OPENS_PERIODS } from './actions';
import { formatPeriod, PERIOD_TEMPLATES, resolvePeriodAmount } from './periods';
import type { OfficeSettings, PeriodKey, PeriodRule, RuleSet, Severity } from './types';

/**
 * The periods `forAction` would open that are unset in `ruleSet` (for the case's severity, where
 * tiers apply). Without `forAction`, every unset period of the rule set.
 */
export function unsetPeriods(ruleSet: RuleSet, forAction?: CaseEventType, severity: Severity | null = null): PeriodRule[] {
  const keys: readonly PeriodKey[] | null = forAction ? ACTION_OPENS_PERIODS[forAction] : null;
  return ruleSet.periods.filter((p) => {
    if (keys && !keys.includes(p.key)) return false;
    if (p.bySeverity && severity === null) return Object.values(p.bySeverity).some((t) => t.amount === null);
    return resolvePeriodAmount(p, severity).amount === null;
  });
}

/** Chinese sentence naming unset periods and telling the office to set them in 设置. */
export function describeUnsetPeriods(periods: readonly PeriodRule[], ruleSet: RuleSet): string {
  const names = periods.map((p) => `"${p.label}"（${p.basis}）`).join('、');
  return `规则集《${ruleSet.shortTitle}》未规定${names}的期限，法律文本未给出具体天数，请由办公室在"设置"中确定后再办理`;
}

export type ApplySettingsOptions = {
  /** Allow overriding a period the text states (emergencies, 黑龙江条例 第三十条 "压缩信用修复办理时限"). */
  allowOverrideStated?: boolean;
};

/**
 * A new version of `ruleSet` with the office's settings applied. Only unset periods may be set unless
 * `allowOverrideStated`; periods absent from the rule set are added from PERIOD_TEMPLATES. The result
 * has version + 1, certainty 'office' on the set periods, `derivedFrom` = the source, and a note
 * naming who decided and by which document. Cases decided earlier keep their pinned version.
 */
export function applyOfficeSettings(ruleSet: RuleSet, settings: OfficeSettings, options: ApplySettingsOptions = {}): { ok: true; ruleSet: RuleSet } | Refusal {
  if (settings.effectiveFrom < ruleSet.effectiveFrom) {
    return refuse('settings_before_rule_set', `设置的生效日期${settings.effectiveFrom}早于规则集生效日期${ruleSet.effectiveFrom}`);
  }
  if (settings.decidedBy.trim() === '' || settings.decisionReference.trim() === '') {
    return refuse('settings_without_decision', '请填写设置的决定人和决定文件（文号或会议纪要），以便追溯');
  }
  const periods = ruleSet.periods.map((p) => ({ ...p }));
  const notes = [...ruleSet.notes];
  for (const [key, value] of Object.entries(settings.periods) as [PeriodKey, OfficeSettings['periods'][PeriodKey]][]) {
    if (!value) continue;
    if (!Number.isInteger(value.amount) || value.amount < 0) {
      return refuse('settings_bad_amount', `"${PERIOD_TEMPLATES[key].label}"的期限必须是不小于0的整数`);
    }
    const index = periods.findIndex((p) => p.key === key);
    const existing = periods[index];
    if (existing && existing.amount !== null && existing.certainty !== 'office' && !options.allowOverrideStated) {
      return refuse('settings_override_stated', `"${existing.label}"已由${existing.basis}规定为${formatPeriod(existing.amount, existing.unit)}，不能在设置中修改`);
    }
    const template = PERIOD_TEMPLATES[key];
    const updated: PeriodRule = {
      key,
      label: existing?.label ?? template.label,
      unit: value.unit ?? existing?.unit ?? template.unit,
      countsFrom: existing?.countsFrom ?? template.countsFrom,
      pausedBy: existing?.pausedBy ?? template.pausedBy,
      rollToWorkingDay: existing?.rollToWorkingDay ?? template.rollToWorkingDay,
      onEnd: existing?.onEnd ?? template.onEnd,
      amount: value.amount,
      basis: `${existing?.basis ?? ruleSet.shortTitle}；办公室设置（${settings.decisionReference}）`,
      certainty: 'office',
      ...(value.note ? { note: value.note } : existing?.note ? { note: existing.note } : {}),
    };
    if (existing) periods[index] = updated;
    else periods.push(updated);
    notes.push(`${settings.effectiveFrom} 起"${updated.label}"由${settings.decidedBy}设定为${formatPeriod(value.amount, updated.unit)}（${settings.decisionReference}）`);
  }
  return {
    ok: true,
    ruleSet: {
      ...ruleSet,
      version: ruleSet.version + 1,
      effectiveFrom: settings.effectiveFrom,
      periods,
      publicationProfile: settings.publicationProfile ?? ruleSet.publicationProfile,
      requiresPreNotice: settings.requiresPreNotice ?? ruleSet.requiresPreNotice,
      preNoticeBasis: settings.requiresPreNotice && !ruleSet.preNoticeBasis ? `办公室设置（${settings.decisionReference}）` : ruleSet.preNoticeBasis,
      derivedFrom: { id: ruleSet.id, version: ruleSet.version },
      notes,
    },
  };
}
