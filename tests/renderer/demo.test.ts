import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { loadDemoData } from '../../renderer/src/desk/demo';
import { createDesk, fixedDateClock } from '../../renderer/src/desk/desk';
import { attentionCounts } from '../../renderer/src/desk/deadlines';
import { verifyAllCases } from '../../renderer/src/desk/integrity/check';
import { uniqueDbName } from '../helpers/dexie';

describe('载入演示数据', () => {
  it('loads a fictional county with cases in several stages, once, and only into a training desk', async () => {
    const db = new CreditDeskDb(uniqueDbName('demo'));
    const office = createDesk(db, { clock: fixedDateClock('2026-10-12') });
    expect(await loadDemoData(office)).toMatchObject({ ok: false, reason: expect.stringContaining('培训模式') });
    expect(await db.subjects.count()).toBe(0);
    const desk = createDesk(db, { clock: fixedDateClock('2026-10-12'), mode: 'training' });
    const r = await loadDemoData(desk);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, cases: 5 });
    const names = (await db.subjects.toArray()).map((s) => s.name ?? s.pii?.name ?? '');
    expect(names.every((n) => n.startsWith('示例'))).toBe(true);
    expect((await attentionCounts(desk)).overdue).toBeGreaterThan(0);
    expect((await verifyAllCases(desk)).ok).toBe(true);
    expect(await loadDemoData(desk)).toMatchObject({ ok: false });
    db.close();
  });
});
