/**
 * 联合奖惩 J0 发起 → J1 确定实施部门 → J2 响应 → J3 反馈 → J4 撤销 through the store:
 * every step goes through recordAct (shared/ appendEvent), refusals write nothing, and once the
 * listing ends the desk withdraws the joint sanction and lifts the measures in the same write.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ACTOR, determinedCaseId, officeDesk, on } from './fixtures';
import { foldStoredCase, loadEvents, recordAct } from '../../renderer/src/desk/cases';
import { verifyCase } from '../../renderer/src/desk/integrity/check';
import { jointProgress, windDownPrompts } from '../../shared/case/joint';
import type { Desk } from '../../renderer/src/desk/desk';
import type { EventDraft } from '../../shared/case/events';

const TODAY = '2026-10-12';

/** Appends and expects a refusal that writes nothing (no event, no outbox row). */
async function expectRefused(desk: Desk, caseId: string, draft: EventDraft, code: string, reason: RegExp): Promise<void> {
  const [events, outbox] = [await desk.db.caseEvents.count(), await desk.db.outbox.count()];
  const r = await recordAct(on(desk, TODAY), caseId, draft);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(reason);
  }
  expect(await desk.db.caseEvents.count()).toBe(events);
  expect(await desk.db.outbox.count()).toBe(outbox);
}

describe('联合奖惩 through the store', () => {
  it('runs J0 → J1 → J2 → J3 → J4 with shared/ refusals, and prompts revocation after removal', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk, { today: TODAY });
    const step = async (draft: EventDraft) => {
      const r = await recordAct(on(desk, TODAY), caseId, draft);
      if (!r.ok) throw new Error(`${draft.type}: ${r.reason}`);
      return r;
    };
    const d = <T extends EventDraft['type']>(type: T, occurredOn: string, payload: Extract<EventDraft, { type: T }>['payload']) => ({ type, occurredOn, actor: ACTOR, payload }) as EventDraft;

    // not before listing
    await expectRefused(desk, caseId, d('joint_initiated', '2025-11-04', { platformRef: null }), 'joint_not_listed', /列入名单后/);
    await step(d('pre_notice_served', '2025-11-05', { documentNo: '示信告〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct' }));
    await step(d('listed', '2025-11-20', { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null }));
    await step(d('served', '2025-11-21', { documentKind: 'listing-decision', documentNo: '示信决〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct', regardingId: null }));
    await step(d('published', '2025-11-24', { channels: ['信用中国（地方站）'], profile: 'masked' }));

    // J0 发起
    const j0 = await step(d('joint_initiated', '2025-11-25', { platformRef: '示联惩〔2025〕7号' }));
    expect(j0.state.jointStage).toBe('J0');
    expect(j0.caseRow.id).toBe(caseId);
    await expectRefused(desk, caseId, d('joint_initiated', '2025-11-25', { platformRef: null }), 'joint_already_initiated', /已发起/);
    // feedback and response before the 实施部门 are assigned are refused by shared/
    await expectRefused(desk, caseId, d('joint_feedback', '2025-11-26', { unit: '示例县发展和改革局', summary: '已实施' }), 'joint_wrong_stage', /响应后方可登记反馈/);
    await expectRefused(desk, caseId, d('joint_responded', '2025-11-26', { unit: '示例县发展和改革局', measureCodes: [] }), 'joint_wrong_stage', /确定实施部门/);
    await expectRefused(desk, caseId, d('joint_units_assigned', '2025-11-26', { units: [] }), 'joint_units_missing', /至少/);

    // J1 确定实施部门 (a list)
    const j1 = await step(d('joint_units_assigned', '2025-11-26', { units: ['示例县发展和改革局', '示例县财政局'] }));
    expect(j1.state.jointStage).toBe('J1');
    expect(j1.state.jointUnits).toEqual(['示例县发展和改革局', '示例县财政局']);
    await expectRefused(desk, caseId, d('joint_responded', '2025-11-27', { unit: '示例县公安局', measureCodes: [] }), 'joint_unit_unknown', /不是本案确定的实施部门/);

    // J2 响应 with a measure from the published catalogue, J3 反馈
    const measure = (await foldStoredCase(on(desk, TODAY), caseId))!.ctx.ruleSet.measureCodes[0]!;
    const j2 = await step(d('joint_responded', '2025-11-27', { unit: '示例县财政局', measureCodes: [measure] }));
    expect(j2.state.jointStage).toBe('J2');
    const j3 = await step(d('joint_feedback', '2025-11-28', { unit: '示例县财政局', summary: '已限制其参与政府采购活动' }));
    expect(j3.state.jointStage).toBe('J3');
    const progress = jointProgress(j3.state);
    expect(progress.stageLabel).toBe('已反馈');
    expect(progress.platformRef).toBe('示联惩〔2025〕7号');
    expect(progress.units.map((u) => [u.unit, u.respondedOn, u.feedbackOn])).toEqual([
      ['示例县发展和改革局', null, null],
      ['示例县财政局', '2025-11-27', '2025-11-28'],
    ]);
    expect(progress.units[1]!.measureLabels).toHaveLength(1);
    expect(windDownPrompts(j3.state)).toEqual([]);

    // the listing ends (移出 on fulfilment): the joint sanction is withdrawn AT ONCE, in the same write
    // (黑龙江条例 第四十条 "即时终止"; 凌源联合奖惩 六(一)) — nothing is left for the page to prompt
    const outboxBefore = await desk.db.outbox.count();
    const removed = await step(d('removed', '2026-03-02', { reason: 'fulfilled', note: '已履行法定义务、消除不良影响' }));
    expect(removed.event.type).toBe('removed');
    expect(removed.state.jointStage).toBe('J4');
    expect(removed.state.flags).not.toContain('JOINT_REVOKE_PENDING');
    expect(windDownPrompts(removed.state)).toEqual([]);
    const revoked = (await loadEvents(desk.db, caseId)).at(-1)!;
    expect(revoked).toMatchObject({ type: 'joint_revoked', occurredOn: '2026-03-02' });
    expect(revoked.type === 'joint_revoked' && revoked.payload.reason).toMatch(/撤销联合惩戒/);
    expect(await desk.db.outbox.count()).toBe(outboxBefore + 2);
    await expectRefused(desk, caseId, d('joint_revoked', '2026-03-04', { reason: '重复' }), 'joint_already_revoked', /已撤销/);

    // every written step has its outbox row; the chain verifies
    const events = await loadEvents(desk.db, caseId);
    expect(events.map((e) => e.type).filter((t) => t.startsWith('joint_'))).toEqual(['joint_initiated', 'joint_units_assigned', 'joint_responded', 'joint_feedback', 'joint_revoked']);
    expect((await desk.db.outbox.toArray()).filter((o) => o.kind === 'case-event')).toHaveLength(events.length);
    expect((await verifyCase(desk, caseId)).ok).toBe(true);
    expect((await foldStoredCase(on(desk, TODAY), caseId))?.state.jointStage).toBe('J4');
    desk.db.close();
  });

  it('lifts the measures still applied when the listing ends', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk, { today: TODAY });
    for (const draft of [
      { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: 'X', recipients: ['甲'], method: 'direct' } },
      { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: 'Y', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
    ] as EventDraft[]) {
      const r = await recordAct(on(desk, TODAY), caseId, draft);
      if (!r.ok) throw new Error(r.reason);
    }
    const code = (await foldStoredCase(on(desk, TODAY), caseId))!.ctx.ruleSet.measureCodes[0]!;
    const m = await recordAct(on(desk, TODAY), caseId, { type: 'measure_applied', occurredOn: '2025-11-21', actor: ACTOR, payload: { measureId: 'M1', measureCode: code, implementingUnit: '示例县财政局', justification: '与失信行为相关联且适度' } });
    expect(m.ok, !m.ok ? m.reason : '').toBe(true);
    const r = await recordAct(on(desk, TODAY), caseId, { type: 'removed', occurredOn: '2026-03-02', actor: ACTOR, payload: { reason: 'fulfilled', note: '已履行' } });
    if (!r.ok) throw new Error(r.reason);
    // every applied measure is lifted at once with the removal ("即时终止实施约束和惩戒措施")
    expect(r.state.flags).not.toContain('MEASURES_PENDING_LIFT');
    expect(r.state.measures.every((m) => m.liftedOn === '2026-03-02')).toBe(true);
    expect(windDownPrompts(r.state)).toEqual([]);
    desk.db.close();
  });
});
