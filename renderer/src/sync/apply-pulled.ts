/**
 * Turns pulled objections and repair applications filed online into case events through the case
 * desk's appendCaseEvent (so their deadlines enter the work list). Everything else stays in
 * `syncInbox` for its owner (calendars, rule sets, number blocks, corrections, decisions).
 *
 * Runs after the pulled page is stored (never inside the pull transaction: a refused event aborts
 * its transaction, and a refusal must not block the pull cursor). Each pending inbox item is
 * applied once: an event already carrying the objection/repair id counts as applied (crash between
 * append and mark). A refused or malformed item stays in the inbox with the reason, never dropped.
 */
import type { CreditDeskDb } from '../db/database';
import { appendCaseEvent, loadEvents } from '../db/repositories/cases';
import { caseEventFromPulled } from '../../../shared/sync/pulled';
import type { PulledItem } from '../../../shared/sync/protocol';
import type { InboxRow } from './store';

export type PulledApplication = { ok: boolean; eventId?: string; reasonZh?: string };

function scopeIdOf(payload: unknown): string | undefined {
  const p = payload as { objectionId?: unknown; repairId?: unknown } | undefined;
  return typeof p?.objectionId === 'string' ? p.objectionId : typeof p?.repairId === 'string' ? p.repairId : undefined;
}

export function createPulledApplier(db: CreditDeskDb, options: { today?: () => string } = {}): (items: PulledItem[]) => Promise<void> {
  const inbox = db.table<InboxRow, string>('syncInbox');
  return async () => {
    const pending = await inbox.where('kind').anyOf('objection', 'repair-application').filter((r) => !r.applied).toArray();
    pending.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    for (const item of pending) {
      const mapped = caseEventFromPulled(item);
      if (!mapped) continue;
      let outcome: PulledApplication;
      if ('error' in mapped) {
        outcome = { ok: false, reasonZh: `平台下发的内容不完整：${mapped.error}` };
      } else {
        const scope = scopeIdOf(mapped.draft.payload);
        const existing = (await loadEvents(db, mapped.caseId)).find((e) => e.type === mapped.draft.type && scopeIdOf(e.payload) === scope);
        if (existing) {
          outcome = { ok: true, eventId: existing.id };
        } else {
          const result = await appendCaseEvent(db, mapped.caseId, mapped.draft, options.today ? { today: options.today() } : {});
          outcome = result.ok ? { ok: true, eventId: result.event.id } : { ok: false, reasonZh: result.reason };
        }
      }
      await inbox.update(item.id, { applied: outcome });
    }
  };
}
