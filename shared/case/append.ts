import type { WorkingCalendar } from '../calendar/types';
import { refuse, type Refusal } from '../util/result';
import type { RuleSet } from '../rules/types';
import { canPerform, type PerformContext } from './can-perform';
import type { CaseEvent, EventDraft } from './events';
import { foldCase, voidedIds } from './fold';
import { GENESIS_HASH, sealEvent } from './hash-chain';
import type { CaseState } from './state';

export type AppendContext = PerformContext & {
  caseId: string;
  /** Id maker (ULID in the app); shared/ never makes ids itself. */
  newId: () => string;
  /** ISO timestamp of recording (device clock), passed in. */
  recordedAt: string;
  /** This device's chain key: the new event's link is keyed with it (hash-chain.ts). */
  chainKey: Uint8Array;
};

export type AppendResult = { ok: true; event: CaseEvent; state: CaseState } | Refusal;

/**
 * Validate `draft` against the case so far and return the new sealed event (seq = last + 1, chained
 * to the previous hash) and the new state. Nothing is mutated; the caller persists the event.
 *
 * Extra rules:
 *  - occurredOn may not be earlier than the latest non-voided event's occurredOn (legal order);
 *  - `listed` records the subject's previous repair (context) when the draft leaves it null (T8);
 *  - `voided` must name an existing, not yet voided, non-void event, and the remaining events must
 *    still replay without refusal (so voiding cannot leave an impossible history).
 */
export function appendEvent(events: readonly CaseEvent[], draft: EventDraft, ctx: AppendContext): AppendResult {
  const check = validateDraft(events, draft, ctx);
  if (!check.ok) return check;

  let payload = draft.payload;
  if (draft.type === 'listed' && draft.payload.priorRepairCompletedOn === null && ctx.previousRepairCompletedOn) {
    payload = { ...draft.payload, priorRepairCompletedOn: ctx.previousRepairCompletedOn };
  }
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const prev = sorted[sorted.length - 1];
  const event = sealEvent(ctx.chainKey, prev?.hash ?? GENESIS_HASH, {
    id: ctx.newId(),
    caseId: ctx.caseId,
    seq: (prev?.seq ?? 0) + 1,
    type: draft.type,
    occurredOn: draft.occurredOn,
    recordedAt: ctx.recordedAt,
    actor: draft.actor,
    payload,
  } as CaseEvent);
  const next = foldCase([...events, event], ctx.ruleSet, ctx.calendar, { today: ctx.today });
  return { ok: true, event, state: next };
}

/**
 * Every check appendEvent makes before accepting `draft` (canPerform on the folded state, plus the
 * checks that need the event list itself: the target of a `voided` and the replay of what remains).
 * Use this when the store builds the event itself.
 */
export function validateDraft(events: readonly CaseEvent[], draft: EventDraft, ctx: PerformContext): { ok: true } | Refusal {
  const state = foldCase(events, ctx.ruleSet, ctx.calendar, { today: ctx.today });
  const check = canPerform(state, draft, ctx);
  if (!check.ok) return check;
  if (draft.type === 'voided') {
    const voided = voidedIds(events);
    const target = events.find((e) => e.id === draft.payload.voidedEventId);
    if (!target) return refuse('void_target_unknown', '找不到要作废的事件');
    if (target.type === 'voided') return refuse('void_a_void', '不能作废"作废"记录');
    if (voided.has(target.id)) return refuse('void_already', '该事件已被作废');
    const remaining = events.filter((e) => e.id !== target.id && !voided.has(e.id) && e.type !== 'voided');
    // Recorded history is replayed as it was recorded (its approvals are in it, or it predates them).
    const { approvals: _approvals, ...historic } = ctx;
    const replay = replayEvents(remaining, ctx.ruleSet, ctx.calendar, historic);
    if (!replay.ok) {
      return refuse('void_breaks_history', `作废该事件后，后续记录不再成立：${replay.reason}。请先作废依赖它的后续事件`);
    }
  }
  return { ok: true };
}

/** Re-validate a whole history event by event (e.g. after a sync merge). */
export function replayEvents(events: readonly CaseEvent[], ruleSet: RuleSet, calendar: WorkingCalendar, ctx: PerformContext): { ok: true; state: CaseState } | (Refusal & { eventId: string }) {
  const accepted: CaseEvent[] = [];
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const state = foldCase(accepted, ruleSet, calendar, { today: ctx.today });
    const check = canPerform(state, { type: e.type, occurredOn: e.occurredOn, payload: e.payload } as never, { ...ctx, ruleSet, calendar });
    if (!check.ok) return { ...check, eventId: e.id };
    accepted.push(e);
  }
  return { ok: true, state: foldCase(accepted, ruleSet, calendar, { today: ctx.today }) };
}
