/**
 * Appends outbox rows (shared/sync/outbox.ts). Always call inside the transaction that writes the
 * local change the row carries; the transaction must include `outbox` and `device`.
 */
import type { CreditDeskDb } from '../database';
import type { OutboxRow } from '../types';
import { buildOutboxRow, type OutboxKind } from '../../../../shared/sync/outbox';
import { newId } from '../ids';
import { nextDeviceSeq } from './device';

export const OUTBOX_PAYLOAD_SCHEMA_VERSION = 1;

export async function appendOutbox(
  db: CreditDeskDb,
  kind: OutboxKind,
  entityId: string,
  payload: unknown,
  recordedAt: string,
  seq?: { deviceId: string; deviceSeq: number },
): Promise<OutboxRow> {
  const { deviceId, deviceSeq } = seq ?? (await nextDeviceSeq(db));
  const row = buildOutboxRow({ id: newId(), deviceId, deviceSeq, kind, entityId, payloadSchemaVersion: OUTBOX_PAYLOAD_SCHEMA_VERSION, payload, recordedAt });
  await db.outbox.add(row);
  return row;
}
