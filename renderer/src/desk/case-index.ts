/**
 * The rows a case derives for lists and search, built from its fold (pure: the single-act path
 * `rewriteDerived` and the bulk path `importBatch` write the same rows):
 *  - `caseList`: stage, list, severity, township, rule set, 认定 date and the nearest open deadline
 *    (the case list's filters and its sort by due date) — rewritten with each event of that case;
 *  - `caseTerms`: the subject's search terms and code key — written once, when the case is opened;
 *  - `documentNumbers`: each 文号 an event carries — appended with that event.
 */
import type { CaseEvent } from '../../../shared/case/events';
import type { CaseState } from '../../../shared/case/state';
import type { CaseListRow, CaseRow, CaseTermsRow, DeadlineRow, DocumentNumberRow, SubjectRow } from '../db/types';
import { keyTerm } from './search-terms';

/** `nextDue` of a case without an open, dated deadline (sorts last). */
export const NO_DUE_DATE = '9999-12-31';

export function caseListRow(caseRow: CaseRow, state: Pick<CaseState, 'listType'>, deadlines: readonly DeadlineRow[], region: string): CaseListRow {
  const next = deadlines.filter((d) => d.dueDate !== '').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  const nextDue = next?.dueDate ?? NO_DUE_DATE;
  return {
    id: caseRow.id,
    stage: caseRow.state,
    listType: state.listType ?? '',
    severity: caseRow.severity,
    region,
    ruleSetId: caseRow.ruleSetId,
    determinationDate: caseRow.determinationDate,
    nextDue,
    nextDueLabel: next?.label ?? '',
    dueSort: `${nextDue}|${caseRow.id}`,
  };
}

/** A case's search terms: the subject's (name suffixes and initials, or a person's keyed name hash) and its code key. */
export function caseTermsRow(caseId: string, subject: Pick<SubjectRow, 'searchTerms' | 'codeKey'>): CaseTermsRow {
  return { id: caseId, terms: [...new Set([...subject.searchTerms, keyTerm(subject.codeKey)])] };
}

/** The 文号 an event carries (a notice served, a decision listed, a document served …). */
export function documentNumbersOf(caseId: string, event: Pick<CaseEvent, 'payload'>): DocumentNumberRow[] {
  const p = event.payload as { documentNo?: unknown; decisionNo?: unknown };
  const numbers = [p.documentNo, p.decisionNo].filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
  return [...new Set(numbers)].map((no) => ({ id: `${caseId}|${no}`, no, caseId }));
}
