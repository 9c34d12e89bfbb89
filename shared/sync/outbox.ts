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
export type OutboxState = 'queued' | 'sending' | 'acked' | 'quarantined' | 'conflict';

export type OutboxKind =
  | 'case-event' // one appended procedural event of a case (payload: the event)
  | 'subject-upsert' // a credit subject registered or corrected (payload: the subject record)
  | 'document-issued'; // an issued formal document's metadata (payload: number, kind, hash)

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
  receipt?: unknown;
  batchId?: string;
};
