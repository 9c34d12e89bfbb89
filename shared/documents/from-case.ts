/**
 * A thin mapping from the folded case state (shared/case) to a document DRAFT: the facts the fold
 * knows (subject, dates, periods) pre-fill the issue form; the officer still writes the facts,
 * basis and reasons, and `checkIssuable` still guards the five required elements.
 */
import type { CaseState } from '../case/state';
import type { SubjectInfo } from './types';
import type { DocumentKind } from './types';

export type CaseDraft = {
  caseId: string | undefined;
  subject: SubjectInfo | undefined;
  /** Values keyed by the document input's field names (as used by the issue form). */
  fields: Record<string, string>;
};

function subjectOf(state: CaseState): SubjectInfo | undefined {
  const s = state.subject;
  if (!s) return undefined;
  const kind: SubjectInfo['kind'] = s.kind === 'natural_person' ? 'natural-person' : s.kind === 'individual_business' ? 'individual-business' : 'legal-person';
  return {
    name: s.name,
    kind,
    idNumber: (kind === 'natural-person' ? s.citizenId : s.uscc) ?? '',
    ...(s.legalRepresentative?.name ? { legalRepresentative: s.legalRepresentative.name } : {}),
  };
}

function put(fields: Record<string, string>, key: string, value: string | null | undefined): void {
  if (value) fields[key] = value;
}

export function draftFromCase(state: CaseState, kind: DocumentKind): CaseDraft {
  const fields: Record<string, string> = {};
  switch (kind) {
    case 'listing-decision':
    case 'repair-notice': {
      const from = state.listedOn ?? state.determinedOn;
      put(fields, 'validFrom', from);
      put(fields, 'validTo', state.validUntil);
      put(fields, 'earliestApplyDate', state.repairEligibleFrom);
      put(fields, 'latestEndDate', state.publicationUntil ?? state.validUntil);
      break;
    }
    case 'prior-notice': {
      const due = state.deadlines.find((d) => d.key === 'pre_notice_statement' && d.dueOn);
      put(fields, 'statementDeadline', due?.dueOn);
      break;
    }
    case 'objection-acceptance':
    case 'objection-decision': {
      const open = [...state.objections].reverse().find((o) => o.decidedOn === null) ?? state.objections.at(-1);
      put(fields, 'receivedDate', open?.receivedOn);
      const due = open ? state.deadlines.find((d) => d.scopeId === open.objectionId && d.dueOn) : undefined;
      put(fields, 'replyDeadline', due?.dueOn);
      if (open?.reasons) fields.reasons = open.reasons;
      break;
    }
    case 'repair-acceptance':
    case 'repair-decision': {
      const repair = state.repairs.at(-1);
      put(fields, 'applicationDate', repair?.appliedOn);
      const due = repair ? state.deadlines.find((d) => d.scopeId === repair.repairId && d.dueOn) : undefined;
      put(fields, 'decisionDeadline', due?.dueOn);
      if (repair?.reasons) fields.reasons = repair.reasons;
      break;
    }
    case 'removal-decision':
      put(fields, 'listingDate', state.listedOn);
      put(fields, 'removalDate', state.endedOn);
      break;
  }
  return { caseId: state.caseId ?? undefined, subject: subjectOf(state), fields };
}
