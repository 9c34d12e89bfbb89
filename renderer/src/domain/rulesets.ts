/**
 * Which rule sets the office uses, and the office-derived versions of them (shared/rules
 * applyOfficeSettings). Every version ever used is stored in `ruleSets`, so old cases' pins resolve.
 */
import type { CreditDeskDb } from '../db/database';
import type { OfficeProfile } from '../db/repositories/settings';
import { RULE_SET_PRESETS } from '../../../shared/rules/presets';
import { applyOfficeSettings } from '../../../shared/rules/office';
import { selectRuleSet, type SelectedRuleSet } from '../../../shared/rules/select';
import { BEHAVIOUR_CATALOGUES, findBehaviour } from '../../../shared/rules/catalogues';
import type { RuleSet } from '../../../shared/rules/types';
import type { Refusal } from '../../../shared/util/result';
import type { IsoDate } from '../../../shared/util/dates';
import { canonicalize } from '../../../shared/sync/hash';
import { ruleSetKey } from './context';

export function localPresets(): RuleSet[] {
  return RULE_SET_PRESETS.filter((r) => r.kind === 'local');
}

export function presetById(id: string): RuleSet | undefined {
  return RULE_SET_PRESETS.find((r) => r.id === id);
}

/** Presets usable for a behaviour catalogue. */
export function presetsForCatalogue(catalogueId: string): RuleSet[] {
  return localPresets().filter((r) => r.behaviourCatalogues.includes(catalogueId));
}

export async function allStoredRuleSets(db: CreditDeskDb): Promise<RuleSet[]> {
  return (await db.ruleSets.toArray()).map((r) => r.data as RuleSet);
}

function comparable(r: RuleSet): string {
  return canonicalize({ periods: r.periods, requiresPreNotice: r.requiresPreNotice, publicationProfile: r.publicationProfile, effectiveFrom: r.effectiveFrom });
}

/**
 * Stores every preset, and for each preset the office configured, a derived version when the
 * settings changed. Returns a Chinese refusal when shared/ refuses the settings.
 */
export async function syncOfficeRuleSets(db: CreditDeskDb, office: OfficeProfile): Promise<{ ok: true; created: RuleSet[] } | Refusal> {
  const created: RuleSet[] = [];
  const toStore: RuleSet[] = [];
  const stored = await allStoredRuleSets(db);
  for (const preset of RULE_SET_PRESETS) {
    if (!stored.some((s) => s.id === preset.id && s.version === preset.version)) toStore.push(preset);
  }
  for (const [presetId, periods] of Object.entries(office.periodSettings)) {
    const preset = presetById(presetId);
    if (!preset) continue;
    const requiresPreNotice = office.preNotice?.[presetId];
    if (Object.keys(periods).length === 0 && requiresPreNotice === undefined) continue;
    const applied = applyOfficeSettings(preset, {
      periods,
      ...(requiresPreNotice === undefined ? {} : { requiresPreNotice }),
      decidedBy: office.name,
      decisionReference: office.decisionReference,
      effectiveFrom: office.settingsEffectiveFrom ?? preset.effectiveFrom,
    });
    if (!applied.ok) return applied;
    const versions = stored.filter((s) => s.id === preset.id).sort((a, b) => b.version - a.version);
    const latest = versions[0];
    if (latest && latest.version > preset.version && comparable(latest) === comparable(applied.ruleSet)) continue;
    const next: RuleSet = { ...applied.ruleSet, version: Math.max(preset.version, latest?.version ?? 0) + 1 };
    toStore.push(next);
    created.push(next);
  }
  await db.transaction('rw', db.ruleSets, async () => {
    for (const r of toStore) await db.ruleSets.put({ id: ruleSetKey(r), name: r.title, data: r, updatedAt: new Date().toISOString() });
  });
  return { ok: true, created };
}

/** The jurisdiction the office applies to a behaviour code (by its catalogue). */
export function jurisdictionForBehaviour(office: OfficeProfile, behaviourCode: string): { ok: true; jurisdictionKey: string; presetId: string } | Refusal {
  const found = findBehaviour(behaviourCode);
  if (!found) return { ok: false, code: 'behaviour_unknown', reason: '请从目录中选择失信行为' };
  const assignment = office.assignments.find((a) => a.catalogueId === found.catalogue.id);
  const preset = assignment ? presetById(assignment.ruleSetId) : undefined;
  if (!preset) {
    return { ok: false, code: 'no_rule_set_assigned', reason: `办公室尚未为“${found.catalogue.title}”指定适用的规则集，请在“设置”中指定。` };
  }
  return { ok: true, jurisdictionKey: preset.jurisdictionKey, presetId: preset.id };
}

/** The rule set (and pin) in force for a case decided on `decidedOn` with `behaviourCode`. */
export async function ruleSetForCase(db: CreditDeskDb, office: OfficeProfile, behaviourCode: string, decidedOn: IsoDate): Promise<SelectedRuleSet | Refusal> {
  const j = jurisdictionForBehaviour(office, behaviourCode);
  if (!j.ok) return j;
  return selectRuleSet(await allStoredRuleSets(db), j.jurisdictionKey, decidedOn);
}

export { BEHAVIOUR_CATALOGUES };
