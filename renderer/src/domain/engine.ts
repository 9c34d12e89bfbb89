/**
 * The one place the renderer calls shared/'s case life cycle. Every legal rule (periods,
 * refusals, catalogues) comes from there; this file only adapts signatures.
 */
import type { CaseAction, CaseEvent } from '../../../shared/case/events';
import type { CaseState } from '../../../shared/case/state';
import type { RuleSet } from '../../../shared/rules/types';
import type { WorkingCalendar } from '../../../shared/calendar/types';
import type { IsoDate } from '../../../shared/util/dates';
import type { Check } from '../../../shared/util/result';
import { foldCase } from '../../../shared/case/fold';
import { canPerform } from '../../../shared/case/can-perform';
import { GENESIS_HASH, sealEvent, verifyChain } from '../../../shared/case/hash-chain';

export type CaseContext = {
  ruleSet: RuleSet;
  calendar: WorkingCalendar;
  today: IsoDate;
  /** The subject's last completed repair in any other case (朝阳房地产规定 第十九条). */
  previousRepairCompletedOn?: IsoDate | null;
};

export type ChainCheck = { ok: true; count: number } | { ok: false; seq: number; eventId: string | null; reason: string };

export function foldEvents(events: readonly CaseEvent[], ctx: CaseContext): CaseState {
  return foldCase(events, ctx.ruleSet, ctx.calendar, { today: ctx.today });
}

export function checkAction(events: readonly CaseEvent[], action: CaseAction, ctx: CaseContext): Check {
  const state = foldEvents(events, ctx);
  return canPerform(state, action, { today: ctx.today, ruleSet: ctx.ruleSet, calendar: ctx.calendar, previousRepairCompletedOn: ctx.previousRepairCompletedOn ?? null });
}

export { GENESIS_HASH };

/** The domain event only: storage extras (deviceId, deviceSeq, documentId) are not part of the chain. */
export function domainEvent(event: CaseEvent): CaseEvent {
  const { id, caseId, seq, type, occurredOn, recordedAt, actor, payload, prevHash, hash } = event;
  return { id, caseId, seq, type, occurredOn, recordedAt, actor, payload, ...(prevHash === undefined ? {} : { prevHash }), ...(hash === undefined ? {} : { hash }) } as CaseEvent;
}

/** The event sealed onto the chain (shared/case/hash-chain.ts). */
export function sealOnto(prevHash: string, event: CaseEvent): CaseEvent {
  return sealEvent(prevHash, domainEvent(event));
}

/** Verifies seq continuity and every link; names the first broken one. */
export function verifyEvents(events: readonly CaseEvent[]): ChainCheck {
  const r = verifyChain(events.map(domainEvent));
  if (r.ok) return { ok: true, count: events.length };
  return { ok: false, seq: r.index + 1, eventId: r.eventId, reason: r.reason };
}
