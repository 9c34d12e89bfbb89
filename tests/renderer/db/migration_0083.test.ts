import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0083: per-day deadline counts', () => {
  it('backfills one row per due date with totals, attention, flagged and per-kind counts', async () => {
    const db82 = await openTestDb(82);
    const row = { caseId: 'C1', caseNo: 'N', subjectLabel: 'x', label: '', scopeId: null, basis: '', provisional: false, unset: false, paused: false, outcome: 'overdue' };
    await seed(db82, 'deadlines', [
      { ...row, id: 'a', kind: 'objection_decision', dueDate: '2026-10-01', attention: 1, flagged: 0 },
      { ...row, id: 'b', kind: 'listing_notice', dueDate: '2026-10-01', attention: 0, flagged: 1 },
      { ...row, id: 'c', kind: 'listing_notice', dueDate: '', attention: 1, flagged: 1 },
    ]);
    const db = await migrateTo(db82, 83);
    expect(await dump(db, 'deadlineDays')).toEqual([
      { dueDate: '', total: 1, attention: 1, flagged: 1, kinds: { listing_notice: [1, 1, 1] } },
      { dueDate: '2026-10-01', total: 2, attention: 1, flagged: 1, kinds: { objection_decision: [1, 1, 0], listing_notice: [1, 0, 1] } },
    ]);
    expect(await db.deadlines.count()).toBe(3);
    db.close();
  });
});
