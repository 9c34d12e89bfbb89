/**
 * The work list and the case list at scale (issue 12 §2, issue 9 §2): 全部 is a table count, the kind
 * filter one key range (never a scan, never twice), an act on one case rewrites only that case's
 * derived rows, and the case list filters read one range in due-date order.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionCounts, countDeadlines, listDeadlines } from '../../renderer/src/desk/deadlines';
import { recordAct } from '../../renderer/src/desk/cases';
import { caseRegions, countListedCases, listCases, saveCaseListFilter, savedCaseListFilter } from '../../renderer/src/desk/case-list';
import type { Desk } from '../../renderer/src/desk/desk';
import type { CaseListRow, DeadlineRow } from '../../renderer/src/db/types';
import type { Meter } from '../helpers/db-meter';
import { COUNTY_TODAY, smallCounty } from '../helpers/county';

describe('work list and case list on a synthetic county', () => {
  let desk: Desk;
  let meter: Meter;
  let deadlines: DeadlineRow[];
  beforeAll(async () => {
    ({ desk, meter } = await smallCounty({ seed: 5 }));
    deadlines = await desk.db.deadlines.toArray();
    meter.reset();
  });

  it('全部 and the badge add up per-day counts: no index range of deadlines is counted', async () => {
    meter.reset();
    const all = await listDeadlines(desk, { filter: 'all' });
    expect(all.total).toBe(deadlines.length);
    const badge = await attentionCounts(desk);
    expect(badge.overdue).toBe(deadlines.filter((d) => d.attention === 1 && d.dueDate !== '' && d.dueDate < COUNTY_TODAY).length);
    expect(badge.dueToday).toBe(deadlines.filter((d) => d.dueDate === COUNTY_TODAY).length);
    expect(meter.counts).toEqual([]);
    expect(meter.read('deadlines')).toBe(21);
  });

  it('keeps the per-day counts equal to the rows through acts on cases', async () => {
    for (const c of await desk.db.cases.where('state').anyOf('D2', 'D5').limit(6).toArray()) {
      const r = await recordAct(desk, c.id, c.state === 'D2' ? { type: 'exempted', occurredOn: COUNTY_TODAY, payload: { reason: '轻微偶发，已及时改正' } } : { type: 'objection_received', occurredOn: COUNTY_TODAY, payload: { objectionId: `OBJ-days-${c.id}`, applicant: c.subjectLabel, grounds: ['error'], reasons: '认为有误', concernsListing: false, channel: 'written' } });
      if (!r.ok && r.code !== 'case_ended') throw new Error(r.reason);
    }
    const rows = await desk.db.deadlines.toArray();
    const days = await desk.db.deadlineDays.toArray();
    expect(days.reduce((n, d) => n + d.total, 0)).toBe(rows.length);
    for (const d of days) {
      const of = rows.filter((r) => r.dueDate === d.dueDate);
      expect([d.total, d.attention, d.flagged]).toEqual([of.length, of.filter((r) => r.attention).length, of.filter((r) => r.flagged).length]);
      for (const [kind, [t]] of Object.entries(d.kinds)) expect(t).toBe(of.filter((r) => r.kind === kind).length);
    }
  });

  it('the kind filter reads one key range: page and count, no row filtered in memory', async () => {
    deadlines = await desk.db.deadlines.toArray();
    const kind = deadlines.map((d) => d.kind).sort().find((k, i, a) => a.filter((x) => x === k).length > 25)!;
    const expected = deadlines.filter((d) => d.kind === kind).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    meter.reset();
    const page = await listDeadlines(desk, { filter: 'all', kind, pageSize: 20 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(0, 20).map((r) => r.id));
    expect(meter.read('deadlines')).toBe(21);
    const overdue = deadlines.filter((d) => d.kind === kind && d.attention === 1 && d.dueDate !== '' && d.dueDate < COUNTY_TODAY);
    expect(await countDeadlines(desk, 'overdue', kind)).toBe(overdue.length);
    const flagged = deadlines.filter((d) => d.kind === kind && d.flagged === 1);
    expect(await countDeadlines(desk, 'provisional', kind)).toBe(flagged.length);
  });

  it('an act on one case rewrites only that case’s derived rows (the work list stays incremental)', async () => {
    const c = (await desk.db.cases.where('state').equals('D5').first())!;
    meter.reset();
    const r = await recordAct(desk, c.id, { type: 'objection_received', occurredOn: COUNTY_TODAY, payload: { objectionId: 'OBJ-test-1', applicant: c.subjectLabel, grounds: ['error'], reasons: '认为事实有误', concernsListing: false, channel: 'written' } });
    if (!r.ok) throw new Error(r.reason);
    const touched = ['deadlines', 'objections', 'repairs', 'caseList', 'documentNumbers', 'cases'].flatMap((t) => meter.written(t).map((k) => [t, k] as const));
    expect(touched.length).toBeGreaterThan(0);
    for (const [table, key] of touched) {
      if (table === 'objections') expect(key).toBe('OBJ-test-1');
      else if (key.startsWith('range:')) expect(key).toBe(`range:${c.id}…${c.id}`);
      else expect(key.startsWith(c.id), `${table} ${key}`).toBe(true);
    }
    // No other case's deadline was read in order to update the list.
    expect(meter.read('deadlines')).toBeLessThanOrEqual(deadlines.filter((d) => d.caseId === c.id).length + 1);
  });

  it('filters the case list by stage, list, severity, township, 认定 date and rule set, nearest deadline first', async () => {
    const rows = await desk.db.caseList.toArray();
    const region = (await caseRegions(desk))[0]!;
    expect((await caseRegions(desk)).sort()).toEqual([...new Set(rows.map((r) => r.region))].sort());
    const filters = [{}, { stage: 'D5' }, { region }, { stage: 'D5', severity: 'severe' }, { listType: 'severe_dishonesty_list' }, { ruleSetId: 'HLJ-2022', determinedFrom: '2025-01-01', determinedTo: '2026-06-30' }, { region, stage: rows.find((r) => r.region === region)!.stage }];
    for (const f of filters) {
      const match = (r: CaseListRow) => Object.entries(f).every(([k, v]) => (k === 'determinedFrom' ? r.determinationDate >= v : k === 'determinedTo' ? r.determinationDate <= v : (r as Record<string, unknown>)[k] === v));
      const expected = rows.filter(match).sort((a, b) => a.dueSort.localeCompare(b.dueSort)).map((r) => r.id);
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      const got = await listCases(desk, f, 0, 10_000);
      expect(got.map((c) => c.id), JSON.stringify(f)).toEqual(expected);
      expect(await countListedCases(desk, f)).toBe(expected.length);
      const second = await listCases(desk, f, 5, 5);
      expect(second.map((c) => c.id)).toEqual(expected.slice(5, 10));
    }
    const latestFirst = await listCases(desk, { descending: true }, 0, 3);
    expect(latestFirst.map((c) => c.id)).toEqual(rows.sort((a, b) => b.dueSort.localeCompare(a.dueSort)).slice(0, 3).map((r) => r.id));
  });

  it('remembers the case-list filter on this device', async () => {
    expect(await savedCaseListFilter(desk)).toEqual({});
    await saveCaseListFilter(desk, { stage: 'D5', severity: 'severe' });
    expect(await savedCaseListFilter(desk)).toEqual({ stage: 'D5', severity: 'severe' });
  });
});
