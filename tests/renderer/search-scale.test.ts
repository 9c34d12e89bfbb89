/**
 * Search as officers search (issue 12 §4), on a small synthetic county: every match, paged, with its
 * count; common fragments read one index range (never whole id lists); pinyin initials; natural
 * persons only by exact name or ID; one search box that says which way matched.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseMatches, countCases, searchCases } from '../../renderer/src/desk/cases';
import { countSubjects, registerSubject, searchSubjects, subjectLabel } from '../../renderer/src/desk/subjects';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';
import type { Desk } from '../../renderer/src/desk/desk';
import type { CaseRow, SubjectRow } from '../../renderer/src/db/types';
import { cappedCount, COUNT_CAP, type SearchMatch } from '../../renderer/src/desk/search';
import type { Meter } from '../helpers/db-meter';
import { smallCounty } from '../helpers/county';

async function everyCase(desk: Desk, q: string): Promise<{ ids: string[]; match: SearchMatch | null }> {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const r = await searchCases(desk, q, page, 25);
    ids.push(...r.rows.map((c) => c.id));
    if (!r.hasMore) return { ids, match: r.match };
  }
}

describe('counting matches', () => {
  it('counts distinct keys exactly up to the cap, and says "at least" beyond it (bounded work per keystroke)', async () => {
    const few = await cappedCount(async (n) => ['a', 'a', 'b'].slice(0, n));
    expect(few).toEqual({ count: 2, exact: true });
    const reads: number[] = [];
    const many = await cappedCount(async (n) => {
      reads.push(n);
      return Array.from({ length: n }, (_, i) => `k${i}`);
    });
    expect(many).toEqual({ count: COUNT_CAP, exact: false });
    expect(reads).toEqual([2 * COUNT_CAP]);
  });
});

describe('search at county scale', () => {
  let desk: Desk;
  let meter: Meter;
  let cases: CaseRow[];
  let subjects: SubjectRow[];
  beforeAll(async () => {
    ({ desk, meter } = await smallCounty());
    cases = await desk.db.cases.toArray();
    subjects = await desk.db.subjects.toArray();
    meter.reset();
  });

  it('finds EVERY case whose subject name holds the fragment (not only the first 50 subjects), with the count', async () => {
    const orgCases = (frag: string) => cases.filter((c) => subjects.find((s) => s.id === c.subjectId)?.kind !== 'natural_person' && c.subjectLabel.includes(frag));
    const fragment = '有限公司';
    const expected = orgCases(fragment).map((c) => c.id).sort();
    const subjectsWithCases = new Set(orgCases(fragment).map((c) => c.subjectId));
    expect(subjectsWithCases.size).toBeGreaterThan(50);
    const found = await everyCase(desk, fragment);
    expect(found.match).toBe('name');
    expect([...found.ids].sort()).toEqual(expected);
    expect(new Set(found.ids).size).toBe(found.ids.length);
    expect(await countCases(desk, fragment, 'name')).toEqual({ count: expected.length, exact: true });
  });

  it('reads one page of one index range for a common fragment (no id lists intersected in memory)', async () => {
    const common = subjects.filter((s) => s.kind !== 'natural_person' && (s.name ?? '').includes('示例县')).length;
    expect(common).toBeGreaterThan(200);
    meter.reset();
    const page = await searchSubjects(desk, '示例县', 0, 20);
    expect(page.rows).toHaveLength(20);
    expect(page.hasMore).toBe(true);
    // One page: at most 2 × 21 keys of the name range (repeats removed) and the 21 rows — bounded by
    // the page size, not by the number of matches.
    expect(meter.read('subjects')).toBeLessThanOrEqual(3 * 21);
    expect(meter.read('subjects')).toBeLessThan(common / 3);
    meter.reset();
    const byCase = await searchCases(desk, '建筑工程', 0, 20);
    expect(byCase.rows.length).toBeGreaterThan(0);
    expect(meter.read('caseTerms') + meter.read('cases')).toBeLessThan(80);
    expect(await countSubjects(desk, '示例县', 'name')).toEqual({ count: common, exact: true });
  });

  it('finds an organisation by any substring and by the pinyin initials of its name', async () => {
    const first17 = '91219900MA0XR7M01';
    const r = await registerSubject(desk, { kind: 'legal_person', name: '示例县新锐商贸有限公司', uscc: first17 + computeUsccCheckChar(first17) });
    if (!r.ok) throw new Error(r.reason);
    for (const q of ['xrsm', 'XRSM', '新锐商贸', '锐商', '示例县新锐商贸有限公司']) {
      const r = await searchSubjects(desk, q);
      expect(r.rows.map(subjectLabel), q).toContain('示例县新锐商贸有限公司');
      expect(r.match).toBe('name');
    }
    const rare = subjects.find((s) => s.kind !== 'natural_person' && /[𠮷堃喆玥]/u.test(s.name ?? ''));
    expect(rare).toBeDefined();
    const ch = [...(rare!.name ?? '')].find((c) => /[𠮷堃喆玥]/u.test(c))!;
    const all: string[] = [];
    for (let p = 0; ; p++) {
      const r = await searchSubjects(desk, ch, p, 50);
      all.push(...r.rows.map((s) => s.id));
      if (!r.hasMore) break;
    }
    expect(all).toContain(rare!.id);
  });

  it('pages a name fragment each subject once, even when its name holds the fragment several times', async () => {
    const first17 = '91219900MA0XR7M02';
    const r = await registerSubject(desk, { kind: 'legal_person', name: '示例县垚垚垚垚建材有限公司', uscc: first17 + computeUsccCheckChar(first17) });
    if (!r.ok) throw new Error(r.reason);
    const expected = subjects.filter((s) => s.kind !== 'natural_person' && (s.name ?? '').includes('垚')).length + 1;
    const all: string[] = [];
    for (let p = 0; ; p++) {
      const page = await searchSubjects(desk, '垚', p, 3);
      all.push(...page.rows.map((s) => s.id));
      if (!page.hasMore) break;
    }
    expect(all).toContain(r.subject.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(expected);
  });

  it('finds natural persons only by exact name or ID, and keeps their names out of every index', async () => {
    const person = subjects.find((s) => s.kind === 'natural_person' && [...(s.pii?.name ?? '')].length === 3)!;
    const name = person.pii!.name;
    expect((await searchSubjects(desk, name)).rows.map((s) => s.id)).toContain(person.id);
    expect((await searchSubjects(desk, name)).match).toBe('personName');
    expect((await searchSubjects(desk, person.pii!.idNumber)).rows.map((s) => s.id)).toEqual([person.id]);
    expect((await searchSubjects(desk, person.pii!.idNumber)).match).toBe('citizenId');
    const partial = [...name].slice(1).join('');
    expect((await searchSubjects(desk, partial)).rows.some((s) => s.id === person.id)).toBe(false);
    const terms = [...subjects.filter((s) => s.kind === 'natural_person').flatMap((s) => s.searchTerms), ...(await desk.db.caseTerms.toArray()).flatMap((t) => t.terms)];
    expect(terms.some((t) => t.includes(name))).toBe(false);
    expect(terms.some((t) => t.includes(person.pii!.idNumber))).toBe(false);
  });

  it('one search box finds cases by 案件编号, 依据文号, 文书文号 and code, and says which matched', async () => {
    const c = cases.find((x) => x.lastSeq >= 3)!;
    expect((await searchCases(desk, c.caseNo)).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await searchCases(desk, c.caseNo)).match).toBe('caseNo');
    expect((await searchCases(desk, c.docNos[0]!)).match).toBe('basisNo');
    expect((await searchCases(desk, c.docNos[0]!)).rows.map((r) => r.id)).toContain(c.id);
    const notice = (await desk.db.caseEvents.where('caseId').equals(c.id).toArray()).map((e) => (e.payload as { documentNo?: string }).documentNo).find(Boolean)!;
    const byNotice = await searchCases(desk, notice);
    expect(byNotice.match).toBe('documentNo');
    expect(byNotice.rows.map((r) => r.id)).toContain(c.id);
    const org = subjects.find((s) => s.id === cases.find((x) => subjects.find((s) => s.id === x.subjectId)?.uscc)?.subjectId)!;
    const byCode = await searchCases(desk, org.uscc!);
    expect(byCode.match).toBe('uscc');
    expect(byCode.rows.every((r) => r.subjectId === org.id)).toBe(true);
    expect(byCode.matches).toContain('uscc');
    // The other ways that also find something are read apart, for the switch above the list.
    expect(await caseMatches(desk, c.caseNo)).toEqual(['caseNo']);
    expect(await caseMatches(desk, org.uscc!)).toContain('uscc');
    const word = [...org.name!].slice(3, 5).join('');
    expect(await caseMatches(desk, word)).toContain('name');
    expect((await searchCases(desk, word, 0, 20, 'name')).match).toBe('name');
  });
});
