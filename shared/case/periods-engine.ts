import type { WorkingCalendar } from '../calendar/types';
import { meetsCondition, type ConditionContext } from '../rules/conditions';
import { resolvePeriodAmount, resolvePeriodRule, type ResolvedPeriodRule } from '../rules/periods';
import type { PauseKind, PeriodScope, RuleSet, Sector, Severity } from '../rules/types';
import { addDays, type IsoDate } from '../util/dates';
import { assertNever } from '../util/assert-never';
import type { CaseEvent } from './events';
import { computePeriodEnd, type PauseInterval } from './deadlines';
import type { PeriodInstance } from './state';

/**
 * The one generic pass that turns rule data into period instances. For every event, in order:
 *  1. open an instance of every rule whose `countsFrom` is the event's type (and whose `countsFromWhen`
 *     it meets), one per scope, counting from the date `from` names;
 *  2. close every open instance one of whose `closedBy` triggers the event is (same scope, condition
 *     met; 'case_ended' fires when the event ends the listing);
 *  3. drop instances that a `supersededBy` period replaced in the same scope.
 * The end dates are computed at the end, with the pauses (`pausedBy`) recorded for the scope (or, for an
 * assist, its parent objection). Rules whose outcome is 'bar_ends' are look-back windows checked
 * elsewhere and open no instance.
 */
export type PauseRecord = { pauseId: string; kind: PauseKind; scopeId: string; from: IsoDate; to: IsoDate | null };

/** What the tracker reads from the case while events are applied. */
export type TrackerView = ConditionContext & {
  basisDecidedOn: IsoDate | null;
  objectionReceivedOn: (objectionId: string) => IsoDate | null;
};

type Tracked = {
  rule: ResolvedPeriodRule;
  scopeId: string | null;
  parentScopeId: string | null;
  sourceEventId: string;
  startsOn: IsoDate;
  closedOn: IsoDate | null;
  closedByEventId: string | null;
  lapsed: boolean;
  superseded: boolean;
};

function field(event: CaseEvent, name: string): string | null {
  const value = (event.payload as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The id of the `scope` an event belongs to, from its payload; null when it is not in such a scope. */
export function scopeIdOf(scope: PeriodScope, event: CaseEvent): string | null {
  switch (scope) {
    case 'case':
      return null;
    case 'objection':
      return field(event, 'objectionId') ?? (event.type === 'clock_paused' ? field(event, 'scopeId') : null);
    case 'assist':
      return field(event, 'assistId');
    case 'repair':
      return field(event, 'repairId') ?? (event.type === 'clock_paused' ? field(event, 'scopeId') : null);
    case 'correction':
      return event.type === 'corrected' ? event.id : field(event, 'correctedEventId');
    case 'basis_report':
      return field(event, 'basisDocumentNo');
    default:
      return assertNever(scope);
  }
}

function inScope(t: Tracked, event: CaseEvent): boolean {
  if (t.rule.scope === 'case') return true;
  if (scopeIdOf(t.rule.scope, event) === t.scopeId) return true;
  return t.parentScopeId !== null && scopeIdOf('objection', event) === t.parentScopeId;
}

function startDate(rule: ResolvedPeriodRule, event: CaseEvent, view: TrackerView, scopeId: string | null): IsoDate | null {
  switch (rule.from) {
    case 'event_date':
      return event.occurredOn;
    case 'basis_decision':
      return view.basisDecidedOn ?? event.occurredOn;
    case 'scope_opened':
      return (scopeId !== null ? view.objectionReceivedOn(field(event, 'objectionId') ?? scopeId) : null) ?? event.occurredOn;
    case 'basis_changed_on':
      return field(event, 'basisChangedOn');
    case 'discovered_on':
      return field(event, 'discoveredOn');
    default:
      return assertNever(rule.from);
  }
}

export type PeriodTracker = {
  /** Feed one applied event; `endedListing` = this event moved the case into a terminal stage. */
  onEvent(event: CaseEvent, view: TrackerView, endedListing: boolean): void;
  /** The instances with their end dates, in the order they opened. */
  finish(ctx: { today: IsoDate; calendar: WorkingCalendar; severity: Severity | null; sector: Sector | null; pauses: readonly PauseRecord[] }): PeriodInstance[];
};

export function createPeriodTracker(ruleSet: RuleSet): PeriodTracker {
  const rules = ruleSet.periods.map(resolvePeriodRule).filter((r) => r.onEnd !== 'bar_ends');
  const tracked: Tracked[] = [];
  const live = (): Tracked[] => tracked.filter((t) => !t.superseded);

  return {
    onEvent(event, view, endedListing) {
      for (const rule of rules) {
        if (rule.countsFrom !== event.type || !meetsCondition(rule.countsFromWhen, event, view)) continue;
        const scopeId = scopeIdOf(rule.scope, event);
        if (rule.scope !== 'case' && scopeId === null) continue;
        if (tracked.some((t) => t.rule.key === rule.key && t.scopeId === scopeId)) continue;
        const startsOn = startDate(rule, event, view, scopeId);
        if (startsOn === null) continue;
        tracked.push({ rule, scopeId, parentScopeId: rule.scope === 'assist' ? field(event, 'objectionId') : null, sourceEventId: event.id, startsOn, closedOn: null, closedByEventId: null, lapsed: false, superseded: false });
      }
      for (const t of live()) {
        if (t.closedOn !== null) continue;
        const trigger = t.rule.closedBy.find((c) => (c.event === 'case_ended' ? endedListing : c.event === event.type && inScope(t, event) && meetsCondition(c.when, event, view)));
        if (!trigger) continue;
        t.closedOn = event.occurredOn;
        t.closedByEventId = event.id;
        t.lapsed = trigger.event === 'case_ended' || trigger.lapses === true;
      }
      for (const t of live()) {
        if (t.rule.supersededBy.some((key) => tracked.some((o) => !o.superseded && o !== t && o.rule.key === key && o.rule.scope === t.rule.scope && o.scopeId === t.scopeId))) t.superseded = true;
      }
    },

    finish({ today, calendar, severity, sector, pauses }) {
      return live().map((t): PeriodInstance => {
        const { rule } = t;
        const { amount, certainty } = resolvePeriodAmount(rule, severity, sector);
        const scopes = [t.scopeId, t.parentScopeId].filter((id): id is string => id !== null);
        const intervals: PauseInterval[] = pauses.filter((p) => scopes.includes(p.scopeId) && rule.pausedBy.includes(p.kind)).map((p) => ({ from: p.from, to: p.to }));
        const base = {
          key: rule.key,
          label: rule.label,
          startsOn: t.startsOn,
          amount,
          unit: rule.unit,
          outcome: rule.onEnd,
          sourceEventId: t.sourceEventId,
          scope: rule.scope,
          scopeId: t.scopeId,
          parentScopeId: t.parentScopeId,
          basis: rule.basis,
          certainty,
          holder: rule.holder,
          closedOn: t.closedOn,
          closedByEventId: t.closedByEventId,
          lapsed: t.lapsed,
        };
        if (amount === null) return { ...base, dueOn: null, eligibleFrom: null, provisional: false, overdue: false, unset: true, paused: false, pausedDays: 0 };
        const end = computePeriodEnd(t.startsOn, amount, rule.unit, calendar, { roll: rule.rollToWorkingDay, pauses: intervals });
        const actionable = rule.onEnd === 'overdue' || rule.onEnd === 'listing_expires' || rule.onEnd === 'publication_ends';
        return {
          ...base,
          dueOn: end.dueOn,
          eligibleFrom: rule.onEnd === 'becomes_eligible' && end.dueOn !== null ? addDays(end.dueOn, 1) : null,
          provisional: end.provisional,
          overdue: actionable && t.closedOn === null && end.dueOn !== null && today > end.dueOn,
          unset: false,
          paused: end.paused,
          pausedDays: end.pausedDays,
        };
      });
    },
  };
}
