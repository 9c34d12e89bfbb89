import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { migrateTo, openTestDb } from '../../helpers/dexie';

describe('migration 0071: credit grading tables', () => {
  it('adds credit records and points entries by subject, profiles by subject, scheme and policy versions, draws by time', async () => {
    const db = await migrateTo(await openTestDb(70), 71);
    expect(db.verno).toBe(71);
    await db.table('creditRecords').bulkAdd([{ id: 'case:C1', subjectId: 'S1' }, { id: 'case:C2', subjectId: 'S2' }]);
    expect(await db.table('creditRecords').where('subjectId').equals('S1').primaryKeys()).toEqual(['case:C1']);
    await db.table('pointsEntries').add({ id: 'E1', subjectId: 'S1' });
    expect(await db.table('pointsEntries').where('subjectId').equals('S1').count()).toBe(1);
    await db.table('subjectCredit').put({ subjectId: 'S1', awards: [] });
    expect(await db.table('subjectCredit').get('S1')).toEqual({ subjectId: 'S1', awards: [] });
    await db.table('pointsSchemes').add({ id: 'ZJ-CX-ACC-2021@2' });
    await db.table('samplingPolicies').add({ id: 'HEBEI-6-2@2' });
    await db.table('sampleDraws').bulkAdd([{ id: 'D1', at: '2026-10-12T01:00:00.000Z' }, { id: 'D2', at: '2026-10-13T01:00:00.000Z' }]);
    expect(await db.table('sampleDraws').orderBy('at').reverse().primaryKeys()).toEqual(['D2', 'D1']);
    db.close();
  });
});
