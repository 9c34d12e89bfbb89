import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0082: work-list kind indexes', () => {
  it('keeps every deadline row and makes 期限类型 (alone or with 已逾期 / 暂定) one key range', async () => {
    const db81 = await openTestDb(81);
    const row = { caseId: 'C1', caseNo: 'N', subjectLabel: 'x', label: '', scopeId: null, basis: '', provisional: false, unset: false, paused: false, outcome: 'overdue' };
    await seed(db81, 'deadlines', [
      { ...row, id: 'a', kind: 'objection_decision', dueDate: '2026-10-01', attention: 1, flagged: 0 },
      { ...row, id: 'b', kind: 'objection_decision', dueDate: '2026-12-01', attention: 1, flagged: 1 },
      { ...row, id: 'c', kind: 'listing_notice', dueDate: '2026-09-01', attention: 1, flagged: 0 },
    ]);
    const db = await migrateTo(db81, 82);
    expect(await db.deadlines.count()).toBe(3);
    expect(await db.deadlines.where('[kind+dueDate]').between(['objection_decision', ''], ['objection_decision', '9999'], true, true).primaryKeys()).toEqual(['a', 'b']);
    expect(await db.deadlines.where('[attention+kind+dueDate]').between([1, 'objection_decision', ''], [1, 'objection_decision', '2026-10-12']).primaryKeys()).toEqual(['a']);
    expect(await db.deadlines.where('[flagged+kind+dueDate]').between([1, 'objection_decision', ''], [1, 'objection_decision', '9999']).primaryKeys()).toEqual(['b']);
    db.close();
  });
});
