import type { IsoDate } from '../util/dates';
import { refuse, type Refusal } from '../util/result';
import { JURISDICTION_CN_REPAIR } from './presets';
import type { RuleSet, RuleSetPin, RuleSetRef } from './types';

/** Whether `ruleSet` is in force on `date` (effectiveFrom ≤ date ≤ effectiveTo). */
export function isInForce(ruleSet: RuleSet, date: IsoDate): boolean {
  return ruleSet.effectiveFrom <= date && (ruleSet.effectiveTo === null || date <= ruleSet.effectiveTo);
}

/**
 * The rule set of `jurisdictionKey` in force on `date`: among those in force, the one with the latest
 * effectiveFrom, then the highest version (office-derived versions win over their preset).
 */
export function ruleSetEffectiveOn(ruleSets: readonly RuleSet[], jurisdictionKey: string, date: IsoDate): RuleSet | null {
  const candidates = ruleSets.filter((r) => r.jurisdictionKey === jurisdictionKey && isInForce(r, date));
  candidates.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return candidates[0] ?? null;
}

export type SelectedRuleSet = { ok: true; ruleSet: RuleSet; pin: RuleSetPin };

/**
 * Compose a local rule set with the national publication regime (when its publicationSource is
 * 'national', e.g. 黑龙江条例 第三十七条 "按照国家有关规定执行"). Local periods win over national ones
 * of the same key. The result keeps the local id/version; the pin records both.
 */
export function composeRuleSet(local: RuleSet, national: RuleSet | null): RuleSet {
  if (local.publicationSource !== 'national' || national === null) return local;
  const localKeys = new Set(local.periods.map((p) => p.key));
  return {
    ...local,
    periods: [...local.periods, ...national.periods.filter((p) => !localKeys.has(p.key))],
    publicationTiers: national.publicationTiers,
    notes: [...local.notes, `公示期限适用${national.shortTitle}（${national.documentNumber ?? national.title}）`],
  };
}

/**
 * The rule set a case must pin: the one of `jurisdictionKey` in force on its 认定 date, composed with
 * the national regime in force on that date. Refuses (in Chinese) when none is in force.
 */
export function selectRuleSet(ruleSets: readonly RuleSet[], jurisdictionKey: string, decidedOn: IsoDate): SelectedRuleSet | Refusal {
  const local = ruleSetEffectiveOn(ruleSets, jurisdictionKey, decidedOn);
  if (!local) {
    return refuse('rule_set_not_in_force', `${decidedOn}没有生效的规则集（${jurisdictionKey}），请核对认定日期或在设置中选择规则集`);
  }
  const national = local.publicationSource === 'national' ? ruleSetEffectiveOn(ruleSets, JURISDICTION_CN_REPAIR, decidedOn) : null;
  const ruleSet = composeRuleSet(local, national);
  return { ok: true, ruleSet, pin: { id: local.id, version: local.version, national: national ? { id: national.id, version: national.version } : null } };
}

function findRef(ruleSets: readonly RuleSet[], ref: RuleSetRef): RuleSet | undefined {
  return ruleSets.find((r) => r.id === ref.id && r.version === ref.version);
}

/** Re-create the composed rule set a case pinned (for folding an old case). */
export function resolvePin(ruleSets: readonly RuleSet[], pin: RuleSetPin): SelectedRuleSet | Refusal {
  const local = findRef(ruleSets, pin);
  if (!local) return refuse('rule_set_missing', `找不到案件所用规则集 ${pin.id} 第${pin.version}版，请先导入该版本`);
  const national = pin.national ? findRef(ruleSets, pin.national) : undefined;
  if (pin.national && !national) {
    return refuse('rule_set_missing', `找不到案件所用国家规则 ${pin.national.id} 第${pin.national.version}版，请先导入该版本`);
  }
  return { ok: true, ruleSet: composeRuleSet(local, national ?? null), pin };
}
