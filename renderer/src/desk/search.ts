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
 * Reads the page of the preferred source (or the first) while probing the others with one key each,
 * all in parallel; when the first has no hit, the page of the first source that has one is read.
 */
export async function runSearch<T>(sources: readonly SearchSource<T>[], page: number, pageSize: number, prefer?: SearchMatch | null): Promise<SearchPage<T>> {
  const first = sources.find((s) => s.match === prefer) ?? sources[0];
  if (!first) return { rows: [], hasMore: false, match: null, matches: [] };
  // Only IndexedDB requests are awaited (this runs inside live queries' read transactions).
  const results = await Promise.all(sources.map((s) => (s === first ? s.page(page * pageSize, pageSize + 1) : s.page(0, 1))));
  const rows = results[sources.indexOf(first)]!;
  const others = sources.filter((s, i) => s !== first && results[i]!.length > 0);
  const hasFirst = rows.length > 0 || (page > 0 && (await first.page(0, 1)).length > 0);
  const matches = sources.filter((s) => (s === first ? hasFirst : others.includes(s))).map((s) => s.match);
  if (hasFirst) return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, match: first.match, matches };
  const active = others[0];
  if (!active) return { rows: [], hasMore: false, match: null, matches: [] };
  const next = await active.page(page * pageSize, pageSize + 1);
  return { rows: next.slice(0, pageSize), hasMore: next.length > pageSize, match: active.match, matches };
}
