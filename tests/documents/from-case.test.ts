/** Documents filled from the folded case; checkIssuable refuses a printed date that differs from the case. */
import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, PRESET_HLJ_2022, RULE_SET_PRESETS, applyOfficeSettings, selectRuleSet } from '../../shared';
import type { CaseState, RuleSet, RuleSetPin } from '../../shared';
import { buildDocument } from '../../shared/documents/build';
import { documentFromCase } from '../../shared/documents/from-case';
import type { ListingDecisionInput, ObjectionAcceptanceInput } from '../../shared/documents/types';
import { checkIssuable } from '../../shared/documents/validate';
import { caseBuilder, determinedPayload, pinOf, serveListing } from '../shared/case-helpers';
import { OFFICE } from './fixtures';

function office(preset: RuleSet, periods: Parameters<typeof applyOfficeSettings>[1]['periods'], effectiveFrom = preset.effectiveFrom): RuleSet {
  const r = applyOfficeSettings(preset, { periods, decidedBy: '县信用办', decisionReference: '县信用办〔2026〕1号', effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}
const HLJ_LOCAL = office(PRESET_HLJ_2022, { written_decision: { amount: 5 }, pre_notice_statement: { amount: 5 }, repair_decision: { amount: 10 } });
const CY = office(PRESET_CY_RE_2020, { repair_decision: { amount: 10 } });

function hlj(decidedOn: string): { ruleSet: RuleSet; pin: RuleSetPin } {
  const sel = selectRuleSet([...RULE_SET_PRESETS, HLJ_LOCAL], 'HLJ', decidedOn);
  if (!sel.ok) throw new Error(sel.reason);
  return sel;
}

function hljCase(decidedOn: string, severity: 'general' | 'severe', penaltyOn = decidedOn) {
  const { ruleSet, pin } = hlj(decidedOn);
  const b = caseBuilder(ruleSet);
  const listType = severity === 'severe' ? 'severe_dishonesty_list' : 'dishonesty_list';
  b.add('determined', decidedOn, determinedPayload(pin, { severity, listType, basisDocuments: [{ type: 'penalty_decision', documentNo: '某市监罚〔2026〕8号', issuer: '某市市场监督管理局', decidedOn: penaltyOn, effective: true }] }));
  b.add('pre_notice_served', decidedOn, { documentNo: '告知〔2026〕1号', recipients: ['某某公司'], method: 'direct' });
  b.add('statement_received', decidedOn, { summary: '无异议', accepted: false });
  b.add('listed', decidedOn, { decisionNo: '决定〔2026〕1号', listType, priorRepairCompletedOn: null });
  b.add('served', decidedOn, serveListing());
  return { b, ruleSet };
}

const objection = { objectionId: 'o1', applicant: '某某公司', grounds: ['error' as const], reasons: '处罚决定已被撤销', concernsListing: false, channel: 'written' as const };

function fill(state: CaseState, ruleSet: RuleSet, kind: Parameters<typeof documentFromCase>[1], date = '2026-11-22') {
  return documentFromCase(state, kind, OFFICE, { ruleSet, date });
}

describe('异议受理通知书: the reply date is the objection\'s applicable decision period', () => {
  it('黑龙江: received 2026-09-30 → 2026-10-10 (3 WD decision), not 2026-10-08 (1 WD marking)', () => {
    const { b, ruleSet } = hljCase('2026-04-10', 'general');
    b.add('objection_received', '2026-09-30', objection);
    const state = b.state('2026-10-01');
    const { input, officerFields } = fill(state, ruleSet, 'objection-acceptance', '2026-10-01');
    expect(input).toMatchObject({ kind: 'objection-acceptance', receivedDate: '2026-09-30', replyDeadline: '2026-10-10', objectionSummary: '处罚决定已被撤销', regardingId: 'o1' });
    expect(officerFields).toEqual([]);
    expect(checkIssuable(input, undefined, state)).toEqual({ ok: true });
    const wrong = checkIssuable({ ...(input as ObjectionAcceptanceInput), replyDeadline: '2026-10-08' }, undefined, state);
    expect(wrong).toMatchObject({ ok: false, code: 'date-differs-from-case' });
    if (!wrong.ok) {
      expect(wrong.reason).toContain('“异议答复期限”填写为2026-10-08，案件记载为2026-10-10');
      expect(wrong.reason).toContain('黑龙江省社会信用条例 第三十九条');
    }
  });
  it('朝阳房地产规定: the 15-WD processing period (第二十条)', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2026-03-02', determinedPayload(pinOf(CY)));
    b.add('listed', '2026-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('objection_received', '2026-09-30', objection);
    const { input } = fill(b.state('2026-10-01'), CY, 'objection-acceptance', '2026-10-01');
    expect((input as ObjectionAcceptanceInput).replyDeadline).toBe('2026-10-27');
  });
});

describe('列入决定书: title, list, period and the 信用修复告知书 as 附件 follow the case', () => {
  it('a 一般 case on the ordinary 失信名单 gets 列入失信名单决定书; a severe one 列入严重失信主体名单决定书', () => {
    const general = hljCase('2026-04-10', 'general');
    const severe = hljCase('2026-04-10', 'severe');
    const g = fill(general.b.state(), general.ruleSet, 'listing-decision').input;
    const s = fill(severe.b.state(), severe.ruleSet, 'listing-decision').input;
    expect(buildDocument(g, { prefix: 'x', year: 2026, seq: 1 }).name).toBe('列入失信名单决定书');
    expect(buildDocument(s, { prefix: 'x', year: 2026, seq: 1 }).name).toBe('列入严重失信主体名单决定书');
    expect(checkIssuable({ ...(g as ListingDecisionInput), listType: 'severe_dishonesty_list' }, undefined, general.b.state())).toMatchObject({ ok: false, code: 'list-differs-from-case' });
  });
  it('朝阳 第十条: the period counts from 认定 and prints exactly the fold\'s from and to, with the article', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2026-03-02', determinedPayload(pinOf(CY)));
    b.add('listed', '2026-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    const state = b.state('2026-03-05');
    const input = fill(state, CY, 'listing-decision', '2026-03-04').input as ListingDecisionInput;
    expect(input.validity).toMatchObject({ text: '三年', from: '2026-03-02', to: state.validUntil });
    expect(state.validUntil).toBe('2029-03-02');
    expect(input.validity.basis).toContain('朝阳市治理房地产领域失信行为若干规定(试行) 第十条');
    expect(input.validity.basis).toContain('第二百零一条、第二百零二条');
    expect(input.repairNotice).toMatchObject({ earliestApplyDate: '2027-03-05', latestEndDate: '2029-03-02' });
    expect(input.repairNotice.earliestApplyDate).toBe(state.repairEligibleFrom);
    expect(checkIssuable(input, undefined, state)).toEqual({ ok: true });
    const listingDay = checkIssuable({ ...input, validity: { ...input.validity, from: '2026-03-04' } }, undefined, state);
    expect(!listingDay.ok && listingDay.reason).toContain('“列入期限起算日期”填写为2026-03-04，案件记载为2026-03-02');
    const oneDayShort = checkIssuable({ ...input, validity: { ...input.validity, to: '2029-03-01' } }, undefined, state);
    expect(oneDayShort).toMatchObject({ ok: false, code: 'date-differs-from-case' });
  });
  it('national regime: the period counts from the penalty decision (36号令)', () => {
    const { b, ruleSet } = hljCase('2026-05-20', 'general', '2026-05-01');
    const input = fill(b.state(), ruleSet, 'listing-decision').input as ListingDecisionInput;
    expect(input.validity).toMatchObject({ text: '一年', from: '2026-05-01', to: '2027-05-01' });
    expect(input.validity.basis).toContain('36号');
  });
  it('58号令 numbers carry the uncertainty marker on every printed line that depends on them', () => {
    const { b, ruleSet } = hljCase('2025-06-10', 'severe');
    const state = b.state('2025-06-11');
    const input = fill(state, ruleSet, 'listing-decision', '2025-06-10').input as ListingDecisionInput;
    expect(input.certaintyNotes).toMatchObject({ 'validity.to': '期限数值依据二手资料，中等可信度，待办公室核实', 'repairNotice.earliestApplyDate': '期限数值依据二手资料，中等可信度，待办公室核实' });
    expect(checkIssuable(input, undefined, state)).toEqual({ ok: true });
    const printed = JSON.stringify(buildDocument(input, { prefix: 'x', year: 2025, seq: 1 }).content);
    expect(printed.match(/中等可信度，待办公室核实/g)?.length).toBeGreaterThanOrEqual(2);
    const { certaintyNotes: _dropped, ...unmarked } = input;
    const refused = checkIssuable(unmarked, undefined, state);
    expect(refused).toMatchObject({ ok: false, code: 'certainty-marker-missing' });
  });
  it('never two documents with one 文号: the 信用修复告知书 is an attachment without a number', () => {
    const { b, ruleSet } = hljCase('2026-04-10', 'severe');
    const unit = buildDocument(fill(b.state(), ruleSet, 'listing-decision').input, { prefix: '示信决', year: 2026, seq: 1 });
    expect(unit.attachments).toEqual(['信用修复告知书']);
    const text = JSON.stringify(unit.content);
    expect(text.match(/示信决〔2026〕1号/g)).toHaveLength(1);
    expect(text).toContain('附件：信用修复告知书');
  });
});

describe('other kinds take their facts from the case', () => {
  it('异议处理决定书 takes its outcome from the case; a different outcome is refused', () => {
    const { b, ruleSet } = hljCase('2026-04-10', 'general');
    b.add('objection_received', '2026-09-30', objection);
    b.add('objection_decided', '2026-10-08', { objectionId: 'o1', outcome: 'rejected', reasons: '处罚决定仍然有效' });
    const state = b.state('2026-10-09');
    const { input, officerFields } = fill(state, ruleSet, 'objection-decision', '2026-10-09');
    expect(input).toMatchObject({ outcome: 'rejected', reasons: '处罚决定仍然有效', receivedDate: '2026-09-30' });
    expect(officerFields).toEqual(['核实情况']);
    const filled = { ...input, findings: '经向某市市场监督管理局核实，处罚决定未被撤销。' };
    expect(checkIssuable(filled, undefined, state)).toEqual({ ok: true });
    expect(checkIssuable({ ...filled, outcome: 'upheld_correct', correction: 'x' } as typeof filled, undefined, state)).toMatchObject({ ok: false, code: 'outcome-differs-from-case' });
  });
  it('信用修复受理通知书 is blocked while the decision period is unset (the act that needs the number)', () => {
    const b = caseBuilder(PRESET_CY_RE_2020);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(PRESET_CY_RE_2020)));
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    const state = b.state('2025-03-06');
    const { input } = fill(state, PRESET_CY_RE_2020, 'repair-acceptance', '2025-03-06');
    const r = checkIssuable({ ...input, materials: ['信用承诺书'] } as typeof input, undefined, state);
    expect(r).toMatchObject({ ok: false, code: 'period-unset' });
    if (!r.ok) expect(r.reason).toContain('“作出修复决定的期限”无法按案件确定：该期限在规则集中未设置');
  });
  it('移出决定书 names the original decision, the list and the removal date from the case', () => {
    const b = caseBuilder(CY);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('removed', '2024-06-01', { reason: 'fulfilled', note: '已履行' });
    const state = b.state('2024-06-02');
    const { input } = fill(state, CY, 'removal-decision', '2024-06-02');
    expect(input).toMatchObject({ listType: 'dishonesty_list', listingNumber: '朝住建信〔2024〕1号', listingDate: '2024-03-04', removalDate: '2024-06-01' });
    expect(buildDocument(input, { prefix: 'x', year: 2024, seq: 1 }).name).toBe('移出失信名单决定书');
    expect(checkIssuable(input, undefined, state)).toEqual({ ok: true });
  });
});
