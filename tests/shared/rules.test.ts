import { describe, expect, it } from 'vitest';
import {
  RULE_SET_PRESETS, PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, PRESET_HLJ_2022, PRESET_CN_527_2019, PRESET_CN_58_2023, PRESET_CN_36_2026,
  selectRuleSet, ruleSetEffectiveOn, resolvePin, applyOfficeSettings, unsetPeriods, findPeriod, resolvePeriodAmount,
  checkBehaviourAllowed, CATALOGUE_CY_RE_6, CATALOGUE_HLJ_29, BEHAVIOUR_DENY_LIST, MEASURES, findMeasure, findBehaviour,
  CASE_EVENT_TYPES, PERIOD_TEMPLATES, formatPeriod, describeUnsetPeriods, periodsOpenedBy, resolvePeriodRule,
} from '../../shared';
import { certaintyMarker } from '../../shared';
import type { PeriodKey, RuleSet } from '../../shared';

const amount = (r: RuleSet, key: PeriodKey) => findPeriod(r.periods, key)?.amount;

describe('preset 朝阳房地产规定 (2020)', () => {
  const r = PRESET_CY_RE_2020;
  it('carries its stated periods with citations', () => {
    expect(r.effectiveFrom).toBe('2020-01-01');
    expect(findPeriod(r.periods, 'listing_notice')).toMatchObject({ amount: 7, unit: 'calendar_days', countsFrom: 'listed', rollToWorkingDay: true, certainty: 'unit_as_written', basis: expect.stringContaining('第八条') });
    expect(findPeriod(r.periods, 'validity')).toMatchObject({ amount: 3, unit: 'years', countsFrom: 'determined', onEnd: 'listing_expires', basis: expect.stringContaining('第十条') });
    expect(findPeriod(r.periods, 'repair_eligibility')).toMatchObject({ amount: 1, unit: 'years', countsFrom: 'listed', onEnd: 'becomes_eligible', basis: expect.stringContaining('第十七条') });
    expect(findPeriod(r.periods, 'relisting_repair_bar')).toMatchObject({ amount: 1, unit: 'years', onEnd: 'bar_ends', basis: expect.stringContaining('第十九条') });
    expect(findPeriod(r.periods, 'objection_processing')).toMatchObject({ amount: 15, unit: 'working_days', basis: expect.stringContaining('第二十条') });
    expect(amount(r, 'objection_correction')).toBe(0);
  });
  it('leaves the repair decision unset (GAP)', () => {
    expect(findPeriod(r.periods, 'repair_decision')).toMatchObject({ amount: null, certainty: 'unset' });
    expect(unsetPeriods(r).map((p) => p.key)).toEqual(['repair_decision']);
  });
  it('publishes masked by default (full only by a recorded office decision) and has no pre-notice requirement', () => {
    expect(r.publicationProfile).toBe('masked');
    const full = applyOfficeSettings(r, { periods: {}, publicationProfile: 'full', decidedBy: '市住建局', decisionReference: '局务会纪要〔2026〕2号', effectiveFrom: '2026-01-01' });
    expect(full.ok && full.ruleSet.publicationProfile).toBe('full');
    expect(full.ok && full.ruleSet.notes.at(-1)).toContain('局务会纪要〔2026〕2号');
    expect(applyOfficeSettings(r, { periods: {}, publicationProfile: 'full', decidedBy: '', decisionReference: '', effectiveFrom: '2026-01-01' })).toMatchObject({ ok: false, code: 'settings_without_decision' });
    expect(r.requiresPreNotice).toBe(false);
    expect(r.publicationSource).toBe('own');
  });
});

describe('preset 朝阳2020方案', () => {
  const r = PRESET_CY_PLAN_2020;
  it('5-WD objections, 3-WD repair initial review, offline profile', () => {
    expect(findPeriod(r.periods, 'objection_processing')).toMatchObject({ amount: 5, unit: 'working_days', basis: expect.stringContaining('十五（二十五）') });
    expect(findPeriod(r.periods, 'repair_initial_review')).toMatchObject({ amount: 3, unit: 'working_days', basis: expect.stringContaining('十四（二十四）') });
    expect(amount(r, 'repair_decision')).toBeNull();
    expect(r.publicationProfile).toBe('offline');
    expect(r.publicationSource).toBe('national');
    expect(r.documentNumber).toBe('朝信办发〔2020〕6号');
  });
});

describe('preset 黑龙江省社会信用条例 (2022)', () => {
  const r = PRESET_HLJ_2022;
  it('carries 第三十九条 objection periods with pauses', () => {
    expect(r.effectiveFrom).toBe('2022-07-01');
    expect(amount(r, 'objection_marking')).toBe(1);
    expect(amount(r, 'objection_decision')).toBe(3);
    expect(amount(r, 'objection_decision_assisted')).toBe(7);
    expect(amount(r, 'assist_reply')).toBe(2);
    expect(amount(r, 'objection_listing_review')).toBe(3);
    expect(amount(r, 'downstream_correction')).toBe(3);
    expect(amount(r, 'provider_correction')).toBe(3);
    expect(amount(r, 'basis_change_report')).toBe(2);
    expect(amount(r, 'basis_change_action')).toBe(1);
    expect(amount(r, 'platform_push')).toBe(3);
    expect(findPeriod(r.periods, 'objection_decision')?.pausedBy).toEqual(['inspection', 'testing', 'quarantine', 'appraisal', 'expert_review']);
  });
  it('leaves the GAPs unset: written decision, repair decision, 陈述申辩 period', () => {
    expect(unsetPeriods(r).map((p) => p.key).sort()).toEqual(['pre_notice_statement', 'repair_decision', 'written_decision']);
  });
  it('masks (第二十三条), requires pre-notice, publication per national rules (第三十七条)', () => {
    expect(r.publicationProfile).toBe('masked');
    expect(r.requiresPreNotice).toBe(true);
    expect(r.publicationSource).toBe('national');
  });
});

describe('national repair/publication regimes', () => {
  it('527号 (2019-07-01..2023-04-30): 一般 3m–1y, 严重 6m–3y, 轻微 unset', () => {
    const max = findPeriod(PRESET_CN_527_2019.periods, 'publication_max');
    const min = findPeriod(PRESET_CN_527_2019.periods, 'publication_min');
    expect(max && resolvePeriodAmount(max, 'general').amount).toBe(12);
    expect(max && resolvePeriodAmount(max, 'severe').amount).toBe(36);
    expect(min && resolvePeriodAmount(min, 'severe').amount).toBe(6);
    expect(max && resolvePeriodAmount(max, 'minor').amount).toBeNull();
    expect(PRESET_CN_527_2019.effectiveTo).toBe('2023-04-30');
  });
  it('58号令 (2023-05-01..2026-03-31): 3 months to 3 years for every penalty, 1 year minimum in five sectors, uncertain', () => {
    const min = findPeriod(PRESET_CN_58_2023.periods, 'publication_min')!;
    const max = findPeriod(PRESET_CN_58_2023.periods, 'publication_max')!;
    for (const severity of ['minor', 'general', 'severe'] as const) {
      expect(resolvePeriodAmount(min, severity)).toEqual({ amount: 3, certainty: 'uncertain' });
      expect(resolvePeriodAmount(max, severity)).toEqual({ amount: 36, certainty: 'uncertain' });
    }
    for (const sector of ['food', 'drug', 'special_equipment', 'work_safety', 'fire'] as const) expect(resolvePeriodAmount(min, 'general', sector)).toEqual({ amount: 12, certainty: 'uncertain' });
    expect(resolvePeriodRule(min).from).toBe('basis_decision');
    expect(PRESET_CN_58_2023.publicationTiers.every((t) => t.certainty === 'uncertain')).toBe(true);
    expect(PRESET_CN_58_2023.effectiveTo).toBe('2026-03-31');
    expect(certaintyMarker('uncertain')).toBe('期限数值依据二手资料，中等可信度，待办公室核实');
  });
  it('an office confirms the 58号令 numbers explicitly; they become office-certain', () => {
    const confirmed = applyOfficeSettings(PRESET_CN_58_2023, { periods: {}, confirmedPeriods: ['publication_min', 'publication_max'], decidedBy: '县信用办', decisionReference: '县信用办〔2026〕5号', effectiveFrom: '2023-05-01' });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    const min = findPeriod(confirmed.ruleSet.periods, 'publication_min')!;
    expect(resolvePeriodAmount(min, 'general')).toEqual({ amount: 3, certainty: 'office' });
    expect(resolvePeriodAmount(min, 'general', 'fire')).toEqual({ amount: 12, certainty: 'office' });
    expect(certaintyMarker(resolvePeriodAmount(min, 'general').certainty)).toBeNull();
    expect(applyOfficeSettings(PRESET_CN_36_2026, { periods: {}, confirmedPeriods: ['publication_min'], decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2026-04-01' })).toMatchObject({ ok: false, code: 'settings_confirm_nothing' });
  });
  it('36号令 (from 2026-04-01): 轻微 ≤3m, 一般 3m–1y, 严重 1–3y', () => {
    const max = findPeriod(PRESET_CN_36_2026.periods, 'publication_max');
    const min = findPeriod(PRESET_CN_36_2026.periods, 'publication_min');
    expect(max && [resolvePeriodAmount(max, 'minor').amount, resolvePeriodAmount(max, 'general').amount, resolvePeriodAmount(max, 'severe').amount]).toEqual([3, 12, 36]);
    expect(min && [resolvePeriodAmount(min, 'minor').amount, resolvePeriodAmount(min, 'general').amount, resolvePeriodAmount(min, 'severe').amount]).toEqual([0, 3, 12]);
    expect(PRESET_CN_36_2026.publicationTiers.find((t) => t.severity === 'minor')?.publishedByDefault).toBe(false);
    expect(resolvePeriodAmount(max ?? PRESET_CN_36_2026.periods[0]!, null).amount).toBeNull();
  });
});

describe('selectRuleSet / ruleSetEffectiveOn', () => {
  it('switches the national regime on 2023-05-01 and 2026-04-01', () => {
    const at = (d: string) => ruleSetEffectiveOn(RULE_SET_PRESETS, 'CN-REPAIR', d)?.id;
    expect(at('2019-06-30')).toBeUndefined();
    expect(at('2019-07-01')).toBe('CN-REPAIR-527-2019');
    expect(at('2023-04-30')).toBe('CN-REPAIR-527-2019');
    expect(at('2023-05-01')).toBe('CN-REPAIR-58-2023');
    expect(at('2026-03-31')).toBe('CN-REPAIR-58-2023');
    expect(at('2026-04-01')).toBe('CN-REPAIR-36-2026');
  });
  it('composes 黑龙江 with the national regime of the 认定 date and pins both', () => {
    const before = selectRuleSet(RULE_SET_PRESETS, 'HLJ', '2026-03-31');
    const after = selectRuleSet(RULE_SET_PRESETS, 'HLJ', '2026-04-01');
    expect(before.ok && before.pin).toEqual({ id: 'HLJ-2022', version: 1, national: { id: 'CN-REPAIR-58-2023', version: 1 } });
    expect(after.ok && after.pin).toEqual({ id: 'HLJ-2022', version: 1, national: { id: 'CN-REPAIR-36-2026', version: 1 } });
    if (after.ok) {
      expect(findPeriod(after.ruleSet.periods, 'publication_max')).toBeDefined();
      expect(after.ruleSet.publicationTiers).toHaveLength(3);
      expect(findPeriod(after.ruleSet.periods, 'objection_marking')?.amount).toBe(1);
    }
  });
  it('does not compose a rule set that fixes its own publication', () => {
    const r = selectRuleSet(RULE_SET_PRESETS, 'LN-CY-RE', '2024-03-01');
    expect(r.ok && r.pin.national).toBeNull();
    expect(r.ok && findPeriod(r.ruleSet.periods, 'publication_max')).toBeUndefined();
  });
  it('refuses a date before the rule set is in force, in Chinese', () => {
    const r = selectRuleSet(RULE_SET_PRESETS, 'HLJ', '2022-06-30');
    expect(r).toMatchObject({ ok: false, code: 'rule_set_not_in_force' });
    if (!r.ok) expect(r.reason).toContain('没有生效的规则集');
  });
  it('resolvePin re-creates the pinned composition, refuses unknown pins', () => {
    const sel = selectRuleSet(RULE_SET_PRESETS, 'HLJ', '2025-01-10');
    if (!sel.ok) throw new Error('no rule set');
    const again = resolvePin(RULE_SET_PRESETS, sel.pin);
    expect(again.ok && again.ruleSet).toEqual(sel.ruleSet);
    expect(resolvePin(RULE_SET_PRESETS, { id: 'X', version: 1, national: null })).toMatchObject({ ok: false, code: 'rule_set_missing' });
    expect(resolvePin(RULE_SET_PRESETS, { id: 'HLJ-2022', version: 1, national: { id: 'Y', version: 9 } })).toMatchObject({ ok: false, code: 'rule_set_missing' });
  });
});

describe('applyOfficeSettings', () => {
  const settings = { periods: { repair_decision: { amount: 10 } }, decidedBy: '县信用办', decisionReference: '县信用办〔2026〕3号', effectiveFrom: '2026-01-01' };
  it('sets an unset period in a new version and records who decided', () => {
    const r = applyOfficeSettings(PRESET_HLJ_2022, settings);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ruleSet.version).toBe(2);
    expect(r.ruleSet.derivedFrom).toEqual({ id: 'HLJ-2022', version: 1 });
    expect(findPeriod(r.ruleSet.periods, 'repair_decision')).toMatchObject({ amount: 10, certainty: 'office' });
    expect(r.ruleSet.notes.at(-1)).toContain('县信用办〔2026〕3号');
    expect(unsetPeriods(r.ruleSet).map((p) => p.key).sort()).toEqual(['pre_notice_statement', 'written_decision']);
    // the office version wins from its date; older cases keep the preset
    expect(ruleSetEffectiveOn([...RULE_SET_PRESETS, r.ruleSet], 'HLJ', '2026-02-01')?.version).toBe(2);
    expect(ruleSetEffectiveOn([...RULE_SET_PRESETS, r.ruleSet], 'HLJ', '2025-12-31')?.version).toBe(1);
  });
  it('refuses to change a stated period unless explicitly allowed (emergency, 第三十条)', () => {
    const bad = applyOfficeSettings(PRESET_HLJ_2022, { ...settings, periods: { objection_decision: { amount: 5 } } });
    expect(bad).toMatchObject({ ok: false, code: 'settings_override_stated' });
    if (!bad.ok) expect(bad.reason).toContain('不能在设置中修改');
    const allowed = applyOfficeSettings(PRESET_HLJ_2022, { ...settings, periods: { objection_decision: { amount: 2 } } }, { allowOverrideStated: true });
    expect(allowed.ok).toBe(true);
  });
  it('adds a period the rule set lacks, from its template', () => {
    const r = applyOfficeSettings(PRESET_CY_RE_2020, { ...settings, periods: { pre_notice_statement: { amount: 5 } }, requiresPreNotice: true });
    expect(r.ok && findPeriod(r.ruleSet.periods, 'pre_notice_statement')).toMatchObject({ amount: 5, unit: 'working_days', countsFrom: 'pre_notice_served' });
    expect(r.ok && r.ruleSet.requiresPreNotice).toBe(true);
  });
  it('refuses bad input', () => {
    expect(applyOfficeSettings(PRESET_HLJ_2022, { ...settings, effectiveFrom: '2020-01-01' })).toMatchObject({ ok: false, code: 'settings_before_rule_set' });
    expect(applyOfficeSettings(PRESET_HLJ_2022, { ...settings, decidedBy: ' ' })).toMatchObject({ ok: false, code: 'settings_without_decision' });
    expect(applyOfficeSettings(PRESET_HLJ_2022, { ...settings, periods: { repair_decision: { amount: -1 } } })).toMatchObject({ ok: false, code: 'settings_bad_amount' });
  });
});

describe('unsetPeriods(ruleSet, forAction)', () => {
  it('names the periods an act would open', () => {
    expect(unsetPeriods(PRESET_HLJ_2022, 'determined').map((p) => p.key)).toEqual(['written_decision']);
    expect(unsetPeriods(PRESET_HLJ_2022, 'repair_applied').map((p) => p.key)).toEqual(['repair_decision']);
    expect(unsetPeriods(PRESET_HLJ_2022, 'objection_received')).toEqual([]);
    expect(unsetPeriods(PRESET_CN_527_2019, 'listed', 'minor').map((p) => p.key)).toEqual(['publication_max', 'publication_min']);
    expect(unsetPeriods(PRESET_CN_527_2019, 'listed', 'general')).toEqual([]);
    expect(unsetPeriods(PRESET_CN_527_2019, 'published', 'minor')).toEqual([]);
    expect(describeUnsetPeriods(unsetPeriods(PRESET_HLJ_2022, 'determined'), PRESET_HLJ_2022)).toContain('设置');
  });
  it('which periods an act opens is the rule data itself; every period key has a template', () => {
    for (const r of RULE_SET_PRESETS) {
      for (const p of r.periods) {
        const rule = resolvePeriodRule(p);
        if (rule.onEnd === 'bar_ends' || !(CASE_EVENT_TYPES as readonly string[]).includes(rule.countsFrom) || rule.countsFromWhen) continue;
        expect(periodsOpenedBy(r, rule.countsFrom as (typeof CASE_EVENT_TYPES)[number]).map((x) => x.key), `${r.id} ${p.key}`).toContain(p.key);
      }
    }
    expect(periodsOpenedBy(PRESET_HLJ_2022, 'objection_received').map((p) => p.key)).toEqual(['objection_marking', 'objection_decision']);
    expect(periodsOpenedBy(PRESET_HLJ_2022, 'objection_received', { objectionId: 'o', applicant: 'a', grounds: [], reasons: 'r', concernsListing: true, channel: 'written' }).map((p) => p.key)).toEqual(['objection_marking', 'objection_decision', 'objection_listing_review']);
    for (const r of RULE_SET_PRESETS) for (const p of r.periods) expect(PERIOD_TEMPLATES[p.key]).toBeDefined();
    expect(formatPeriod(3, 'working_days')).toBe('3个工作日');
    expect(formatPeriod(7, 'calendar_days')).toBe('7日');
    expect(formatPeriod(3, 'months')).toBe('3个月');
    expect(formatPeriod(1, 'years')).toBe('1年');
  });
  it('every preset period cites a basis', () => {
    for (const r of RULE_SET_PRESETS) for (const p of r.periods) expect(p.basis.length).toBeGreaterThan(3);
  });
});

describe('behaviour catalogues and the deny-list', () => {
  it('000 第六条 has 17 items, (十六) with 7 sub-items', () => {
    expect(CATALOGUE_CY_RE_6.items).toHaveLength(17);
    expect(CATALOGUE_CY_RE_6.items[15]?.items).toHaveLength(7);
    expect(findBehaviour('CY-RE-6-16-2')?.item.text).toContain('一房多卖');
  });
  it('黑龙江 第二十九条 has 8 categories', () => {
    expect(CATALOGUE_HLJ_29.items).toHaveLength(8);
  });
  it.each(['信访', '拆迁', '闯红灯', '不文明养犬', '欠缴物业费', '未执行垃圾分类'])('refuses %s with a Chinese reason citing 003', (text) => {
    const r = checkBehaviourAllowed(`当事人${text}`);
    expect(r).toMatchObject({ ok: false, code: 'behaviour_denied' });
    if (!r.ok) expect(r.reason).toContain('十七（二十七）');
  });
  it('refuses deny-list codes and empty input; allows catalogue codes and other text', () => {
    expect(BEHAVIOUR_DENY_LIST).toHaveLength(6);
    expect(checkBehaviourAllowed('DENY-RED-LIGHT').ok).toBe(false);
    expect(checkBehaviourAllowed(' ')).toMatchObject({ ok: false, code: 'behaviour_empty' });
    expect(checkBehaviourAllowed('CY-RE-6-16')).toMatchObject({ ok: true });
    expect(checkBehaviourAllowed('恶意欠薪')).toEqual({ ok: true, item: null });
  });
  it('points 上访 text to 第六条(十六)', () => {
    const r = checkBehaviourAllowed('开发商延迟交房导致业主上访');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('第六条（十六）');
  });
});

describe('measures catalogue', () => {
  it('is closed and each measure has a duration', () => {
    expect(MEASURES.length).toBeGreaterThan(15);
    expect(new Set(MEASURES.map((m) => m.code)).size).toBe(MEASURES.length);
    expect(findMeasure('CY-12-2')?.duration).toEqual({ kind: 'while_listed' });
    expect(findMeasure('HLJ-31-P1')?.duration).toEqual({ kind: 'fixed', amount: null, unit: 'years' });
    for (const r of RULE_SET_PRESETS) for (const code of r.measureCodes) expect(findMeasure(code)).toBeDefined();
  });
});
