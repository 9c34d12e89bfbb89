/**
 * The case list (案件): filtered by stage, list, severity, township, 认定 date and rule set, sorted by
 * the nearest open deadline, read from the derived `caseList` table (migration 0081). The filter
 * officers use most (stage, else township) picks ONE key range in due-date order; the others are
 * checked on the small rows of that range, so a page reads only as far as it needs. The filter is
 * remembered on this device (a preference, not an audited setting).
 */
import type { CaseListRow, CaseRow } from '../db/types';
import type { Desk } from './desk';
import { getSetting, putPreference } from './settings';
import { NO_DUE_DATE } from './case-index';

export type CaseListFilter = {
  stage?: string;
  listType?: string;
  severity?: string;
  region?: string;
  ruleSetId?: string;
  /** 认定日期 range (inclusive, YYYY-MM-DD). */
  determinedFrom?: string;
  determinedTo?: string;
  /** Latest deadline first. */
  descending?: boolean;
};

export type CaseListItem = CaseRow & Pick<CaseListRow, 'listType' | 'region' | 'nextDue' | 'nextDueLabel'>;

export const CASE_LIST_FILTER_KEY = 'caseListFilter';

function range(desk: Desk, f: CaseListFilter) {
  const t = desk.db.caseList;
  const base = f.stage ? t.where('[stage+dueSort]').between([f.stage, ''], [f.stage, '\uffff']) : f.region !== undefined ? t.where('[region+dueSort]').between([f.region, ''], [f.region, '\uffff']) : t.orderBy('dueSort');
  const rest = (r: CaseListRow) =>
    (f.listType === undefined || r.listType === f.listType) &&
    (f.severity === undefined || r.severity === f.severity) &&
    (f.region === undefined || r.region === f.region) &&
    (f.ruleSetId === undefined || r.ruleSetId === f.ruleSetId) &&
    (f.determinedFrom === undefined || r.determinationDate >= f.determinedFrom) &&
    (f.determinedTo === undefined || r.determinationDate <= f.determinedTo);
  const checked = f.listType !== undefined || f.severity !== undefined || (f.region !== undefined && !!f.stage) || f.ruleSetId !== undefined || f.determinedFrom !== undefined || f.determinedTo !== undefined;
  const ordered = f.descending ? base.reverse() : base;
  return { collection: checked ? ordered.and(rest) : ordered, checked };
}

/** Cases `offset … offset + limit` of the filtered list, nearest deadline first (or last). */
export async function listCases(desk: Desk, filter: CaseListFilter, offset: number, limit: number): Promise<CaseListItem[]> {
  const keys = await range(desk, filter).collection.offset(offset).limit(limit).toArray();
  const cases = await desk.db.cases.bulkGet(keys.map((k) => k.id));
  return keys.flatMap((k, i) => {
    const c = cases[i];
    return c ? [{ ...c, listType: k.listType, region: k.region, nextDue: k.nextDue === NO_DUE_DATE ? '' : k.nextDue, nextDueLabel: k.nextDueLabel }] : [];
  });
}

/** How many cases the filter shows (a key-range count, or the table's count when nothing is filtered). */
export async function countListedCases(desk: Desk, filter: CaseListFilter): Promise<number> {
  const { collection, checked } = range(desk, filter);
  if (!checked && !filter.stage && filter.region === undefined) return desk.db.caseList.count();
  return collection.count();
}

/** The townships that have cases (one key per township: a skip over the `[region+dueSort]` index). */
export async function caseRegions(desk: Desk): Promise<string[]> {
  const out: string[] = [];
  let next = await desk.db.caseList.orderBy('[region+dueSort]').first();
  while (next) {
    out.push(next.region);
    next = await desk.db.caseList.where('[region+dueSort]').above([next.region, '\uffff']).first();
  }
  return out;
}

export async function savedCaseListFilter(desk: Desk): Promise<CaseListFilter> {
  return (await getSetting<CaseListFilter>(desk.db, CASE_LIST_FILTER_KEY)) ?? {};
}

export async function saveCaseListFilter(desk: Desk, filter: CaseListFilter): Promise<void> {
  await putPreference(desk, CASE_LIST_FILTER_KEY, filter);
}
