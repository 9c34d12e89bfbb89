import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, applyOfficeSettings, followUpActs, jointProgress, windDownPrompts } from '../../shared';
import type { EventDraft, RuleSet } from '../../shared';
import { actor, caseBuilder, determinedPayload, pinOf } from './case-helpers';

const CY: RuleSet = (() => {
  const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2020-01-01' });
  if (!r.ok) throw new Error();
  return r.ruleSet;
})();

function running() {
  const b = caseBuilder(CY);
  b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
  b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  b.add('joint_initiated', '2024-03-05', { platformRef: 'LY-1' });
  b.add('joint_units_assigned', '2024-03-05', { units: ['县发改局', '县财政局'] });
  b.add('joint_responded', '2024-03-06', { unit: '县发改局', measureCodes: ['CY-12-4'] });
  b.add('joint_feedback', '2024-03-08', { unit: '县发改局', summary: '已限制参与政府采购' });
  b.add('measure_applied', '2024-03-08', { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: '县财政局', justification: '与违法预售相关联' });
  b.add('measure_applied', '2024-03-08', { measureId: 'm2', measureCode: 'CY-12-2', implementingUnit: '县住建局', justification: '重点监管' });
  return b;
}

describe('联合奖惩 发起 → 响应 → 反馈 → 撤销 from the fold', () => {
  it('the progress of each 实施部门 is in the state, no re-folding of events', () => {
    const p = jointProgress(running().state());
    expect(p).toMatchObject({ stage: 'J3', initiatedOn: '2024-03-05', platformRef: 'LY-1', revokedOn: null });
    expect(p.units.map((u) => [u.unit, u.respondedOn, u.feedbackOn])).toEqual([
      ['县发改局', '2024-03-06', '2024-03-08'],
      ['县财政局', null, null],
    ]);
    expect(p.units[0]?.measureLabels).toEqual(['限制参与评比表彰、政府采购、财政资金扶持、政策试点']);
  });
  it('a listing ended by removal: followUpActs gives the revocation and every lift, all accepted at once', () => {
    const b = running();
    expect(followUpActs(b.state(), { occurredOn: '2024-06-01', actor })).toEqual([]);
    b.add('removed', '2024-06-01', { reason: 'fulfilled', note: '已履行' });
    const state = b.state();
    expect(windDownPrompts(state).map((w) => w.key)).toEqual(['joint_revoke', 'measures_lift']);
    const drafts = followUpActs(state, { occurredOn: '2024-06-01', actor });
    expect(drafts.map((d) => d.type)).toEqual(['joint_revoked', 'measure_lifted', 'measure_lifted']);
    for (const d of drafts as EventDraft[]) b.add(d.type, d.occurredOn, d.payload as never);
    const after = b.state();
    expect(after.flags).not.toContain('JOINT_REVOKE_PENDING');
    expect(after.flags).not.toContain('MEASURES_PENDING_LIFT');
    expect(jointProgress(after).revokedOn).toBe('2024-06-01');
    expect(followUpActs(after, { occurredOn: '2024-06-01', actor })).toEqual([]);
  });
  it('a listing ended by repair gives the same wind-down', () => {
    const b = running();
    b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
    b.add('repair_decided', '2025-03-06', { repairId: 'r1', approved: true, reasons: '已修复' });
    expect(followUpActs(b.state(), { occurredOn: '2025-03-06', actor }).map((d) => d.type)).toEqual(['joint_revoked', 'measure_lifted', 'measure_lifted']);
  });
});
