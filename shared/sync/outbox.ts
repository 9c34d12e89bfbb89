/**
 * The outbox row: one immutable operation waiting to be pushed to the city platform.
 *
 * Invariants (OFFLINE_LESSONS.md lessons 1–4):
 *  - A row is written in the same IndexedDB transaction as the local change it carries.
 *  - `id` is made on the device (ULID) and never changes; resending it is idempotent.
 *  - `payloadHash` is the SHA-256 (hex) of the canonical JSON of `payload`; the server compares
 *    it to tell a duplicate (same id, same hash) from a conflict (same id, different hash).
 *  - `deviceSeq` increases by one per operation on one device and is never reused.
 */
import type { AttachmentRef, FieldError, OpResult, PushOperation, Receipt } from './protocol';
import { payloadHashOf } from './hash';

export type OutboxState = 'queued' | 'sending' | 'acked' | 'quarantined' | 'conflict';

export type OutboxKind =
  | 'case-event' // one appended procedural event of a case (payload: the event)
  | 'subject-upsert' // a credit subject registered or corrected (payload: the subject record)
  | 'document-issued' // an issued formal document's metadata (payload: number, kind, hash)
  | 'commitment'; // one recorded act on a credit commitment (payload: commitment id, subject, type, the act)

export type OutboxRow = {
  id: string;
  deviceId: string;
  deviceSeq: number;
  kind: OutboxKind;
  /** The case or subject the operation belongs to (for grouping and review). */
  entityId: string;
  payloadSchemaVersion: number;
  payload: unknown;
  payloadHash: string;
  /** When the device recorded it (device clock, ISO 8601 UTC). */
  recordedAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  /** The server's receipt once acked (or the original receipt for a duplicate). */
  receipt?: Receipt;
  batchId?: string;
  // ---- Optional, added by the sync engine (all compatible with rows written without them) ----
  /** Attachments (by content hash) the operation refers to; uploaded separately. */
  attachments?: AttachmentRef[];
  /** The earlier operation this one corrects. */
  supersedes?: string;
  /** Server clock when the platform first stored it (copied from the receipt). */
  receivedAt?: string;
  /** Set when acked: 'accepted' or 'duplicate'. */
  ackStatus?: 'accepted' | 'duplicate';
  /** Attachments the platform still misses ("received, media missing"). */
  mediaMissing?: string[];
  /** The platform's field errors when quarantined (shown next to the offending field). */
  fieldErrors?: FieldError[];
  /** What the platform already holds under this id when in conflict (for human review). */
  conflictWith?: { payloadHash: string; receipt: Receipt };
  /** When the state last changed (device clock, evidence only). */
  stateChangedAt?: string;
};

/** The protocol form of a row. */
export function toPushOperation(row: OutboxRow): PushOperation {
  const op: PushOperation = {
    id: row.id,
    deviceId: row.deviceId,
    deviceSeq: row.deviceSeq,
    kind: row.kind,
    entityId: row.entityId,
    payloadSchemaVersion: row.payloadSchemaVersion,
    payload: row.payload,
    payloadHash: row.payloadHash,
    recordedAt: row.recordedAt,
  };
  if (row.attachments && row.attachments.length > 0) op.attachments = row.attachments;
  if (row.supersedes) op.supersedes = row.supersedes;
  return op;
}

export type NewOutboxRow = {
  id: string;
  deviceId: string;
  deviceSeq: number;
  kind: OutboxKind;
  entityId: string;
  payloadSchemaVersion: number;
  payload: unknown;
  recordedAt: string;
  attachments?: AttachmentRef[];
  supersedes?: string;
};

/** A queued row with its payload hash computed (synchronous: safe inside a Dexie transaction). */
export function buildOutboxRow(input: NewOutboxRow): OutboxRow {
  const row: OutboxRow = { ...input, payloadHash: payloadHashOf(input.payload), state: 'queued', attempts: 0 };
  if (!row.attachments) delete row.attachments;
  if (!row.supersedes) delete row.supersedes;
  return row;
}

/** Rows still owed to the platform (anything not acked). */
export function isUnsent(row: Pick<OutboxRow, 'state'>): boolean {
  return row.state !== 'acked';
}

/**
 * The state transition for one per-operation answer. Pure: `nowIso` and `retryAtIso` come from the
 * caller. A conflict is kept as is for human review; it is never overwritten.
 */
export function applyOpResult(row: OutboxRow, result: OpResult, nowIso: string, retryAtIso: string): OutboxRow {
  const next: OutboxRow = { ...row, attempts: row.attempts + 1, stateChangedAt: nowIso };
  delete next.lastError;
  switch (result.status) {
    case 'accepted':
    case 'duplicate':
      next.state = 'acked';
      next.ackStatus = result.status;
      next.receipt = result.receipt;
      next.receivedAt = result.receipt.receivedAt;
      next.mediaMissing = result.receipt.mediaMissing;
      delete next.nextAttemptAt;
      delete next.fieldErrors;
      return next;
    case 'conflict':
      next.state = 'conflict';
      next.conflictWith = result.existing;
      next.lastError = result.messageZh;
      delete next.nextAttemptAt;
      return next;
    case 'rejected':
      next.state = 'quarantined';
      next.fieldErrors = result.errors;
      next.lastError = result.errors.map((e) => `${e.path}：${e.messageZh}`).join('；');
      delete next.nextAttemptAt;
      return next;
    case 'retry-later':
      next.state = 'queued';
      next.nextAttemptAt = retryAtIso;
      next.lastError = result.reason;
      return next;
  }
}

/**
 * Edit a quarantined row and put it back in the queue. The platform never stored a rejected
 * operation, so the id is kept and the hash recomputed; the old batch id is dropped.
 */
export function requeueEdited(row: OutboxRow, payload: unknown, nowIso: string): OutboxRow {
  if (row.state !== 'quarantined') throw new Error(`only quarantined rows can be edited (row ${row.id} is ${row.state})`);
  const next: OutboxRow = { ...row, payload, payloadHash: payloadHashOf(payload), state: 'queued', attempts: 0, stateChangedAt: nowIso };
  delete next.batchId;
  delete next.fieldErrors;
  delete next.lastError;
  delete next.nextAttemptAt;
  return next;
}
