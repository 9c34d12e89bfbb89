/** Audit rows, written only through deskWrite's scope (numbered and chained: ./integrity/chains.ts). */
import type { CreditDeskDb } from '../db/database';
import type { IdMaker } from '../db/ids';
import type { Actor, AuditRow } from '../db/types';
import { recordAudit } from './integrity/chains';

export async function appendAuditRow(db: CreditDeskDb, ids: IdMaker, chainKey: Uint8Array, actor: Actor, at: string, action: string, entity: AuditRow['entity'], entityId: string, detail?: unknown): Promise<void> {
  await recordAudit(db, ids, chainKey, [{ id: ids(), at, actor, action, entity, entityId, ...(detail === undefined ? {} : { detail }) }]);
}
