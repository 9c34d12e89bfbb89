import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { importHolidaySchedule, loadCalendar } from '../../renderer/src/desk/rules';
import { testDesk } from './fixtures';
import { uniqueDbName } from '../helpers/dexie';

describe('holiday schedule import', () => {
  it('stores an imported year so its dates stop being provisional, and refuses a malformed file', async () => {
    const db = new CreditDeskDb(uniqueDbName('calendar'));
    const desk = testDesk(db);
    expect((await loadCalendar(db)).covers(2027)).toBe(false);
    const r = await importHolidaySchedule(desk, { year: 2027, papers: ['https://www.gov.cn/'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
    expect(r).toEqual({ ok: true, year: 2027 });
    const cal = await loadCalendar(db);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(await db.auditLog.count()).toBe(1);
    const bad = await importHolidaySchedule(desk, { nonsense: true });
    expect(bad.ok).toBe(false);
    db.close();
  });
});
