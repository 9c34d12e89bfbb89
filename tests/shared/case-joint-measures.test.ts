import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, PRESET_HLJ_2022, applyOfficeSettings, verifyChain, hashEvent, GENESIS_HASH, sealChain } from '../../shared';
import type { CaseEvent, RuleSet } from '../../shared';
import { caseBuilder, determinedPayload, pinOf, serveListing, TEST_CHAIN_KEY } from './case-helpers';

const CY: RuleSet = (() => {
  const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2020-01-01' });
  if (!r.ok) throw new Error();
  return r.ruleSet;
})();

function listed(ruleSet: RuleSet = CY) {
  const b = caseBuilder(ruleSet);
  b.add('determined', '2024-03-01', determinedPayload(pinOf(ruleSet)));
  b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  return b;
}

describe('joint sanction sub-machine J0–J4 (凌源联合奖惩 三、四、六; 庄河 四(十二))', () => {
  it('walks J0 → J1 → J2 → J3 → J4', () => {
    const b = listed();
    expect(b.attempt('joint_units_assigned', '2024-03-05', { units: ['县发改局'] })).toMatchObject({ ok: false, code: 'joint_wrong_stage' });
    expect(b.attempt('joint_revoked', '2024-03-05', { reason: 'x' })).toMatchObject({ ok: false, code: 'joint_wrong_stage' });
    b.add('joint_initiated', '2024-03-05', { platformRef: 'LY-2024-001' });
    expect(b.state().jointStage).toBe('J0');
    expect(b.attempt('joint_initiated', '2024-03-05', { platformRef: null })).toMatchObject({ ok: false, code: 'joint_already_initiated' });
    expect(b.attempt('joint_responded', '2024-03-05', { unit: '县发改局', measureCodes: [] })).toMatchObject({ ok: false, code: 'joint_wrong_stage' });
    expect(b.attempt('joint_units_assigned', '2024-03-05', { units: [] })).toMatchObject({ ok: false, code: 'joint_units_missing' });
    b.add('joint_units_assigned', '2024-03-05', { units: ['县发改局', '县财政局'] });
    expect(b.state().jointStage).toBe('J1');
    expect(b.attempt('joint_feedback', '2024-03-06', { unit: '县发改局', summary: 'x' })).toMatchObject({ ok: false, code: 'joint_wrong_stage' });
    expect(b.attempt('joint_responded', '2024-03-06', { unit: '县公安局', measureCodes: [] })).toMatchObject({ ok: false, code: 'joint_unit_unknown' });
    b.add('joint_responded', '2024-03-06', { unit: '县发改局', measureCodes: ['CY-12-4'] });
    expect(b.state().jointStage).toBe('J2');
    b.add('joint_feedback', '2024-03-08', { unit: '县发改局', summary: '已限制参与政府采购' });
    expect(b.state().jointStage).toBe('J3');
    expect(b.attempt('joint_revoked', '2024-03-09', { reason: '' })).toMatchObject({ ok: false, code: 'reason_missing' });
    b.add('joint_revoked', '2024-03-09', { reason: '已履行义务' });
    expect(b.state().jointStage).toBe('J4');
    expect(b.attempt('joint_revoked', '2024-03-10', { reason: 'x' })).toMatchObject({ ok: false, code: 'joint_already_revoked' });
  });
  it('cannot be initiated before listing', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(b.attempt('joint_initiated', '2024-03-02', { platformRef: null })).toMatchObject({ ok: false, code: 'joint_not_listed' });
  });
  it('after removal: JOINT_REVOKE_PENDING until revoked (revocation still allowed)', () => {
    const b = listed();
    b.add('joint_initiated', '2024-03-05', { platformRef: null });
    b.add('removed', '2024-06-01', { reason: 'fulfilled', note: '已履行' });
    expect(b.state().flags).toContain('JOINT_REVOKE_PENDING');
    b.add('joint_revoked', '2024-06-02', { reason: '已移出名单' });
    expect(b.state().flags).not.toContain('JOINT_REVOKE_PENDING');
  });
});

describe('platform pushes (T25, 黑龙江条例 第二十一条)', () => {
  it('the 3-WD push is the 公共信用工作机构\'s duty: reported as information, not as the office\'s deadline; closes when pushed', () => {
    const r = applyOfficeSettings(PRESET_HLJ_2022, { periods: { written_decision: { amount: 5 }, pre_notice_statement: { amount: 5 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2022-07-01' });
    if (!r.ok) throw new Error();
    const b = caseBuilder(r.ruleSet);
    b.add('determined', '2026-09-30', determinedPayload(pinOf(r.ruleSet)));
    const s = b.state('2026-10-01');
    expect(s.deadlines.some((d) => d.key === 'platform_push')).toBe(false);
    expect(s.otherBodyDeadlines.find((d) => d.key === 'platform_push')).toMatchObject({ dueOn: '2026-10-10', holder: 'other_body' });
    b.add('platform_pushed', '2026-10-08', { platform: 'province', reference: 'HLJ-1' });
    expect(b.state().otherBodyDeadlines.some((d) => d.key === 'platform_push')).toBe(false);
  });
});

describe('measures from the closed catalogue (黑龙江条例 第三十、三十一条)', () => {
  it('applies a published measure, lifts it once', () => {
    const b = listed();
    expect(b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'HLJ-31-P1', implementingUnit: 'x', justification: 'y' })).toMatchObject({ ok: false, code: 'measure_not_published' });
    expect(b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'FREE-TEXT', implementingUnit: 'x', justification: 'y' })).toMatchObject({ ok: false, code: 'measure_not_published' });
    expect(b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: '市财政局', justification: ' ' })).toMatchObject({ ok: false, code: 'measure_justification' });
    b.add('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: '市财政局', justification: '与违法预售行为相关联' });
    expect(b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'CY-12-2', implementingUnit: 'x', justification: 'y' })).toMatchObject({ ok: false, code: 'measure_duplicate' });
    expect(b.state().measures).toHaveLength(1);
    b.add('removed', '2024-06-01', { reason: 'fulfilled', note: '已履行' });
    expect(b.state().flags).toContain('MEASURES_PENDING_LIFT');
    expect(b.attempt('measure_lifted', '2024-06-01', { measureId: 'nope', reason: 'x' })).toMatchObject({ ok: false, code: 'measure_unknown' });
    b.add('measure_lifted', '2024-06-01', { measureId: 'm1', reason: '已移出名单，即时终止' });
    expect(b.state().flags).not.toContain('MEASURES_PENDING_LIFT');
    expect(b.attempt('measure_lifted', '2024-06-02', { measureId: 'm1', reason: 'x' })).toMatchObject({ ok: false, code: 'measure_already_lifted' });
  });
  it('refuses a measure whose required period is unset (第三十一条)', () => {
    const r = applyOfficeSettings(PRESET_HLJ_2022, { periods: { written_decision: { amount: 5 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2022-07-01', requiresPreNotice: false });
    if (!r.ok) throw new Error();
    const b = listed(r.ruleSet);
    const res = b.attempt('measure_applied', '2024-03-05', { measureId: 'm1', measureCode: 'HLJ-31-P1', implementingUnit: 'x', justification: 'y' });
    expect(res).toMatchObject({ ok: false, code: 'period_unset' });
    if (!res.ok) expect(res.reason).toContain('设置');
  });
  it('refuses measures before listing', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(b.attempt('measure_applied', '2024-03-02', { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: 'x', justification: 'y' })).toMatchObject({ ok: false, code: 'measure_not_listed' });
  });
});

describe('作废 (voided)', () => {
  it('voids the last event; the state forgets it', () => {
    const b = listed();
    const served = b.add('served', '2024-03-06', serveListing());
    expect(b.state().stage).toBe('D4');
    expect(b.attempt('voided', '2024-03-07', { voidedEventId: served.id, reason: '' })).toMatchObject({ ok: false, code: 'void_reason_missing' });
    const v = b.add('voided', '2024-03-07', { voidedEventId: served.id, reason: '送达回证日期录入错误' });
    expect(b.state().stage).toBe('D3');
    expect(b.state().voidedEventIds).toEqual([served.id]);
    expect(b.attempt('voided', '2024-03-07', { voidedEventId: served.id, reason: 'x' })).toMatchObject({ ok: false, code: 'void_already' });
    expect(b.attempt('voided', '2024-03-07', { voidedEventId: v.id, reason: 'x' })).toMatchObject({ ok: false, code: 'void_a_void' });
    expect(b.attempt('voided', '2024-03-07', { voidedEventId: 'nope', reason: 'x' })).toMatchObject({ ok: false, code: 'void_target_unknown' });
  });
  it('refuses to void an event later events depend on', () => {
    const b = listed();
    const listedEvent = b.events[1]!;
    b.add('served', '2024-03-06', serveListing());
    b.add('published', '2024-03-07', { channels: ['x'], profile: 'masked' });
    const r = b.attempt('voided', '2024-03-08', { voidedEventId: listedEvent.id, reason: '误列' });
    expect(r).toMatchObject({ ok: false, code: 'void_breaks_history' });
  });
});

describe('hash chain', () => {
  it('appendEvent seals events; verifyChain accepts an intact chain', () => {
    const b = listed();
    b.add('served', '2024-03-06', serveListing());
    expect(b.events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(b.events[1]?.prevHash).toBe(b.events[0]?.hash);
    const check = verifyChain(b.events, TEST_CHAIN_KEY);
    expect(check).toEqual({ ok: true, headHash: b.events[2]?.hash });
    expect(hashEvent(TEST_CHAIN_KEY, GENESIS_HASH, b.events[0]!)).toBe(b.events[0]?.hash);
  });
  it('reports the first broken link: tampered payload, deleted event, broken link, other case', () => {
    const b = listed();
    b.add('served', '2024-03-06', serveListing());
    const tampered: CaseEvent[] = b.events.map((e, i) => (i === 1 ? ({ ...e, occurredOn: '2024-03-05' } as CaseEvent) : e));
    expect(verifyChain(tampered, TEST_CHAIN_KEY)).toMatchObject({ ok: false, index: 1, code: 'hash_mismatch' });
    expect(verifyChain([b.events[0]!, b.events[2]!], TEST_CHAIN_KEY)).toMatchObject({ ok: false, index: 1, code: 'seq_gap' });
    const relinked = b.events.map((e, i) => (i === 2 ? ({ ...e, prevHash: GENESIS_HASH } as CaseEvent) : e));
    expect(verifyChain(relinked, TEST_CHAIN_KEY)).toMatchObject({ ok: false, index: 2, code: 'prev_hash_mismatch' });
    const foreign = b.events.map((e, i) => (i === 2 ? ({ ...e, caseId: 'other' } as CaseEvent) : e));
    expect(verifyChain(foreign, TEST_CHAIN_KEY)).toMatchObject({ ok: false, index: 2, code: 'case_mismatch' });
    // Re-sealed with the device's own key the edit is undetectable by the chain alone: the key must stay apart
    // from the data (renderer/src/desk/keys.ts) and the platform's acknowledged heads anchor what was synced.
    expect(verifyChain(sealChain(TEST_CHAIN_KEY, tampered), TEST_CHAIN_KEY)).toMatchObject({ ok: true });
    // Without the key, re-hashing the edited chain (plain SHA-256 or another key) no longer verifies.
    expect(verifyChain(sealChain(new Uint8Array(32).fill(9), tampered), TEST_CHAIN_KEY)).toMatchObject({ ok: false, index: 0, code: 'hash_mismatch' });
  });
});
