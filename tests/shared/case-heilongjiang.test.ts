import { describe, expect, it } from 'vitest';
import { PRESET_HLJ_2022, RULE_SET_PRESETS, applyOfficeSettings, selectRuleSet, foldCase } from '../../shared';
import type { RuleSet, RuleSetPin } from '../../shared';
import { calendar, caseBuilder, determinedPayload, serveListing } from './case-helpers';

const officeHlj = (() => {
  const r = applyOfficeSettings(PRESET_HLJ_2022, {
    periods: { written_decision: { amount: 5 }, repair_decision: { amount: 10 }, pre_notice_statement: { amount: 5 } },
    decidedBy: '县信用办',
    decisionReference: '县信用办〔2022〕1号',
    effectiveFrom: '2022-07-01',
  });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
})();
const presets = [...RULE_SET_PRESETS, officeHlj];

function hlj(decidedOn: string): { ruleSet: RuleSet; pin: RuleSetPin } {
  const sel = selectRuleSet(presets, 'HLJ', decidedOn);
  if (!sel.ok) throw new Error(sel.reason);
  return sel;
}

const objection = (id: string, concernsListing = false) => ({ objectionId: id, applicant: '某某公司', grounds: ['error' as const], reasons: '信息有误', concernsListing, channel: 'written' as const });

/** 认定 → 事先告知 → 陈述申辩 → 列入 → 送达 → 公示 under 黑龙江 + national regime of the date. */
/**
 * The basis decision (行政处罚决定) is dated `penaltyOn` (default: the 认定 day); only 严重 cases go on the
 * 严重失信主体名单 (第二十八、二十九条), the others on the ordinary 失信名单.
 */
function publishedCase(decidedOn = '2026-04-10', severity: 'minor' | 'general' | 'severe' = 'general', penaltyOn = decidedOn, sector?: 'food') {
  const { ruleSet, pin } = hlj(decidedOn);
  const b = caseBuilder(ruleSet);
  const listType = severity === 'severe' ? 'severe_dishonesty_list' : 'dishonesty_list';
  const basisDocuments = [{ type: 'penalty_decision' as const, documentNo: '黑市监罚〔2026〕1号', issuer: '某市市场监督管理局', decidedOn: penaltyOn, effective: true }];
  b.add('determined', decidedOn, determinedPayload(pin, { severity, listType, basisDocuments, ...(sector ? { sector } : {}) }));
  b.add('pre_notice_served', decidedOn, { documentNo: '告知〔2026〕1号', recipients: ['某某公司'], method: 'direct' });
  b.add('statement_received', decidedOn, { summary: '无异议', accepted: false });
  b.add('listed', decidedOn, { decisionNo: '决定〔2026〕1号', listType, priorRepairCompletedOn: null });
  b.add('served', decidedOn, serveListing());
  b.add('published', decidedOn, { channels: ['信用黑龙江'], profile: 'masked' });
  return { b, ruleSet, pin };
}

describe('黑龙江 preset: unset periods block acts until the office sets them', () => {
  it('认定 is refused while the 书面决定 period is unset (第二十八条)', () => {
    const sel = selectRuleSet(RULE_SET_PRESETS, 'HLJ', '2026-04-10');
    if (!sel.ok) throw new Error();
    const b = caseBuilder(sel.ruleSet);
    const r = b.attempt('determined', '2026-04-10', determinedPayload(sel.pin));
    expect(r).toMatchObject({ ok: false, code: 'period_unset' });
    if (!r.ok) {
      expect(r.reason).toContain('作出书面决定');
      expect(r.reason).toContain('第二十八条');
      expect(r.reason).toContain('"设置"');
    }
  });
});

describe('pre-notice D2 and listing refusals', () => {
  it('refuses listing without a served pre-notice', () => {
    const { ruleSet, pin } = hlj('2026-04-10');
    const b = caseBuilder(ruleSet);
    b.add('determined', '2026-04-10', determinedPayload(pin));
    expect(b.state().deadlines.find((d) => d.key === 'written_decision')?.dueOn).toBe('2026-04-17');
    const r = b.attempt('listed', '2026-04-11', { decisionNo: 'x', listType: 'severe_dishonesty_list', priorRepairCompletedOn: null });
    expect(r).toMatchObject({ ok: false, code: 'pre_notice_required' });
    if (!r.ok) expect(r.reason).toContain('事先告知');
    expect(b.attempt('statement_received', '2026-04-11', { summary: 'x', accepted: false })).toMatchObject({ ok: false, code: 'statement_wrong_stage' });
  });
  it('refuses listing while the 陈述申辩 window is open; allows it after the window or a statement', () => {
    const { ruleSet, pin } = hlj('2026-04-10');
    const b = caseBuilder(ruleSet);
    b.add('determined', '2026-04-10', determinedPayload(pin));
    b.add('pre_notice_served', '2026-04-13', { documentNo: 'x', recipients: ['某某公司'], method: 'direct' });
    expect(b.state().stage).toBe('D2');
    expect(b.attempt('pre_notice_served', '2026-04-13', { documentNo: 'x', recipients: ['a'], method: 'direct' })).toMatchObject({ ok: false, code: 'pre_notice_wrong_stage' });
    expect(b.state('2026-04-14').deadlines.find((d) => d.key === 'pre_notice_statement')).toMatchObject({ dueOn: '2026-04-20', outcome: 'window_closes' });
    const early = b.attempt('listed', '2026-04-20', { decisionNo: 'x', listType: 'severe_dishonesty_list', priorRepairCompletedOn: null });
    expect(early).toMatchObject({ ok: false, code: 'statement_window_open' });
    if (!early.ok) expect(early.reason).toContain('2026-04-20');
    expect(b.attempt('listed', '2026-04-21', { decisionNo: 'x', listType: 'severe_dishonesty_list', priorRepairCompletedOn: null }).ok).toBe(true);
  });
  it('a statement can lead to 免于惩戒 instead of listing (D2 → X0)', () => {
    const { ruleSet, pin } = hlj('2026-04-10');
    const b = caseBuilder(ruleSet);
    b.add('determined', '2026-04-10', determinedPayload(pin));
    b.add('pre_notice_served', '2026-04-13', { documentNo: 'x', recipients: ['某某公司'], method: 'direct' });
    b.add('statement_received', '2026-04-15', { summary: '已改正并补救', accepted: true });
    b.add('exempted', '2026-04-16', { reason: '轻微偶发，及时改正，未造成危害后果' });
    expect(b.state().stage).toBe('X0');
  });
  it('refuses the pre-notice when its 陈述申辩 period is unset', () => {
    const partial = applyOfficeSettings(PRESET_HLJ_2022, { periods: { written_decision: { amount: 5 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2022-07-01' });
    if (!partial.ok) throw new Error();
    const b = caseBuilder(partial.ruleSet);
    b.add('determined', '2026-04-10', determinedPayload({ id: partial.ruleSet.id, version: partial.ruleSet.version, national: null }));
    const r = b.attempt('pre_notice_served', '2026-04-10', { documentNo: 'x', recipients: ['a'], method: 'direct' });
    expect(r).toMatchObject({ ok: false, code: 'period_unset' });
    if (!r.ok) expect(r.reason).toContain('陈述申辩期限');
  });
});

describe('publication under the national regime of the 认定 date', () => {
  it('36号令 (decided 2026-04-10, 一般): published until +1 year, repair after 3 months', () => {
    const { b } = publishedCase('2026-04-10', 'general');
    const s = b.state('2026-05-01');
    expect(s.stage).toBe('D5');
    expect(s.publicationUntil).toBe('2027-04-10');
    expect(s.repairEligibleFrom).toBe('2026-07-11');
    expect(s.deadlines.find((d) => d.key === 'publication_max')).toMatchObject({ dueOn: '2027-04-10', outcome: 'publication_ends' });
  });
  it('national periods count from the basis decision, not from 认定 (36号令 "自司法、行政公务文书认定之日起")', () => {
    // penalty 2026-05-01, 认定 2026-05-20, 一般 → publication ends 2027-05-01 (not 2027-05-20)
    const { b } = publishedCase('2026-05-20', 'general', '2026-05-01');
    const s = b.state('2026-06-01');
    expect(s.basisDecidedOn).toBe('2026-05-01');
    expect(s.publicationUntil).toBe('2027-05-01');
    expect(s.repairEligibleFrom).toBe('2026-08-02');
    expect(s.deadlines.find((d) => d.key === 'publication_max')).toMatchObject({ startsOn: '2026-05-01', dueOn: '2027-05-01' });
  });
  it('58号令 as restated: every penalty 3 months to 3 years, from the penalty date; uncertain until confirmed', () => {
    const { b } = publishedCase('2026-03-31', 'severe');
    const s = b.state();
    expect(s.publicationUntil).toBe('2029-03-31');
    expect(s.repairEligibleFrom).toBe('2026-07-01');
    expect(s.periods.find((d) => d.key === 'publication_min')).toMatchObject({ amount: 3, unit: 'months', certainty: 'uncertain' });
  });
  it('58号令: a 1-year minimum in food, drugs, special equipment, work safety and fire (sector > tier > amount)', () => {
    const { b } = publishedCase('2026-03-31', 'general', '2026-03-31', 'food');
    const s = b.state();
    expect(s.sector).toBe('food');
    expect(s.repairEligibleFrom).toBe('2027-04-01');
    expect(s.publicationUntil).toBe('2029-03-31');
  });
  it('an expired publication cannot be re-published (第三十七条) and is archived', () => {
    // 58号令 era, penalty 2023-06-01 → at most 3 years → ends 2026-06-01
    const { b } = publishedCase('2025-01-10', 'general', '2023-06-01');
    const s = b.state();
    expect(s.publicationUntil).toBe('2026-06-01');
    expect(s.expired).toBe(true);
    expect(s.publicationActive).toBe(false);
    expect(s.flags).toContain('EXPIRED_PENDING_ARCHIVE');
    const r = b.attempt('published', '2026-06-02', { channels: ['x'], profile: 'masked' });
    expect(r).toMatchObject({ ok: false, code: 'publish_expired' });
    if (!r.ok) expect(r.reason).toBe('失信信息公示期限已于2026-06-01届满，期满的失信信息不得再行公示（黑龙江省社会信用条例 第三十七条）');
    b.add('expired_archived', '2026-06-02', {});
    expect(b.state().stage).toBe('D11');
  });
  it('refuses a publication profile less protective than the rule set (第二十三条)', () => {
    const { ruleSet, pin } = hlj('2026-04-10');
    const b = caseBuilder(ruleSet);
    b.add('determined', '2026-04-10', determinedPayload(pin));
    b.add('pre_notice_served', '2026-04-10', { documentNo: 'x', recipients: ['a'], method: 'direct' });
    b.add('statement_received', '2026-04-10', { summary: 'x', accepted: false });
    b.add('listed', '2026-04-10', { decisionNo: 'x', listType: 'severe_dishonesty_list', priorRepairCompletedOn: null });
    b.add('served', '2026-04-10', serveListing());
    expect(b.attempt('published', '2026-04-11', { channels: ['x'], profile: 'full' })).toMatchObject({ ok: false, code: 'publish_profile_too_open' });
  });
});

describe('objection sub-machine O0–O6 (黑龙江条例 第三十九条)', () => {
  it('marking 1 WD and decision 3 WD: received 2026-09-30 → mark by 10-08, decide by 10-10', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    const s = b.state('2026-10-01');
    expect(s.deadlines.find((d) => d.key === 'objection_marking')?.dueOn).toBe('2026-10-08');
    expect(s.deadlines.find((d) => d.key === 'objection_decision')?.dueOn).toBe('2026-10-10');
    b.add('objection_marked', '2026-10-08', { objectionId: 'o1' });
    expect(b.state().objections[0]?.stage).toBe('O1');
    expect(b.state().flags).toContain('OBJECTION_MARKED');
    expect(b.attempt('objection_marked', '2026-10-08', { objectionId: 'o1' })).toMatchObject({ ok: false, code: 'objection_already_marked' });
    expect(b.state('2026-10-12').deadlines.find((d) => d.key === 'objection_decision')?.overdue).toBe(true);
  });
  it('listing objections use the 复核 period (第三十五条)', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1', true));
    expect(b.state().deadlines.find((d) => d.key === 'objection_listing_review')?.dueOn).toBe('2026-10-10');
    expect(b.state().deadlines.some((d) => d.key === 'objection_decision')).toBe(false);
  });
  it('assisted verification: helper 2 WD, decision 7 WD (O2a → O2)', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    b.add('assist_requested', '2026-10-08', { objectionId: 'o1', assistId: 'a1', toUnit: '县市场监管局' });
    let s = b.state('2026-10-08');
    expect(s.objections[0]?.stage).toBe('O2a');
    expect(s.deadlines.find((d) => d.key === 'assist_reply')).toMatchObject({ dueOn: '2026-10-10', scopeId: 'a1' });
    expect(s.deadlines.find((d) => d.key === 'objection_decision_assisted')?.dueOn).toBe('2026-10-15');
    expect(s.deadlines.some((d) => d.key === 'objection_decision')).toBe(false);
    expect(b.attempt('assist_requested', '2026-10-08', { objectionId: 'o1', assistId: 'a1', toUnit: 'x' })).toMatchObject({ ok: false, code: 'assist_duplicate' });
    expect(b.attempt('assist_replied', '2026-10-09', { objectionId: 'o1', assistId: 'zz', result: 'x' })).toMatchObject({ ok: false, code: 'assist_unknown' });
    b.add('assist_replied', '2026-10-09', { objectionId: 'o1', assistId: 'a1', result: '信息属实' });
    s = b.state('2026-10-09');
    expect(s.objections[0]?.stage).toBe('O2');
    expect(s.deadlines.some((d) => d.key === 'assist_reply')).toBe(false);
    expect(b.attempt('assist_replied', '2026-10-09', { objectionId: 'o1', assistId: 'a1', result: 'x' })).toMatchObject({ ok: false, code: 'assist_already_replied' });
  });
  it('检测 time is not counted (T18): a closed pause extends, an open pause stops the clock', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    b.add('clock_paused', '2026-10-08', { pauseId: 'p1', kind: 'testing', scopeId: 'o1', note: '送检' });
    let d = b.state('2026-10-09').deadlines.find((x) => x.key === 'objection_decision');
    expect(d).toMatchObject({ dueOn: null, paused: true, overdue: false });
    expect(b.attempt('clock_paused', '2026-10-09', { pauseId: 'p2', kind: 'appraisal', scopeId: 'o1' })).toMatchObject({ ok: false, code: 'pause_already_open' });
    expect(b.attempt('clock_paused', '2026-10-09', { pauseId: 'p2', kind: 'appraisal', scopeId: 'nobody' })).toMatchObject({ ok: false, code: 'pause_scope_unknown' });
    expect(b.attempt('clock_resumed', '2026-10-09', { pauseId: 'zz' })).toMatchObject({ ok: false, code: 'pause_not_open' });
    b.add('clock_resumed', '2026-10-12', { pauseId: 'p1' });
    d = b.state('2026-10-12').deadlines.find((x) => x.key === 'objection_decision');
    expect(d).toMatchObject({ dueOn: '2026-10-14', paused: false, pausedDays: 4 });
    // the 15-WD-style overall period has no pause rule in 黑龙江; marking (1 WD) is paused too
    expect(b.state('2026-10-12').objections[0]?.openPauseIds).toEqual([]);
  });
  it('referral to the competent unit closes the objection (OX)', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    expect(b.attempt('objection_referred', '2026-10-08', { objectionId: 'o1', toUnit: ' ' })).toMatchObject({ ok: false, code: 'referral_unit_missing' });
    b.add('objection_referred', '2026-10-08', { objectionId: 'o1', toUnit: '省公共信用信息中心' });
    expect(b.state().objections[0]?.stage).toBe('OX');
    expect(b.state().deadlines.some((d) => d.scopeId === 'o1')).toBe(false);
    expect(b.attempt('objection_decided', '2026-10-09', { objectionId: 'o1', outcome: 'rejected', reasons: 'x' })).toMatchObject({ ok: false, code: 'objection_already_decided' });
    expect(b.attempt('objection_decided', '2026-10-09', { objectionId: 'nope', outcome: 'rejected', reasons: 'x' })).toMatchObject({ ok: false, code: 'objection_unknown' });
  });
  it('correction then downstream systems within 3 WD (T19)', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    b.add('objection_decided', '2026-10-08', { objectionId: 'o1', outcome: 'upheld_correct', reasons: '更正' });
    const c = b.add('corrected', '2026-10-08', { objectionId: 'o1', changes: [{ field: '名称', before: 'a', after: 'b' }] });
    expect(b.state('2026-10-08').deadlines.find((d) => d.key === 'downstream_correction')?.dueOn).toBe('2026-10-12');
    b.add('correction_pushed', '2026-10-09', { correctedEventId: c.id, targets: ['信用中国'] });
    expect(b.state().deadlines.some((d) => d.key === 'downstream_correction')).toBe(false);
  });
});

describe('basis revoked D10 / changed (黑龙江条例 第三十八条)', () => {
  it('a report opens the 1-WD action deadline; revocation ends the listing', () => {
    const { b } = publishedCase();
    b.add('basis_change_reported', '2026-09-30', { basisDocumentNo: '朝住建罚〔2024〕1号', basisChangedOn: '2026-09-29', change: 'revoked' });
    expect(b.state('2026-09-30').deadlines.find((d) => d.key === 'basis_change_action')?.dueOn).toBe('2026-10-08');
    expect(b.attempt('basis_revoked', '2026-10-08', { basisDocumentNo: ' ', kind: 'revoked', basisChangedOn: '2026-09-29' })).toMatchObject({ ok: false, code: 'basis_missing' });
    b.add('basis_revoked', '2026-10-08', { basisDocumentNo: '朝住建罚〔2024〕1号', kind: 'revoked', basisChangedOn: '2026-09-29' });
    const s = b.state();
    expect(s.stage).toBe('D10');
    expect(s.deadlines.some((d) => d.key === 'basis_change_action')).toBe(false);
    expect(b.attempt('repair_applied', '2026-10-09', { repairId: 'r', methods: [], commitmentSigned: true })).toMatchObject({ ok: false, code: 'case_ended' });
  });
  it('a changed basis keeps the listing and flags it', () => {
    const { b } = publishedCase();
    b.add('basis_changed', '2026-09-30', { basisDocumentNo: 'x', basisChangedOn: '2026-09-29', description: '罚款数额变更' });
    expect(b.state().stage).toBe('D5');
    expect(b.state().flags).toContain('BASIS_CHANGED');
  });
});

describe('repair with initial review (P1 → P3 → P4)', () => {
  it('under an office version of 黑龙江: decision within the office-set 10 WD', () => {
    const { b } = publishedCase('2026-04-10', 'general');
    b.add('repair_applied', '2026-07-13', { repairId: 'r1', methods: ['obligation_fulfilled', 'commitment'], commitmentSigned: true });
    expect(b.state('2026-07-13').deadlines.find((d) => d.key === 'repair_decision')).toMatchObject({ dueOn: '2026-07-27', basis: expect.stringContaining('办公室设置') });
    b.add('repair_decided', '2026-07-20', { repairId: 'r1', approved: true, reasons: '已履行' });
    expect(b.state().stage).toBe('D8');
  });
});

describe('fold is pure and replayable', () => {
  it('same events, same state', () => {
    const { b, ruleSet } = publishedCase();
    expect(foldCase(b.events, ruleSet, calendar, { today: '2026-11-22' })).toEqual(foldCase([...b.events].reverse(), ruleSet, calendar, { today: '2026-11-22' }));
  });
});

describe('late acts stay visible after the deadline closes', () => {
  it('an objection decided after 3 WD, marked after 1 WD, a late basis report', () => {
    const { b } = publishedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    b.add('objection_marked', '2026-10-09', { objectionId: 'o1' });
    b.add('objection_decided', '2026-10-12', { objectionId: 'o1', outcome: 'rejected', reasons: '理由' });
    b.add('basis_change_reported', '2026-10-20', { basisDocumentNo: 'x', basisChangedOn: '2026-10-14', change: 'changed' });
    b.add('basis_changed', '2026-10-21', { basisDocumentNo: 'x', basisChangedOn: '2026-10-14', description: 'y' });
    const late = b.state().lateActs.map((l) => [l.key, l.dueOn, l.actedOn]);
    expect(late).toEqual([
      ['objection_marking', '2026-10-08', '2026-10-09'],
      ['objection_decision', '2026-10-10', '2026-10-12'],
      ['basis_change_report', '2026-10-16', '2026-10-20'],
    ]);
  });
  it('acts on time leave no trace', () => {
    const { b } = publishedCase();
    expect(b.state().lateActs).toEqual([]);
  });
});
