import type { WorkingCalendar } from '../calendar/types';
import { addDays, addYears, maxDate, type IsoDate } from '../util/dates';
import { assertNever } from '../util/assert-never';
import { findPeriod, resolvePeriodAmount } from '../rules/periods';
import type { PauseKind, PeriodKey, RuleSet } from '../rules/types';
import type { CaseEvent } from './events';
import { computePeriodEnd, type PauseInterval } from './deadlines';
import { CASE_STAGE_LABELS, TERMINAL_STAGES, type CaseFlag, type CaseStage, type CaseState, type Deadline, type LateAct } from './state';

/**
 * foldCase: the state of a case is a pure function of its events, its pinned rule set, the working
 * calendar and `today` (only for "overdue"/"expired"; nothing else depends on the clock).
 *
 * Invariants:
 *  - events are applied in `seq` order; events named by a `voided` event are skipped entirely;
 *  - fold does not judge legality (appendEvent/canPerform do); it replays what was recorded;
 *  - a deadline whose period is unset in the rule set is reported with `unset: true, dueOn: null`,
 *    never with an invented date.
 */
export type FoldOptions = { today: IsoDate };

type PauseRecord = { pauseId: string; kind: PauseKind; scopeId: string; from: IsoDate; to: IsoDate | null };

export function emptyCaseState(): CaseState {
  return {
    caseId: null,
    stage: 'D0',
    stageLabel: CASE_STAGE_LABELS.D0,
    subject: null,
    severity: null,
    listType: null,
    ruleSetPin: null,
    determinedOn: null,
    preNoticeServedOn: null,
    statementReceivedOn: null,
    listedOn: null,
    servedOn: null,
    listingNoticeOutstanding: [],
    publishedOn: null,
    publicationProfile: null,
    publicationActive: false,
    validUntil: null,
    publicationUntil: null,
    repairEligibleFrom: null,
    expired: false,
    endedOn: null,
    priorRepairCompletedOn: null,
    repairCompletedOn: null,
    objections: [],
    repairs: [],
    repairStage: 'P0',
    jointStage: 'none',
    jointUnits: [],
    measures: [],
    flags: [],
    deadlines: [],
    lateActs: [],
    lastOccurredOn: null,
    voidedEventIds: [],
    lastSeq: 0,
  };
}

export function isTerminal(stage: CaseStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

export function isListedStage(stage: CaseStage): boolean {
  return stage === 'D3' || stage === 'D4' || stage === 'D5';
}

/** The ids of events neutralised by `voided` events. */
export function voidedIds(events: readonly CaseEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) if (e.type === 'voided') ids.add(e.payload.voidedEventId);
  return ids;
}

type Facts = {
  state: CaseState;
  determinedEventId: string | null;
  listedEventId: string | null;
  publishedEventId: string | null;
  preNoticeEventId: string | null;
  listingNoticeServed: boolean;
  listingRecipients: string[];
  platformPushed: boolean;
  jointPushed: boolean;
  jointInitiated: { id: string; on: IsoDate } | null;
  pauses: PauseRecord[];
  objectionEvents: Map<string, string>;
  assistEvents: Map<string, string>;
  correctionDue: Map<string, { eventId: string; on: IsoDate }>;
  corrections: { eventId: string; on: IsoDate; pushedOn: IsoDate | null }[];
  correctionsMade: { objectionId: string; decisionEventId: string; decidedOn: IsoDate; correctedOn: IsoDate }[];
  lastListingServiceOn: IsoDate | null;
  repairEvents: Map<string, string>;
  basisReports: { eventId: string; on: IsoDate; basisChangedOn: IsoDate; actedOn: IsoDate | null }[];
};

function setStage(state: CaseState, stage: CaseStage): void {
  state.stage = stage;
  state.stageLabel = CASE_STAGE_LABELS[stage];
}

function applyOne(f: Facts, e: CaseEvent): void {
  const s = f.state;
  switch (e.type) {
    case 'determined':
      setStage(s, 'D1');
      s.caseId = e.caseId;
      s.subject = e.payload.subject;
      s.severity = e.payload.severity;
      s.listType = e.payload.listType;
      s.ruleSetPin = e.payload.ruleSet;
      s.determinedOn = e.occurredOn;
      f.determinedEventId = e.id;
      return;
    case 'exempted':
      setStage(s, 'X0');
      s.endedOn = e.occurredOn;
      return;
    case 'pre_notice_served':
      setStage(s, 'D2');
      s.preNoticeServedOn = e.occurredOn;
      f.preNoticeEventId = e.id;
      return;
    case 'statement_received':
      s.statementReceivedOn = e.occurredOn;
      return;
    case 'listed':
      setStage(s, 'D3');
      s.listedOn = e.occurredOn;
      s.listType = e.payload.listType;
      s.priorRepairCompletedOn = e.payload.priorRepairCompletedOn;
      f.listedEventId = e.id;
      return;
    case 'served': {
      const kind = e.payload.documentKind;
      if ((kind === 'listing_decision' || kind === 'listing_notice') && s.listedOn !== null) {
        f.listingNoticeServed = true;
        f.listingRecipients.push(...e.payload.recipients);
        f.lastListingServiceOn = e.occurredOn;
        if (s.servedOn === null) s.servedOn = e.occurredOn;
        if (s.stage === 'D3') setStage(s, 'D4');
      }
      if (kind === 'objection_decision' && e.payload.regardingId) {
        const o = s.objections.find((x) => x.objectionId === e.payload.regardingId);
        if (o && (o.stage === 'O5' || (o.stage === 'O4' && o.outcome !== 'upheld_correct'))) o.stage = 'O6';
      }
      return;
    }
    case 'published':
      setStage(s, 'D5');
      if (s.publishedOn === null) s.publishedOn = e.occurredOn;
      s.publicationProfile = e.payload.profile;
      f.publishedEventId ??= e.id;
      return;
    case 'objection_received':
      s.objections.push({
        objectionId: e.payload.objectionId,
        stage: 'O0',
        receivedOn: e.occurredOn,
        concernsListing: e.payload.concernsListing,
        markedOn: null,
        assists: [],
        decidedOn: null,
        outcome: null,
        reasons: null,
        openPauseIds: [],
      });
      f.objectionEvents.set(e.payload.objectionId, e.id);
      return;
    case 'objection_referred': {
      const o = s.objections.find((x) => x.objectionId === e.payload.objectionId);
      if (o) {
        o.stage = 'OX';
        o.decidedOn = e.occurredOn;
      }
      return;
    }
    case 'objection_marked': {
      const o = s.objections.find((x) => x.objectionId === e.payload.objectionId);
      if (o) {
        o.markedOn = e.occurredOn;
        if (o.stage === 'O0') o.stage = 'O1';
      }
      return;
    }
    case 'assist_requested': {
      const o = s.objections.find((x) => x.objectionId === e.payload.objectionId);
      if (o) {
        o.assists.push({ assistId: e.payload.assistId, toUnit: e.payload.toUnit, requestedOn: e.occurredOn, repliedOn: null });
        o.stage = 'O2a';
      }
      f.assistEvents.set(e.payload.assistId, e.id);
      return;
    }
    case 'assist_replied': {
      const o = s.objections.find((x) => x.objectionId === e.payload.objectionId);
      const a = o?.assists.find((x) => x.assistId === e.payload.assistId);
      if (o && a) {
        a.repliedOn = e.occurredOn;
        if (o.assists.every((x) => x.repliedOn !== null)) o.stage = 'O2';
      }
      return;
    }
    case 'clock_paused': {
      f.pauses.push({ pauseId: e.payload.pauseId, kind: e.payload.kind, scopeId: e.payload.scopeId, from: e.occurredOn, to: null });
      const o = s.objections.find((x) => x.objectionId === e.payload.scopeId);
      if (o) o.openPauseIds.push(e.payload.pauseId);
      return;
    }
    case 'clock_resumed': {
      const p = f.pauses.find((x) => x.pauseId === e.payload.pauseId);
      if (p) {
        p.to = e.occurredOn;
        const o = s.objections.find((x) => x.objectionId === p.scopeId);
        if (o) o.openPauseIds = o.openPauseIds.filter((id) => id !== p.pauseId);
      }
      return;
    }
    case 'objection_decided': {
      const o = s.objections.find((x) => x.objectionId === e.payload.objectionId);
      if (!o) return;
      o.decidedOn = e.occurredOn;
      o.outcome = e.payload.outcome;
      o.reasons = e.payload.reasons;
      switch (e.payload.outcome) {
        case 'upheld_remove':
          o.stage = 'O6';
          if (!isTerminal(s.stage)) {
            setStage(s, 'D9');
            s.endedOn = e.occurredOn;
          }
          return;
        case 'upheld_correct':
          o.stage = 'O4';
          f.correctionDue.set(o.objectionId, { eventId: e.id, on: e.occurredOn });
          return;
        case 'rejected':
          o.stage = 'O5';
          return;
        default:
          assertNever(e.payload.outcome);
      }
      return;
    }
    case 'corrected': {
      if (!s.flags.includes('CORRECTED')) s.flags.push('CORRECTED');
      f.corrections.push({ eventId: e.id, on: e.occurredOn, pushedOn: null });
      const oid = e.payload.objectionId;
      if (oid) {
        const due = f.correctionDue.get(oid);
        if (due) f.correctionsMade.push({ objectionId: oid, decisionEventId: due.eventId, decidedOn: due.on, correctedOn: e.occurredOn });
        f.correctionDue.delete(oid);
        const o = s.objections.find((x) => x.objectionId === oid);
        if (o && o.stage === 'O4') o.stage = 'O6';
      }
      return;
    }
    case 'correction_pushed': {
      const c = f.corrections.find((x) => x.eventId === e.payload.correctedEventId);
      if (c && c.pushedOn === null) c.pushedOn = e.occurredOn;
      return;
    }
    case 'repair_applied':
      s.repairs.push({ repairId: e.payload.repairId, stage: 'P1', appliedOn: e.occurredOn, reviewedOn: null, decidedOn: null, reasons: null });
      f.repairEvents.set(e.payload.repairId, e.id);
      s.repairStage = 'P1';
      return;
    case 'repair_reviewed': {
      const r = s.repairs.find((x) => x.repairId === e.payload.repairId);
      if (r) {
        r.reviewedOn = e.occurredOn;
        r.stage = e.payload.accepted ? 'P3' : 'P2R';
        r.reasons = e.payload.reasons;
        s.repairStage = r.stage;
      }
      return;
    }
    case 'repair_decided': {
      const r = s.repairs.find((x) => x.repairId === e.payload.repairId);
      if (r) {
        r.decidedOn = e.occurredOn;
        r.reasons = e.payload.reasons;
        r.stage = e.payload.approved ? 'P4' : 'P4R';
        s.repairStage = r.stage;
        if (e.payload.approved) {
          s.repairCompletedOn = e.occurredOn;
          if (!isTerminal(s.stage)) {
            setStage(s, 'D8');
            s.endedOn = e.occurredOn;
          }
        }
      }
      return;
    }
    case 'removed':
      setStage(s, 'D8F');
      s.endedOn = e.occurredOn;
      return;
    case 'expired_archived':
      setStage(s, 'D11');
      s.endedOn = e.occurredOn;
      return;
    case 'basis_change_reported':
      f.basisReports.push({ eventId: e.id, on: e.occurredOn, basisChangedOn: e.payload.basisChangedOn, actedOn: null });
      return;
    case 'basis_revoked':
      for (const r of f.basisReports) r.actedOn ??= e.occurredOn;
      setStage(s, 'D10');
      s.endedOn = e.occurredOn;
      return;
    case 'basis_changed':
      for (const r of f.basisReports) r.actedOn ??= e.occurredOn;
      if (!s.flags.includes('BASIS_CHANGED')) s.flags.push('BASIS_CHANGED');
      return;
    case 'measure_applied':
      s.measures.push({ measureId: e.payload.measureId, measureCode: e.payload.measureCode, implementingUnit: e.payload.implementingUnit, appliedOn: e.occurredOn, liftedOn: null });
      return;
    case 'measure_lifted': {
      const m = s.measures.find((x) => x.measureId === e.payload.measureId);
      if (m) m.liftedOn = e.occurredOn;
      return;
    }
    case 'platform_pushed':
      if (e.payload.platform === 'joint') f.jointPushed = true;
      else f.platformPushed = true;
      return;
    case 'joint_initiated':
      s.jointStage = 'J0';
      f.jointInitiated = { id: e.id, on: e.occurredOn };
      return;
    case 'joint_units_assigned':
      s.jointStage = 'J1';
      s.jointUnits = [...new Set([...s.jointUnits, ...e.payload.units])];
      return;
    case 'joint_responded':
      s.jointStage = 'J2';
      return;
    case 'joint_feedback':
      s.jointStage = 'J3';
      return;
    case 'joint_revoked':
      s.jointStage = 'J4';
      return;
    case 'voided':
      return;
    default:
      assertNever(e);
  }
}

/** Whether the listing has run out on `date` (after the last day of validity or publication). */
export function expiredOn(state: CaseState, date: IsoDate): boolean {
  return (state.validUntil !== null && date > state.validUntil) || (state.publicationUntil !== null && date > state.publicationUntil);
}

export function foldCase(events: readonly CaseEvent[], ruleSet: RuleSet, calendar: WorkingCalendar, options: FoldOptions): CaseState {
  const { today } = options;
  const voided = voidedIds(events);
  const facts: Facts = {
    state: emptyCaseState(),
    determinedEventId: null,
    listedEventId: null,
    publishedEventId: null,
    preNoticeEventId: null,
    listingNoticeServed: false,
    listingRecipients: [],
    platformPushed: false,
    jointPushed: false,
    jointInitiated: null,
    pauses: [],
    objectionEvents: new Map(),
    assistEvents: new Map(),
    correctionDue: new Map(),
    corrections: [],
    correctionsMade: [],
    lastListingServiceOn: null,
    repairEvents: new Map(),
    basisReports: [],
  };
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  for (const e of ordered) {
    facts.state.lastSeq = Math.max(facts.state.lastSeq, e.seq);
    if (voided.has(e.id) || e.type === 'voided') continue;
    if (facts.state.lastOccurredOn === null || e.occurredOn > facts.state.lastOccurredOn) facts.state.lastOccurredOn = e.occurredOn;
    applyOne(facts, e);
  }
  const s = facts.state;
  s.voidedEventIds = [...voided];
  const severity = s.severity;
  const deadlines: Deadline[] = [];

  const pausesFor = (scopeId: string | null, kinds: readonly PauseKind[]): PauseInterval[] =>
    scopeId === null ? [] : facts.pauses.filter((p) => p.scopeId === scopeId && kinds.includes(p.kind)).map((p) => ({ from: p.from, to: p.to }));

  /** Compute one deadline (or null when the rule set has no such period). */
  const make = (key: PeriodKey, start: IsoDate, sourceEventId: string, scopeId: string | null, pauseScope: string | null = scopeId): Deadline | null => {
    const rule = findPeriod(ruleSet.periods, key);
    if (!rule) return null;
    const { amount } = resolvePeriodAmount(rule, severity);
    const base = { key, label: rule.label, outcome: rule.onEnd, sourceEventId, scopeId, basis: rule.basis };
    if (amount === null) return { ...base, dueOn: null, provisional: false, overdue: false, unset: true, paused: false, pausedDays: 0 };
    const end = computePeriodEnd(start, amount, rule.unit, calendar, { roll: rule.rollToWorkingDay, pauses: pausesFor(pauseScope, rule.pausedBy) });
    const actionable = rule.onEnd === 'overdue' || rule.onEnd === 'listing_expires' || rule.onEnd === 'publication_ends';
    return {
      ...base,
      dueOn: end.dueOn,
      provisional: end.provisional,
      overdue: actionable && end.dueOn !== null && today > end.dueOn,
      unset: false,
      paused: end.paused,
      pausedDays: end.pausedDays,
    };
  };
  const push = (d: Deadline | null, keepIfPassed = true): Deadline | null => {
    if (d && (keepIfPassed || d.dueOn === null || today <= d.dueOn)) deadlines.push(d);
    return d;
  };

  // Case-level dates (computed whenever their anchor exists, shown as deadlines while relevant).
  const validity = s.determinedOn && facts.determinedEventId ? make('validity', s.determinedOn, facts.determinedEventId, null) : null;
  s.validUntil = validity?.dueOn ?? null;
  const pubMax = s.determinedOn && facts.determinedEventId ? make('publication_max', s.determinedOn, facts.determinedEventId, null) : null;
  s.publicationUntil = pubMax?.dueOn ?? null;
  const ended = isTerminal(s.stage);
  const listed = isListedStage(s.stage);
  s.expired = listed && expiredOn(s, today);
  s.publicationActive = s.stage === 'D5' && !s.expired;

  // 朝阳房地产规定 第八条: the notice goes to the subject AND its 主要责任人. A required recipient counts as
  // served when some served listing document names them (substring match on the recipient line).
  if (s.subject && s.listedOn) {
    const required = [s.subject.name, ...(ruleSet.listingNoticeRecipients === 'subject_and_responsible' ? (s.subject.responsiblePersons ?? []).map((p) => p.name) : [])];
    s.listingNoticeOutstanding = facts.listingNoticeServed ? required.filter((name) => name.trim() !== '' && !facts.listingRecipients.some((r) => r.includes(name))) : required;
  }
  const noticeComplete = facts.listingNoticeServed && s.listingNoticeOutstanding.length === 0;

  if (!ended) {
    if (facts.determinedEventId && s.determinedOn) {
      if (s.listedOn === null) push(make('written_decision', s.determinedOn, facts.determinedEventId, null));
      if (!facts.platformPushed) push(make('platform_push', s.determinedOn, facts.determinedEventId, null));
    }
    if (s.stage === 'D2' && s.statementReceivedOn === null && s.preNoticeServedOn && facts.preNoticeEventId) {
      push(make('pre_notice_statement', s.preNoticeServedOn, facts.preNoticeEventId, null), false);
    }
    if (listed && s.listedOn && facts.listedEventId) {
      if (!noticeComplete) push(make('listing_notice', s.listedOn, facts.listedEventId, null));
      if (validity) push(validity);
      if (pubMax && s.publishedOn) push(pubMax);
    }
  }

  // Repair eligibility: the latest of the local waiting period and the national minimum publication.
  if (listed && s.listedOn && facts.listedEventId && facts.determinedEventId && s.determinedOn) {
    const local = make('repair_eligibility', s.listedOn, facts.listedEventId, null);
    const national = make('publication_min', s.determinedOn, facts.determinedEventId, null);
    let eligible: IsoDate | null = s.listedOn;
    for (const d of [local, national]) {
      if (!d) continue;
      if (d.dueOn === null) eligible = null;
      else if (eligible !== null) eligible = maxDate(eligible, addDays(d.dueOn, 1));
      push(d, false);
    }
    s.repairEligibleFrom = eligible;
  }

  // NO_REPAIR (朝阳房地产规定 第十九条): listed within the look-back window after a completed repair.
  const bar = findPeriod(ruleSet.periods, 'relisting_repair_bar');
  if (bar && bar.amount !== null && s.listedOn && s.priorRepairCompletedOn) {
    const windowEnd = bar.unit === 'years' ? addYears(s.priorRepairCompletedOn, bar.amount) : computePeriodEnd(s.priorRepairCompletedOn, bar.amount, bar.unit, calendar, { roll: false }).dueOn;
    if (windowEnd !== null && s.listedOn <= windowEnd && !s.flags.includes('NO_REPAIR')) s.flags.push('NO_REPAIR');
  }
  // A barred subject has no eligibility date within this listing's validity.
  if (s.flags.includes('NO_REPAIR')) {
    s.repairEligibleFrom = null;
    for (let i = deadlines.length - 1; i >= 0; i -= 1) {
      const d = deadlines[i];
      if (d && (d.key === 'repair_eligibility' || d.key === 'publication_min')) deadlines.splice(i, 1);
    }
  }

  // Objections.
  for (const o of s.objections) {
    const sourceId = facts.objectionEvents.get(o.objectionId) ?? '';
    const open = o.decidedOn === null;
    if (open) {
      push(make('objection_processing', o.receivedOn, sourceId, o.objectionId));
      if (o.markedOn === null) push(make('objection_marking', o.receivedOn, sourceId, o.objectionId));
      if (o.assists.length > 0) push(make('objection_decision_assisted', o.receivedOn, sourceId, o.objectionId));
      else if (o.concernsListing && findPeriod(ruleSet.periods, 'objection_listing_review')) push(make('objection_listing_review', o.receivedOn, sourceId, o.objectionId));
      else push(make('objection_decision', o.receivedOn, sourceId, o.objectionId));
      for (const a of o.assists) {
        if (a.repliedOn === null) push(make('assist_reply', a.requestedOn, facts.assistEvents.get(a.assistId) ?? '', a.assistId, o.objectionId));
      }
    }
    const due = facts.correctionDue.get(o.objectionId);
    if (due) push(make('objection_correction', due.on, due.eventId, o.objectionId));
  }
  if (s.objections.some((o) => o.markedOn !== null && o.decidedOn === null)) s.flags.push('OBJECTION_MARKED');

  for (const c of facts.corrections) if (c.pushedOn === null) push(make('downstream_correction', c.on, c.eventId, null));

  for (const r of s.repairs) {
    const sourceId = facts.repairEvents.get(r.repairId) ?? '';
    if (r.stage === 'P1') push(make('repair_initial_review', r.appliedOn, sourceId, r.repairId));
    if (r.stage === 'P1' || r.stage === 'P3') push(make('repair_decision', r.appliedOn, sourceId, r.repairId));
  }

  for (const b of facts.basisReports) if (b.actedOn === null) push(make('basis_change_action', b.on, b.eventId, null));

  // Acts done after their deadline (for supervision; 凌源联合奖惩 八, 黑龙江条例 第五十一条 accountability).
  const lateActs: LateAct[] = [];
  const late = (d: Deadline | null, actedOn: IsoDate | null): void => {
    if (d && d.dueOn !== null && actedOn !== null && actedOn > d.dueOn && d.outcome === 'overdue') {
      lateActs.push({ key: d.key, label: d.label, dueOn: d.dueOn, actedOn, sourceEventId: d.sourceEventId, scopeId: d.scopeId, basis: d.basis });
    }
  };
  if (s.determinedOn && facts.determinedEventId) late(make('written_decision', s.determinedOn, facts.determinedEventId, null), s.listedOn);
  if (s.listedOn && facts.listedEventId && noticeComplete) late(make('listing_notice', s.listedOn, facts.listedEventId, null), facts.lastListingServiceOn);
  for (const o of s.objections) {
    const sourceId = facts.objectionEvents.get(o.objectionId) ?? '';
    if (o.markedOn) late(make('objection_marking', o.receivedOn, sourceId, o.objectionId), o.markedOn);
    if (o.decidedOn && o.stage !== 'OX') {
      late(make('objection_processing', o.receivedOn, sourceId, o.objectionId), o.decidedOn);
      const key: PeriodKey = o.assists.length > 0 ? 'objection_decision_assisted' : o.concernsListing && findPeriod(ruleSet.periods, 'objection_listing_review') ? 'objection_listing_review' : 'objection_decision';
      late(make(key, o.receivedOn, sourceId, o.objectionId), o.decidedOn);
    }
    for (const a of o.assists) if (a.repliedOn) late(make('assist_reply', a.requestedOn, facts.assistEvents.get(a.assistId) ?? '', a.assistId, o.objectionId), a.repliedOn);
  }
  for (const c of facts.correctionsMade) late(make('objection_correction', c.decidedOn, c.decisionEventId, c.objectionId), c.correctedOn);
  for (const c of facts.corrections) late(make('downstream_correction', c.on, c.eventId, null), c.pushedOn);
  for (const r of s.repairs) {
    const sourceId = facts.repairEvents.get(r.repairId) ?? '';
    if (r.reviewedOn) late(make('repair_initial_review', r.appliedOn, sourceId, r.repairId), r.reviewedOn);
    if (r.decidedOn) late(make('repair_decision', r.appliedOn, sourceId, r.repairId), r.decidedOn);
  }
  for (const b of facts.basisReports) {
    late(make('basis_change_report', b.basisChangedOn, b.eventId, null), b.on);
    late(make('basis_change_action', b.on, b.eventId, null), b.actedOn);
  }
  s.lateActs = lateActs;
  if (facts.jointInitiated && !facts.jointPushed && s.jointStage !== 'J4') push(make('joint_push', facts.jointInitiated.on, facts.jointInitiated.id, null));

  // Flags derived from the whole picture.
  const flags = new Set<CaseFlag>(s.flags);
  if (listed && s.expired) flags.add('EXPIRED_PENDING_ARCHIVE');
  if (deadlines.some((d) => d.provisional)) flags.add('PROVISIONAL_DEADLINE');
  if (deadlines.some((d) => d.unset)) flags.add('UNSET_PERIOD');
  if (ended && ['J0', 'J1', 'J2', 'J3'].includes(s.jointStage)) flags.add('JOINT_REVOKE_PENDING');
  if (ended && s.measures.some((m) => m.liftedOn === null)) flags.add('MEASURES_PENDING_LIFT');
  s.flags = [...flags];
  deadlines.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
  s.deadlines = deadlines;
  return s;
}
