import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, RULE_SET_PRESETS, applyOfficeSettings, selectRuleSet, foldCase, canPerform, CASE_STAGE_LABELS, prematureRepairReason, formatDeadlineDate, describeDeadline, repairsAwaiting } from '../../shared';
import type { RuleSet } from '../../shared';
import { calendar, caseBuilder, determinedPayload, pinOf, serveListing } from './case-helpers';

function office(preset: RuleSet): RuleSet {
  const r = applyOfficeSettings(preset, { periods: { repair_decision: { amount: 10 } }, decidedBy: '市住建局', decisionReference: '局务会纪要〔2020〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}
const CY = office(PRESET_CY_RE_2020);

/** 认定 2024-03-01 (Fri), 列入 2024-03-04 (Mon), 送达 2024-03-06, 公示 2024-03-07. */
function listedCase(ruleSet: RuleSet = CY, options: Parameters<typeof caseBuilder>[1] = {}) {
  const b = caseBuilder(ruleSet, options);
  b.add('determined', '2024-03-01', determinedPayload(pinOf(ruleSet)));
  b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  return b;
}

describe('朝阳房地产规定: listing life cycle D0 → D1 → D3 → D4 → D5', () => {
  it('D0 with no events', () => {
    const b = caseBuilder(CY);
    expect(b.state().stage).toBe('D0');
    expect(b.state().stageLabel).toBe('线索/登记');
    expect(b.can({ type: 'listed' })).toMatchObject({ ok: false, code: 'not_determined' });
  });
  it('认定 → D1 with validity 3 years from 认定 (第十条)', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    const s = b.state();
    expect(s.stage).toBe('D1');
    expect(s.validUntil).toBe('2027-03-01');
    expect(s.ruleSetPin).toEqual({ id: 'LN-CY-RE-2020', version: 2, national: null });
  });
  it('列入 → D3 with the 7-day written notice deadline (第八条) and repair eligibility (第十七条)', () => {
    const b = listedCase();
    const s = b.state('2024-03-05');
    expect(s.stage).toBe('D3');
    const notice = s.deadlines.find((d) => d.key === 'listing_notice');
    expect(notice).toMatchObject({ dueOn: '2024-03-11', overdue: false, provisional: false, basis: expect.stringContaining('第八条') });
    expect(s.repairEligibleFrom).toBe('2025-03-05');
    expect(b.state('2024-03-12').deadlines.find((d) => d.key === 'listing_notice')?.overdue).toBe(true);
  });
  it('the notice deadline rolls over a holiday: listed 2026-09-28 → due 2026-10-08', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2026-09-25', determinedPayload(pinOf(CY)));
    b.add('listed', '2026-09-28', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    expect(b.state().deadlines.find((d) => d.key === 'listing_notice')?.dueOn).toBe('2026-10-08');
  });
  it('送达 → D4, 公示 → D5; the notice deadline closes', () => {
    const b = listedCase();
    b.add('served', '2024-03-06', serveListing());
    expect(b.state().stage).toBe('D4');
    expect(b.state().deadlines.some((d) => d.key === 'listing_notice')).toBe(false);
    b.add('published', '2024-03-07', { channels: ['信用中国（辽宁朝阳）'], profile: 'masked' });
    const s = b.state('2024-04-01');
    expect(s.stage).toBe('D5');
    expect(s.publicationActive).toBe(true);
    expect(s.deadlines.find((d) => d.key === 'validity')).toMatchObject({ dueOn: '2027-03-01', outcome: 'listing_expires' });
  });
  it('refuses publishing before the decision is served', () => {
    const b = listedCase();
    expect(b.attempt('published', '2024-03-05', { channels: ['x'], profile: 'masked' })).toMatchObject({ ok: false, code: 'publish_wrong_stage' });
  });
  it('refuses a duplicate 认定 and a second 列入', () => {
    const b = listedCase();
    expect(b.attempt('determined', '2024-03-05', determinedPayload(pinOf(CY)))).toMatchObject({ ok: false, code: 'already_determined' });
    expect(b.attempt('listed', '2024-03-05', { decisionNo: 'y', listType: 'dishonesty_list', priorRepairCompletedOn: null })).toMatchObject({ ok: false, code: 'list_wrong_stage' });
  });
  it('refuses serving a listing decision before listing', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(b.attempt('served', '2024-03-02', serveListing())).toMatchObject({ ok: false, code: 'serve_before_listing' });
    expect(b.attempt('served', '2024-03-02', { ...serveListing(), documentKind: 'other', recipients: [] })).toMatchObject({ ok: false, code: 'recipients_missing' });
  });
});

describe('认定 refusals', () => {
  it('refuses deny-listed behaviour (朝阳2020方案 十七(二十七))', () => {
    const b = caseBuilder(CY);
    const r = b.attempt('determined', '2024-03-01', determinedPayload(pinOf(CY), { behaviourCode: null, behaviourText: '业主闯红灯' }));
    expect(r).toMatchObject({ ok: false, code: 'behaviour_denied' });
  });
  it('refuses a behaviour outside the rule set catalogue', () => {
    const b = caseBuilder(CY);
    expect(b.attempt('determined', '2024-03-01', determinedPayload(pinOf(CY), { behaviourCode: 'HLJ-29-4' }))).toMatchObject({ ok: false, code: 'behaviour_not_in_catalogue' });
  });
  it('refuses without an effective basis document (黑龙江条例 第二十七条)', () => {
    const b = caseBuilder(CY);
    expect(b.attempt('determined', '2024-03-01', determinedPayload(pinOf(CY), { basisDocuments: [] }))).toMatchObject({ ok: false, code: 'basis_missing' });
    const notEffective = determinedPayload(pinOf(CY));
    notEffective.basisDocuments = [{ ...notEffective.basisDocuments[0]!, effective: false }];
    expect(b.attempt('determined', '2024-03-01', notEffective)).toMatchObject({ ok: false, code: 'basis_not_effective' });
    expect(b.attempt('determined', '2024-03-01', determinedPayload(pinOf(CY), { facts: ' ' }))).toMatchObject({ ok: false, code: 'facts_missing' });
  });
  it('refuses a rule set not in force on the 认定 date, or a mismatched pin', () => {
    const b = caseBuilder(CY);
    expect(b.attempt('determined', '2019-12-31', determinedPayload(pinOf(CY)))).toMatchObject({ ok: false, code: 'rule_set_not_in_force' });
    expect(b.attempt('determined', '2024-03-01', determinedPayload({ id: 'LN-CY-RE-2020', version: 1, national: null }))).toMatchObject({ ok: false, code: 'rule_set_mismatch' });
  });
  it('refuses future dates and dates out of order', () => {
    const b = caseBuilder(CY);
    expect(b.attempt('determined', '2026-11-23', determinedPayload(pinOf(CY)))).toMatchObject({ ok: false, code: 'date_in_future' });
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(b.attempt('listed', '2024-02-28', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null })).toMatchObject({ ok: false, code: 'date_before_determination' });
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    expect(b.attempt('served', '2024-03-02', serveListing())).toMatchObject({ ok: false, code: 'date_out_of_order' });
    expect(b.state().lastOccurredOn).toBe('2024-03-04');
  });
});

describe('免于惩戒 X0 (黑龙江条例 第三十条)', () => {
  it('D1 → X0; then nothing else', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(b.attempt('exempted', '2024-03-02', { reason: '' })).toMatchObject({ ok: false, code: 'reason_missing' });
    b.add('exempted', '2024-03-02', { reason: '轻微偶发，已及时改正，未造成危害后果' });
    expect(b.state().stage).toBe('X0');
    expect(b.attempt('listed', '2024-03-03', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null })).toMatchObject({ ok: false, code: 'case_ended' });
  });
  it('refused after listing', () => {
    const b = listedCase();
    expect(b.attempt('exempted', '2024-03-05', { reason: 'x' })).toMatchObject({ ok: false, code: 'exempt_wrong_stage' });
  });
});

describe('repair P0 → P1 → P4 under 朝阳房地产规定', () => {
  it('registers an early application, marks it premature and allows only 不予受理 naming the date (第十七条)', () => {
    const b = listedCase();
    b.add('repair_applied', '2025-03-04', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    const s = b.state('2025-03-04');
    const repair = s.repairs[0]!;
    expect(repair.premature).toMatchObject({ possibleFrom: '2025-03-05', basis: expect.stringContaining('第十七条') });
    const reason = prematureRepairReason(repair);
    expect(reason).toContain('自2025-03-05起方可申请');
    expect(reason).toContain('第十七条');
    expect(reason).toContain('不予受理');
    const accept = b.attempt('repair_reviewed', '2025-03-04', { repairId: 'r1', accepted: true, reasons: '材料齐全' });
    expect(accept).toMatchObject({ ok: false, code: 'repair_premature' });
    if (!accept.ok) expect(accept.reason).toBe(reason);
    expect(b.attempt('repair_decided', '2025-03-04', { repairId: 'r1', approved: true, reasons: '已修复' })).toMatchObject({ ok: false, code: 'repair_premature' });
    b.add('repair_reviewed', '2025-03-04', { repairId: 'r1', accepted: false, reasons: reason });
    expect(b.state('2025-03-04').repairStage).toBe('P2R');
    expect(b.state('2025-03-04').deadlines.some((d) => d.scopeId === 'r1')).toBe(false);
  });
  it('one computation of repair eligibility: the deadline, repairEligibleFrom and the refusal agree', () => {
    const b = listedCase();
    const s = b.state('2024-06-01');
    const d = s.deadlines.find((x) => x.key === 'repair_eligibility')!;
    expect(d.dueOn).toBe('2025-03-04');
    expect(d.eligibleFrom).toBe('2025-03-05');
    expect(s.repairEligibleFrom).toBe(d.eligibleFrom);
    expect(formatDeadlineDate(d)).toBe('自2025-03-05起可以申请');
    expect(describeDeadline(d)).toContain('自2025-03-05起可以申请');
    b.add('repair_applied', '2024-06-01', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    expect(b.state('2024-06-01').repairs[0]?.premature?.possibleFrom).toBe(d.eligibleFrom);
  });
  it('registers a repair application although the decision period is unset; it shows as 期限未设置', () => {
    const b = listedCase(PRESET_CY_RE_2020);
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    const d = b.state('2025-03-06').deadlines.find((x) => x.key === 'repair_decision');
    expect(d).toMatchObject({ unset: true, dueOn: null, scopeId: 'r1' });
    expect(d && describeDeadline(d)).toContain('期限未设置');
    expect(b.state('2025-03-06').flags).toContain('UNSET_PERIOD');
  });
  it('applies on the first eligible day, decides, and moves the case to D8', () => {
    const b = listedCase();
    b.add('served', '2024-03-06', serveListing());
    b.add('published', '2024-03-07', { channels: ['x'], profile: 'masked' });
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment', 'rectification'], commitmentSigned: true });
    let s = b.state('2025-03-06');
    expect(s.repairStage).toBe('P1');
    expect(s.deadlines.find((d) => d.key === 'repair_decision')).toMatchObject({ dueOn: '2025-03-19', scopeId: 'r1' });
    expect(b.attempt('repair_applied', '2025-03-06', { repairId: 'r2', methods: [], commitmentSigned: false })).toMatchObject({ ok: false, code: 'repair_open' });
    expect(b.attempt('repair_decided', '2025-03-10', { repairId: 'r1', approved: false, reasons: '' })).toMatchObject({ ok: false, code: 'repair_refusal_reasons' });
    b.add('repair_decided', '2025-03-10', { repairId: 'r1', approved: true, reasons: '信用确已修复' });
    s = b.state();
    expect(s.stage).toBe('D8');
    expect(s.stageLabel).toBe(CASE_STAGE_LABELS.D8);
    expect(s.repairStage).toBe('P4');
    expect(s.repairCompletedOn).toBe('2025-03-10');
    expect(s.publicationActive).toBe(false);
    expect(s.deadlines.filter((d) => d.key === 'validity')).toHaveLength(0);
    expect(b.attempt('repair_decided', '2025-03-11', { repairId: 'r1', approved: true, reasons: 'x' })).toMatchObject({ ok: false, code: 'case_ended' });
  });
  it('refused repair (P4R) keeps the listing; a new application is possible', () => {
    const b = listedCase();
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    b.add('repair_decided', '2025-03-10', { repairId: 'r1', approved: false, reasons: '尚未消除不良影响' });
    expect(b.state().repairStage).toBe('P4R');
    expect(b.state().stage).toBe('D3');
    expect(b.attempt('repair_applied', '2025-04-01', { repairId: 'r2', methods: ['commitment'], commitmentSigned: true }).ok).toBe(true);
  });
  it('acts after removal are refused', () => {
    const b = listedCase();
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    b.add('repair_decided', '2025-03-10', { repairId: 'r1', approved: true, reasons: '已修复' });
    for (const [type, payload] of [
      ['published', { channels: ['x'], profile: 'masked' }],
      ['objection_received', { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: 'r', concernsListing: false, channel: 'written' }],
      ['repair_applied', { repairId: 'r2', methods: [], commitmentSigned: true }],
      ['removed', { reason: 'fulfilled', note: 'x' }],
    ] as const) {
      const r = b.attempt(type, '2025-03-11', payload as never);
      expect(r.ok, type).toBe(false);
    }
    const pub = b.attempt('published', '2025-03-11', { channels: ['x'], profile: 'masked' });
    expect(pub).toMatchObject({ code: 'publish_removed' });
    if (!pub.ok) expect(pub.reason).toContain('不得再行公示');
    expect(b.attempt('removed', '2025-03-11', { reason: 'fulfilled', note: 'x' })).toMatchObject({ code: 'case_ended' });
  });
});

describe('NO_REPAIR: re-listed within one year after a repair (第十九条)', () => {
  it('from the listed payload', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: '2023-06-01' });
    expect(b.state().flags).toContain('NO_REPAIR');
    const r = b.attempt('repair_applied', '2025-06-01', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    expect(r).toMatchObject({ ok: false, code: 'repair_barred' });
    if (!r.ok) {
      expect(r.reason).toContain('2023-06-01');
      expect(r.reason).toContain('至2027-03-01');
      expect(r.reason).toContain('第十九条');
    }
  });
  it('filled from the context when the draft leaves it null', () => {
    const b = listedCase(CY, { previousRepairCompletedOn: '2023-03-04' });
    expect(b.state().priorRepairCompletedOn).toBe('2023-03-04');
    expect(b.state().flags).toContain('NO_REPAIR');
  });
  it('not barred when the previous repair is more than a year before', () => {
    const b = listedCase(CY, { previousRepairCompletedOn: '2023-03-03' });
    expect(b.state().flags).not.toContain('NO_REPAIR');
  });
});

describe('objections under 朝阳房地产规定 (15 WD, 第二十条)', () => {
  const objection = (id: string, concernsListing = false) => ({ objectionId: id, applicant: '某某公司', grounds: ['error' as const], reasons: '认定事实有误', concernsListing, channel: 'written' as const });
  it('receipt opens the 15-WD deadline; rejection needs reasons; no second decision', () => {
    const b = listedCase();
    b.add('objection_received', '2026-09-30', objection('o1'));
    let s = b.state('2026-10-01');
    expect(s.objections[0]?.stage).toBe('O0');
    expect(s.deadlines.find((d) => d.key === 'objection_processing')).toMatchObject({ dueOn: '2026-10-27', scopeId: 'o1' });
    expect(b.attempt('objection_received', '2026-09-30', objection('o1'))).toMatchObject({ ok: false, code: 'objection_duplicate' });
    expect(b.attempt('objection_received', '2026-09-30', { ...objection('o2'), reasons: '' })).toMatchObject({ ok: false, code: 'objection_reasons_missing' });
    const noReasons = b.attempt('objection_decided', '2026-10-09', { objectionId: 'o1', outcome: 'rejected', reasons: ' ' });
    expect(noReasons).toMatchObject({ ok: false, code: 'objection_rejection_reasons' });
    if (!noReasons.ok) expect(noReasons.reason).toContain('说明理由');
    b.add('objection_decided', '2026-10-09', { objectionId: 'o1', outcome: 'rejected', reasons: '认定事实清楚，证据充分' });
    s = b.state();
    expect(s.objections[0]?.stage).toBe('O5');
    expect(s.deadlines.some((d) => d.scopeId === 'o1')).toBe(false);
    const again = b.attempt('objection_decided', '2026-10-10', { objectionId: 'o1', outcome: 'upheld_remove', reasons: 'x' });
    expect(again).toMatchObject({ ok: false, code: 'objection_already_decided' });
    if (!again.ok) expect(again.reason).toContain('2026-10-09');
    b.add('served', '2026-10-12', { documentKind: 'objection-decision', documentNo: 'y', recipients: ['某某公司'], method: 'post', regardingId: 'o1' });
    expect(b.state().objections[0]?.stage).toBe('O6');
  });
  it('upheld with correction: O4 → correction due "立即" (第二十一条) → O6', () => {
    const b = listedCase();
    b.add('objection_received', '2025-05-06', objection('o1'));
    b.add('objection_decided', '2025-05-08', { objectionId: 'o1', outcome: 'upheld_correct', reasons: '法定代表人姓名有误' });
    let s = b.state('2025-05-09');
    expect(s.objections[0]?.stage).toBe('O4');
    expect(s.deadlines.find((d) => d.key === 'objection_correction')).toMatchObject({ dueOn: '2025-05-08', overdue: true });
    expect(b.attempt('corrected', '2025-05-09', { objectionId: 'o1', changes: [] })).toMatchObject({ ok: false, code: 'correction_empty' });
    expect(b.attempt('corrected', '2025-05-09', { objectionId: 'zz', changes: [{ field: 'a', before: 'b', after: 'c' }] })).toMatchObject({ ok: false, code: 'correction_without_decision' });
    b.add('corrected', '2025-05-09', { objectionId: 'o1', changes: [{ field: '法定代表人', before: '欧阳娜', after: '欧阳娜娜' }] });
    s = b.state();
    expect(s.objections[0]?.stage).toBe('O6');
    expect(s.flags).toContain('CORRECTED');
    expect(s.stage).toBe('D3');
  });
  it('upheld with removal: case → D9 (黑龙江条例 第三十五条)', () => {
    const b = listedCase();
    b.add('objection_received', '2025-05-06', objection('o1', true));
    b.add('objection_decided', '2025-05-08', { objectionId: 'o1', outcome: 'upheld_remove', reasons: '依据文书已被撤销' });
    expect(b.state().stage).toBe('D9');
    expect(b.state().endedOn).toBe('2025-05-08');
  });
  it('objection deadlines under 朝阳2020方案: 5 WD', () => {
    const plan = office(PRESET_CY_PLAN_2020);
    const b = caseBuilder(plan);
    b.add('determined', '2026-09-25', determinedPayload(pinOf(plan, { id: 'CN-REPAIR-58-2023', version: 1 })));
    // pin with the national regime is the caller's business; the plan rule set here is not composed
    b.add('objection_received', '2026-09-30', objection('o1'));
    expect(b.state().deadlines.find((d) => d.key === 'objection_processing')?.dueOn).toBe('2026-10-13');
  });
});

describe('expiry and archive (黑龙江条例 第三十七条)', () => {
  it('expired listings flag EXPIRED_PENDING_ARCHIVE, cannot be published, are archived to D11', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2020-03-02', determinedPayload(pinOf(CY)));
    b.add('listed', '2020-03-03', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('served', '2020-03-04', serveListing());
    expect(b.attempt('expired_archived', '2023-03-02', {})).toMatchObject({ ok: false, code: 'archive_not_expired' });
    let s = b.state();
    expect(s.validUntil).toBe('2023-03-02');
    expect(s.expired).toBe(true);
    expect(s.flags).toContain('EXPIRED_PENDING_ARCHIVE');
    expect(s.deadlines.find((d) => d.key === 'validity')).toMatchObject({ overdue: true, outcome: 'listing_expires' });
    const publish = b.attempt('published', '2023-03-03', { channels: ['x'], profile: 'masked' });
    expect(publish).toMatchObject({ ok: false, code: 'publish_expired' });
    if (!publish.ok) expect(publish.reason).toContain('期满的失信信息不得再行公示');
    b.add('expired_archived', '2023-03-03', {});
    s = b.state();
    expect(s.stage).toBe('D11');
    expect(b.attempt('published', '2023-03-04', { channels: ['x'], profile: 'masked' })).toMatchObject({ ok: false, code: 'publish_expired' });
  });
  it('cannot archive a case that is not listed', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2020-03-02', determinedPayload(pinOf(CY)));
    expect(b.attempt('expired_archived', '2024-01-01', {})).toMatchObject({ ok: false, code: 'archive_wrong_stage' });
  });
});

describe('移出（已履行） D8F', () => {
  it('needs a reason; ends the listing', () => {
    const b = listedCase();
    expect(b.attempt('removed', '2024-05-01', { reason: 'fulfilled', note: '' })).toMatchObject({ ok: false, code: 'reason_missing' });
    b.add('removed', '2024-05-01', { reason: 'fulfilled', note: '已履行法定义务' });
    expect(b.state().stage).toBe('D8F');
    const c = caseBuilder(CY);
    c.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    expect(c.attempt('removed', '2024-05-01', { reason: 'fulfilled', note: 'x' })).toMatchObject({ ok: false, code: 'remove_wrong_stage' });
  });
});

describe('provisional deadlines', () => {
  it('a notice deadline in 2027 is provisional', () => {
    const b = caseBuilder(CY, { today: '2026-12-30' });
    b.add('determined', '2026-12-28', determinedPayload(pinOf(CY)));
    b.add('listed', '2026-12-28', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    const s = b.state();
    expect(s.deadlines.find((d) => d.key === 'listing_notice')).toMatchObject({ dueOn: '2027-01-04', provisional: true });
    expect(s.flags).toContain('PROVISIONAL_DEADLINE');
  });
});

describe('canPerform without payload (button state)', () => {
  it('answers for availability only', () => {
    const b = listedCase();
    const s = foldCase(b.events, CY, calendar, { today: '2026-11-22' });
    expect(canPerform(s, { type: 'repair_applied' }, { today: '2026-11-22', ruleSet: CY, calendar }).ok).toBe(true);
    expect(canPerform(s, { type: 'objection_decided' }, { today: '2026-11-22', ruleSet: CY, calendar })).toMatchObject({ ok: false, code: 'no_open_objection' });
    expect(canPerform(s, { type: 'repair_decided' }, { today: '2026-11-22', ruleSet: CY, calendar })).toMatchObject({ ok: false, code: 'no_open_repair' });
    expect(canPerform(s, { type: 'measure_lifted' }, { today: '2026-11-22', ruleSet: CY, calendar })).toMatchObject({ ok: false, code: 'no_active_measure' });
  });
});

describe('repair with 初审 (朝阳2020方案 十四(二十四): 3 WD) P1 → P2R / P3 → P4', () => {
  const plan = office(PRESET_CY_PLAN_2020);
  const presets = [...RULE_SET_PRESETS, plan];
  function planCase() {
    const sel = selectRuleSet(presets, 'LN-CY-PLAN', '2024-03-01');
    if (!sel.ok) throw new Error(sel.reason);
    const b = caseBuilder(sel.ruleSet);
    b.add('determined', '2024-03-01', determinedPayload(sel.pin, { severity: 'general' }));
    return b;
  }
  it('refuses repair before listing', () => {
    const b = planCase();
    expect(b.attempt('repair_applied', '2024-03-02', { repairId: 'r1', methods: [], commitmentSigned: true })).toMatchObject({ ok: false, code: 'repair_not_listed' });
  });
  it('initial review within 3 WD; decision requires review; review twice refused', () => {
    const b = planCase();
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    expect(b.state().repairEligibleFrom).toBe('2024-05-21'); // 58号令: 3 months from the penalty decision of 2024-02-20 (uncertain)
    b.add('repair_applied', '2024-06-03', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    expect(b.state('2024-06-03').deadlines.find((d) => d.key === 'repair_initial_review')?.dueOn).toBe('2024-06-06');
    expect(b.attempt('repair_decided', '2024-06-04', { repairId: 'r1', approved: true, reasons: 'x' })).toMatchObject({ ok: false, code: 'repair_not_reviewed' });
    expect(b.attempt('repair_reviewed', '2024-06-04', { repairId: 'r1', accepted: false, reasons: '' })).toMatchObject({ ok: false, code: 'repair_review_reasons' });
    expect(b.attempt('repair_reviewed', '2024-06-04', { repairId: 'zz', accepted: true, reasons: '' })).toMatchObject({ ok: false, code: 'repair_unknown' });
    b.add('repair_reviewed', '2024-06-04', { repairId: 'r1', accepted: true, reasons: '材料齐全' });
    expect(b.state().repairStage).toBe('P3');
    expect(b.state().deadlines.some((d) => d.key === 'repair_initial_review')).toBe(false);
    expect(b.attempt('repair_reviewed', '2024-06-05', { repairId: 'r1', accepted: true, reasons: '' })).toMatchObject({ ok: false, code: 'repair_already_reviewed' });
    b.add('repair_decided', '2024-06-07', { repairId: 'r1', approved: true, reasons: '已修复' });
    expect(b.state().stage).toBe('D8');
  });
  it('initial review not accepted closes the application (P2R)', () => {
    const b = planCase();
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('repair_applied', '2024-06-03', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    b.add('repair_reviewed', '2024-06-04', { repairId: 'r1', accepted: false, reasons: '缺少履行完毕证明' });
    expect(b.state().repairStage).toBe('P2R');
    expect(b.attempt('repair_decided', '2024-06-05', { repairId: 'r1', approved: true, reasons: 'x' })).toMatchObject({ ok: false, code: 'repair_already_decided' });
  });
  it('after 不予受理 a new application is the one 初审 and the decision answer (repairsAwaiting)', () => {
    const b = planCase();
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('repair_applied', '2024-06-03', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    b.add('repair_reviewed', '2024-06-04', { repairId: 'r1', accepted: false, reasons: '缺少履行完毕证明' });
    b.add('repair_applied', '2024-06-10', { repairId: 'r2', methods: ['commitment'], commitmentSigned: true });
    const ids = (act: 'repair_reviewed' | 'repair_decided') => repairsAwaiting(b.state('2024-06-10'), act, plan).map((r) => r.repairId);
    expect(ids('repair_reviewed')).toEqual(['r2']);
    expect(ids('repair_decided')).toEqual([]); // 初审 first under this rule set
    b.add('repair_reviewed', '2024-06-11', { repairId: 'r2', accepted: true, reasons: '材料齐全' });
    expect(ids('repair_reviewed')).toEqual([]);
    expect(repairsAwaiting(b.state('2024-06-11'), 'repair_decided', plan).map((r) => r.repairId)).toEqual(['r2']);
  });
  it('without 初审 the decision answers the application itself', () => {
    const b = listedCase();
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    expect(repairsAwaiting(b.state('2025-03-05'), 'repair_decided', CY).map((r) => r.repairId)).toEqual(['r1']);
  });
  it('cannot archive a listing without validity or publication period', () => {
    const b = caseBuilder(plan);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(plan)));
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    expect(b.attempt('expired_archived', '2026-01-01', {})).toMatchObject({ ok: false, code: 'archive_no_period' });
  });
  it('NO_REPAIR clears the eligibility date', () => {
    const b = listedCase(CY, { previousRepairCompletedOn: '2023-06-01' });
    expect(b.state().repairEligibleFrom).toBeNull();
    expect(b.state().deadlines.some((d) => d.key === 'repair_eligibility')).toBe(false);
  });
});

describe('other refusals', () => {
  it('a date before 认定 (checked by canPerform itself)', () => {
    const b = listedCase();
    expect(b.can({ type: 'served', occurredOn: '2024-02-01' })).toMatchObject({ ok: false, code: 'date_before_determination' });
  });
  it('no pause on a decided objection', () => {
    const b = listedCase();
    b.add('objection_received', '2024-04-01', { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: 'r', concernsListing: false, channel: 'written' });
    b.add('objection_decided', '2024-04-02', { objectionId: 'o1', outcome: 'rejected', reasons: '理由' });
    expect(b.attempt('clock_paused', '2024-04-03', { pauseId: 'p1', kind: 'testing', scopeId: 'o1' })).toMatchObject({ ok: false, code: 'pause_closed_scope' });
  });
});

describe('T1 needs the subject AND its 主要责任人 (第八条)', () => {
  it('the notice deadline stays open until the 主要责任人 is served too', () => {
    const b = listedCase();
    b.add('served', '2024-03-06', { ...serveListing(), recipients: ['某某房地产开发有限公司'] });
    let s = b.state('2024-03-07');
    expect(s.stage).toBe('D4');
    expect(s.listingNoticeOutstanding).toEqual(['张三']);
    expect(s.deadlines.find((d) => d.key === 'listing_notice')?.dueOn).toBe('2024-03-11');
    b.add('served', '2024-03-08', { ...serveListing(), documentKind: 'listing-notice', recipients: ['张三（主要责任人）'] });
    s = b.state('2024-03-08');
    expect(s.listingNoticeOutstanding).toEqual([]);
    expect(s.deadlines.some((d) => d.key === 'listing_notice')).toBe(false);
  });
});
