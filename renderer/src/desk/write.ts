/**
 * The one write path of the desk. Every use case that changes data runs its work through
 * `deskWrite`, which opens ONE read-write IndexedDB transaction over the tables it names plus the
 * outbox, the operation ledger, the device counter and the audit log, so that the change, its derived rows, its outbox
 * row (shared/sync/outbox.ts) and its audit row commit together or not at all.
 *
 * A refusal inside the work (`refuseWrite`) aborts the transaction — nothing is half-written — and
 * comes back as `{ ok: false, code, reason }` with a Chinese reason. Any other error aborts too and is
 * rethrown (a bug or a storage failure, never a silent partial write).
 *
 * Nothing asynchronous other than IndexedDB requests may be awaited inside the work: an unrelated
 * promise (a file read, WebCrypto, a fetch) lets the transaction commit early. Prepare such data
 * before calling deskWrite.
 */
import type { Table } from 'dexie';
import type { Actor } from '../../../shared/case/events';
import type { OutboxKind, OutboxRow } from '../../../shared/sync/outbox';
import type { IsoDate } from '../../../shared/util/dates';
import type { AuditRow } from '../db/types';
import type { Desk } from './desk';
import { nextDeviceSeq, type DeviceSeq } from './device';
import { appendOutboxRow } from './outbox';
import { appendAuditRow } from './audit';
import { NOBODY } from './users/session';
import { deviceKeys } from './keys';

/** The tables every write opens besides its own: its outbox rows, their ledger rows, the device counters and the audit log. */
export const INTEGRITY_TABLES = ['outbox', 'operationLedger', 'device', 'auditLog'] as const;

export type DeskRefused = { ok: false; code: string; reason: string; field?: string; existingId?: string };

export class DeskRefusal extends Error {
  constructor(readonly refusal: DeskRefused) {
    super(`${refusal.code}: ${refusal.reason}`);
  }
}

/** Abort the current write with a refusal (Chinese reason for the user). */
export function refuseWrite(code: string, reason: string, extra: { field?: string; existingId?: string } = {}): never {
  throw new DeskRefusal({ ok: false, code, reason, ...extra });
}

export type WriteScope = {
  readonly desk: Desk;
  readonly actor: Actor;
  /** Device time of this write (one value for every row it writes). */
  readonly at: string;
  readonly today: IsoDate;
  /** This device's chain key (loaded before the transaction opened): seals case events, the ledger and the audit log. */
  readonly chainKey: Uint8Array;
  /** The next operation number of this device (call once per operation). */
  deviceSeq(): Promise<DeviceSeq>;
  /** Queue an operation for the city platform (same transaction as the change it carries). */
  outbox(kind: OutboxKind, entityId: string, payload: unknown, seq?: DeviceSeq): Promise<OutboxRow>;
  /** Record who did what (same transaction as the change). */
  audit(action: string, entity: AuditRow['entity'], entityId: string, detail?: unknown): Promise<void>;
};

type TableRef = Table | string;

/** Runs `work` in one read-write transaction; refusals come back as values, nothing is half-written. */
export async function deskWrite<T>(desk: Desk, tables: readonly TableRef[], work: (w: WriteScope) => Promise<T>): Promise<T | DeskRefused> {
  const db = desk.db;
  // Not an IndexedDB request of the transaction: fetched before it opens (cached after the first call).
  const chainKey = await deviceKeys(desk).chainKey();
  const names = new Set<string>(INTEGRITY_TABLES);
  for (const t of tables) names.add(typeof t === 'string' ? t : t.name);
  const scope: WriteScope = {
    desk,
    actor: desk.session.actor(),
    at: desk.clock.now(),
    today: desk.clock.today(),
    chainKey,
    deviceSeq: () => nextDeviceSeq(db, desk.ids),
    outbox: (kind, entityId, payload, seq) => appendOutboxRow(db, desk.ids, chainKey, kind, entityId, payload, scope.at, seq),
    audit: (action, entity, entityId, detail) => appendAuditRow(db, desk.ids, chainKey, scope.actor, scope.at, action, entity, entityId, detail),
  };
  // Nothing is written in nobody's name: the app asks for a login first (users/accounts.ts).
  if (scope.actor.userId === NOBODY.userId) return { ok: false, code: 'not_signed_in', reason: '请先登录后再办理。' };
  try {
    // The callback must itself be an `async` function: Dexie follows native `await`s (keeps the
    // transaction as the current zone) only inside async-function callbacks; a plain arrow that
    // returns the promise loses the zone after nested awaits and the transaction commits early.
    return await db.transaction('rw', [...names].map((n) => db.table(n)), async () => await work(scope));
  } catch (error) {
    if (error instanceof DeskRefusal) return error.refusal;
    throw error;
  }
}

/** Whether a use-case result is a refusal. */
export function isRefused<T>(result: T | DeskRefused): result is DeskRefused {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}
