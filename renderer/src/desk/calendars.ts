/**
 * 节假日安排: the State Council's holiday schedules the working-day deadlines count with. An import
 * (the office's file or the platform's push) is stored, then every work-list row that was counted
 * without that year's schedule (provisional) is derived again from its case or commitment, so the
 * list, the badge and the case page agree with the new calendar.
 */
import { parseHolidaySchedule } from '../../../shared/calendar/schedule-schema';
import type { Desk } from './desk';
import { deskWrite, isRefused, type DeskRefused } from './write';
import { refusedFor } from './users/permissions';
import { CASE_TABLES, rederiveCase } from './cases';
import { COMMITMENT_TABLES, commitmentOfDeadline, rederiveCommitmentDeadlines } from './commitments';

export type ScheduleImported = { ok: true; year: number; /** cases and commitments whose provisional rows were derived again */ refreshed: number; skipped: number };

/**
 * Imports a holiday schedule (holiday-cn JSON): validated by shared/, stored and audited in one
 * write; then the provisional rows are refreshed, one case or commitment per write (one that cannot
 * be derived keeps its rows and is counted in `skipped`).
 */
export async function importHolidaySchedule(desk: Desk, json: unknown): Promise<ScheduleImported | DeskRefused> {
  const denied = refusedFor(desk, 'settings');
  if (denied) return denied;
  const parsed = parseHolidaySchedule(json, 'imported');
  if (!parsed.ok) return { ok: false, code: parsed.code, reason: `${parsed.reason}${parsed.errors.length ? `（${parsed.errors.slice(0, 3).join('；')}）` : ''}` };
  const year = parsed.schedule.year;
  const stored = await deskWrite(desk, ['calendars'], async (w) => {
    await desk.db.calendars.put({ id: `holidays-${year}`, name: `${year}年节假日安排（导入）`, data: parsed.schedule, updatedAt: w.at });
    await w.audit(`导入${year}年节假日安排`, 'settings', `holidays-${year}`);
    return { ok: true as const };
  });
  if (isRefused(stored)) return stored;
  const refreshed = await refreshProvisionalDeadlines(desk);
  return { ok: true, year, ...refreshed };
}

/** Derives again every case and commitment that has a provisional work-list row. */
export async function refreshProvisionalDeadlines(desk: Desk): Promise<{ refreshed: number; skipped: number }> {
  const flagged = await desk.db.deadlines.where('[flagged+dueDate]').between([1, ''], [1, '\uffff'], true, true).toArray();
  const owners = new Map<string, { commitmentId: string | null }>();
  for (const row of flagged) if (row.provisional) owners.set(row.caseId, { commitmentId: commitmentOfDeadline(row) });
  let refreshed = 0;
  let skipped = 0;
  for (const [caseId, { commitmentId }] of owners) {
    try {
      const done = commitmentId
        ? await deskWrite(desk, COMMITMENT_TABLES, async (w) => rederiveCommitmentDeadlines(w, commitmentId))
        : await deskWrite(desk, CASE_TABLES, async (w) => rederiveCase(w, caseId));
      if (done === true) refreshed += 1;
      else skipped += 1;
    } catch (error) {
      skipped += 1;
      console.warn(`refreshProvisionalDeadlines: ${caseId} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { refreshed, skipped };
}
