import type { Migration } from './types';
import type { CaseEventRow, CaseRow, SubjectRow } from '../types';
import { keyTerm, organisationNameTerms } from '../../desk/search-terms';
import { caseTermsRow, documentNumbersOf } from '../../desk/case-index';

type OldSubjectRow = Omit<SubjectRow, 'searchTerms'> & { searchGrams?: string[]; searchTerms?: string[] };

/**
 * Search at county scale (docs/search.md):
 *  - `subjects.*searchTerms` replaces `*searchGrams` (bigrams whose id lists were intersected in
 *    memory): suffixes of an organisation's name and of its pinyin initials, so any fragment is one
 *    index range; a natural person keeps only the keyed hash of the name, now '#'-prefixed so that no
 *    name range reaches it;
 *  - `caseTerms` (one row per case: its subject's terms and code key) finds every case of every
 *    subject whose name or code matches, paged — not only the cases of the first 50 subjects;
 *  - `documentNumbers` (one row per 文号 an event carries) finds a case by a notice's or decision's 文号.
 * Backfills all three from the stored rows.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'search-terms',
  stores: {
    subjects: 'id, &codeKey, kind, *searchTerms, createdAt',
    caseTerms: 'id, *terms',
    documentNumbers: 'id, no, caseId',
  },
  upgrade: async (tx) => {
    await tx
      .table('subjects')
      .toCollection()
      .modify((row: OldSubjectRow) => {
        row.searchTerms = row.kind === 'natural_person' ? (row.searchGrams ?? []).map((k) => (k.startsWith('#') ? k : keyTerm(k))) : organisationNameTerms(row.name ?? '');
        delete row.searchGrams;
      });
    const subjects = new Map<string, SubjectRow>();
    await tx.table('subjects').each((s: SubjectRow) => subjects.set(s.id, s));
    const terms: ReturnType<typeof caseTermsRow>[] = [];
    await tx.table('cases').each((c: CaseRow) => {
      const subject = subjects.get(c.subjectId);
      if (subject) terms.push(caseTermsRow(c.id, subject));
    });
    await tx.table('caseTerms').bulkPut(terms);
    const numbers: ReturnType<typeof documentNumbersOf> = [];
    await tx.table('caseEvents').each((e: CaseEventRow) => numbers.push(...documentNumbersOf(e.caseId, e)));
    await tx.table('documentNumbers').bulkPut(numbers);
  },
};
