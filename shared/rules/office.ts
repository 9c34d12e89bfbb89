import type { CaseEventType } from '../case/events';
import { canonicalJson } from '../util/canonical-json';
import { refuse, type Refusal } from '../util/result';
import type { OfficeProfile } from '../office/profile';
import { PUBLICATION_PROFILE_LABELS } from '../masking/types';
import { findBehaviour, type BehaviourCatalogue } from './catalogues';
import { formatPeriod, isUnsetFor, periodsOpenedBy, PERIOD_TEMPLATES } from './periods';
import { RULE_SET_PRESETS } from './presets';
import type { OfficeSettings, PeriodKey, PeriodRule, RuleSet, Sector, Severity, TierAmount } from './types';

/**
 * The unset periods `forAction` would open in `ruleSet` (for the case's severity and sector, where
 * tiers apply; with the payload, periods whose opening condition it meets). Without `forAction`,
 * every unset period of the rule set.
 */
export function unsetPeriods(ruleSet: RuleSet, forAction?: CaseEventType, severity: Severity | null = null, payload?: unknown, sector: Sector | null = null): PeriodRule[] {
  const candidates = forAction ? periodsOpenedBy(ruleSet, forAction, payload) : ruleSet.periods;
  return candidates.filter((p) => isUnsetFor(p, severity, sector));
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

function confirmTier(t: TierAmount): TierAmount {
  return t.certainty === 'uncertain' ? { ...t, certainty: 'office' } : t;
}

function hasUncertain(p: PeriodRule): boolean {
  return p.certainty === 'uncertain' || [...Object.values(p.bySeverity ?? {}), ...Object.values(p.bySector ?? {})].some((t) => t.certainty === 'uncertain');
}

/**
 * A new version of `ruleSet` with the office's settings applied. Only unset periods may be set unless
 * `allowOverrideStated`; periods absent from the rule set are added from PERIOD_TEMPLATES; periods of
 * uncertain certainty listed in `confirmedPeriods` become 'office'. The result has version + 1,
 * `derivedFrom` = the source, and a note naming who decided and by which document. Cases decided
 * earlier keep their pinned version.
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
  const decided = `${settings.decidedBy}（${settings.decisionReference}）`;
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
    const { bySeverity: _tiers, bySector: _sectors, ...kept } = existing ?? { key, label: template.label, countsFrom: template.countsFrom, pausedBy: template.pausedBy, rollToWorkingDay: template.rollToWorkingDay, onEnd: template.onEnd };
    const updated: PeriodRule = {
      ...kept,
      key,
      unit: value.unit ?? existing?.unit ?? template.unit,
      amount: value.amount,
      basis: `${existing?.basis ?? ruleSet.shortTitle}；办公室设置（${settings.decisionReference}）`,
      certainty: 'office',
      ...(value.note ? { note: value.note } : existing?.note ? { note: existing.note } : {}),
    };
    if (existing) periods[index] = updated;
    else periods.push(updated);
    notes.push(`${settings.effectiveFrom} 起"${updated.label}"由${settings.decidedBy}设定为${formatPeriod(value.amount, updated.unit)}（${settings.decisionReference}）`);
  }
  for (const key of settings.confirmedPeriods ?? []) {
    const index = periods.findIndex((p) => p.key === key);
    const existing = periods[index];
    if (!existing || !hasUncertain(existing)) {
      return refuse('settings_confirm_nothing', `"${PERIOD_TEMPLATES[key].label}"在规则集《${ruleSet.shortTitle}》中没有待核实的期限数值`);
    }
    periods[index] = {
      ...existing,
      certainty: existing.certainty === 'uncertain' ? 'office' : existing.certainty,
      ...(existing.bySeverity ? { bySeverity: Object.fromEntries(Object.entries(existing.bySeverity).map(([k, t]) => [k, confirmTier(t)])) } : {}),
      ...(existing.bySector ? { bySector: Object.fromEntries(Object.entries(existing.bySector).map(([k, t]) => [k, confirmTier(t)])) } : {}),
      basis: `${existing.basis}；办公室已核实（${settings.decisionReference}）`,
    };
    notes.push(`${settings.effectiveFrom} 起"${existing.label}"的期限数值经${decided}与官方文本核实确认`);
  }
  const profile = settings.publicationProfile ?? ruleSet.publicationProfile;
  if (profile !== ruleSet.publicationProfile) {
    notes.push(`${settings.effectiveFrom} 起公示方式由${decided}决定为"${PUBLICATION_PROFILE_LABELS[profile]}"（原为"${PUBLICATION_PROFILE_LABELS[ruleSet.publicationProfile]}"）`);
  }
  return {
    ok: true,
    ruleSet: {
      ...ruleSet,
      version: ruleSet.version + 1,
      effectiveFrom: settings.effectiveFrom,
      periods,
      publicationProfile: profile,
      requiresPreNotice: settings.requiresPreNotice ?? ruleSet.requiresPreNotice,
      preNoticeBasis: settings.requiresPreNotice && !ruleSet.preNoticeBasis ? `办公室设置（${settings.decisionReference}）` : ruleSet.preNoticeBasis,
      derivedFrom: { id: ruleSet.id, version: ruleSet.version },
      notes,
    },
  };
}

// ——— Office-derived versions (which presets and settings give which stored rule sets) ———

export function presetById(id: string): RuleSet | undefined {
  return RULE_SET_PRESETS.find((r) => r.id === id);
}

export function localPresets(): RuleSet[] {
  return RULE_SET_PRESETS.filter((r) => r.kind === 'local');
}

/** Local presets usable for a behaviour catalogue. */
export function presetsForCatalogue(catalogueId: string): RuleSet[] {
  return localPresets().filter((r) => r.behaviourCatalogues.includes(catalogueId));
}

/** What makes two versions of one rule set behave the same (a new version is stored only when this changes). */
export function comparableRuleSet(r: RuleSet): string {
  return canonicalJson({ periods: r.periods, requiresPreNotice: r.requiresPreNotice, publicationProfile: r.publicationProfile, effectiveFrom: r.effectiveFrom });
}

/** The office's settings for one preset, or null when the office decided nothing for it. */
export function officeSettingsFor(office: OfficeProfile, preset: RuleSet): OfficeSettings | null {
  const periods = office.periodSettings[preset.id] ?? {};
  const requiresPreNotice = office.preNotice?.[preset.id];
  const publicationProfile = office.publicationProfiles?.[preset.id];
  const confirmedPeriods = office.confirmedPeriods?.[preset.id] ?? [];
  if (Object.keys(periods).length === 0 && requiresPreNotice === undefined && publicationProfile === undefined && confirmedPeriods.length === 0) return null;
  return {
    periods,
    ...(confirmedPeriods.length > 0 ? { confirmedPeriods } : {}),
    ...(requiresPreNotice === undefined ? {} : { requiresPreNotice }),
    ...(publicationProfile === undefined ? {} : { publicationProfile }),
    decidedBy: office.name,
    decisionReference: office.decisionReference,
    effectiveFrom: office.settingsEffectiveFrom ?? preset.effectiveFrom,
  };
}

export type OfficeRuleSetPlan = {
  /** Everything to store (presets not stored yet and the new office versions). */
  toStore: RuleSet[];
  /** The new office versions among them. */
  created: RuleSet[];
};

/**
 * Which rule sets to store for `office`, given what is `stored` already: every preset (so old pins
 * resolve), and for each preset the office configured, a derived version when its settings differ
 * from the latest stored version. The new version number follows the highest stored one.
 * Refuses (in Chinese) when applyOfficeSettings refuses the office's settings.
 */
export function officeRuleSetVersions(office: OfficeProfile, stored: readonly RuleSet[], presets: readonly RuleSet[] = RULE_SET_PRESETS): { ok: true; plan: OfficeRuleSetPlan } | Refusal {
  const toStore: RuleSet[] = presets.filter((p) => !stored.some((s) => s.id === p.id && s.version === p.version));
  const created: RuleSet[] = [];
  for (const preset of presets) {
    const settings = officeSettingsFor(office, preset);
    if (!settings) continue;
    const applied = applyOfficeSettings(preset, settings);
    if (!applied.ok) return applied;
    const latest = stored.filter((s) => s.id === preset.id).sort((a, b) => b.version - a.version)[0];
    if (latest && latest.version > preset.version && comparableRuleSet(latest) === comparableRuleSet(applied.ruleSet)) continue;
    const next: RuleSet = { ...applied.ruleSet, version: Math.max(preset.version, latest?.version ?? 0) + 1 };
    toStore.push(next);
    created.push(next);
  }
  return { ok: true, plan: { toStore, created } };
}

/** The jurisdiction the office applies to a behaviour code (by its catalogue). */
export function jurisdictionForBehaviour(office: Pick<OfficeProfile, 'assignments'>, behaviourCode: string): { ok: true; jurisdictionKey: string; presetId: string; catalogue: BehaviourCatalogue } | Refusal {
  const found = findBehaviour(behaviourCode);
  if (!found) return refuse('behaviour_unknown', '请从目录中选择失信行为');
  const assignment = office.assignments.find((a) => a.catalogueId === found.catalogue.id);
  const preset = assignment ? presetById(assignment.ruleSetId) : undefined;
  if (!preset) return refuse('no_rule_set_assigned', `办公室尚未为"${found.catalogue.title}"指定适用的规则集，请在"设置"中指定。`);
  return { ok: true, jurisdictionKey: preset.jurisdictionKey, presetId: preset.id, catalogue: found.catalogue };
}
