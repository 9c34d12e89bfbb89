import type { IsoDate } from '../util/dates';
import { countsInOverdueRate, matchesStatsFilter, statsOutcomeOn, type StatsFilter, type StatsMetric, type StatsOutcome, type StatsRow } from './stats';

/**
 * The 统计 page reads counts, not rows: the desk keeps, next to each case's `stats` rows, a table of
 * buckets — one per combination of the filter dimensions (month, township, behaviour category, rule
 * set, list type), the metric's key and outcome (and, for open instances, the due day, so that
 * overdue is decided when the page is read). A case write changes only the buckets its rows move
 * between (`bucketDeltas` of the case's rows before and after), so the page cost depends on the
 * number of buckets, not on the number of cases.
 */
export type StatsBucketDims = Pick<StatsRow, 'metric' | 'month' | 'township' | 'behaviourCategory' | 'ruleSetId' | 'listType' | 'key' | 'outcome' | 'dueOn' | 'limitDays'>;

export type StatsBucket = StatsBucketDims & {
  id: string;
  count: number;
  /** Sum of handling days of the rows that have them, and how many have them (averages). */
  daysSum: number;
  daysCount: number;
};

export type BucketDelta = StatsBucketDims & { id: string; count: number; daysSum: number; daysCount: number };

export function bucketIdOf(d: StatsBucketDims): string {
  return [d.metric, d.month, d.township, d.behaviourCategory, d.ruleSetId, d.listType, d.key, d.outcome, d.dueOn ?? '', d.limitDays ?? ''].join('|');
}

function dimsOf(r: StatsRow): StatsBucketDims {
  return { metric: r.metric, month: r.month, township: r.township, behaviourCategory: r.behaviourCategory, ruleSetId: r.ruleSetId, listType: r.listType, key: r.key, outcome: r.outcome, dueOn: r.dueOn, limitDays: r.limitDays };
}

/** How the buckets change when a case's rows go from `before` to `after` (zero changes left out). */
export function bucketDeltas(before: readonly StatsRow[], after: readonly StatsRow[]): BucketDelta[] {
  const out = new Map<string, BucketDelta>();
  const add = (r: StatsRow, sign: 1 | -1): void => {
    const dims = dimsOf(r);
    const id = bucketIdOf(dims);
    const d = out.get(id) ?? { ...dims, id, count: 0, daysSum: 0, daysCount: 0 };
    d.count += sign;
    if (r.days !== null) {
      d.daysSum += sign * r.days;
      d.daysCount += sign;
    }
    out.set(id, d);
  };
  for (const r of before) add(r, -1);
  for (const r of after) add(r, 1);
  return [...out.values()].filter((d) => d.count !== 0 || d.daysSum !== 0 || d.daysCount !== 0);
}

/** The bucket after a delta; null when it is empty (the desk deletes it). */
export function applyBucketDelta(bucket: StatsBucket | undefined, delta: BucketDelta): StatsBucket | null {
  const next: StatsBucket = bucket
    ? { ...bucket, count: bucket.count + delta.count, daysSum: bucket.daysSum + delta.daysSum, daysCount: bucket.daysCount + delta.daysCount }
    : { ...delta };
  if (next.count < 0 || next.daysCount < 0) throw new Error(`stats bucket ${delta.id} would go negative`);
  return next.count === 0 ? null : next;
}

/** Buckets matching a filter (months 'YYYY-MM' inclusive). */
export function filterBuckets(buckets: readonly StatsBucket[], filter: StatsFilter): StatsBucket[] {
  return buckets.filter((b) => matchesStatsFilter(b, filter));
}

export type StatsFilterOptions = { months: string[]; townships: string[]; behaviourCategories: string[]; ruleSetIds: string[]; listTypes: string[] };

/** The values each filter can take (from the buckets themselves). */
export function statsFilterOptions(buckets: readonly StatsBucket[]): StatsFilterOptions {
  const sorted = (pick: (b: StatsBucket) => string): string[] => [...new Set(buckets.map(pick).filter((v) => v !== ''))].sort();
  return { months: sorted((b) => b.month), townships: sorted((b) => b.township), behaviourCategories: sorted((b) => b.behaviourCategory), ruleSetIds: sorted((b) => b.ruleSetId), listTypes: sorted((b) => b.listType) };
}

/** Consecutive months from the first to the last (so a chart shows empty months too). */
export function monthRange(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const of = (buckets: readonly StatsBucket[], metric: StatsMetric) => buckets.filter((b) => b.metric === metric);
const sum = (buckets: readonly StatsBucket[]) => buckets.reduce((n, b) => n + b.count, 0);

/** 列入与移出: per month, listings and removals (removals also per end reason). */
export function listingsByMonth(buckets: readonly StatsBucket[]): { month: string; listings: number; removals: number; removalsByReason: Record<string, number> }[] {
  const listing = of(buckets, 'listing');
  const removal = of(buckets, 'removal');
  return monthRange([...listing, ...removal].map((b) => b.month)).map((month) => {
    const removed = removal.filter((b) => b.month === month);
    const byReason: Record<string, number> = {};
    for (const b of removed) byReason[b.key] = (byReason[b.key] ?? 0) + b.count;
    return { month, listings: sum(listing.filter((b) => b.month === month)), removals: sum(removed), removalsByReason: byReason };
  });
}

export type HandlingSummary = {
  month: string;
  within: number;
  overdue: number;
  open: number;
  openOverdue: number;
  unset: number;
  /** Average working days of the closed instances (null: none closed). */
  averageDays: number | null;
  /** Average limit in working days of the instances that have one (null: none). */
  averageLimit: number | null;
};

function tally(buckets: readonly StatsBucket[], today: IsoDate): Record<StatsOutcome, number> {
  const t: Record<StatsOutcome, number> = { within: 0, overdue: 0, open: 0, open_overdue: 0, unset: 0, none: 0 };
  for (const b of buckets) t[statsOutcomeOn(b, today)] += b.count;
  return t;
}

/** 异议 / 信用修复 handling: per month received, the outcomes on `today` and the average days against the limit. */
export function handlingByMonth(buckets: readonly StatsBucket[], metric: 'objection' | 'repair', today: IsoDate): HandlingSummary[] {
  const rows = of(buckets, metric);
  return monthRange(rows.map((b) => b.month)).map((month) => {
    const inMonth = rows.filter((b) => b.month === month);
    const t = tally(inMonth, today);
    const closed = inMonth.filter((b) => b.outcome === 'within' || b.outcome === 'overdue' || b.outcome === 'unset');
    const daysCount = closed.reduce((n, b) => n + b.daysCount, 0);
    const limited = inMonth.filter((b) => b.limitDays !== null);
    const limitCount = sum(limited);
    return {
      month,
      within: t.within,
      overdue: t.overdue,
      open: t.open,
      openOverdue: t.open_overdue,
      unset: t.unset,
      averageDays: daysCount === 0 ? null : closed.reduce((n, b) => n + b.daysSum, 0) / daysCount,
      averageLimit: limitCount === 0 ? null : limited.reduce((n, b) => n + (b.limitDays ?? 0) * b.count, 0) / limitCount,
    };
  });
}

export type RateRow = { key: string; overdue: number; total: number; rate: number | null };

/** 各类期限逾期率: per period key, the share of closed-or-late instances that were late, on `today`. */
export function deadlineOverdueRates(buckets: readonly StatsBucket[], today: IsoDate): RateRow[] {
  const out = new Map<string, RateRow>();
  for (const b of of(buckets, 'deadline')) {
    const outcome = statsOutcomeOn(b, today);
    if (!countsInOverdueRate(outcome)) continue;
    const row = out.get(b.key) ?? { key: b.key, overdue: 0, total: 0, rate: null };
    row.total += b.count;
    if (outcome !== 'within') row.overdue += b.count;
    out.set(b.key, row);
  }
  return [...out.values()].map((r) => ({ ...r, rate: r.total === 0 ? null : r.overdue / r.total })).sort((a, b) => a.key.localeCompare(b.key));
}

/** 双公示按期率: per month decided, within / late / open / open and late, and the within-limit rate. */
export function disclosureByMonth(buckets: readonly StatsBucket[], today: IsoDate): { month: string; within: number; overdue: number; open: number; openOverdue: number; rate: number | null }[] {
  const rows = of(buckets, 'disclosure');
  return monthRange(rows.map((b) => b.month)).map((month) => {
    const t = tally(rows.filter((b) => b.month === month), today);
    const judged = t.within + t.overdue + t.open_overdue;
    return { month, within: t.within, overdue: t.overdue, open: t.open, openOverdue: t.open_overdue, rate: judged === 0 ? null : t.within / judged };
  });
}

/** 联合奖惩: cases per joint-sanction state. */
export function jointSanctionStates(buckets: readonly StatsBucket[]): { key: string; count: number }[] {
  const out = new Map<string, number>();
  for (const b of of(buckets, 'joint_sanction')) out.set(b.key, (out.get(b.key) ?? 0) + b.count);
  return [...out.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
}
