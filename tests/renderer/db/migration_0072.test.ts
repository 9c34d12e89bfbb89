import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { migrateTo, openTestDb } from '../../helpers/dexie';

describe('migration 0072: commitments', () => {
  it('adds commitments found by subject', async () => {
    const db = await migrateTo(await openTestDb(71), 72);
    expect(db.verno).toBe(72);
    await db.table('commitments').bulkAdd([{ id: 'K1', subjectId: 'S1', events: [] }, { id: 'K2', subjectId: 'S2', events: [] }]);
    expect(await db.table('commitments').where('subjectId').equals('S2').primaryKeys()).toEqual(['K2']);
    db.close();
  });
});
