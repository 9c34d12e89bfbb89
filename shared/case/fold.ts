import type { WorkingCalendar } from '../calendar/types';
import { isListingDocument, normalizeServedKind } from '../documents/kinds';
import { findPeriod, resolvePeriodRule } from '../rules/periods';
import type { RuleSet } from '../rules/types';
import { addYears, maxDate, type IsoDate } from '../util/dates';
import { assertNever } from '../util/assert-never';
import type { CaseEvent, DecisionDraft } from './events';
import { computePeriodEnd } from './deadlines';
import { createPeriodTracker, type PauseRecord, type TrackerView } from './periods-engine';
import { listingNoticeRecipients, outstandingRecipients, type NoticeRecipient } from './recipients';
import { CASE_STAGE_LABELS, TERMINAL_STAGES, type CaseFlag, type CaseStage, type CaseState, type Deadline, type DecisionState, type LateAct, type PeriodInstance } from './state';

/**
 * foldCase: the state of a case is a pure function of its events, its pinned rule set, the working
 * calendar and `today` (only for "overdue"/"expired"; nothing else depends on the clock).
 *
 * Invariants:
 *  - events are applied in `seq` order; events named by a `voided` event are skipped entirely;
 *  - fold does not judge legality (appendEvent/canPerform do); it replays what was recorded;
 *  - every deadline comes from the rule data (shared/case/periods-engine.ts): no period is tied to an
 *    event here;
 *  - a period unset in the rule set is reported with `unset: true, dueOn: null`, never with an invented date.
 */
export type FoldOptions = { today: IsoDate };

export function emptyCaseState(): CaseState {
  return {
    caseId: null,
    stage: 'D0',
    stageLabel: CASE_STAGE_LABELS.D0,
    subject: null,
    severity: null,
    sector: null,
    listType: null,
    ruleSetPin: null,
    determination: null,
    determinedOn: null,
    basisDecidedOn: null,
    preNoticeServedOn: null,
    statementReceivedOn: null,
    listedOn: null,
    listingDecisionNo: null,
    servedOn: null,
    listingNoticeOutstanding: [],
    publishedOn: null,
    publicationProfile: null,
    publicationActive: false,
    validUntil: null,
    publicationUntil: null,
    repairEligibleFrom: null,
    repairEligibility: null,
    expired: false,
    endedOn: null,
    priorRepairCompletedOn: null,
    repairCompletedOn: null,
    objections: [],
    repairs: [],
    repairStage: 'P0',
    jointStage: 'none',
    jointUnits: [],
    joint: { initiatedOn: null, platformRef: null, revokedOn: null, revokeReason: null, units: [] },
    measures: [],
    decisions: [],
    flags: [],
    deadlines: [],
    otherBodyDeadlines: [],
    periods: [],
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
  ruleSet: RuleSet;
  requiredRecipients: NoticeRecipient[];
  servedRecipientLines: string[];
  pauses: PauseRecord[];
};

function setStage(state: CaseState, stage: CaseStage): void {
  state.stage = stage;
  state.stageLabel = CASE_STAGE_LABELS[stage];
}

function addFlag(state: CaseState, flag: CaseFlag): void {
  if (!state.flags.includes(flag)) state.flags.push(flag);
}

/** The approved decision an act carries out (the first approved one that matches it), or undefined. */
export function approvedDecisionFor(state: Pick<CaseState, 'decisions'>, act: { type: string; payload?: unknown }): DecisionState | undefined {
  return state.decisions.find((d) => d.status === 'approved' && decisionMatches(d.decision, act));
}

/** Whether an act (with its payload, when given) is what the decision proposed. */
export function decisionMatches(decision: DecisionDraft, act: { type: string; payload?: unknown }): boolean {
  if (decision.act !== act.type) return false;
  const p = act.payload as Record<string, unknown> | undefined;
  if (!p) return true;
  switch (decision.act) {
    case 'listed':
      return p.listType === decision.payload.listType;
    case 'removed':
      return p.reason === decision.payload.reason && p.note === decision.payload.note;
    case 'repair_decided':
      return p.repairId === decision.payload.repairId && p.approved === decision.payload.approved && p.reasons === decision.payload.reasons;
    default:
      return assertNever(decision);
  }
}

function applyDecision(s: CaseState, e: CaseEvent): void {
  switch (e.type) {
    case 'decision_submitted':
      s.decisions.push({
        decisionId: e.payload.decisionId,
        decision: e.payload.decision,
        status: 'submitted',
        submittedOn: e.occurredOn,
        submittedBy: { userId: e.actor.userId, name: e.actor.name },
        approvedOn: null,
        approvedBy: null,
        returnedOn: null,
        returnReasons: null,
        carriedOutEventId: null,
      });
      return;
    case 'decision_approved':
    case 'decision_returned': {
      const d = s.decisions.find((x) => x.decisionId === e.payload.decisionId);
      if (!d) return;
      if (e.type === 'decision_approved') {
        d.status = 'approved';
        d.approvedOn = e.occurredOn;
        d.approvedBy = { userId: e.actor.userId, name: e.actor.name };
      } else {
        d.status = 'returned';
        d.returnedOn = e.occurredOn;
        d.returnReasons = e.payload.reasons;
      }
      return;
    }
    case 'listed':
    case 'removed':
    case 'repair_decided': {
      const d = approvedDecisionFor(s, e);
      if (d) {
        d.status = 'carried_out';
        d.carriedOutEventId = e.id;
      }
      return;
    }
    default:
      return;
  }
}

function applyOne(f: Facts, e: CaseEvent): void {
  applyDecision(f.state, e);
  const s = f.state;
  switch (e.type) {
    case 'determined': {
      setStage(s, 'D1');
      const p = e.payload;
      s.caseId = e.caseId;
      s.subject = p.subject;
      s.severity = p.severity;
      s.sector = p.sector ?? null;
      s.listType = p.listType;
      s.ruleSetPin = p.ruleSet;
      s.determination = { behaviourCode: p.behaviourCode, behaviourText: p.behaviourText, facts: p.facts, basisDocuments: p.basisDocuments, determiningDept: p.determiningDept };
      s.determinedOn = e.occurredOn;
      s.basisDecidedOn = p.basisDocuments.filter((d) => d.effective).map((d) => d.decidedOn).sort()[0] ?? null;
      return;
    }
    case 'exempted':
      setStage(s, 'X0');
      s.endedOn = e.occurredOn;
      return;
    case 'pre_notice_served':
      setStage(s, 'D2');
      s.preNoticeServedOn = e.occurredOn;
      return;
    case 'statement_received':
      s.statementReceivedOn = e.occurredOn;
      return;
    case 'listed':
      setStage(s, 'D3');
      s.listedOn = e.occurredOn;
      s.listingDecisionNo = e.payload.decisionNo;
      s.listType = e.payload.listType;
      s.priorRepairCompletedOn = e.payload.priorRepairCompletedOn;
      f.requiredRecipients = listingNoticeRecipients(s.subject, f.ruleSet);
      s.listingNoticeOutstanding = outstandingRecipients(f.requiredRecipients, f.servedRecipientLines);
      return;
    case 'served': {
      // Stored events may carry the legacy snake-case spelling (never rewritten: they are hash-chained).
      const kind = normalizeServedKind(e.payload.documentKind);
      if (kind !== null && isListingDocument(kind) && s.listedOn !== null) {
        f.servedRecipientLines.push(...e.payload.recipients);
        s.listingNoticeOutstanding = outstandingRecipients(f.requiredRecipients, f.servedRecipientLines);
        if (s.servedOn === null) s.servedOn = e.occurredOn;
        if (s.stage === 'D3') setStage(s, 'D4');
      }
      if (kind === 'objection-decision' && e.payload.regardingId) {
        const o = s.objections.find((x) => x.objectionId === e.payload.regardingId);
        if (o && (o.stage === 'O5' || (o.stage === 'O4' && o.outcome !== 'upheld_correct'))) o.stage = 'O6';
      }
      return;
    }
    case 'published':
      setStage(s, 'D5');
      if (s.publishedOn === null) s.publishedOn = e.occurredOn;
      s.publicationProfile = e.payload.profile;
      return;
    case 'objection_received':
      s.objections.push({
        objectionId: e.payload.objectionId,
        stage: 'O0',
        receivedOn: e.occurredOn,
        applicant: e.payload.applicant,
        claim: e.payload.reasons,
        concernsListing: e.payload.concernsListing,
        markedOn: null,
        assists: [],
        decidedOn: null,
        outcome: null,
        reasons: null,
        openPauseIds: [],
      });
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
      addFlag(s, 'CORRECTED');
      const oid = e.payload.objectionId;
      const o = oid ? s.objections.find((x) => x.objectionId === oid) : undefined;
      if (o && o.stage === 'O4') o.stage = 'O6';
      return;
    }
    case 'correction_pushed':
      return;
    case 'repair_applied':
      s.repairs.push({ repairId: e.payload.repairId, stage: 'P1', appliedOn: e.occurredOn, reviewedOn: null, decidedOn: null, reasons: null, premature: null });
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
      return;
    case 'basis_revoked':
      setStage(s, 'D10');
      s.endedOn = e.occurredOn;
      return;
    case 'basis_changed':
      addFlag(s, 'BASIS_CHANGED');
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
      return;
    case 'joint_initiated':
      s.jointStage = 'J0';
      s.joint.initiatedOn = e.occurredOn;
      s.joint.platformRef = e.payload.platformRef;
      return;
    case 'joint_units_assigned':
      s.jointStage = 'J1';
      for (const unit of e.payload.units) {
        if (s.jointUnits.includes(unit)) continue;
        s.jointUnits.push(unit);
        s.joint.units.push({ unit, assignedOn: e.occurredOn, respondedOn: null, measureCodes: [], feedbackOn: null, feedback: null });
      }
      return;
    case 'joint_responded': {
      s.jointStage = 'J2';
      const u = s.joint.units.find((x) => x.unit === e.payload.unit);
      if (u) {
        u.respondedOn = e.occurredOn;
        u.measureCodes = [...e.payload.measureCodes];
      }
      return;
    }
    case 'joint_feedback': {
      s.jointStage = 'J3';
      const u = s.joint.units.find((x) => x.unit === e.payload.unit);
      if (u) {
        u.feedbackOn = e.occurredOn;
        u.feedback = e.payload.summary;
      }
      return;
    }
    case 'joint_revoked':
      s.jointStage = 'J4';
      s.joint.revokedOn = e.occurredOn;
      s.joint.revokeReason = e.payload.reason;
      return;
    case 'decision_submitted':
    case 'decision_approved':
    case 'decision_returned':
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

function isShown(p: PeriodInstance, s: CaseState, shownFrom: 'listed' | 'published' | undefined, shownAfterEnd: boolean, today: IsoDate): boolean {
  if (p.closedOn !== null) return false;
  if (shownFrom === 'listed' && s.listedOn === null) return false;
  if (shownFrom === 'published' && s.publishedOn === null) return false;
  return shownAfterEnd || p.dueOn === null || today <= p.dueOn;
}

function toDeadline(p: PeriodInstance): Deadline {
  const { parentScopeId: _parent, closedOn: _closed, closedByEventId: _by, lapsed: _lapsed, ...deadline } = p;
  return deadline;
}

/**
 * 朝阳房地产规定 第十九条: whether a listing on `listedOn` falls within the look-back window (the rule
 * set's relisting_repair_bar) after the subject's repair completed on `priorRepairCompletedOn`.
 */
export function listedWithinRepairBar(listedOn: IsoDate, priorRepairCompletedOn: IsoDate, ruleSet: RuleSet, calendar: WorkingCalendar): boolean {
  const bar = findPeriod(ruleSet.periods, 'relisting_repair_bar');
  if (!bar || bar.amount === null) return false;
  const windowEnd = bar.unit === 'years' ? addYears(priorRepairCompletedOn, bar.amount) : computePeriodEnd(priorRepairCompletedOn, bar.amount, bar.unit, calendar, { roll: false }).dueOn;
  return windowEnd !== null && listedOn <= windowEnd;
}

export function foldCase(events: readonly CaseEvent[], ruleSet: RuleSet, calendar: WorkingCalendar, options: FoldOptions): CaseState {
  const { today } = options;
  const voided = voidedIds(events);
  const facts: Facts = { state: emptyCaseState(), ruleSet, requiredRecipients: [], servedRecipientLines: [], pauses: [] };
  const s = facts.state;
  const tracker = createPeriodTracker(ruleSet);
  const view: TrackerView = {
    get listedOn() {
      return s.listedOn;
    },
    get listingNoticeOutstanding() {
      return s.listingNoticeOutstanding;
    },
    get basisDecidedOn() {
      return s.basisDecidedOn;
    },
    objectionReceivedOn: (id) => s.objections.find((o) => o.objectionId === id)?.receivedOn ?? null,
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    s.lastSeq = Math.max(s.lastSeq, e.seq);
    if (voided.has(e.id) || e.type === 'voided') continue;
    if (s.lastOccurredOn === null || e.occurredOn > s.lastOccurredOn) s.lastOccurredOn = e.occurredOn;
    const wasEnded = isTerminal(s.stage);
    applyOne(facts, e);
    tracker.onEvent(e, view, !wasEnded && isTerminal(s.stage));
  }
  s.voidedEventIds = [...voided];

  const periods = tracker.finish({ today, calendar, severity: s.severity, sector: s.sector, pauses: facts.pauses });
  s.periods = periods;
  const caseLevel = (key: PeriodInstance['key']) => periods.find((p) => p.key === key && p.scope === 'case');
  s.validUntil = caseLevel('validity')?.dueOn ?? null;
  s.publicationUntil = caseLevel('publication_max')?.dueOn ?? null;
  const ended = isTerminal(s.stage);
  const listed = isListedStage(s.stage);
  s.expired = listed && expiredOn(s, today);
  s.publicationActive = s.stage === 'D5' && !s.expired;
  if (s.listedOn && s.priorRepairCompletedOn && listedWithinRepairBar(s.listedOn, s.priorRepairCompletedOn, ruleSet, calendar)) addFlag(s, 'NO_REPAIR');
  const barred = s.flags.includes('NO_REPAIR');

  // Repair eligibility: the latest first-possible day of every waiting period (local 满一年, national
  // minimum publication). One computation: the deadlines, repairEligibleFrom and the refusals agree.
  const waits = periods.filter((p) => p.outcome === 'becomes_eligible' && p.scope === 'case');
  let eligible: IsoDate | null = s.listedOn;
  let binding: PeriodInstance | null = null;
  for (const w of waits) {
    if (w.eligibleFrom === null) eligible = null;
    else if (eligible !== null && w.eligibleFrom > eligible) {
      eligible = maxDate(eligible, w.eligibleFrom);
      binding = w;
    }
  }
  s.repairEligibleFrom = listed && !barred ? eligible : null;
  if (s.listedOn !== null) {
    const certainty = waits.some((w) => w.certainty === 'uncertain') ? 'uncertain' : (binding?.certainty ?? 'stated');
    s.repairEligibility = { possibleFrom: barred ? null : eligible, label: binding?.label ?? null, basis: binding?.basis ?? null, certainty, unset: waits.some((w) => w.unset), barred };
  }
  for (const r of s.repairs) {
    r.premature = !barred && eligible !== null && binding !== null && r.appliedOn < eligible ? { possibleFrom: eligible, label: binding.label, basis: binding.basis } : null;
  }

  const rules = new Map(ruleSet.periods.map((p) => [p.key, resolvePeriodRule(p)]));
  const deadlines: Deadline[] = [];
  const others: Deadline[] = [];
  for (const p of periods) {
    const rule = rules.get(p.key);
    if (!rule || (barred && p.outcome === 'becomes_eligible')) continue;
    if (!isShown(p, s, rule.shownFrom, rule.shownAfterEnd, today)) continue;
    (p.holder === 'other_body' ? others : deadlines).push(toDeadline(p));
  }

  s.lateActs = periods
    .filter((p) => p.closedOn !== null && !p.lapsed && p.dueOn !== null && p.outcome === 'overdue' && p.closedOn > p.dueOn)
    .map((p): LateAct => ({ key: p.key, label: p.label, dueOn: p.dueOn as IsoDate, actedOn: p.closedOn as IsoDate, sourceEventId: p.sourceEventId, scopeId: p.scopeId, basis: p.basis, holder: p.holder }));

  if (s.objections.some((o) => o.markedOn !== null && o.decidedOn === null)) addFlag(s, 'OBJECTION_MARKED');
  if (listed && s.expired) addFlag(s, 'EXPIRED_PENDING_ARCHIVE');
  if (deadlines.some((d) => d.provisional)) addFlag(s, 'PROVISIONAL_DEADLINE');
  if (deadlines.some((d) => d.unset)) addFlag(s, 'UNSET_PERIOD');
  if (ended && ['J0', 'J1', 'J2', 'J3'].includes(s.jointStage)) addFlag(s, 'JOINT_REVOKE_PENDING');
  if (ended && s.measures.some((m) => m.liftedOn === null)) addFlag(s, 'MEASURES_PENDING_LIFT');
  const byDue = (a: Deadline, b: Deadline) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31');
  s.deadlines = deadlines.sort(byDue);
  s.otherBodyDeadlines = others.sort(byDue);
  return s;
}
