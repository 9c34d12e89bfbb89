/**
 * Which case fact or which period each printed date of each document kind comes from. One
 * declaration serves both directions: documentFromCase fills the date from it, checkIssuable refuses a
 * document whose date differs from it (or whose period is unset), and the property test checks every
 * kind under every preset against it.
 */
import type { CaseState, Deadline } from '../case/state';
import type { Certainty, PeriodKey } from '../rules/types';
import type { IsoDate } from '../util/dates';
import type { DocumentKind } from './kinds';
import type { DocumentInput } from './types';

export type CaseFact = 'listedOn' | 'endedOn' | 'objectionReceivedOn' | 'repairAppliedOn' | 'repairDecidedOn';

export type CaseDateSource =
  /** The first of `keys` the case has in the scope (after supersession only one applies); its start or last day. */
  | { kind: 'period'; keys: readonly PeriodKey[]; scope: 'case' | 'objection' | 'repair'; take: 'startsOn' | 'dueOn' }
  /** The first day the subject may apply for repair: the latest first-possible day of every waiting period. */
  | { kind: 'repair_eligibility' }
  | { kind: 'fact'; fact: CaseFact };

export type DocumentDateField = {
  /** Field path in the input, e.g. 'validity.to'. */
  field: string;
  /** Chinese name of the field in refusals. */
  label: string;
  /** The template paragraph that prints it (its uncertainty marker goes there). */
  paragraph: string;
  source: CaseDateSource;
  /** The printed value; undefined = not printed in this variant (e.g. no effective date when refused). */
  read: (input: DocumentInput) => IsoDate | null | undefined;
};

const OBJECTION_DECISION_PERIODS: readonly PeriodKey[] = ['objection_decision', 'objection_decision_assisted', 'objection_listing_review', 'objection_processing'];
const LISTING_PERIOD: readonly PeriodKey[] = ['validity', 'publication_max'];
const PUBLICATION_END: readonly PeriodKey[] = ['publication_max', 'validity'];

function pick<K extends DocumentKind>(kind: K, f: (input: Extract<DocumentInput, { kind: K }>) => IsoDate | null | undefined): DocumentDateField['read'] {
  return (input) => (input.kind === kind ? f(input as Extract<DocumentInput, { kind: K }>) : undefined);
}

export const DOCUMENT_DATE_FIELDS: Readonly<Record<DocumentKind, readonly DocumentDateField[]>> = {
  'prior-notice': [
    { field: 'statementDeadline', label: '陈述、申辩截止日期', paragraph: 'rights', source: { kind: 'period', keys: ['pre_notice_statement'], scope: 'case', take: 'dueOn' }, read: pick('prior-notice', (i) => i.statementDeadline) },
  ],
  'listing-decision': [
    { field: 'validity.from', label: '列入期限起算日期', paragraph: 'validity', source: { kind: 'period', keys: LISTING_PERIOD, scope: 'case', take: 'startsOn' }, read: pick('listing-decision', (i) => i.validity.from) },
    { field: 'validity.to', label: '列入期限届满日期', paragraph: 'validity', source: { kind: 'period', keys: LISTING_PERIOD, scope: 'case', take: 'dueOn' }, read: pick('listing-decision', (i) => i.validity.to) },
    { field: 'repairNotice.earliestApplyDate', label: '可申请信用修复日期', paragraph: 'noticeConditions', source: { kind: 'repair_eligibility' }, read: pick('listing-decision', (i) => i.repairNotice.earliestApplyDate) },
    { field: 'repairNotice.latestEndDate', label: '最长公示截止日期', paragraph: 'noticeConditions', source: { kind: 'period', keys: PUBLICATION_END, scope: 'case', take: 'dueOn' }, read: pick('listing-decision', (i) => i.repairNotice.latestEndDate) },
  ],
  'objection-acceptance': [
    { field: 'receivedDate', label: '异议收到日期', paragraph: 'intro', source: { kind: 'fact', fact: 'objectionReceivedOn' }, read: pick('objection-acceptance', (i) => i.receivedDate) },
    { field: 'replyDeadline', label: '异议答复期限', paragraph: 'body', source: { kind: 'period', keys: OBJECTION_DECISION_PERIODS, scope: 'objection', take: 'dueOn' }, read: pick('objection-acceptance', (i) => i.replyDeadline) },
  ],
  'objection-decision': [
    { field: 'receivedDate', label: '异议收到日期', paragraph: 'intro', source: { kind: 'fact', fact: 'objectionReceivedOn' }, read: pick('objection-decision', (i) => i.receivedDate) },
  ],
  'repair-acceptance': [
    { field: 'applicationDate', label: '修复申请日期', paragraph: 'intro', source: { kind: 'fact', fact: 'repairAppliedOn' }, read: pick('repair-acceptance', (i) => i.applicationDate) },
    { field: 'decisionDeadline', label: '作出修复决定的期限', paragraph: 'body', source: { kind: 'period', keys: ['repair_decision'], scope: 'repair', take: 'dueOn' }, read: pick('repair-acceptance', (i) => i.decisionDeadline) },
  ],
  'repair-decision': [
    { field: 'applicationDate', label: '修复申请日期', paragraph: 'intro', source: { kind: 'fact', fact: 'repairAppliedOn' }, read: pick('repair-decision', (i) => i.applicationDate) },
    { field: 'effectiveDate', label: '修复生效日期', paragraph: 'granted', source: { kind: 'fact', fact: 'repairDecidedOn' }, read: pick('repair-decision', (i) => (i.outcome === 'granted' ? (i.effectiveDate ?? null) : undefined)) },
  ],
  'removal-decision': [
    { field: 'listingDate', label: '原列入日期', paragraph: 'intro', source: { kind: 'fact', fact: 'listedOn' }, read: pick('removal-decision', (i) => i.listingDate) },
    { field: 'removalDate', label: '移出日期', paragraph: 'body', source: { kind: 'fact', fact: 'endedOn' }, read: pick('removal-decision', (i) => i.removalDate) },
  ],
};

/** The objection a document is about: the named one, else the latest still open, else the latest. */
export function objectionFor(state: CaseState, scopeId?: string) {
  if (scopeId) return state.objections.find((o) => o.objectionId === scopeId);
  return [...state.objections].reverse().find((o) => o.decidedOn === null) ?? state.objections.at(-1);
}

/** The repair application a document is about: the named one, else the latest. */
export function repairFor(state: CaseState, scopeId?: string) {
  return scopeId ? state.repairs.find((r) => r.repairId === scopeId) : state.repairs.at(-1);
}

export type CaseDate =
  | { ok: true; date: IsoDate | null; certainty: Certainty; period: Deadline | null }
  | { ok: false; why: 'absent' | 'unset' | 'paused'; period: Deadline | null };

function scopeOf(state: CaseState, scope: 'case' | 'objection' | 'repair', scopeId?: string): string | null | undefined {
  if (scope === 'case') return null;
  return scope === 'objection' ? objectionFor(state, scopeId)?.objectionId : repairFor(state, scopeId)?.repairId;
}

/** What the case says a date field must be. */
export function caseDate(state: CaseState, source: CaseDateSource, scopeId?: string): CaseDate {
  switch (source.kind) {
    case 'fact': {
      const date =
        source.fact === 'listedOn' ? state.listedOn
        : source.fact === 'endedOn' ? state.endedOn
        : source.fact === 'objectionReceivedOn' ? (objectionFor(state, scopeId)?.receivedOn ?? null)
        : source.fact === 'repairAppliedOn' ? (repairFor(state, scopeId)?.appliedOn ?? null)
        : (repairFor(state, scopeId)?.decidedOn ?? null);
      return date === null ? { ok: false, why: 'absent', period: null } : { ok: true, date, certainty: 'stated', period: null };
    }
    case 'repair_eligibility': {
      const e = state.repairEligibility;
      if (!e) return { ok: false, why: 'absent', period: null };
      if (e.unset) return { ok: false, why: 'unset', period: state.periods.find((p) => p.outcome === 'becomes_eligible' && p.unset) ?? null };
      return { ok: true, date: e.possibleFrom, certainty: e.certainty, period: null };
    }
    case 'period': {
      const scope = scopeOf(state, source.scope, scopeId);
      if (scope === undefined) return { ok: false, why: 'absent', period: null };
      for (const key of source.keys) {
        const p = state.periods.find((x) => x.key === key && x.scopeId === scope && x.scope === source.scope);
        if (!p) continue;
        if (p.unset) return { ok: false, why: 'unset', period: p };
        if (source.take === 'startsOn') return { ok: true, date: p.startsOn, certainty: p.certainty, period: p };
        if (p.dueOn === null) return { ok: false, why: 'paused', period: p };
        return { ok: true, date: p.dueOn, certainty: p.certainty, period: p };
      }
      return { ok: false, why: 'absent', period: null };
    }
  }
}
