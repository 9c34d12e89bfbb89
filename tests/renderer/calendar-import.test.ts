import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { importHolidaySchedule } from '../../renderer/src/desk/calendars';
import { loadCalendar } from '../../renderer/src/desk/rules';
import { listDeadlines } from '../../renderer/src/desk/deadlines';
import { withToday } from '../../renderer/src/desk/desk';
import { foldStoredCase } from '../../renderer/src/desk/cases';
import type { EventDraft } from '../../shared/case/events';
import { ACTOR, appendSteps, determinedCaseId, LISTING_STEPS, officeDesk, testDesk } from './fixtures';
import { uniqueDbName } from '../helpers/dexie';

/** A test schedule in the holiday-cn shape (not the State Council's notice): only 元旦 matters here. */
const SCHEDULE_2027 = {
  year: 2027,
  papers: ['https://example.invalid/2027-notice'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
  ],
};

describe('holiday schedule import', () => {
  it('stores an imported year so its dates stop being provisional, and refuses a malformed file', async () => {
    const db = new CreditDeskDb(uniqueDbName('calendar'));
    const desk = testDesk(db);
    expect((await loadCalendar(db)).covers(2027)).toBe(false);
    const r = await importHolidaySchedule(desk, { year: 2027, papers: ['https://www.gov.cn/'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
    expect(r).toMatchObject({ ok: true, year: 2027 });
    const cal = await loadCalendar(db);
    expect(cal.covers(2027)).toBe(true);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(await db.auditLog.count()).toBe(1);
    const bad = await importHolidaySchedule(desk, { nonsense: true });
    expect(bad.ok).toBe(false);
    db.close();
  });

  it('the office’s own import makes the work list’s provisional deadlines definite, as the case computes them', async () => {
    const today = '2026-12-29';
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk, { today });
    const objection: EventDraft = {
      type: 'objection_received',
      occurredOn: today,
      actor: ACTOR,
      payload: { objectionId: 'OBJ-1', applicant: '示例县虚构房地产开发有限公司', grounds: ['error'], reasons: '认为认定事实有误', concernsListing: false, channel: 'written' },
    };
    await appendSteps(desk, caseId, [...LISTING_STEPS, objection], today);
    const at = withToday(desk, today);
    const before = (await listDeadlines(at, { filter: 'provisional' })).rows.filter((r) => r.caseId === caseId);
    expect(before.map((r) => r.kind)).toContain('objection_decision');

    const r = await importHolidaySchedule(at, SCHEDULE_2027);
    expect(r).toMatchObject({ ok: true, year: 2027, refreshed: 1 });
    const after = (await listDeadlines(at, { filter: 'provisional' })).rows.filter((x) => x.caseId === caseId);
    expect(after.map((x) => x.kind)).not.toContain('objection_decision');
    const row = (await desk.db.deadlines.where('caseId').equals(caseId).toArray()).find((x) => x.kind === 'objection_decision')!;
    expect(row.provisional).toBe(false);
    const folded = await foldStoredCase(at, caseId);
    if (!folded) throw new Error('case not folded');
    const computed = folded.state.deadlines.find((d) => d.key === 'objection_decision')!;
    expect(computed.provisional).toBe(false);
    expect(row.dueDate).toBe(computed.dueOn);
    // the working days skip the imported 元旦 (2027-01-01)
    expect(row.dueDate > '2027-01-01').toBe(true);
    expect(row.note).toBeUndefined();
    desk.db.close();
  });
});
