/**
 * The one search box: a query is tried against every way a record can be found (案件编号, 文书文号,
 * 依据文号, codes, names, pinyin initials …). Each way is a `SearchSource` over ONE index range; the
 * result says which way matched and which others have hits, so nothing is silently dropped and the
 * officer can switch. Rows are read a page at a time; the count is read apart (after the rows are
 * shown), because counting a common fragment's range costs more than its first page.
 */
import type { Page } from './desk';

export type SearchMatch = 'caseNo' | 'documentNo' | 'basisNo' | 'uscc' | 'citizenId' | 'personName' | 'name';

export const SEARCH_MATCH_LABELS: Record<SearchMatch, string> = {
  caseNo: '案件编号',
  documentNo: '文书文号',
  basisNo: '依据文号',
  uscc: '统一社会信用代码',
  citizenId: '公民身份号码',
  personName: '自然人姓名',
  name: '名称（含拼音首字母）',
};

export type SearchSource<T> = {
  match: SearchMatch;
  /** Rows `offset … offset + limit` of this way, in index order. */
  page(offset: number, limit: number): Promise<T[]>;
  count(): Promise<number>;
};

/** A page of search results: `match` is the way the rows were found (null: no query, or no hit). */
export type SearchPage<T> = Page<T> & { match: SearchMatch | null; matches: SearchMatch[] };

export async function firstPage<T>(read: (offset: number, limit: number) => Promise<T[]>, page: number, pageSize: number): Promise<SearchPage<T>> {
  const rows = await read(page * pageSize, pageSize + 1);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, match: null, matches: [] };
}

/**
 * Probes every source (one key each, in parallel), then reads the page of the preferred source, or
 * of the first that has hits.
 */
export async function runSearch<T>(sources: readonly SearchSource<T>[], page: number, pageSize: number, prefer?: SearchMatch | null): Promise<SearchPage<T>> {
  const probes = await Promise.all(sources.map(async (s) => ((await s.page(0, 1)).length > 0 ? s : null)));
  const hits = probes.filter((s): s is SearchSource<T> => s !== null);
  const active = hits.find((s) => s.match === prefer) ?? hits[0];
  if (!active) return { rows: [], hasMore: false, match: null, matches: [] };
  const rows = await active.page(page * pageSize, pageSize + 1);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, match: active.match, matches: hits.map((s) => s.match) };
}
