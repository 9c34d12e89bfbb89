/**
 * `outboxPending` (migration 90): one small row per outbox row that is not acked, keyed by the outbox
 * row's id, with no secondary index. It is kept by a Dexie middleware in the same transaction as
 * every write to `outbox` (add, put, delete, clear — whoever writes), so it cannot drift from the
 * outbox: a row is here exactly when its outbox row's state is queued, sending, quarantined or conflict.
 *
 * Why: Chromium leaves an index entry behind every time an indexed value changes (queued → sending
 * → acked), so the outbox's `state` index ranges grow with every operation ever synced and counting
 * or reading them takes seconds on an office's outbox after a year. The sync status, the claim of
 * the next batch and the unsent list read this table instead (docs/search.md, "Why counters").
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { OutboxRow, OutboxState } from '../../../shared/sync/outbox';

export const OUTBOX_PENDING_TABLE = 'outboxPending';

export type OutboxPendingRow = Pick<OutboxRow, 'id' | 'deviceSeq' | 'state' | 'recordedAt' | 'batchId' | 'nextAttemptAt'>;

export const UNSENT_STATES: readonly OutboxState[] = ['queued', 'sending', 'quarantined', 'conflict'];

export function isUnsent(state: OutboxState): boolean {
  return state !== 'acked';
}

/** The pending row of an outbox row (undefined when the row is acked). */
export function pendingRowOf(row: OutboxRow): OutboxPendingRow | undefined {
  if (!isUnsent(row.state)) return undefined;
  const pending: OutboxPendingRow = { id: row.id, deviceSeq: row.deviceSeq, state: row.state, recordedAt: row.recordedAt };
  if (row.batchId !== undefined) pending.batchId = row.batchId;
  if (row.nextAttemptAt !== undefined) pending.nextAttemptAt = row.nextAttemptAt;
  return pending;
}

/** True when the transaction covers the pending table (false in upgrades before migration 90). */
function coversPending(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return !!names && typeof names.contains === 'function' && names.contains(OUTBOX_PENDING_TABLE);
}

async function follow(pending: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse, outbox: DBCoreTable): Promise<void> {
  const trans = req.trans;
  if (req.type === 'deleteRange') {
    // Same primary keys (outbox ids) on both tables.
    await pending.mutate({ type: 'deleteRange', trans, range: req.range });
    return;
  }
  if (req.type === 'delete') {
    if (req.keys.length > 0) await pending.mutate({ type: 'delete', trans, keys: req.keys });
    return;
  }
  let values: readonly OutboxRow[] = req.values as readonly OutboxRow[];
  if (values.length === 0 && req.type === 'put' && req.updates) {
    // An update by key and change spec: read back what was stored.
    values = ((await outbox.getMany({ trans, keys: req.updates.keys })) as (OutboxRow | undefined)[]).filter((r): r is OutboxRow => !!r);
  } else if (res.numFailures > 0) {
    values = values.filter((_, i) => !res.failures[i]);
  }
  const puts: OutboxPendingRow[] = [];
  const deletes: string[] = [];
  for (const row of values) {
    const p = pendingRowOf(row);
    if (p) puts.push(p);
    else deletes.push(row.id);
  }
  if (puts.length > 0) await pending.mutate({ type: 'put', trans, values: puts });
  if (deletes.length > 0) await pending.mutate({ type: 'delete', trans, keys: deletes });
}

/** Keeps `outboxPending` in step with `outbox` (registered by CreditDeskDb). */
export const outboxPendingMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'OutboxPending',
  create(down) {
    const hasPending = () => down.schema.tables.some((t) => t.name === OUTBOX_PENDING_TABLE);
    return {
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes('outbox') && !stores.includes(OUTBOX_PENDING_TABLE) && hasPending() ? [...stores, OUTBOX_PENDING_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'outbox') return table;
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            if (coversPending(req.trans)) await follow(down.table(OUTBOX_PENDING_TABLE), req, res, table);
            return res;
          },
        };
      },
    };
  },
};
