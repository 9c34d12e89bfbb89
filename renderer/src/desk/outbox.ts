/**
 * Outbox rows (shared/sync/outbox.ts), written only through deskWrite's scope so that a row is
 * always in the same transaction as the local change it carries. Each row enters the device's
 * operation ledger in the same write (./integrity/chains.ts).
 */
import type { CreditDeskDb } from '../db/database';
import type { IdMaker } from '../db/ids';
import { buildOutboxRow, type OutboxKind, type OutboxRow } from '../../../shared/sync/outbox';
import { nextDeviceSeq, type DeviceSeq } from './device';
import { recordOperations } from './integrity/chains';

export const OUTBOX_PAYLOAD_SCHEMA_VERSION = 1;

export async function appendOutboxRow(db: CreditDeskDb, ids: IdMaker, chainKey: Uint8Array, kind: OutboxKind, entityId: string, payload: unknown, recordedAt: string, seq?: DeviceSeq): Promise<OutboxRow> {
  const { deviceId, deviceSeq } = seq ?? (await nextDeviceSeq(db, ids));
  const row = buildOutboxRow({ id: ids(), deviceId, deviceSeq, kind, entityId, payloadSchemaVersion: OUTBOX_PAYLOAD_SCHEMA_VERSION, payload, recordedAt });
  await recordOperations(db, ids, chainKey, [row]);
  return row;
}
