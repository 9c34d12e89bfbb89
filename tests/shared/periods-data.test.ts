/**
 * The fold is driven by the rule data alone: what opens a period (`countsFrom`), which date counts
 * (`from`), what closes it (`closedBy`), what replaces it (`supersededBy`) and whose duty it is (`holder`).
 */
import { describe, expect, it } from 'vitest';
import {
  PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, PRESET_HLJ_2022, PRESET_LY_2020, PRESET_ZH_2017, RULE_SET_PRESETS,
  applyOfficeSettings, selectRuleSet, listingNoticeRecipients, proportionalityLabel, findMeasure, MEASURES, CATALOGUE_ZH_6,
} from '../../shared';
import type { PeriodRule, RuleSet } from '../../shared';
import { caseBuilder, company, determinedPayload, pinOf, serveListing } from './case-helpers';

function office(preset: RuleSet, periods: Parameters<typeof applyOfficeSettings>[1]['periods'] = {}): RuleSet {
  const r = applyOfficeSettings(preset, { periods, decidedBy: '县信用办', decisionReference: '县信用办〔2026〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}
const withPeriod = (ruleSet: RuleSet, key: PeriodRule['key'], patch: Partial<PeriodRule>): RuleSet => ({ ...ruleSet, periods: ruleSet.periods.map((p) => (p.key === key ? { ...p, ...patch } : p)) });
const CY = office(PRESET_CY_RE_2020, { repair_decision: { amount: 10 } });
const HLJ = (() => {
  const sel = selectRuleSet([...RULE_SET_PRESETS, office(PRESET_HLJ_2022, { written_decision: { amount: 5 }, pre_notice_statement: { amount: 5 }, repair_decision: { amount: 10 } })], 'HLJ', '2026-04-10');
  if (!sel.ok) throw new Error(sel.reason);
  return sel;
})();

function cyListed(ruleSet: RuleSet) {
  const b = caseBuilder(ruleSet);
  b.add('determined', '2024-03-01', determinedPayload(pinOf(ruleSet)));
  b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  return b;
}

function hljListed(severity: 'general' | 'severe' = 'general', ruleSet: RuleSet = HLJ.ruleSet) {
  const b = caseBuilder(ruleSet);
  const listType = severity === 'severe' ? 'severe_dishonesty_list' : 'dishonesty_list';
  b.add('determined', '2026-04-10', determinedPayload(HLJ.pin, { severity, listType, basisDocuments: [{ type: 'penalty_decision', documentNo: 'x', issuer: 'y', decidedOn: '2026-04-10', effective: true }] }));
  b.add('pre_notice_served', '2026-04-10', { documentNo: '告知', recipients: ['某某公司'], method: 'direct' });
  b.add('statement_received', '2026-04-10', { summary: '无', accepted: false });
  b.add('listed', '2026-04-10', { decisionNo: '决定', listType, priorRepairCompletedOn: null });
  return b;
}

describe('a changed rule set (as a platform push could deliver) changes the fold', () => {
  it('closedBy: the notice period closes on what the data says', () => {
    const changed = withPeriod(CY, 'listing_notice', { closedBy: [{ event: 'published' }] });
    const b = cyListed(changed);
    b.add('served', '2024-03-06', serveListing());
    expect(b.state('2024-03-06').deadlines.some((d) => d.key === 'listing_notice')).toBe(true);
    b.add('published', '2024-03-07', { channels: ['x'], profile: 'masked' });
    expect(b.state('2024-03-07').deadlines.some((d) => d.key === 'listing_notice')).toBe(false);
    const unchanged = cyListed(CY);
    unchanged.add('served', '2024-03-06', serveListing());
    expect(unchanged.state('2024-03-06').deadlines.some((d) => d.key === 'listing_notice')).toBe(false);
  });
  it('countsFrom and from: validity counted from the listing instead of 认定', () => {
    const changed = withPeriod(CY, 'validity', { countsFrom: 'listed' });
    const b = caseBuilder(changed);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(changed)));
    expect(b.state().validUntil).toBeNull();
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    expect(b.state().validUntil).toBe('2027-03-04');
    expect(cyListed(CY).state().validUntil).toBe('2027-03-01');
  });
  it('a pushed rule set that carries only the older fields falls back to the templates', () => {
    const stripped: RuleSet = { ...CY, periods: CY.periods.map(({ key, label, amount, unit, countsFrom, pausedBy, rollToWorkingDay, onEnd, basis, certainty }) => ({ key, label, amount, unit, countsFrom, pausedBy, rollToWorkingDay, onEnd, basis, certainty })) };
    const a = cyListed(stripped);
    const b = cyListed(CY);
    for (const x of [a, b]) x.add('served', '2024-03-06', serveListing());
    expect(a.state()).toEqual(b.state());
  });
  it('supersededBy decides once which objection period applies', () => {
    const receive = (ruleSet: RuleSet) => {
      const b = hljListed('general', ruleSet);
      b.add('objection_received', '2026-09-30', { objectionId: 'o1', applicant: 'a', grounds: ['listing'], reasons: 'r', concernsListing: true, channel: 'written' });
      return b.state('2026-10-01').deadlines.filter((d) => d.scopeId === 'o1').map((d) => d.key).sort();
    };
    expect(receive(HLJ.ruleSet)).toEqual(['objection_listing_review', 'objection_marking']);
    expect(receive(withPeriod(HLJ.ruleSet, 'objection_decision', { supersededBy: [] }))).toEqual(['objection_decision', 'objection_listing_review', 'objection_marking']);
  });
});

describe('filings are always registered; acts of the office that need an unset number are refused', () => {
  const noObjectionNumber = withPeriod(CY, 'objection_processing', { amount: null, certainty: 'unset' });
  it('an objection is registered and its period shows 期限未设置', () => {
    const b = cyListed(noObjectionNumber);
    b.add('objection_received', '2024-04-01', { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: 'r', concernsListing: false, channel: 'written' });
    expect(b.state('2024-04-01').deadlines.find((d) => d.key === 'objection_processing')).toMatchObject({ unset: true, dueOn: null });
  });
  it('the office act that opens an unset period is refused with the period named', () => {
    const b = hljListed('general', withPeriod(HLJ.ruleSet, 'objection_decision_assisted', { amount: null, certainty: 'unset' }));
    b.add('objection_received', '2026-09-30', { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: 'r', concernsListing: false, channel: 'written' });
    const r = b.attempt('assist_requested', '2026-10-08', { objectionId: 'o1', assistId: 'a1', toUnit: '县市场监管局' });
    expect(r).toMatchObject({ ok: false, code: 'period_unset' });
    if (!r.ok) expect(r.reason).toContain('异议处理决定（协助核查）');
  });
  it('a basis change report of the provider is registered even when the action period is unset', () => {
    const unsetAction = withPeriod(HLJ.ruleSet, 'basis_change_action', { amount: null, certainty: 'unset' });
    const b = caseBuilder(unsetAction);
    b.add('determined', '2026-04-10', determinedPayload(pinOf(unsetAction), { severity: 'general', listType: 'dishonesty_list' }));
    b.add('basis_change_reported', '2026-04-14', { basisDocumentNo: 'x', basisChangedOn: '2026-04-13', change: 'changed' });
    expect(b.state('2026-04-14').deadlines.find((d) => d.key === 'basis_change_action')).toMatchObject({ unset: true });
  });
});

describe('missing periods', () => {
  it('凌源 二(四): the joint-sanction push counts 7 WD from the listing and is met by 发起 (三(一))', () => {
    const LY = office(PRESET_LY_2020, { repair_decision: { amount: 10 } });
    expect(LY.jurisdictionKey).toBe('LN-LY');
    const b = caseBuilder(LY);
    b.add('determined', '2026-09-25', determinedPayload(pinOf(LY)));
    b.add('listed', '2026-09-28', { decisionNo: '凌信〔2026〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    const push = b.state('2026-09-29').deadlines.find((d) => d.key === 'joint_push');
    expect(push).toMatchObject({ dueOn: '2026-10-13', basis: expect.stringContaining('二（四）'), holder: 'office' });
    b.add('joint_initiated', '2026-10-14', { platformRef: 'LY-1' });
    expect(b.state('2026-10-14').deadlines.some((d) => d.key === 'joint_push')).toBe(false);
    expect(b.state('2026-10-14').lateActs.map((l) => [l.key, l.dueOn, l.actedOn])).toEqual([['joint_push', '2026-10-13', '2026-10-14']]);
  });
  it('双公示 per rule set: 424号 7 WD (national, composed into 黑龙江), 朝阳2020方案 7 days, 庄河 7 WD; met by 公示', () => {
    const b = hljListed();
    expect(b.state('2026-04-11').deadlines.find((d) => d.key === 'decision_publication')).toMatchObject({ dueOn: '2026-04-21', basis: '发改办财金〔2018〕424号' });
    b.add('served', '2026-04-13', serveListing());
    b.add('published', '2026-04-14', { channels: ['信用中国'], profile: 'masked' });
    expect(b.state('2026-04-14').deadlines.some((d) => d.key === 'decision_publication')).toBe(false);
    expect(PRESET_CY_PLAN_2020.periods.find((p) => p.key === 'decision_publication')).toMatchObject({ amount: 7, unit: 'calendar_days', certainty: 'unit_as_written', basis: expect.stringContaining('三（四）') });
    expect(PRESET_ZH_2017.periods.find((p) => p.key === 'decision_publication')).toMatchObject({ amount: 7, unit: 'working_days', basis: expect.stringContaining('四（十三）') });
  });
});

describe('36号令 and 黑龙江 conditions enforced from the data', () => {
  it('轻微 information is not published without the 行业主管部门\'s "确有必要" reasons, then capped at 3 months', () => {
    const b = caseBuilder(HLJ.ruleSet);
    b.add('determined', '2026-04-10', determinedPayload(HLJ.pin, { severity: 'minor', listType: 'dishonesty_list', basisDocuments: [{ type: 'penalty_decision', documentNo: 'x', issuer: 'y', decidedOn: '2026-04-10', effective: true }] }));
    b.add('pre_notice_served', '2026-04-10', { documentNo: '告知', recipients: ['a'], method: 'direct' });
    b.add('statement_received', '2026-04-10', { summary: '无', accepted: false });
    b.add('listed', '2026-04-10', { decisionNo: '决定', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('served', '2026-04-10', serveListing());
    const refused = b.attempt('published', '2026-04-13', { channels: ['x'], profile: 'masked' });
    expect(refused).toMatchObject({ ok: false, code: 'publish_not_by_default' });
    if (!refused.ok) expect(refused.reason).toContain('确有必要');
    b.add('published', '2026-04-13', { channels: ['x'], profile: 'masked', necessity: '行业主管部门认为涉及群众安全，确有必要公示' });
    expect(b.state('2026-04-13').publicationUntil).toBe('2026-07-10');
  });
  it('a 黑龙江 严重失信主体名单 case cannot take the 一般 or 轻微 tier', () => {
    for (const severity of ['general', 'minor'] as const) {
      const b = caseBuilder(HLJ.ruleSet);
      const r = b.attempt('determined', '2026-04-10', determinedPayload(HLJ.pin, { severity, listType: 'severe_dishonesty_list' }));
      expect(r).toMatchObject({ ok: false, code: 'severity_not_allowed' });
      if (!r.ok) expect(r.reason).toContain('第二十八、二十九条');
    }
    const b = hljListed('severe');
    expect(b.state().listType).toBe('severe_dishonesty_list');
    const general = caseBuilder(HLJ.ruleSet);
    general.add('determined', '2026-04-10', determinedPayload(HLJ.pin, { severity: 'general', listType: 'dishonesty_list' }));
    general.add('pre_notice_served', '2026-04-10', { documentNo: '告知', recipients: ['a'], method: 'direct' });
    general.add('statement_received', '2026-04-10', { summary: '无', accepted: false });
    expect(general.attempt('listed', '2026-04-10', { decisionNo: '决定', listType: 'severe_dishonesty_list', priorRepairCompletedOn: null })).toMatchObject({ ok: false, code: 'severity_not_allowed' });
  });
});

describe('rule-set facts the UI asks for', () => {
  it('the 比例原则 label cites the case\'s own rule set', () => {
    expect(proportionalityLabel(PRESET_HLJ_2022)).toContain('黑龙江省社会信用条例 第三十条');
    expect(proportionalityLabel(PRESET_CY_RE_2020)).toContain('国办发〔2020〕49号');
    expect(proportionalityLabel(PRESET_CY_RE_2020)).not.toContain('黑龙江');
  });
  it('measure refusals cite the case\'s rule set, not 黑龙江 第三十条 on a 朝阳 case', () => {
    const b = cyListed(CY);
    const r = b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: 'x', justification: ' ' });
    expect(r).toMatchObject({ ok: false, code: 'measure_justification' });
    if (!r.ok) {
      expect(r.reason).toContain('国办发〔2020〕49号');
      expect(r.reason).not.toContain('黑龙江');
    }
  });
  it('measure catalogues per jurisdiction: 朝阳 lists no 庄河 measures; each measure has source, period and proportionality note', () => {
    expect(PRESET_CY_PLAN_2020.measureCodes.some((c) => c.startsWith('ZH-'))).toBe(false);
    expect(PRESET_CY_RE_2020.measureCodes.every((c) => c.startsWith('CY-'))).toBe(true);
    expect(PRESET_ZH_2017.measureCodes.length).toBeGreaterThan(0);
    expect(PRESET_ZH_2017.measureCodes.every((c) => c.startsWith('ZH-'))).toBe(true);
    expect(PRESET_LY_2020.measureCodes.some((c) => c.startsWith('LY-'))).toBe(true);
    expect(PRESET_ZH_2017.behaviourCatalogues).toEqual([CATALOGUE_ZH_6.id]);
    for (const m of MEASURES) {
      expect(m.basis.length, m.code).toBeGreaterThan(5);
      expect(m.proportionality.length, m.code).toBeGreaterThan(5);
      expect(m.duration, m.code).toBeDefined();
    }
    for (const r of RULE_SET_PRESETS) for (const code of r.measureCodes) expect(findMeasure(code)).toBeDefined();
  });
  it('listing-notice recipients follow the rule set (朝阳房地产规定 第八条: subject AND 主要责任人)', () => {
    const linked = [{ name: '李四', role: '主要责任人' }, { name: '王五', role: '法定代表人' }];
    expect(listingNoticeRecipients(company, PRESET_CY_RE_2020, linked)).toEqual([
      { name: company.name, role: '当事人' },
      { name: '张三', role: '主要责任人', citizenId: '360426199101010071' },
      { name: '李四', role: '主要责任人' },
    ]);
    expect(listingNoticeRecipients(company, PRESET_HLJ_2022, linked)).toEqual([{ name: company.name, role: '当事人' }]);
  });
});
