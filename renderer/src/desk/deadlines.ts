/**
 * The work list: open deadlines across all cases, read from the derived `deadlines` table
 * (indexed by dueDate; rewritten per case in the same transaction as each event), so nothing is
 * folded on view. "Overdue" is decided at read time against today.
 */
import type { DeadlineRow } from '../db/types';
import { addDays, dayOfWeek, type IsoDate } from '../../../shared/util/dates';
import type { Desk } from './desk';
import { isActionable } from './cases';

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
 * (migrations 0011, 0062), so its page and its count read only matching keys — no row is filtered
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

/** How many rows a filter shows: 全部 is the table's own count (never a count of the whole dueDate index). */
export async function countDeadlines(desk: Desk, filter: DeadlineFilter, kind?: string): Promise<number> {
  if (filter === 'all' && !kind) return desk.db.deadlines.count();
  return deadlineRange(desk, filter, kind).count();
}

/** For the navigation badge and the start-up reminder: overdue and due-today counts (indexed ranges). */
export async function attentionCounts(desk: Desk): Promise<{ overdue: number; dueToday: number; week: number }> {
  const db = desk.db;
  const today = desk.clock.today();
  const overdue = await db.deadlines.where('[attention+dueDate]').between([1, MIN_DATE], [1, today], true, false).count();
  const dueToday = await db.deadlines.where('dueDate').equals(today).count();
  const week = await db.deadlines.where('dueDate').between(today, endOfWeek(today), false, true).count();
  return { overdue, dueToday, week };
}
