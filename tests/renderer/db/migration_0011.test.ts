import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';

const base = { caseId: 'C1', caseNo: 'N1', subjectLabel: 'x', kind: 'objection_decision', label: '异议处理决定', scopeId: null, basis: '' };

describe('migration 0011: work-list indexes on deadlines', () => {
  it('backfills attention/flagged and makes overdue a key-range query', async () => {
    const db10 = await openTestDb(10);
    await seed(db10, 'deadlines', [
      { ...base, id: 'a', dueDate: '2026-10-09', outcome: 'overdue', provisional: false, unset: false, paused: false },
      { ...base, id: 'b', dueDate: '2026-10-08', outcome: 'window_closes', provisional: true, unset: false, paused: false },
      { ...base, id: 'c', dueDate: '', outcome: 'overdue', provisional: false, unset: true, paused: false },
    ]);
    await seed(db10, 'settings', [{ key: 'office', value: { name: '示例' } }]);
    const db = await migrateTo(db10, 11);
    expect(db.verno).toBe(11);
    const rows = await dump<{ id: string; attention: number; flagged: number }>(db, 'deadlines');
    expect(rows.map((r) => [r.id, r.attention, r.flagged])).toEqual([
      ['a', 1, 0],
      ['b', 0, 1],
      ['c', 1, 1],
    ]);
    const overdue = await db.deadlines.where('[attention+dueDate]').between([1, '1000-01-01'], [1, '2026-10-12']).primaryKeys();
    expect(overdue).toEqual(['a']);
    expect(await dump(db, 'settings')).toEqual([{ key: 'office', value: { name: '示例' } }]);
    db.close();
  });
});
