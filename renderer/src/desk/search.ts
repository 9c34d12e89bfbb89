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

/** A count of matches: exact, or (beyond COUNT_CAP) "at least `count`" — the rows stay reachable by scrolling. */
export type SearchCount = { count: number; exact: boolean };

/**
 * Counting stops here: counting a range costs time per entry (Chromium: ≈ 8 µs), and IndexedDB runs
 * one request after another, so counting 有限公司 over a whole county would delay the next keystroke.
 */
export const COUNT_CAP = 5000;

/** Counts distinct keys among the first 2 × COUNT_CAP keys a range gives (`read(limit)`). */
export async function cappedCount(read: (limit: number) => Promise<string[]>, key: (k: string) => string = (k) => k): Promise<SearchCount> {
  const keys = await read(2 * COUNT_CAP);
  const distinct = new Set(keys.map(key)).size;
  return keys.length < 2 * COUNT_CAP ? { count: distinct, exact: true } : { count: Math.min(distinct, COUNT_CAP), exact: false };
}

export type SearchSource<T> = {
  match: SearchMatch;
  /** Rows `offset … offset + limit` of this way, in index order. */
  page(offset: number, limit: number): Promise<T[]>;
  count(): Promise<SearchCount>;
};

/**
 * Keys `offset … offset + limit` of a multi-entry range, each record once. Reads keys in bulk
 * (getAllKeys) and removes repeats here: a cursor with `distinct()` costs one round trip per entry.
 */
export async function distinctKeysPage(read: (limit: number) => Promise<string[]>, offset: number, limit: number): Promise<string[]> {
  const wanted = offset + limit;
  for (let n = Math.max(2 * wanted, 40); ; n *= 4) {
    const keys = await read(n);
    const unique = [...new Set(keys)];
    if (unique.length >= wanted || keys.length < n) return unique.slice(offset, wanted);
  }
}

/**
 * Rows `offset … offset + limit` of a multi-entry range, each record once, read as rows in one
 * getAll (when the index is on the rows' own table): the same page as distinctKeysPage + bulkGet
 * in one request instead of one per row.
 */
export async function distinctRowsPage<T extends { id: string }>(read: (limit: number) => Promise<T[]>, offset: number, limit: number): Promise<T[]> {
  const wanted = offset + limit;
  for (let n = wanted + Math.max(4, Math.ceil(wanted / 4)); ; n *= 4) {
    const rows = await read(n);
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    if (unique.length >= wanted || rows.length < n) return unique.slice(offset, wanted);
  }
}

/**
 * A way whose index key needs something read first (a natural person's keyed hash needs this
 * device's secret): it is built only when tried, so queries matched before it never pay for it.
 */
export function lazySource<T>(match: SearchMatch, make: () => Promise<SearchSource<T>>): SearchSource<T> {
  return { match, page: async (offset, limit) => (await make()).page(offset, limit), count: async () => (await make()).count() };
}

/** A page of search results: `match` is the way the rows were found (null: no query, or no hit). */
export type SearchPage<T> = Page<T> & { match: SearchMatch | null; matches: SearchMatch[] };

export async function firstPage<T>(read: (offset: number, limit: number) => Promise<T[]>, page: number, pageSize: number): Promise<SearchPage<T>> {
  const rows = await read(page * pageSize, pageSize + 1);
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, match: null, matches: [] };
}

/** The order in which the ways are tried, by the shape of the query. */
const ORDERS: Record<'document' | 'code' | 'name', readonly SearchMatch[]> = {
  document: ['caseNo', 'documentNo', 'basisNo', 'name', 'personName', 'uscc', 'citizenId'],
  code: ['citizenId', 'uscc', 'caseNo', 'basisNo', 'documentNo', 'name', 'personName'],
  name: ['name', 'personName', 'caseNo', 'documentNo', 'basisNo', 'uscc', 'citizenId'],
};

/** A 文号 or case number (brackets, 号), a code (ASCII with a digit), or a name. */
export function queryShape(query: string): keyof typeof ORDERS {
  if (/[〔〕[\]［］号]/.test(query)) return 'document';
  return /^[0-9A-Za-z\s]+$/.test(query.trim()) && /\d/.test(query) ? 'code' : 'name';
}

function ordered<T>(sources: readonly SearchSource<T>[], query: string, prefer?: SearchMatch | null): SearchSource<T>[] {
  const order = ORDERS[queryShape(query)];
  const rank = (s: SearchSource<T>) => (s.match === prefer ? -1 : order.indexOf(s.match));
  return [...sources].sort((a, b) => rank(a) - rank(b));
}

/**
 * Tries the ways one after the other (the preferred first, then in the order the query's shape
 * suggests) and returns the page of the first that has hits: a typical query costs the one range
 * read of its way. Which other ways also have hits is read apart (searchMatches), after the rows.
 */
export async function runSearch<T>(sources: readonly SearchSource<T>[], query: string, page: number, pageSize: number, prefer?: SearchMatch | null): Promise<SearchPage<T>> {
  for (const source of ordered(sources, query, prefer)) {
    const rows = await source.page(page * pageSize, pageSize + 1);
    if (rows.length > 0 || (page > 0 && (await source.page(0, 1)).length > 0)) {
      return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize, match: source.match, matches: [source.match] };
    }
  }
  return { rows: [], hasMore: false, match: null, matches: [] };
}

/** Every way that has hits for the query (one key each, in parallel), in the order they are tried. */
export async function searchMatches<T>(sources: readonly SearchSource<T>[], query: string): Promise<SearchMatch[]> {
  const list = ordered(sources, query);
  const probes = await Promise.all(list.map((s) => s.page(0, 1)));
  return list.filter((_, i) => probes[i]!.length > 0).map((s) => s.match);
}
