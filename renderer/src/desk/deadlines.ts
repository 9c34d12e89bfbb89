/**
 * The work list: open deadlines across all cases, read from the derived `deadlines` table
 * (indexed by dueDate; rewritten per case in the same transaction as each event), so nothing is
 * folded on view. "Overdue" is decided at read time against today.
 */
import type { DeadlineRow } from '../db/types';
import { addDays, dayOfWeek, type IsoDate } from '../../../shared/util/dates';
import type { Desk } from './desk';
import { isActionable } from './cases';
import { sumDays } from './deadline-days';

export type DeadlineFilter = 'all' | 'overdue' | 'today' | 'week' | 'provisional';

const MIN_DATE = '1000-01-01';

export function endOfWeek(today: IsoDate): IsoDate {
  // ISO weekday: Monday = 1 … Sunday = 7; the week ends on Sunday.
  return addDays(today, 7 - dayOfWeek(today));
}

export function isOverdue(row: Pick<DeadlineRow, 'dueDate' | 'outcome'>, today: IsoDate): boolean {
  return row.dueDate !== '' && row.dueDate < today && isActionable(row.outcome);
}

export type DeadlineQuery = { filter: DeadlineFilter; descending?: boolean; page?: number; pageSize?: number; kind?: string };

const MAX_DATE = '9999-12-31';

/**
 * The index range of a filter (and kind): every filter is ONE key range of a compound index
 * (migrations 0011, 0082), so its page and its count read only matching keys — no row is filtered
 * in memory and nothing is scanned twice.
 */
function deadlineRange(desk: Desk, filter: DeadlineFilter, kind: string | undefined) {
  const db = desk.db;
  const today = desk.clock.today();
  const dates: Record<DeadlineFilter, [string, string, boolean]> = {
    all: ['', MAX_DATE, true],
    overdue: [MIN_DATE, today, false],
    today: [today, today, true],
    week: [today, endOfWeek(today), true],
    provisional: ['', MAX_DATE, true],
  };
  const [from, to, includeTo] = dates[filter];
  if (filter === 'overdue') return kind ? db.deadlines.where('[attention+kind+dueDate]').between([1, kind, from], [1, kind, to], true, includeTo) : db.deadlines.where('[attention+dueDate]').between([1, from], [1, to], true, includeTo);
  if (filter === 'provisional') return kind ? db.deadlines.where('[flagged+kind+dueDate]').between([1, kind, from], [1, kind, to], true, includeTo) : db.deadlines.where('[flagged+dueDate]').between([1, from], [1, to], true, includeTo);
  return kind ? db.deadlines.where('[kind+dueDate]').between([kind, from], [kind, to], true, includeTo) : db.deadlines.where('dueDate').between(from, to, true, includeTo);
}

export async function listDeadlines(desk: Desk, q: DeadlineQuery): Promise<{ rows: DeadlineRow[]; hasMore: boolean; total: number }> {
  const page = q.page ?? 0;
  const size = q.pageSize ?? 20;
  const range = () => deadlineRange(desk, q.filter, q.kind);
  const ordered = q.descending ? range().reverse() : range();
  const [rows, total] = await Promise.all([ordered.offset(page * size).limit(size + 1).toArray(), countDeadlines(desk, q.filter, q.kind)]);
  return { rows: rows.slice(0, size), hasMore: rows.length > size, total };
}

/**
 * How many rows a filter shows, added up from the per-day counts (desk/deadline-days.ts): one
 * primary-key range of day rows, never a count of an index range (Chromium counts entry by entry).
 */
export async function countDeadlines(desk: Desk, filter: DeadlineFilter, kind?: string): Promise<number> {
  const db = desk.db;
  const today = desk.clock.today();
  switch (filter) {
    case 'overdue':
      return (await sumDays(db, MIN_DATE, today, false, kind)).attention;
    case 'today':
      return (await sumDays(db, today, today, true, kind)).total;
    case 'week':
      return (await sumDays(db, today, endOfWeek(today), true, kind)).total;
    case 'provisional':
      return (await sumDays(db, '', MAX_DATE, true, kind)).flagged;
    default:
      return (await sumDays(db, '', MAX_DATE, true, kind)).total;
  }
}

/** For the navigation badge and the start-up reminder: overdue and due-today counts (from the day counts). */
export async function attentionCounts(desk: Desk): Promise<{ overdue: number; dueToday: number; week: number }> {
  const db = desk.db;
  const today = desk.clock.today();
  const [overdue, dueToday, week] = await Promise.all([sumDays(db, MIN_DATE, today, false), sumDays(db, today, today, true), sumDays(db, addDays(today, 1), endOfWeek(today), true)]);
  return { overdue: overdue.attention, dueToday: dueToday.total, week: week.total };
}
