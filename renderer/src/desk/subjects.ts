/**
 * Credit subjects (信用主体) and the links between organisations and responsible persons.
 *
 * - Codes are checked by shared/identifiers; the normalised code is what is stored.
 * - `codeKey` is unique: the same 统一社会信用代码 / 公民身份号码 never makes two subjects.
 * - Natural persons' names and ID numbers sit only in `pii`; they are found through keyed hashes
 *   (HMAC with this device's secret), so encrypting `pii` later keeps the schema shape.
 * - Organisation names are searched through the multi-entry index `searchTerms` (suffixes of the
 *   name and of its pinyin initials, ./search-terms.ts): any substring is one index range, paged,
 *   never a table scan and never an intersection of id lists in memory.
 */
import type { LinkRole, PersonalData, SubjectKind, SubjectLinkRow, SubjectOrgType, SubjectRow } from '../db/types';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { checkCitizenId } from '../../../shared/identifiers/citizen-id';
import { normalizeIdentifierInput } from '../../../shared/identifiers/normalize';
import { fromHex, hmacSha256Hex } from '../../../shared/util/sha256';
import type { Desk } from './desk';
import { codeQuery, keyTerm, nameContains, nameQueryKey, needsRecheck, normalizeName, organisationNameTerms } from './search-terms';
import { cappedCount, distinctRowsPage, firstPage, lazySource, runSearch, searchMatches, type SearchCount, type SearchMatch, type SearchPage, type SearchSource } from './search';
import { lookupSecret } from './device';
import { deskWrite, refuseWrite, type DeskRefused } from './write';

export type RegisterSubjectInput =
  | { kind: Exclude<SubjectKind, 'natural_person'>; name: string; uscc: string; orgType?: SubjectOrgType; region?: string; categoryFlags?: string[] }
  | { kind: 'natural_person'; pii: PersonalData; region?: string; categoryFlags?: string[] };

export type RegisterResult = { ok: true; subject: SubjectRow } | DeskRefused;

export { normalizeName };

/** Unique bigrams of a normalised name (a one-character name yields itself); for similarity only. */
export function nameGrams(name: string): string[] {
  const n = [...normalizeName(name)];
  if (n.length <= 1) return n.length ? [n.join('')] : [];
  const grams = new Set<string>();
  for (let i = 0; i < n.length - 1; i++) grams.add(n[i]! + n[i + 1]!);
  return [...grams];
}


export function personCodeKey(secretHex: string, idNumber: string): string {
  return `P:${hmacSha256Hex(fromHex(secretHex), `id:${normalizeIdentifierInput(idNumber)}`)}`;
}

export function personNameKey(secretHex: string, name: string): string {
  return `N:${hmacSha256Hex(fromHex(secretHex), `name:${normalizeName(name)}`)}`;
}

/**
 * Display label inside the office: the full name (the office's own staff work with its own
 * subjects; masking applies to what leaves the office — publication lists, exports, sync).
 */
export function subjectLabel(s: SubjectRow): string {
  return s.kind === 'natural_person' ? (s.pii?.name ?? '') : (s.name ?? '');
}

export async function findByCode(desk: Desk, code: string): Promise<SubjectRow | undefined> {
  const db = desk.db;
  const n = normalizeIdentifierInput(code);
  if (n.length === 18 && checkUscc(n).ok) {
    const org = await db.subjects.get({ codeKey: `U:${n}` });
    if (org) return org;
  }
  if (n.length === 18 && checkCitizenId(n).ok) return db.subjects.get({ codeKey: personCodeKey(await lookupSecret(db, desk.ids), n) });
  return undefined;
}

export type SimilarSubject = { subject: SubjectRow; score: number };

/** Organisations whose names share most bigrams with `name` (for flagging likely duplicates). */
export async function findSimilarSubjects(desk: Desk, name: string, excludeId?: string): Promise<SimilarSubject[]> {
  const db = desk.db;
  const grams = nameGrams(name);
  if (grams.length === 0) return [];
  const counts = new Map<string, number>();
  for (const g of grams) {
    // Names containing the bigram: one range of the suffix index (a suffix starting with it).
    const keys = await db.subjects.where('searchTerms').startsWith(g).distinct().limit(200).primaryKeys();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const candidates = [...counts.entries()].filter(([id, c]) => id !== excludeId && c / grams.length >= 0.5).sort((a, b) => b[1] - a[1]).slice(0, 10);
  const rows = await db.subjects.bulkGet(candidates.map(([id]) => id));
  const out: SimilarSubject[] = [];
  rows.forEach((row) => {
    if (!row || row.kind === 'natural_person') return;
    const other = nameGrams(row.name ?? '');
    const shared = other.filter((g) => grams.includes(g)).length;
    const score = shared / Math.max(grams.length, other.length);
    if (score >= 0.5) out.push({ subject: row, score });
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The stored row of a new subject, or a refusal (code checked by shared/identifiers). Shared by
 * registerSubject and the bulk path (importBatch), so both write the same shape.
 */
export function subjectRowFor(desk: Desk, input: RegisterSubjectInput, secretHex: string, createdAt: string, createdBy: string): { ok: true; row: SubjectRow } | DeskRefused {
  if (input.kind === 'natural_person') {
    const name = input.pii.name.trim();
    if (!name) return { ok: false, code: 'name_missing', field: 'name', reason: '请填写姓名' };
    const check = checkCitizenId(input.pii.idNumber);
    if (!check.ok) return { ok: false, code: check.code, field: 'idNumber', reason: check.reason };
    return {
      ok: true,
      row: {
        id: desk.ids(),
        kind: 'natural_person',
        codeKey: personCodeKey(secretHex, check.normalized),
        pii: { ...input.pii, name, idNumber: check.normalized },
        searchTerms: [keyTerm(personNameKey(secretHex, name))],
        categoryFlags: input.categoryFlags ?? [],
        ...(input.region ? { region: input.region } : {}),
        createdAt,
        createdBy,
      },
    };
  }
  const name = input.name.trim();
  if (!name) return { ok: false, code: 'name_missing', field: 'name', reason: '请填写名称' };
  const check = checkUscc(input.uscc);
  if (!check.ok) return { ok: false, code: check.code, field: 'uscc', reason: check.reason };
  return {
    ok: true,
    row: {
      id: desk.ids(),
      kind: input.kind,
      codeKey: `U:${check.normalized}`,
      uscc: check.normalized,
      name,
      ...(input.orgType ? { orgType: input.orgType } : {}),
      searchTerms: organisationNameTerms(name),
      categoryFlags: input.categoryFlags ?? [],
      ...(input.region ? { region: input.region } : {}),
      createdAt,
      createdBy,
    },
  };
}

/** The refusal for a code that is already registered (one subject per code). */
export function codeRegisteredRefusal(row: SubjectRow, existing: SubjectRow): DeskRefused {
  const what = row.kind === 'natural_person' ? '该公民身份号码' : '该统一社会信用代码';
  return { ok: false, code: 'code_registered', reason: `${what}已登记为主体「${subjectLabel(existing)}」，同一代码不能登记两个主体。`, field: row.kind === 'natural_person' ? 'idNumber' : 'uscc', existingId: existing.id };
}

/** 登记主体: checks the code (shared/identifiers), refuses a second subject with the same code. */
export async function registerSubject(desk: Desk, input: RegisterSubjectInput): Promise<RegisterResult> {
  const key = await lookupSecret(desk.db, desk.ids);
  const built = subjectRowFor(desk, input, key, desk.clock.now(), desk.session.actor().name);
  if (!built.ok) return built;
  const row = built.row;
  return deskWrite(desk, ['subjects'], async (w) => {
    const existing = await desk.db.subjects.get({ codeKey: row.codeKey });
    if (existing) {
      const refused = codeRegisteredRefusal(row, existing);
      refuseWrite(refused.code, refused.reason, { field: refused.field!, existingId: existing.id });
    }
    await desk.db.subjects.add(row);
    await w.audit('登记主体', 'subject', row.id);
    await w.outbox('subject-upsert', row.id, row);
    return { ok: true as const, subject: row };
  });
}

/** 关联责任人 (法定代表人、主要责任人…): an organisation and a registered natural person. */
export async function linkResponsiblePerson(desk: Desk, orgId: string, personId: string, role: LinkRole): Promise<{ ok: true; link: SubjectLinkRow } | DeskRefused> {
  const db = desk.db;
  return deskWrite(desk, ['subjects', 'subjectLinks'], async (w) => {
    const [org, person] = await db.subjects.bulkGet([orgId, personId]);
    if (!org || org.kind === 'natural_person') refuseWrite('link_not_org', '只能为单位主体关联责任人');
    if (!person || person.kind !== 'natural_person') refuseWrite('link_not_person', '责任人必须是已登记的自然人主体');
    const existing = await db.subjectLinks.where('fromSubjectId').equals(orgId).filter((l) => l.toSubjectId === personId && l.role === role && !l.voided).first();
    if (existing) refuseWrite('link_exists', `该自然人已是本单位的${role}`);
    const link: SubjectLinkRow = { id: desk.ids(), fromSubjectId: orgId, toSubjectId: personId, role, createdAt: w.at, createdBy: w.actor.name };
    await db.subjectLinks.add(link);
    await w.audit(`关联${role}`, 'subjectLink', link.id, { orgId, personId, role });
    return { ok: true as const, link };
  });
}

/** 作废关联 (never deleted: 黑龙江条例 第三十六条 forbids 违规删除); the reason is required. */
export async function voidLink(desk: Desk, linkId: string, reason: string): Promise<{ ok: true } | DeskRefused> {
  if (!reason.trim()) return { ok: false, code: 'void_reason_missing', reason: '作废关联必须说明理由' };
  return deskWrite(desk, ['subjectLinks'], async (w) => {
    const link = await desk.db.subjectLinks.get(linkId);
    if (!link) refuseWrite('link_unknown', '找不到该关联');
    if (link.voided) refuseWrite('link_voided', '该关联已作废');
    await desk.db.subjectLinks.update(linkId, { voided: { at: w.at, by: w.actor.name, reason: reason.trim() } });
    await w.audit('作废关联', 'subjectLink', linkId, { reason: reason.trim() });
    return { ok: true as const };
  });
}

export type LinkedPerson = { link: SubjectLinkRow; person: SubjectRow };

export async function linkedPersons(desk: Desk, orgId: string): Promise<LinkedPerson[]> {
  const db = desk.db;
  const links = await db.subjectLinks.where('fromSubjectId').equals(orgId).filter((l) => !l.voided).toArray();
  const persons = await db.subjects.bulkGet(links.map((l) => l.toSubjectId));
  return links.flatMap((link, i) => (persons[i] ? [{ link, person: persons[i]! }] : []));
}


export async function getSubject(desk: Desk, id: string): Promise<SubjectRow | undefined> {
  return desk.db.subjects.get(id);
}

/** The ways a subject is found (one search box; the page says which one matched). */
export function subjectSources(desk: Desk, query: string): SearchSource<SubjectRow>[] {
  const secret = () => lookupSecret(desk.db, desk.ids);
  const db = desk.db;
  const q = query.trim();
  const sources: SearchSource<SubjectRow>[] = [];
  const code = codeQuery(q);
  if (code && code.length === 18 && checkCitizenId(code).ok) {
    sources.push(lazySource('citizenId', async () => {
      const key = personCodeKey(await secret(), code);
      return { match: 'citizenId', page: (offset, limit) => db.subjects.where('codeKey').equals(key).offset(offset).limit(limit).toArray(), count: () => cappedCount((n) => db.subjects.where('codeKey').equals(key).limit(n).primaryKeys()) };
    }));
  }
  if (code) {
    const range = () => db.subjects.where('codeKey').startsWith(`U:${code}`);
    sources.push({ match: 'uscc', page: (offset, limit) => range().offset(offset).limit(limit).toArray(), count: () => cappedCount((n) => range().limit(n).primaryKeys()) });
  }
  sources.push(lazySource('personName', async () => {
    const personKey = keyTerm(personNameKey(await secret(), q));
    return { match: 'personName', page: (offset, limit) => db.subjects.where('searchTerms').equals(personKey).offset(offset).limit(limit).toArray(), count: () => cappedCount((n) => db.subjects.where('searchTerms').equals(personKey).limit(n).primaryKeys()) };
  }));
  const key = nameQueryKey(q);
  if (key) {
    const recheck = needsRecheck(q);
    const range = () => {
      const c = db.subjects.where('searchTerms').startsWith(key).distinct();
      return recheck ? c.and((s) => s.kind !== 'natural_person' && nameContains(s.name ?? '', q)) : c;
    };
    sources.push({
      match: 'name',
      page: async (offset, limit) => {
        if (recheck) return range().offset(offset).limit(limit).toArray();
        // The rows themselves in one getAll (a bulkGet after the keys costs a request per row),
        // each subject once: a name may hold the fragment twice.
        return distinctRowsPage((n) => db.subjects.where('searchTerms').startsWith(key).limit(n).toArray(), offset, limit);
      },
      // Keys only (one getAllKeys), deduplicated here: a name may hold the fragment twice.
      count: () => cappedCount((n) => (recheck ? range() : db.subjects.where('searchTerms').startsWith(key)).limit(n).primaryKeys()),
    });
  }
  return sources;
}

/**
 * One search box over subjects: by 统一社会信用代码 (prefix), 公民身份号码 (exact, keyed hash), a
 * natural person's exact name (keyed hash), or any part of an organisation's name or of its pinyin
 * initials. Paged; says which way matched (`match`) and which others have hits (`matches`).
 * Empty query → newest subjects first. The count is read apart (countSubjects), after the rows.
 */
export async function searchSubjects(desk: Desk, query: string, page = 0, pageSize = 20, prefer?: SearchPage<SubjectRow>['match']): Promise<SearchPage<SubjectRow>> {
  const db = desk.db;
  if (!query.trim()) return firstPage((offset, limit) => db.subjects.orderBy('createdAt').reverse().offset(offset).limit(limit).toArray(), page, pageSize);
  return runSearch(subjectSources(desk, query), query, page, pageSize, prefer);
}

/** The ways the query finds subjects (for the switch above the list; read after the rows). */
export async function subjectMatches(desk: Desk, query: string): Promise<SearchMatch[]> {
  if (!query.trim()) return [];
  return searchMatches(subjectSources(desk, query), query);
}

/** How many subjects the search finds in the way that matched (read after the rows are shown). */
export async function countSubjects(desk: Desk, query: string, match: SearchPage<SubjectRow>['match']): Promise<SearchCount> {
  if (!query.trim()) return { count: await desk.db.subjects.count(), exact: true };
  const source = subjectSources(desk, query).find((s) => s.match === match);
  return source ? source.count() : { count: 0, exact: true };
}
