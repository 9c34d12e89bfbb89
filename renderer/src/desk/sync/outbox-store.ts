/**
 * The outbox store the engine works against. The app uses the Dexie implementation over the one
 * `credit-desk` database; tests use the same code over fake-indexeddb.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import type { OutboxRow, OutboxState } from '../../../../shared/sync/outbox';
import type { PulledItem } from '../../../../shared/sync/protocol';
import { OUTBOX_PENDING_TABLE, type OutboxPendingRow } from '../../db/outbox-pending';

export type OutboxCounts = {
  queued: number;
  sending: number;
  quarantined: number;
  conflict: number;
  /** Everything not acked. */
  unsent: number;
  /** recordedAt of the oldest unsent row (device clock). */
  oldestUnsentRecordedAt?: string;
};

export type ClaimOptions = { limit: number; nowIso: string; force: boolean; exclude: ReadonlySet<string> };

export type MediaQueueRow = { sha256: string; size: number; state: 'pending' | 'done'; attempts: number; lastError?: string; opIds: string[] };

export type InboxRow = PulledItem & { pulledAt: string; applied?: { ok: boolean; eventId?: string; reasonZh?: string } };

export type OutboxStore = {
  /**
   * The next batch to send, in deviceSeq order: first an unanswered batch (rows still carrying a
   * batchId: resent whole under the same id), otherwise due queued rows without a batch.
   */
  claim(options: ClaimOptions): Promise<OutboxRow[]>;
  /** Freeze rows (as just claimed) before the request leaves: state → sending, batchId set. */
  markSending(rows: OutboxRow[], batchId: string, nowIso: string): Promise<void>;
  /** Put rows back in the queue (transport failure); keeps the batchId unless `clearBatch`. */
  release(ids: string[], patch: { nextAttemptAt?: string; lastError?: string; clearBatch?: boolean }): Promise<void>;
  /** Store rows as transformed by applyOpResult. */
  saveRows(rows: OutboxRow[]): Promise<void>;
  get(id: string): Promise<OutboxRow | undefined>;
  list(state: OutboxState, limit?: number): Promise<OutboxRow[]>;
  unsent(): Promise<OutboxRow[]>;
  counts(): Promise<OutboxCounts>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  enqueueMedia(rows: { sha256: string; size: number; opId: string }[]): Promise<void>;
  pendingMedia(limit: number): Promise<MediaQueueRow[]>;
  saveMedia(row: MediaQueueRow): Promise<void>;
  /** Store pulled items and advance the cursor in one transaction; already-known ids are skipped. Returns the new items. */
  applyPulled(items: PulledItem[], cursor: string, nowIso: string): Promise<PulledItem[]>;
  appendLog(entry: { id: string; at: string; kind: string; message: string; detail?: unknown }): Promise<void>;
};

type MetaRow = { key: string; value: unknown };
type LogRow = { id: string; at: string; kind: string; message: string; detail?: unknown };

/** The tables the Dexie store needs (declared by migrations 0010, 0030 and 0090). */
export type SyncTables = {
  outbox: Table<OutboxRow, string>;
  syncState: Table<MetaRow, string>;
  syncInbox: Table<InboxRow, string>;
  syncMedia: Table<MediaQueueRow, string>;
  syncLog: Table<LogRow, string>;
  /** Migration 0090: the unsent rows' summaries, kept with every outbox write. */
  outboxPending: Table<OutboxPendingRow, string>;
};

export function createDexieOutboxStore(db: Dexie): OutboxStore {
  const t = {
    outbox: db.table<OutboxRow, string>('outbox'),
    syncState: db.table<MetaRow, string>('syncState'),
    syncInbox: db.table<InboxRow, string>('syncInbox'),
    syncMedia: db.table<MediaQueueRow, string>('syncMedia'),
    syncLog: db.table<LogRow, string>('syncLog'),
    pending: db.table<OutboxPendingRow, string>(OUTBOX_PENDING_TABLE),
  };
  const unanswered = (r: OutboxRow) => r.state === 'queued' || r.state === 'sending';

  /** Unsent rows' summaries in deviceSeq order (outboxPending: primary key only, never the state index). */
  const pendingInOrder = async () => (await t.pending.toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq);
  const fullRows = async (ids: string[]) => (await t.outbox.bulkGet(ids)).filter((r): r is OutboxRow => r !== undefined);

  return {
    async claim({ limit, nowIso, force, exclude }) {
      return db.transaction('r', t.outbox, t.pending, async () => {
        const pending = (await pendingInOrder()).filter((r) => !exclude.has(r.id));
        const due = (r: OutboxPendingRow) => force || !r.nextAttemptAt || r.nextAttemptAt <= nowIso;
        // 1. An orphaned 'sending' batch (crash or lost answer): resend it first, whole.
        let head: OutboxPendingRow | undefined = pending.find((r) => r.state === 'sending');
        if (!head) {
          const fresh: OutboxPendingRow[] = [];
          for (const r of pending) {
            if (r.state !== 'queued' || !due(r)) continue;
            if (r.batchId) {
              if (fresh.length === 0) head = r;
              break;
            }
            fresh.push(r);
            if (fresh.length >= limit) break;
          }
          if (!head) return fullRows(fresh.map((r) => r.id));
        }
        if (!head.batchId) return fullRows([head.id]);
        const batchId = head.batchId;
        return fullRows(pending.filter((r) => r.batchId === batchId && (r.state === 'queued' || r.state === 'sending') && due(r)).map((r) => r.id));
      });
    },
    async markSending(rows, batchId, nowIso) {
      // The rows come straight from claim() under the engine lock; queued rows are never edited
      // (only quarantined ones are), so they are written back without re-reading.
      await t.outbox.bulkPut(rows.filter(unanswered).map((r) => ({ ...r, state: 'sending' as const, batchId, stateChangedAt: nowIso })));
    },
    async release(ids, patch) {
      await db.transaction('rw', t.outbox, async () => {
        const rows = await t.outbox.bulkGet(ids);
        const next = rows.flatMap((r) => {
          if (!r || !unanswered(r)) return [];
          const row: OutboxRow = { ...r, state: 'queued', attempts: r.attempts + 1 };
          if (patch.nextAttemptAt) row.nextAttemptAt = patch.nextAttemptAt;
          if (patch.lastError) row.lastError = patch.lastError;
          if (patch.clearBatch) delete row.batchId;
          return [row];
        });
        await t.outbox.bulkPut(next);
      });
    },
    async saveRows(rows) {
      await t.outbox.bulkPut(rows);
    },
    get: (id) => t.outbox.get(id),
    async list(state, limit = 200) {
      if (state === 'acked') return t.outbox.where('[state+deviceSeq]').between([state, -Infinity], [state, Infinity]).limit(limit).toArray();
      return db.transaction('r', t.outbox, t.pending, async () => fullRows((await pendingInOrder()).filter((r) => r.state === state).slice(0, limit).map((r) => r.id)));
    },
    async unsent() {
      return db.transaction('r', t.outbox, t.pending, async () => fullRows((await pendingInOrder()).map((r) => r.id)));
    },
    async counts() {
      const pending = await t.pending.toArray();
      const counts: OutboxCounts = { queued: 0, sending: 0, quarantined: 0, conflict: 0, unsent: pending.length };
      let oldest: string | undefined;
      for (const r of pending) {
        if (r.state === 'acked') continue;
        counts[r.state] += 1;
        if (oldest === undefined || r.recordedAt < oldest) oldest = r.recordedAt;
      }
      if (oldest !== undefined) counts.oldestUnsentRecordedAt = oldest;
      return counts;
    },
    async getMeta<T>(key: string) {
      return (await t.syncState.get(key))?.value as T | undefined;
    },
    async setMeta(key, value) {
      await t.syncState.put({ key, value });
    },
    async enqueueMedia(rows) {
      if (rows.length === 0) return;
      await db.transaction('rw', t.syncMedia, async () => {
        for (const r of rows) {
          const existing = await t.syncMedia.get(r.sha256);
          if (existing) {
            if (!existing.opIds.includes(r.opId)) await t.syncMedia.put({ ...existing, opIds: [...existing.opIds, r.opId] });
          } else {
            await t.syncMedia.put({ sha256: r.sha256, size: r.size, state: 'pending', attempts: 0, opIds: [r.opId] });
          }
        }
      });
    },
    async pendingMedia(limit) {
      return t.syncMedia.where('state').equals('pending').limit(limit).toArray();
    },
    async saveMedia(row) {
      await t.syncMedia.put(row);
    },
    async applyPulled(items, cursor, nowIso) {
      return db.transaction('rw', t.syncInbox, t.syncState, async () => {
        const known = new Set((await t.syncInbox.bulkGet(items.map((i) => i.id))).flatMap((r) => (r ? [r.id] : [])));
        const fresh = items.filter((i) => !known.has(i.id));
        if (fresh.length > 0) {
          await t.syncInbox.bulkPut(fresh.map((i) => ({ ...i, pulledAt: nowIso })));
        }
        await t.syncState.put({ key: 'pullCursor', value: cursor });
        return fresh;
      });
    },
    async appendLog(entry) {
      await t.syncLog.put(entry);
    },
  };
}
