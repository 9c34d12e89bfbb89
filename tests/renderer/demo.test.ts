import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { loadDemoData } from '../../renderer/src/db/demo';
import { attentionCounts } from '../../renderer/src/db/repositories/deadlines';
import { verifyAllCases } from '../../renderer/src/db/repositories/cases';
import { uniqueDbName } from '../helpers/dexie';

describe('载入演示数据', () => {
  it('loads a fictional county with cases in several stages, once', async () => {
    const db = new CreditDeskDb(uniqueDbName('demo'));
    const r = await loadDemoData(db, '2026-10-12');
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, cases: 5 });
    const names = (await db.subjects.toArray()).map((s) => s.name ?? s.pii?.name ?? '');
    expect(names.every((n) => n.startsWith('示例'))).toBe(true);
    expect((await attentionCounts(db, '2026-10-12')).overdue).toBeGreaterThan(0);
    expect((await verifyAllCases(db)).ok).toBe(true);
    expect(await loadDemoData(db, '2026-10-12')).toMatchObject({ ok: false });
    db.close();
  });
});
