import type { Migration } from './types';
import type { DeadlineRow } from '../types';
import { dayRowsOf } from '../../desk/deadline-days';

/**
 * Per-day counts of open deadlines (`deadlineDays`, primary key = due date, no secondary index): the
 * badge and the work list's totals add up a range of days instead of counting an index range, which
 * Chromium does entry by entry. Backfilled from the stored deadline rows.
 */
export const migration0083: Migration = {
  version: 83,
  name: 'deadline-days',
  stores: { deadlineDays: 'dueDate' },
  upgrade: async (tx) => {
    const rows: DeadlineRow[] = [];
    await tx.table('deadlines').each((r: DeadlineRow) => rows.push(r));
    await tx.table('deadlineDays').bulkPut(dayRowsOf(rows));
  },
};
