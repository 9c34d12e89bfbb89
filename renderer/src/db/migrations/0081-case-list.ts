import type { Migration } from './types';
import type { CaseEventRow, CaseRow, DeadlineRow, SubjectRow } from '../types';
import { caseListRow } from '../../desk/case-index';

/**
 * The case list at county scale (docs/search.md): `caseList`, one row per case with its filter keys
 * (stage, list, severity, township, rule set, 认定 date) and `dueSort` (nearest open deadline + id),
 * indexed as `dueSort`, `[stage+dueSort]` and `[region+dueSort]` — the filters officers use most read
 * one key range in due-date order; the rest are checked on the rows of that range. Backfilled from the
 * stored cases, their deadlines, their subjects' township and their last list decision.
 */
export const migration0081: Migration = {
  version: 81,
  name: 'case-list',
  stores: {
    caseList: 'id, dueSort, [stage+dueSort], [region+dueSort]',
  },
  upgrade: async (tx) => {
    const regions = new Map<string, string>();
    await tx.table('subjects').each((s: SubjectRow) => regions.set(s.id, s.region ?? ''));
    const deadlines = new Map<string, DeadlineRow[]>();
    await tx.table('deadlines').each((d: DeadlineRow) => deadlines.set(d.caseId, [...(deadlines.get(d.caseId) ?? []), d]));
    const listTypes = new Map<string, string>();
    await tx.table('caseEvents').each((e: CaseEventRow) => {
      if (e.type === 'determined' && !listTypes.has(e.caseId)) listTypes.set(e.caseId, e.payload.listType);
      if (e.type === 'listed') listTypes.set(e.caseId, e.payload.listType);
    });
    const rows: ReturnType<typeof caseListRow>[] = [];
    await tx.table('cases').each((c: CaseRow) => {
      rows.push(caseListRow(c, { listType: (listTypes.get(c.id) ?? null) as never }, deadlines.get(c.id) ?? [], regions.get(c.subjectId) ?? ''));
    });
    await tx.table('caseList').bulkPut(rows);
  },
};
