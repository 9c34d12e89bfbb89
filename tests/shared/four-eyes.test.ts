/**
 * Four-eyes approval (issue 10 §1): a decision is drafted and submitted, a second person approves it
 * (an event with who and when), and only then may the listing, removal or repair decision be
 * recorded. The drafter cannot approve their own decision.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, applyOfficeSettings, foldCase } from '../../shared';
import { appendEvent, type AppendResult } from '../../shared/case/append';
import type { Actor, CaseEvent, CaseEventPayloads, CaseEventType, EventDraft } from '../../shared/case/events';
import { parseEventDraft } from '../../shared/case/schema';
import type { RuleSet } from '../../shared';
import { calendar, determinedPayload, pinOf, serveListing, TEST_CHAIN_KEY } from './case-helpers';

function office(preset: RuleSet): RuleSet {
  const r = applyOfficeSettings(preset, { periods: { repair_decision: { amount: 10 } }, decidedBy: '市住建局', decisionReference: '局务会纪要〔2020〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}
const CY = office(PRESET_CY_RE_2020);
const CLERK: Actor = { userId: 'u-clerk', name: '李办', role: '经办人' };
const REVIEWER: Actor = { userId: 'u-review', name: '王审', role: '审核人' };
const TODAY = '2026-11-22';

function builder() {
  const events: CaseEvent[] = [];
  let n = 0;
  const attempt = <T extends CaseEventType>(by: Actor, type: T, occurredOn: string, payload: CaseEventPayloads[T]): AppendResult => {
    const r = appendEvent(events, { type, occurredOn, actor: by, payload } as EventDraft, {
      today: TODAY, ruleSet: CY, calendar, caseId: 'case-1', newId: () => `e${++n}`, recordedAt: '2026-11-22T08:00:00.000Z', chainKey: TEST_CHAIN_KEY, previousRepairCompletedOn: null, approvals: 'required',
    });
    if (r.ok) events.push(r.event);
    return r;
  };
  const add = <T extends CaseEventType>(by: Actor, type: T, occurredOn: string, payload: CaseEventPayloads[T]) => {
    const r = attempt(by, type, occurredOn, payload);
    if (!r.ok) throw new Error(`${type} refused: ${r.code} ${r.reason}`);
    return r.event;
  };
  const state = () => foldCase(events, CY, calendar, { today: TODAY });
  return { events, attempt, add, state };
}

const LISTING = { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list' as const, priorRepairCompletedOn: null };

function determined() {
  const b = builder();
  b.add(CLERK, 'determined', '2024-03-01', determinedPayload(pinOf(CY)));
  return b;
}

describe('four-eyes approval of decisions', () => {
  it('refuses a listing that was never submitted and approved', () => {
    const b = determined();
    expect(b.attempt(CLERK, 'listed', '2024-03-04', LISTING)).toMatchObject({ ok: false, code: 'approval_required', reason: expect.stringContaining('两人审核') });
  });

  it('the drafter cannot approve; another person approves (who and when), then the listing is recorded and the decision is carried out', () => {
    const b = determined();
    b.add(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D1', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } });
    expect(b.state().decisions[0]).toMatchObject({ status: 'submitted', submittedBy: { userId: 'u-clerk', name: '李办' }, submittedOn: '2024-03-04' });
    expect(b.attempt(CLERK, 'listed', '2024-03-04', LISTING)).toMatchObject({ ok: false, code: 'approval_pending' });
    expect(b.attempt(CLERK, 'decision_approved', '2024-03-04', { decisionId: 'D1' })).toMatchObject({ ok: false, code: 'approver_is_drafter' });
    const approval = b.add(REVIEWER, 'decision_approved', '2024-03-04', { decisionId: 'D1' });
    expect(approval.actor).toEqual(REVIEWER);
    expect(b.state().decisions[0]).toMatchObject({ status: 'approved', approvedBy: { userId: 'u-review', name: '王审' }, approvedOn: '2024-03-04' });
    const listed = b.add(CLERK, 'listed', '2024-03-04', LISTING);
    expect(b.state()).toMatchObject({ stage: 'D3', decisions: [{ status: 'carried_out', carriedOutEventId: listed.id }] });
  });

  it('an approval is used once: a second removal needs its own approval', () => {
    const b = determined();
    b.add(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D1', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } });
    expect(b.attempt(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D2', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } })).toMatchObject({ ok: false, code: 'decision_pending' });
    b.add(REVIEWER, 'decision_approved', '2024-03-04', { decisionId: 'D1' });
    b.add(CLERK, 'listed', '2024-03-04', LISTING);
    b.add(CLERK, 'served', '2024-03-06', serveListing());
    const removal = { reason: 'fulfilled' as const, note: '已履行法定义务' };
    expect(b.attempt(CLERK, 'removed', '2024-04-01', removal)).toMatchObject({ ok: false, code: 'approval_required' });
    b.add(CLERK, 'decision_submitted', '2024-04-01', { decisionId: 'D3', decision: { act: 'removed', payload: removal } });
    b.add(REVIEWER, 'decision_approved', '2024-04-01', { decisionId: 'D3' });
    expect(b.attempt(CLERK, 'removed', '2024-04-01', { ...removal, note: '另写的理由' })).toMatchObject({ ok: false, code: 'approval_mismatch' });
    b.add(CLERK, 'removed', '2024-04-01', removal);
    expect(b.state().stage).toBe('D8F');
  });

  it('a returned decision is not approved; the reasons are kept and a new submission is possible', () => {
    const b = determined();
    b.add(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D1', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } });
    expect(b.attempt(REVIEWER, 'decision_returned', '2024-03-04', { decisionId: 'D1', reasons: '' })).toMatchObject({ ok: false, code: 'return_reasons_missing' });
    b.add(REVIEWER, 'decision_returned', '2024-03-04', { decisionId: 'D1', reasons: '事实部分请补充' });
    expect(b.state().decisions[0]).toMatchObject({ status: 'returned', returnReasons: '事实部分请补充' });
    expect(b.attempt(REVIEWER, 'decision_approved', '2024-03-04', { decisionId: 'D1' })).toMatchObject({ ok: false, code: 'decision_not_pending' });
    expect(b.attempt(CLERK, 'listed', '2024-03-04', LISTING)).toMatchObject({ ok: false, code: 'approval_required' });
    b.add(CLERK, 'decision_submitted', '2024-03-05', { decisionId: 'D2', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } });
  });

  it('a decision cannot be submitted when the act itself is not possible now', () => {
    const b = builder();
    expect(b.attempt(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D1', decision: { act: 'removed', payload: { reason: 'fulfilled', note: '已履行' } } })).toMatchObject({ ok: false, code: 'not_determined' });
    const d = determined();
    expect(d.attempt(CLERK, 'decision_submitted', '2024-03-04', { decisionId: 'D1', decision: { act: 'removed', payload: { reason: 'fulfilled', note: '已履行' } } })).toMatchObject({ ok: false, code: 'remove_wrong_stage' });
  });

  it('without the approval requirement (recorded history, paper-era imports) a listing replays as before', () => {
    const events: CaseEvent[] = [];
    let n = 0;
    const ctx = { today: TODAY, ruleSet: CY, calendar, caseId: 'c', newId: () => `x${++n}`, recordedAt: '2026-11-22T08:00:00.000Z', chainKey: TEST_CHAIN_KEY, previousRepairCompletedOn: null };
    for (const draft of [
      { type: 'determined', occurredOn: '2024-03-01', actor: CLERK, payload: determinedPayload(pinOf(CY)) },
      { type: 'listed', occurredOn: '2024-03-04', actor: CLERK, payload: LISTING },
    ] as EventDraft[]) {
      const r = appendEvent(events, draft, ctx);
      if (!r.ok) throw new Error(r.reason);
      events.push(r.event);
    }
    expect(foldCase(events, CY, calendar, { today: TODAY }).stage).toBe('D3');
  });

  it('the draft schema knows the three events and refuses an unknown decision act', () => {
    expect(parseEventDraft({ type: 'decision_submitted', occurredOn: '2024-03-04', actor: CLERK, payload: { decisionId: 'D1', decision: { act: 'listed', payload: { listType: 'dishonesty_list' } } } }).ok).toBe(true);
    expect(parseEventDraft({ type: 'decision_submitted', occurredOn: '2024-03-04', actor: CLERK, payload: { decisionId: 'D1', decision: { act: 'exempted', payload: {} } } }).ok).toBe(false);
    expect(parseEventDraft({ type: 'decision_approved', occurredOn: '2024-03-04', actor: REVIEWER, payload: { decisionId: 'D1' } }).ok).toBe(true);
    expect(parseEventDraft({ type: 'decision_returned', occurredOn: '2024-03-04', actor: REVIEWER, payload: { decisionId: 'D1', reasons: '补充' } }).ok).toBe(true);
  });
});
