import { describe, expect, it } from 'vitest';
import {
  applyBucketDelta,
  applyOfficeSettings,
  bucketDeltas,
  caseFactsFrom,
  deadlineOverdueRates,
  disclosureByMonth,
  filterBuckets,
  handlingByMonth,
  jointSanctionStates,
  listingsByMonth,
  monthRange,
  overdueRates,
  PRESET_CY_RE_2020,
  statsFilterOptions,
  statsOutcomeOn,
  statsRowsForCase,
  type StatsBucket,
  type StatsRow,
} from '../../shared';
import { calendar, caseBuilder, determinedPayload, pinOf, serveListing } from './case-helpers';

const set = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: '市住建局', decisionReference: '局务会纪要〔2020〕1号', effectiveFrom: PRESET_CY_RE_2020.effectiveFrom });
if (!set.ok) throw new Error(set.reason);
const CY = set.ruleSet;
const objection = (objectionId: string) => ({ objectionId, applicant: '某某房地产开发有限公司', grounds: ['error' as const], reasons: '处罚决定金额有误', concernsListing: false, channel: 'written' as const });

/** A case with an open objection received 2026-10-08 (15 working days: due 2026-10-29). */
function openObjectionCase(today: string) {
  const b = caseBuilder(CY, { today });
  b.add('determined', '2026-09-01', determinedPayload(pinOf(CY)));
  b.add('listed', '2026-09-02', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  b.add('served', '2026-09-03', serveListing());
  b.add('joint_initiated', '2026-09-04', { platformRef: null });
  b.add('objection_received', '2026-10-08', objection('o9'));
  return b;
}

const ctx = { ruleSet: CY, calendar, township: '城关镇' };

function stored(today: string): StatsRow[] {
  const b = openObjectionCase(today);
  return statsRowsForCase(caseFactsFrom(b.state(today), b.events), ctx);
}

function bucketsOf(rows: readonly StatsRow[]): StatsBucket[] {
  const out = new Map<string, StatsBucket>();
  for (const d of bucketDeltas([], rows)) {
    const next = applyBucketDelta(out.get(d.id), d);
    if (next) out.set(d.id, next);
  }
  return [...out.values()];
}

describe('stored statistics rows do not freeze the day they were written', () => {
  it('rows for the derived table are the same whatever day they are computed, and overdue is decided on reading', () => {
    const early = stored('2026-10-12');
    const late = stored('2026-11-22');
    expect(late).toEqual(early);
    const row = early.find((r) => r.metric === 'objection');
    expect(row).toMatchObject({ outcome: 'open', dueOn: calendar.addWorkingDays('2026-10-08', 15), days: null, limitDays: 15 });
    expect(statsOutcomeOn(row!, '2026-10-12')).toBe('open');
    expect(statsOutcomeOn(row!, '2026-11-22')).toBe('open_overdue');
    expect(overdueRates(early, 'objection', '2026-10-12')).toEqual({});
    expect(overdueRates(early, 'objection', '2026-11-22')).toEqual({ objection_processing: { overdue: 1, total: 1, rate: 1 } });
  });

  it('the 双公示 of a penalty decision keeps its due day while open', () => {
    const row = stored('2026-10-12').find((r) => r.metric === 'disclosure');
    // Decided 2024-02-20: the seventh working day is 2024-02-29.
    expect(row).toMatchObject({ outcome: 'open', dueOn: '2024-02-29' });
    expect(statsOutcomeOn(row!, '2026-10-12')).toBe('open_overdue');
  });
});

describe('statistics buckets', () => {
  const rows = stored('2026-10-12');
  const buckets = bucketsOf(rows);

  it('one bucket per combination; a case rewritten with the same rows changes nothing', () => {
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(rows.length);
    expect(bucketDeltas(rows, rows)).toEqual([]);
  });

  it('moving a row between outcomes moves one count; emptied buckets disappear', () => {
    const decided = rows.map((r) => (r.metric === 'objection' ? { ...r, outcome: 'within' as const, dueOn: null, days: 4 } : r));
    const deltas = bucketDeltas(rows, decided);
    expect(deltas.map((d) => [d.metric, d.outcome, d.count, d.daysSum])).toEqual([
      ['objection', 'open', -1, 0],
      ['objection', 'within', 1, 4],
    ]);
    const openBucket = buckets.find((b) => b.metric === 'objection');
    expect(applyBucketDelta(openBucket, deltas[0]!)).toBeNull();
    expect(() => applyBucketDelta(undefined, deltas[0]!)).toThrow(/negative/);
  });

  it('aggregations for the charts', () => {
    expect(listingsByMonth(buckets)).toEqual([{ month: '2026-09', listings: 1, removals: 0, removalsByReason: {} }]);
    expect(handlingByMonth(buckets, 'objection', '2026-11-22')).toEqual([{ month: '2026-10', within: 0, overdue: 0, open: 0, openOverdue: 1, unset: 0, averageDays: null, averageLimit: 15 }]);
    expect(handlingByMonth(buckets, 'objection', '2026-10-12')[0]).toMatchObject({ open: 1, openOverdue: 0 });
    expect(disclosureByMonth(buckets, '2026-10-12')).toEqual([{ month: '2024-02', within: 0, overdue: 0, open: 0, openOverdue: 1, rate: 0 }]);
    expect(jointSanctionStates(buckets)).toEqual([{ key: 'J0', count: 1 }]);
    const rates = deadlineOverdueRates(buckets, '2026-11-22');
    expect(rates.find((r) => r.key === 'objection_processing')).toEqual({ key: 'objection_processing', overdue: 1, total: 1, rate: 1 });
    expect(rates.find((r) => r.key === 'listing_notice')).toEqual({ key: 'listing_notice', overdue: 0, total: 1, rate: 0 });
  });

  it('filters and their options', () => {
    expect(statsFilterOptions(buckets)).toMatchObject({ townships: ['城关镇'], ruleSetIds: [CY.id], listTypes: ['dishonesty_list'] });
    expect(filterBuckets(buckets, { township: '别的镇' })).toEqual([]);
    expect(filterBuckets(buckets, { from: '2026-10', to: '2026-10' }).every((b) => b.month === '2026-10')).toBe(true);
    expect(monthRange(['2025-11', '2026-02'])).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
