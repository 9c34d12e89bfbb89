import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0131: local accounts', () => {
  it('adds the users table with a unique login name and leaves earlier tables untouched', async () => {
    const before = await openTestDb(130);
    await seed(before, 'settings', [{ key: 'office', value: { name: '示例办' } }]);
    const db = await migrateTo(before, 131);
    expect(await db.settings.get('office')).toEqual({ key: 'office', value: { name: '示例办' } });
    expect(await db.users.count()).toBe(0);
    const row = { id: 'u1', loginName: 'li', name: '李办', roles: ['clerk'], password: {}, failedCount: 0, lockedUntil: null, active: true, createdAt: 'x', createdBy: 'x', updatedAt: 'x' };
    await db.users.add(row as never);
    await expect(db.users.add({ ...row, id: 'u2' } as never)).rejects.toThrow();
    expect(await db.users.where('loginName').equals('li').primaryKeys()).toEqual(['u1']);
    db.close();
  });
});
