import type { CaseEventPayloads, CaseEventType } from '../case/events';
import { isListingDocument } from '../documents/kinds';
import type { IsoDate } from '../util/dates';
import type { PeriodCondition } from './types';

/** What the state-dependent conditions read, taken AFTER the event was applied. */
export type ConditionContext = { listedOn: IsoDate | null; listingNoticeOutstanding: readonly string[] };

type Act = { type: CaseEventType; payload: unknown };

function payloadOf<T extends CaseEventType>(act: Act, type: T): CaseEventPayloads[T] | null {
  return act.type === type ? (act.payload as CaseEventPayloads[T]) : null;
}

/**
 * The closed registry of named conditions (rule data picks one by name, code says what it means).
 * Conditions that need the case state answer false without `after` (a payload-only check).
 */
const CONDITIONS: Record<PeriodCondition, (act: Act, after: ConditionContext | undefined) => boolean> = {
  concerns_listing: (act) => payloadOf(act, 'objection_received')?.concernsListing === true,
  upheld_correct: (act) => payloadOf(act, 'objection_decided')?.outcome === 'upheld_correct',
  provider_discovery: (act) => {
    const p = payloadOf(act, 'corrected');
    return p !== null && p.objectionId === null && typeof p.discoveredOn === 'string';
  },
  listing_notice_complete: (act, after) => {
    const p = payloadOf(act, 'served');
    return p !== null && after !== undefined && after.listedOn !== null && isListingDocument(p.documentKind) && after.listingNoticeOutstanding.length === 0;
  },
  joint_platform: (act) => payloadOf(act, 'platform_pushed')?.platform === 'joint',
  other_platform: (act) => {
    const p = payloadOf(act, 'platform_pushed');
    return p !== null && p.platform !== 'joint';
  },
  review_not_accepted: (act) => payloadOf(act, 'repair_reviewed')?.accepted === false,
};

export function meetsCondition(condition: PeriodCondition | undefined, act: Act, after?: ConditionContext): boolean {
  return condition === undefined || CONDITIONS[condition](act, after);
}

/** Whether the payload-only part of a condition can be judged (false for state-dependent ones). */
export function isPayloadCondition(condition: PeriodCondition): boolean {
  return condition !== 'listing_notice_complete';
}
