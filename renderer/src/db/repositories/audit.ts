import type { CreditDeskDb } from '../database';
import type { Actor, AuditRow } from '../types';
import { newId } from '../ids';

/** Appends an audit row for a change that is not a case event. Use inside the change's transaction. */
export async function appendAudit(
  db: CreditDeskDb,
  actor: Actor,
  action: string,
  entity: AuditRow['entity'],
  entityId: string,
  detail?: unknown,
): Promise<void> {
  await db.auditLog.add({ id: newId(), at: new Date().toISOString(), actor, action, entity, entityId, ...(detail === undefined ? {} : { detail }) });
}
