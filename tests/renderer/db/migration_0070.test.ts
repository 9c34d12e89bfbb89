import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0070: statistics tables', () => {
  it('adds stats (by case), statsBuckets (by metric and month) and penaltyDisclosures, leaving case data alone', async () => {
    const db31 = await openTestDb(31);
    await seed(db31, 'settings', [{ key: 'office', value: { officeId: '示例', name: '示例' } }]);
    const db = await migrateTo(db31, 70);
    expect(db.verno).toBe(70);
    await db.table('stats').bulkAdd([{ id: 'C1|listing||', caseId: 'C1', metric: 'listing', month: '2026-01' }, { id: 'C2|listing||', caseId: 'C2', metric: 'listing', month: '2026-02' }]);
    expect(await db.table('stats').where('caseId').equals('C1').primaryKeys()).toEqual(['C1|listing||']);
    await db.table('statsBuckets').bulkAdd([{ id: 'a', metric: 'listing', month: '2026-01', count: 1 }, { id: 'b', metric: 'listing', month: '2026-03', count: 2 }, { id: 'c', metric: 'removal', month: '2026-02', count: 1 }]);
    expect(await db.table('statsBuckets').where('[metric+month]').between(['listing', '2026-01'], ['listing', '2026-02']).primaryKeys()).toEqual(['a']);
    await db.table('penaltyDisclosures').add({ id: 'C1|罚1', caseId: 'C1', documentNo: '罚1', disclosedOn: '2026-01-05' });
    expect(await db.table('penaltyDisclosures').where('caseId').equals('C1').count()).toBe(1);
    expect(await dump(db, 'settings')).toEqual([{ key: 'office', value: { officeId: '示例', name: '示例' } }]);
    db.close();
  });
});
