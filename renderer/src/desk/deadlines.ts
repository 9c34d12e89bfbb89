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

export async function listDeadlines(desk: Desk, q: DeadlineQuery): Promise<{ rows: DeadlineRow[]; hasMore: boolean; total: number }> {
  const db = desk.db;
  const today = desk.clock.today();
  const page = q.page ?? 0;
  const size = q.pageSize ?? 20;
  let coll;
  switch (q.filter) {
    case 'overdue':
      coll = db.deadlines.where('[attention+dueDate]').between([1, MIN_DATE], [1, today], true, false);
      break;
    case 'today':
      coll = db.deadlines.where('dueDate').equals(today);
      break;
    case 'week':
      coll = db.deadlines.where('dueDate').between(today, endOfWeek(today), true, true);
      break;
    case 'provisional':
      coll = db.deadlines.where('[flagged+dueDate]').between([1, ''], [1, '\uffff'], true, true);
      break;
    default:
      coll = db.deadlines.orderBy('dueDate');
  }
  if (q.kind) {
    const kind = q.kind;
    coll = coll.and((d) => d.kind === kind);
  }
  if (q.descending) coll = coll.reverse();
  const total = await coll.clone().count();
  const rows = await coll.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), hasMore: rows.length > size, total };
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
