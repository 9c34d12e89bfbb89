/**
 * Reference data the platform pushes down: holiday calendars (节假日安排) and rule-set updates.
 *
 * - A holiday calendar goes through the office's own import (`importHolidaySchedule`, which validates
 *   with shared/'s parseHolidaySchedule and stores it in `calendars`); then the work list's deadline
 *   rows that were provisional are recomputed, so a deadline in a year that just got its schedule
 *   stops being provisional.
 * - A rule-set update (shared/sync/rule-set-update.ts) is stored as a NEW version of its id. A stored
 *   version is never changed (cases pin the rules in force when they were decided); the same content
 *   pulled twice (or re-applied after a crash) is recognised and not stored again.
 *
 * Both return `{ ok: false, reasonZh }` for items the desk cannot use; the caller leaves those in
 * `syncInbox` with the reason (they never block the pull cursor).
 */
import type { DeadlineRow } from '../../db/types';
import type { Desk } from '../desk';
import { domainEvent, loadEvents } from '../cases';
import { caseRulesContext, importHolidaySchedule, ruleSetKey } from '../rules';
import { deskWrite, isRefused } from '../write';
import { changeDeadlines } from '../deadline-days';
import { foldCase } from '../../../../shared/case/fold';
import { canonicalize } from '../../../../shared/sync/hash';
import { parseRuleSetUpdate } from '../../../../shared/sync/rule-set-update';
import { PLATFORM_ACTOR } from '../../../../shared/sync/pulled';
import type { RuleSet } from '../../../../shared/rules/types';
import type { InboxRow } from './outbox-store';

export type ReferenceApplication = { ok: boolean; reasonZh?: string; detail?: string };

const PLATFORM_NAME = PLATFORM_ACTOR.name;

/** A pulled 节假日安排: stored exactly as an office import, then provisional deadlines are recomputed. */
export async function applyHolidayCalendar(desk: Desk, item: InboxRow): Promise<ReferenceApplication> {
  const platform: Desk = { ...desk, session: { actor: () => PLATFORM_ACTOR } };
  const imported = await importHolidaySchedule(platform, item.payload);
  if (!imported.ok) return { ok: false, reasonZh: `平台下发的节假日安排未采用：${imported.reason}` };
  const refreshed = await refreshProvisionalDeadlines(desk);
  return { ok: true, detail: `${imported.year}年节假日安排已采用；${refreshed.updated} 个期限已重新计算` };
}

/** Everything except the version number and notes: what makes two versions "the same rules". */
function content(r: RuleSet): string {
  return canonicalize({ ...r, version: 0, notes: [] });
}

/** A pulled rule-set update → a new stored version (never an overwrite of a pinned one). */
export async function applyRuleSetUpdate(desk: Desk, item: InboxRow): Promise<ReferenceApplication> {
  const db = desk.db;
  const parsed = parseRuleSetUpdate(item.payload);
  if (!parsed.ok) return { ok: false, reasonZh: parsed.reason };
  const incoming = parsed.update.ruleSet;
  const platform: Desk = { ...desk, session: { actor: () => PLATFORM_ACTOR } };
  const written = await deskWrite(platform, ['ruleSets'], async (w): Promise<ReferenceApplication> => {
    const versions = (await db.ruleSets.toArray()).map((r) => r.data as RuleSet).filter((r) => r.id === incoming.id);
    const other = versions.find((r) => r.jurisdictionKey !== incoming.jurisdictionKey || r.kind !== incoming.kind);
    if (other) {
      return { ok: false, reasonZh: `规则集“${incoming.id}”在本机适用于${other.jurisdictionKey}（${other.kind === 'local' ? '地方' : '国家'}），平台下发的版本适用于${incoming.jurisdictionKey}（${incoming.kind === 'local' ? '地方' : '国家'}），不能作为它的新版本，请与市平台核对` };
    }
    const same = versions.find((r) => content(r) === content(incoming));
    if (same) return { ok: true, detail: `本机已有相同内容的第${same.version}版` };
    const latest = versions.reduce((m, r) => Math.max(m, r.version), 0);
    const version = Math.max(incoming.version, latest + 1);
    const published = item.publishedAt.slice(0, 10);
    const origin = `${PLATFORM_NAME}${published}下发（平台版本号 ${incoming.version}${version === incoming.version ? '' : `，本机存为第${version}版`}）${parsed.update.note ? `：${parsed.update.note}` : ''}`;
    const stored: RuleSet = { ...incoming, version, notes: [...incoming.notes, origin] };
    // add(), not put(): a key that exists is never overwritten (it throws and the item stays in the inbox).
    await db.ruleSets.add({ id: ruleSetKey(stored), name: stored.title, data: stored, updatedAt: w.at });
    await w.audit(`采用平台下发的规则集 ${stored.shortTitle} 第${version}版`, 'ruleSet', ruleSetKey(stored), { pulledItemId: item.id, platformVersion: incoming.version });
    return { ok: true, detail: `已存为第${version}版，自${stored.effectiveFrom}起适用于新认定的案件` };
  });
  return 'code' in written ? { ok: false, reasonZh: written.reason } : written;
}

/**
 * Recomputes the work list's provisional deadline rows with the calendar now stored (a new year's
 * schedule makes them definite). Only date fields of rows that were provisional change; other
 * derived rows are rewritten by the case's next event as usual.
 */
export async function refreshProvisionalDeadlines(desk: Desk): Promise<{ cases: number; updated: number }> {
  const db = desk.db;
  const provisional = (await db.deadlines.where('[flagged+dueDate]').between([1, ''], [1, '\uffff'], true, true).toArray()).filter((r) => r.provisional);
  const caseIds = [...new Set(provisional.map((r) => r.caseId))];
  let updated = 0;
  for (const caseId of caseIds) {
    try {
      const written = await deskWrite(desk, ['cases', 'caseEvents', 'deadlines', 'deadlineDays', 'ruleSets', 'calendars'], async () => {
        const caseRow = await db.cases.get(caseId);
        const events = await loadEvents(db, caseId);
        const first = events[0];
        if (!caseRow || !first || first.type !== 'determined') return 0;
        const ctx = await caseRulesContext(desk, first.payload.ruleSet, caseRow.subjectId, caseId);
        if (isRefused(ctx)) return 0;
        const state = foldCase(events.map(domainEvent), ctx.ruleSet, ctx.calendar, { today: ctx.today });
        const byId = new Map(state.deadlines.map((d) => [`${caseId}:${d.key}:${d.scopeId ?? ''}`, d]));
        const next: DeadlineRow[] = [];
        const before: DeadlineRow[] = [];
        for (const row of await db.deadlines.where('caseId').equals(caseId).toArray()) {
          const d = byId.get(row.id);
          if (!row.provisional || !d || d.unset || d.paused) continue;
          const dueDate = d.dueOn ?? '';
          if (d.provisional === row.provisional && dueDate === row.dueDate) continue;
          const changed: DeadlineRow = { ...row, dueDate, provisional: d.provisional, flagged: d.provisional ? 1 : 0 };
          if (!d.provisional) delete changed.note;
          next.push(changed);
          before.push(row);
        }
        // The work list's day counts follow the rows (desk/deadline-days.ts).
        await changeDeadlines(db, before, next);
        return next.length;
      });
      updated += isRefused(written) ? 0 : written;
    } catch (error) {
      console.warn(`refreshProvisionalDeadlines: case ${caseId} skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { cases: caseIds.length, updated };
}
