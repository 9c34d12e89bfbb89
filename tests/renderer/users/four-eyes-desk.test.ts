/**
 * Four-eyes in the desk layer (issue 10 §1): a 经办人 drafts and submits, the same person cannot
 * approve, a 经办人 without the 审核人 role cannot approve, a 审核人 approves, and only then is the
 * decision carried out; the listing decision document is refused before the approval.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDesk, staticSession, type Desk } from '../../../renderer/src/desk/desk';
import { foldStoredCase, recordAct } from '../../../renderer/src/desk/cases';
import { approveDecision, carryOutDecision, returnDecision, submitDecision } from '../../../renderer/src/desk/users/decisions';
import { prepareCaseDocument } from '../../../renderer/src/desk/documents';
import type { Actor } from '../../../shared/case/events';
import { ACTOR, appendSteps, determinedCaseId, LISTING_STEPS, officeDesk, on, REVIEWER } from '../fixtures';

const TODAY = '2026-10-12';

async function fourEyesDesk(): Promise<Desk> {
  const base = await officeDesk();
  return createDesk(base.db, { clock: base.clock, session: staticSession(ACTOR, ['clerk']), approvals: 'required' });
}

function as(desk: Desk, actor: Actor, roles: Parameters<typeof staticSession>[1]): Desk {
  return { ...desk, session: staticSession(actor, roles) };
}

const LISTING = LISTING_STEPS[1]!;

describe('four-eyes approval through the desk', () => {
  it('refuses the listing and its decision document before approval; the drafter cannot approve; a 审核人 approves; then it issues', async () => {
    const desk = await fourEyesDesk();
    const caseId = await determinedCaseId(desk);
    await appendSteps(desk, caseId, [LISTING_STEPS[0]!], TODAY);
    expect(await recordAct(on(desk, TODAY), caseId, LISTING)).toMatchObject({ ok: false, code: 'approval_required' });
    expect(await prepareCaseDocument(on(desk, TODAY), { caseId, kind: 'listing-decision', date: '2025-11-20' })).toMatchObject({ ok: false, code: 'approval_required' });

    const submitted = await submitDecision(on(desk, TODAY), caseId, { act: 'listed', payload: { listType: 'dishonesty_list' } }, '2025-11-20');
    if (!submitted.ok) throw new Error(submitted.reason);
    const decisionId = submitted.state.decisions[0]!.decisionId;
    expect(submitted.event.actor).toMatchObject({ userId: ACTOR.userId });

    // the drafter, even holding the 审核人 role, cannot approve their own decision
    expect(await approveDecision(as(on(desk, TODAY), ACTOR, ['clerk', 'reviewer']), caseId, decisionId, '2025-11-20')).toMatchObject({ ok: false, code: 'approver_is_drafter' });
    // another 经办人 without the 审核人 role cannot approve
    const otherClerk: Actor = { userId: 'staff:张办', name: '张办' };
    expect(await approveDecision(as(on(desk, TODAY), otherClerk, ['clerk']), caseId, decisionId, '2025-11-20')).toMatchObject({ ok: false, code: 'role_required', reason: expect.stringContaining('审核人') });
    expect(await recordAct(as(on(desk, TODAY), otherClerk, ['clerk']), caseId, { type: 'decision_approved', occurredOn: '2025-11-20', payload: { decisionId } })).toMatchObject({ ok: false, code: 'role_required' });

    const approved = await approveDecision(as(on(desk, TODAY), REVIEWER, ['reviewer']), caseId, decisionId, '2025-11-20');
    if (!approved.ok) throw new Error(approved.reason);
    expect(approved.event).toMatchObject({ type: 'decision_approved', actor: { userId: REVIEWER.userId, name: '王审' }, occurredOn: '2025-11-20' });
    const audit = (await desk.db.auditLog.toArray()).filter((a) => a.action === '办理“审核通过”');
    expect(audit).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: '王审' }), entityId: caseId })]);

    expect((await prepareCaseDocument(on(desk, TODAY), { caseId, kind: 'listing-decision', date: '2025-11-20' })).ok).toBe(true);
    const listed = await recordAct(on(desk, TODAY), caseId, LISTING);
    expect(listed).toMatchObject({ ok: true, state: { stage: 'D3', decisions: [{ status: 'carried_out' }] } });
  });

  it('a returned removal is not carried out; an approved one is carried out exactly as approved', async () => {
    const desk = await fourEyesDesk();
    const caseId = await determinedCaseId(desk);
    const reviewer = as(on(desk, TODAY), REVIEWER, ['reviewer']);
    await appendSteps(desk, caseId, [LISTING_STEPS[0]!], TODAY);
    const s1 = await submitDecision(on(desk, TODAY), caseId, { act: 'listed', payload: { listType: 'dishonesty_list' } }, '2025-11-20');
    if (!s1.ok) throw new Error(s1.reason);
    await approveDecision(reviewer, caseId, s1.state.decisions[0]!.decisionId, '2025-11-20');
    await appendSteps(desk, caseId, LISTING_STEPS.slice(1), TODAY);

    const removal = { act: 'removed' as const, payload: { reason: 'fulfilled' as const, note: '已履行法定义务' } };
    const s2 = await submitDecision(on(desk, TODAY), caseId, removal, '2026-03-02');
    if (!s2.ok) throw new Error(s2.reason);
    const first = s2.state.decisions.at(-1)!;
    expect(await carryOutDecision(on(desk, TODAY), caseId, first, '2026-03-02')).toMatchObject({ ok: false, code: 'decision_not_approved' });
    expect(await returnDecision(as(on(desk, TODAY), ACTOR, ['clerk']), caseId, first.decisionId, '补充材料')).toMatchObject({ ok: false, code: 'role_required' });
    expect((await returnDecision(reviewer, caseId, first.decisionId, '请补充履行证明', '2026-03-02')).ok).toBe(true);
    expect(await recordAct(on(desk, TODAY), caseId, { type: 'removed', occurredOn: '2026-03-02', payload: removal.payload })).toMatchObject({ ok: false, code: 'approval_required' });

    const s3 = await submitDecision(on(desk, TODAY), caseId, removal, '2026-03-03');
    if (!s3.ok) throw new Error(s3.reason);
    const again = s3.state.decisions.at(-1)!;
    const ok = await approveDecision(reviewer, caseId, again.decisionId, '2026-03-03');
    if (!ok.ok) throw new Error(ok.reason);
    const done = await carryOutDecision(on(desk, TODAY), caseId, ok.state.decisions.at(-1)!, '2026-03-03');
    expect(done).toMatchObject({ ok: true, state: { stage: 'D8F' } });
    const folded = await foldStoredCase(on(desk, TODAY), caseId);
    expect(folded?.state.decisions.map((d) => d.status)).toEqual(['carried_out', 'returned', 'carried_out']);
  });
});
