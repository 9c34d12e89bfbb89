/** Loads what a case fold needs: its pinned rule set and the working calendar. */
import type { CreditDeskDb } from '../db/database';
import type { RuleSet, RuleSetPin } from '../../../shared/rules/types';
import type { HolidaySchedule, WorkingCalendar } from '../../../shared/calendar/types';
import { builtinCalendar } from '../../../shared/calendar/calendar';
import { parseHolidaySchedule } from '../../../shared/calendar/schedule-schema';
import { newId } from '../db/ids';
import type { IsoDate } from '../../../shared/util/dates';
import type { CaseContext } from './engine';

export function ruleSetKey(ref: { id: string; version: number }): string {
  return `${ref.id}@${ref.version}`;
}

let calendarCache: { key: string; calendar: WorkingCalendar } | undefined;

/** The built-in State Council schedules plus any the office imported (calendars table). */
export async function loadCalendar(db: CreditDeskDb): Promise<WorkingCalendar> {
  const rows = await db.calendars.toArray();
  const key = rows.map((r) => `${r.id}:${r.updatedAt}`).join('|');
  if (calendarCache?.key !== key) {
    calendarCache = { key, calendar: builtinCalendar(rows.map((r) => r.data as HolidaySchedule)) };
  }
  return calendarCache.calendar;
}

/** Stores a rule set (preset or office-derived) so that case pins always resolve. Idempotent. */
export async function storeRuleSet(db: CreditDeskDb, ruleSet: RuleSet): Promise<void> {
  const id = ruleSetKey(ruleSet);
  const existing = await db.ruleSets.get(id);
  if (!existing) await db.ruleSets.put({ id, name: ruleSet.title, data: ruleSet, updatedAt: new Date().toISOString() });
}

export async function loadRuleSet(db: CreditDeskDb, pin: Pick<RuleSetPin, 'id' | 'version'>): Promise<RuleSet | undefined> {
  return (await db.ruleSets.get(ruleSetKey(pin)))?.data as RuleSet | undefined;
}

export async function loadContext(db: CreditDeskDb, pin: Pick<RuleSetPin, 'id' | 'version'>, today: IsoDate): Promise<CaseContext> {
  const ruleSet = await loadRuleSet(db, pin);
  if (!ruleSet) throw new Error(`案件所用规则集 ${ruleSetKey(pin)} 不在本机，无法计算期限。请在设置中重新保存办公室设置。`);
  return { ruleSet, calendar: await loadCalendar(db), today };
}

/**
 * Imports a State Council holiday schedule (holiday-cn JSON) into `calendars`. Deadlines computed
 * later use it; existing cases' derived deadline rows are refreshed with their next event.
 */
export async function importHolidaySchedule(db: CreditDeskDb, json: unknown, actorName: string): Promise<{ ok: true; year: number } | { ok: false; reason: string }> {
  const parsed = parseHolidaySchedule(json, 'imported');
  if (!parsed.ok) return { ok: false, reason: `${parsed.reason}${parsed.errors.length ? `（${parsed.errors.slice(0, 3).join('；')}）` : ''}` };
  const year = parsed.schedule.year;
  await db.transaction('rw', db.calendars, db.auditLog, async () => {
    await db.calendars.put({ id: `holidays-${year}`, name: `${year}年节假日安排（导入）`, data: parsed.schedule, updatedAt: new Date().toISOString() });
    await db.auditLog.add({ id: newId(), at: new Date().toISOString(), actor: { userId: `staff:${actorName}`, name: actorName }, action: `导入${year}年节假日安排`, entity: 'settings', entityId: `holidays-${year}` });
  });
  return { ok: true, year };
}
