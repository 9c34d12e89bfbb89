/** Loads what a case fold needs: its pinned rule set and the working calendar. */
import type { CreditDeskDb } from '../db/database';
import type { RuleSet, RuleSetPin } from '../../../shared/rules/types';
import type { HolidaySchedule, WorkingCalendar } from '../../../shared/calendar/types';
import { builtinCalendar } from '../../../shared/calendar/calendar';
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
