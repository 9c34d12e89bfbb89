/**
 * The per-day counts of open deadlines (`deadlineDays`, migration 0083), changed in the same
 * transaction as the deadline rows they count. Every writer of `deadlines` goes through
 * `changeDeadlines` (the single-act path, the bulk path, the holiday refresh), so the counts never
 * drift; reading them (`sumDays`) reads one primary-key range of small rows — no index is counted.
 */
import type { CreditDeskDb } from '../db/database';
import type { DeadlineDayRow, DeadlineRow } from '../db/types';

type Delta = Map<string, DeadlineDayRow>;

function emptyDay(dueDate: string): DeadlineDayRow {
  return { dueDate, total: 0, attention: 0, flagged: 0, kinds: {} };
}

function add(delta: Delta, rows: readonly DeadlineRow[], sign: 1 | -1): void {
  for (const r of rows) {
    const day = delta.get(r.dueDate) ?? emptyDay(r.dueDate);
    const k = day.kinds[r.kind] ?? [0, 0, 0];
    day.total += sign;
    day.attention += sign * r.attention;
    day.flagged += sign * r.flagged;
    day.kinds[r.kind] = [k[0] + sign, k[1] + sign * r.attention, k[2] + sign * r.flagged];
    delta.set(r.dueDate, day);
  }
}

/** Applies per-day changes to the stored counts (inside the caller's transaction). */
async function applyDelta(db: CreditDeskDb, delta: Delta): Promise<void> {
  if (delta.size === 0) return;
  const days = [...delta.keys()];
  const stored = await db.deadlineDays.bulkGet(days);
  const next: DeadlineDayRow[] = [];
  const empty: string[] = [];
  days.forEach((d, i) => {
    const before = stored[i] ?? emptyDay(d);
    const change = delta.get(d)!;
    const kinds = { ...before.kinds };
    for (const [kind, [t, a, f]] of Object.entries(change.kinds)) {
      const k = kinds[kind] ?? [0, 0, 0];
      const sum: [number, number, number] = [k[0] + t, k[1] + a, k[2] + f];
      if (sum[0] === 0) delete kinds[kind];
      else kinds[kind] = sum;
    }
    const row = { dueDate: d, total: before.total + change.total, attention: before.attention + change.attention, flagged: before.flagged + change.flagged, kinds };
    if (row.total === 0) empty.push(d);
    else next.push(row);
  });
  await db.deadlineDays.bulkPut(next);
  if (empty.length > 0) await db.deadlineDays.bulkDelete(empty);
}

/**
 * Replaces deadline rows: `removed` leave (unless written again in `added`), `added` are written,
 * and the day counts follow. Tables `deadlines` and `deadlineDays` must be in the transaction.
 */
export async function changeDeadlines(db: CreditDeskDb, removed: readonly DeadlineRow[], added: readonly DeadlineRow[]): Promise<void> {
  const delta: Delta = new Map();
  add(delta, removed, -1);
  add(delta, added, 1);
  const keep = new Set(added.map((r) => r.id));
  const gone = removed.filter((r) => !keep.has(r.id)).map((r) => r.id);
  if (gone.length > 0) await db.deadlines.bulkDelete(gone);
  await db.deadlines.bulkPut(added);
  await applyDelta(db, delta);
}

export type DaySums = { total: number; attention: number; flagged: number };

/** Sums the day counts of `[from, to]` (`includeTo`), for one kind or all. */
export async function sumDays(db: CreditDeskDb, from: string, to: string, includeTo: boolean, kind?: string): Promise<DaySums> {
  const rows = from === to ? (includeTo ? [await db.deadlineDays.get(from)].filter((r): r is DeadlineDayRow => !!r) : []) : await db.deadlineDays.where(':id').between(from, to, true, includeTo).toArray();
  const sums: DaySums = { total: 0, attention: 0, flagged: 0 };
  for (const r of rows) {
    const k = kind ? (r.kinds[kind] ?? [0, 0, 0]) : [r.total, r.attention, r.flagged];
    sums.total += k[0]!;
    sums.attention += k[1]!;
    sums.flagged += k[2]!;
  }
  return sums;
}

/** The day counts of a set of deadline rows (backfill and checks). */
export function dayRowsOf(rows: readonly DeadlineRow[]): DeadlineDayRow[] {
  const delta: Delta = new Map();
  add(delta, rows, 1);
  return [...delta.values()];
}
