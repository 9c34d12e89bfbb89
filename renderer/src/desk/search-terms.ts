/**
 * Search terms: what the indexes of the search tables hold, and how a typed query becomes an index
 * range. One place for it, used by the subjects' and cases' search, the bulk write path and the
 * migrations that backfill older rows.
 *
 * Design (docs/search.md):
 *  - An organisation's name is public. It is indexed by every suffix of its normalised name and
 *    every suffix of its pinyin initials, each cut to TERM_LENGTH characters; "any substring" is
 *    then one index range (`startsWith`), never an intersection of id lists in memory. 示例县新锐商贸
 *    有限公司 yields …「新锐商贸有限公司」… and …「XRSMYXGS」…, so both 锐商 and xrsm find it.
 *  - A natural person's name and ID number never appear in an index: they are found only by exact
 *    keyed hashes (HMAC with this device's secret, subjects.ts), so encrypting `pii` at rest keeps
 *    every index as it is.
 *  - Queries longer than TERM_LENGTH use their first TERM_LENGTH characters as the range and are
 *    checked against the whole name (rare and selective).
 */
import { pinyin } from 'pinyin-pro';
import { normalizeIdentifierInput } from '../../../shared/identifiers/normalize';

/** Index terms are cut to this many characters (keeps keys small; longer queries are re-checked). */
export const TERM_LENGTH = 8;

/** Name normalisation for search: full-width → half-width, no spaces or punctuation, upper case. */
export function normalizeName(name: string): string {
  return normalizeIdentifierInput(name).replace(/[()（）·,，.。、\-—_"“”'‘’《》〈〉【】[\]:：#]/g, '');
}

/**
 * Terms that are not name fragments (keyed hashes of a person's name or ID, code keys) start with
 * this character, which a normalised query never contains: no name range can reach them.
 */
export const KEY_TERM_PREFIX = '#';

export function keyTerm(key: string): string {
  return `${KEY_TERM_PREFIX}${key}`;
}

/**
 * Pinyin initials of a normalised name, one character per character of the name: a Han character
 * gives its initial (pinyin-pro reads polyphones in context: 银行 → YH), anything else stays as it is.
 */
export function pinyinInitials(normalized: string): string {
  const chars = [...normalized];
  if (chars.length === 0) return '';
  const initials = pinyin(normalized, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'spaced' });
  // pinyin-pro returns one entry per character with nonZh 'spaced'; fall back per character otherwise.
  const parts = initials.length === chars.length ? initials : chars.map((c) => pinyin(c, { pattern: 'first', toneType: 'none' }));
  return parts.map((p, i) => (p && /^[a-z]$/i.test(p) ? p : chars[i]!)).join('').toUpperCase();
}

function suffixes(text: string, into: Set<string>): void {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) into.add(chars.slice(i, i + TERM_LENGTH).join(''));
}

/** The index terms of an organisation's name: suffixes of the name and of its pinyin initials. */
export function organisationNameTerms(name: string): string[] {
  const normalized = normalizeName(name);
  const terms = new Set<string>();
  suffixes(normalized, terms);
  suffixes(pinyinInitials(normalized), terms);
  return [...terms];
}

/** The range key of a name query (the first TERM_LENGTH characters of its normalised form). */
export function nameQueryKey(query: string): string {
  return [...normalizeName(query)].slice(0, TERM_LENGTH).join('');
}

/** Whether a name (or its initials) really contains the whole query (for queries longer than a term). */
export function nameContains(name: string, query: string): boolean {
  const q = normalizeName(query);
  const n = normalizeName(name);
  return n.includes(q) || pinyinInitials(n).includes(q);
}

/** Whether a query is longer than an index term (the range must be re-checked against names). */
export function needsRecheck(query: string): boolean {
  return [...normalizeName(query)].length > TERM_LENGTH;
}

/**
 * A query that looks like a code: 统一社会信用代码 (prefix, 2–18 characters) or 公民身份号码
 * (exact). Returns the normalised code or null.
 */
export function codeQuery(query: string): string | null {
  const code = normalizeIdentifierInput(query);
  return /^[0-9A-Z]{2,18}$/.test(code) && /\d/.test(code) ? code : null;
}
