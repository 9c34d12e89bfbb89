/**
 * Rule sets and the working calendar as the desk stores them. Every rule-set version ever used is
 * kept in `ruleSets` (cases pin the version in force on their 认定 date, so old cases still resolve);
 * the office's settings for unset periods produce derived versions (shared/rules/office.ts).
 */
import type { CreditDeskDb } from '../db/database';
import type { OfficeProfile } from './settings';
import { RULE_SET_PRESETS } from '../../../shared/rules/presets';
import { applyOfficeSettings } from '../../../shared/rules/office';
import { resolvePin, selectRuleSet, type SelectedRuleSet } from '../../../shared/rules/select';
import { BEHAVIOUR_CATALOGUES, findBehaviour } from '../../../shared/rules/catalogues';
import type { RuleSet, RuleSetPin } from '../../../shared/rules/types';
import type { HolidaySchedule, WorkingCalendar } from '../../../shared/calendar/types';
import { builtinCalendar } from '../../../shared/calendar/calendar';
import type { Refusal } from '../../../shared/util/result';
import type { IsoDate } from '../../../shared/util/dates';
import { canonicalize } from '../../../shared/sync/hash';
import type { Desk } from './desk';
import { deskWrite, type DeskRefused } from './write';
import { refusedFor } from './users/permissions';

export function ruleSetKey(ref: { id: string; version: number }): string {
  return `${ref.id}@${ref.version}`;
}

let calendarCache: { key: string; calendar: WorkingCalendar } | undefined;

/** The built-in State Council schedules plus any the office imported or the platform sent (calendars table). */
export async function loadCalendar(db: CreditDeskDb): Promise<WorkingCalendar> {
  const rows = await db.calendars.toArray();
  const key = `${db.name}|${rows.map((r) => `${r.id}:${r.updatedAt}`).join('|')}`;
  if (calendarCache?.key !== key) {
    calendarCache = { key, calendar: builtinCalendar(rows.map((r) => r.data as HolidaySchedule)) };
  }
  return calendarCache.calendar;
}

export async function allStoredRuleSets(db: CreditDeskDb): Promise<RuleSet[]> {
  return (await db.ruleSets.toArray()).map((r) => r.data as RuleSet);
}

/** The composed rule set a case pinned (local version + national regime), or a Chinese refusal. */
export async function pinnedRuleSet(db: CreditDeskDb, pin: RuleSetPin): Promise<SelectedRuleSet | Refusal> {
  const resolved = resolvePin(await allStoredRuleSets(db), pin);
  if (resolved.ok) return resolved;
  // Cases written before the national regime was composed at pin time: the stored local version alone.
  const local = (await db.ruleSets.get(ruleSetKey(pin)))?.data as RuleSet | undefined;
  return local && pin.national === null ? { ok: true, ruleSet: local, pin } : resolved;
}

export type CaseRulesContext = {
  ruleSet: RuleSet;
  calendar: WorkingCalendar;
  today: IsoDate;
  /** The subject's last completed repair in any other case (朝阳房地产规定 第十九条). */
  previousRepairCompletedOn: IsoDate | null;
  /** Four-eyes: decisions need an approval before they are carried out (shared/case/can-perform.ts). */
  approvals?: 'required';
};

/** What a fold or a check of one case needs: its pinned rules, the calendar, the subject's history. */
export async function caseRulesContext(desk: Desk, pin: RuleSetPin, subjectId: string, caseId: string | null): Promise<CaseRulesContext | DeskRefused> {
  const db = desk.db;
  const pinned = await pinnedRuleSet(db, pin);
  if (!pinned.ok) return { ok: false, code: pinned.code, reason: pinned.reason };
  const others = await db.cases.where('subjectId').equals(subjectId).filter((c) => c.id !== caseId && !!c.repairCompletedOn).toArray();
  const previousRepairCompletedOn = others.map((c) => c.repairCompletedOn!).sort().at(-1) ?? null;
  return { ruleSet: pinned.ruleSet, calendar: await loadCalendar(db), today: desk.clock.today(), previousRepairCompletedOn, ...(desk.approvals === 'required' ? { approvals: 'required' as const } : {}) };
}

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


function comparable(r: RuleSet): string {
  return canonicalize({ periods: r.periods, requiresPreNotice: r.requiresPreNotice, publicationProfile: r.publicationProfile, effectiveFrom: r.effectiveFrom });
}

/**
 * Stores every preset, and for each preset the office configured, a derived version when the
 * settings changed. Returns a Chinese refusal when shared/ refuses the settings.
 */
export async function syncOfficeRuleSets(desk: Desk, office: OfficeProfile): Promise<{ ok: true; created: RuleSet[] } | DeskRefused> {
  const db = desk.db;
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
  // Storing the published presets is housekeeping; a version derived from the office's settings is a rule change.
  const denied = created.length > 0 ? refusedFor(desk, 'rule-sets') : null;
  if (denied) return denied;
  return deskWrite(desk, ['ruleSets'], async (w) => {
    for (const r of toStore) await db.ruleSets.put({ id: ruleSetKey(r), name: r.title, data: r, updatedAt: w.at });
    if (created.length > 0) await w.audit('按办公室设置生成规则集版本', 'ruleSet', created.map(ruleSetKey).join(','), { created: created.map(ruleSetKey) });
    return { ok: true as const, created };
  });
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
export async function ruleSetForCase(desk: Desk, office: OfficeProfile, behaviourCode: string, decidedOn: IsoDate): Promise<SelectedRuleSet | Refusal> {
  const j = jurisdictionForBehaviour(office, behaviourCode);
  if (!j.ok) return j;
  return selectRuleSet(await allStoredRuleSets(desk.db), j.jurisdictionKey, decidedOn);
}

export { BEHAVIOUR_CATALOGUES };

/** The calendar years whose State Council schedule the desk knows. */
export async function coveredCalendarYears(desk: Desk): Promise<number[]> {
  return (await loadCalendar(desk.db)).coveredYears();
}
