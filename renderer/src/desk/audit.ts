/** Audit rows for changes that are not case events, written only through deskWrite's scope. */
import type { CreditDeskDb } from '../db/database';
import type { IdMaker } from '../db/ids';
import type { Actor, AuditRow } from '../db/types';

export async function appendAuditRow(db: CreditDeskDb, ids: IdMaker, actor: Actor, at: string, action: string, entity: AuditRow['entity'], entityId: string, detail?: unknown): Promise<void> {
  await db.auditLog.add({ id: ids(), at, actor, action, entity, entityId, ...(detail === undefined ? {} : { detail }) });
}
