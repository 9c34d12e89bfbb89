/**
 * Applies pulled items inside the pull transaction: objections and repair applications filed online
 * become case events through the case desk's appendCaseEvent (so their deadlines enter the work
 * list); everything else stays in `syncInbox` for its owner (calendars, rule sets, number blocks).
 * A refused or malformed item is kept in the inbox with the reason, never dropped.
 */
import type { CreditDeskDb } from '../db/database';
import { appendCaseEvent, caseWriteTables } from '../db/repositories/cases';
import { caseEventFromPulled } from '../../../shared/sync/pulled';
import type { PulledItem } from '../../../shared/sync/protocol';

export type PulledApplication = { itemId: string; ok: boolean; eventId?: string; reasonZh?: string };

/** The tables the pull transaction must include for `onPulled` below. */
export function pulledTables(db: CreditDeskDb): string[] {
  return caseWriteTables(db).map((t) => t.name);
}

export function createPulledApplier(db: CreditDeskDb): (items: PulledItem[]) => Promise<void> {
  return async (items) => {
    for (const item of items) {
      const mapped = caseEventFromPulled(item);
      if (!mapped) continue;
      let outcome: PulledApplication;
      if ('error' in mapped) {
        outcome = { itemId: item.id, ok: false, reasonZh: `平台下发的内容不完整：${mapped.error}` };
      } else {
        const result = await appendCaseEvent(db, mapped.caseId, mapped.draft);
        outcome = result.ok ? { itemId: item.id, ok: true, eventId: result.event.id } : { itemId: item.id, ok: false, reasonZh: result.reason };
      }
      await db.table('syncInbox').update(item.id, { applied: outcome });
    }
  };
}
