import { describe, expect, it } from 'vitest';
import { RULE_SET_PRESETS, officeRuleSetVersions, jurisdictionForBehaviour, parseOfficeProfile, issuingOffice, findPeriod, selectRuleSet } from '../../shared';
import type { OfficeProfile, RuleSet } from '../../shared';

const OFFICE: OfficeProfile = {
  officeId: '11219900MB000000X0',
  name: '示例县社会信用体系建设领导小组办公室',
  uscc: '11219900MB000000X0',
  region: '示例县',
  level: '县级',
  reviewBody: '示例县人民政府',
  court: '示例县人民法院',
  numbering: { casePrefix: '示信案', documentPrefix: '示信决' },
  assignments: [{ catalogueId: 'HLJ-29', ruleSetId: 'HLJ-2022' }],
  periodSettings: { 'HLJ-2022': { written_decision: { amount: 5 }, pre_notice_statement: { amount: 5 } } },
  decisionReference: '示信办〔2026〕1号',
  staff: ['甲'],
  configuredAt: '2026-01-01T00:00:00.000Z',
};

function plan(office: OfficeProfile, stored: readonly RuleSet[]) {
  const r = officeRuleSetVersions(office, stored);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

describe('office-derived rule-set versions (pure)', () => {
  it('stores the presets and one derived version; nothing new when the settings did not change', () => {
    const first = plan(OFFICE, []);
    expect(first.toStore.filter((r) => r.derivedFrom === null)).toHaveLength(RULE_SET_PRESETS.length);
    expect(first.created.map((r) => [r.id, r.version])).toEqual([['HLJ-2022', 2]]);
    expect(findPeriod(first.created[0]!.periods, 'written_decision')).toMatchObject({ amount: 5, certainty: 'office' });
    const again = plan(OFFICE, first.toStore);
    expect(again).toEqual({ toStore: [], created: [] });
    const changed = plan({ ...OFFICE, periodSettings: { 'HLJ-2022': { written_decision: { amount: 7 }, pre_notice_statement: { amount: 5 } } } }, first.toStore);
    expect(changed.created.map((r) => [r.id, r.version])).toEqual([['HLJ-2022', 3]]);
  });
  it('an office confirmation of the 58号令 numbers and an explicit publication profile give versions too', () => {
    const p = plan({ ...OFFICE, confirmedPeriods: { 'CN-REPAIR-58-2023': ['publication_min'] }, publicationProfiles: { 'LN-CY-RE-2020': 'full' } }, []);
    expect(p.created.map((r) => r.id).sort()).toEqual(['CN-REPAIR-58-2023', 'HLJ-2022', 'LN-CY-RE-2020']);
    const sel = selectRuleSet(p.toStore, 'HLJ', '2025-01-10');
    expect(sel.ok && sel.pin.national).toEqual({ id: 'CN-REPAIR-58-2023', version: 2 });
    expect(p.created.find((r) => r.id === 'LN-CY-RE-2020')?.publicationProfile).toBe('full');
  });
  it('refuses settings shared/ refuses, in Chinese', () => {
    const r = officeRuleSetVersions({ ...OFFICE, periodSettings: { 'HLJ-2022': { objection_decision: { amount: 9 } } } }, []);
    expect(r).toMatchObject({ ok: false, code: 'settings_override_stated' });
  });
  it('the jurisdiction of a behaviour follows the office\'s assignment', () => {
    expect(jurisdictionForBehaviour(OFFICE, 'HLJ-29-3')).toMatchObject({ ok: true, jurisdictionKey: 'HLJ', presetId: 'HLJ-2022' });
    expect(jurisdictionForBehaviour(OFFICE, 'CY-RE-6-2')).toMatchObject({ ok: false, code: 'no_rule_set_assigned' });
    expect(jurisdictionForBehaviour(OFFICE, 'nope')).toMatchObject({ ok: false, code: 'behaviour_unknown' });
  });
});

describe('one OfficeProfile', () => {
  it('validates with a Chinese reason and gives the printed part', () => {
    expect(parseOfficeProfile(OFFICE)).toEqual({ ok: true, profile: OFFICE });
    const bad = parseOfficeProfile({ ...OFFICE, numbering: { casePrefix: 'x', documentPrefix: ' ' } });
    expect(bad).toMatchObject({ ok: false, code: 'office_invalid' });
    if (!bad.ok) expect(bad.reason).toContain('发文机关代字');
    expect(issuingOffice(OFFICE)).toEqual({ officeId: OFFICE.officeId, name: OFFICE.name, numbering: OFFICE.numbering, reviewBody: '示例县人民政府', court: '示例县人民法院' });
  });
});
