import type { Migration } from './types';
import type { OutboxRow } from '../types';
import { pendingRowOf, UNSENT_STATES } from '../outbox-pending';

/**
 * `outboxPending` (primary key = outbox id, no secondary index): the outbox rows not yet acked, kept
 * by the outbox middleware (db/outbox-pending.ts) with every outbox write. The sync status, the
 * claim and the unsent list read it instead of the outbox's `state` index, whose ranges Chromium
 * fills with stale entries as rows move queued → sending → acked. Backfilled once from that index.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'outbox-pending',
  stores: { outboxPending: 'id' },
  upgrade: async (tx) => {
    const rows = (await tx.table('outbox').where('state').anyOf([...UNSENT_STATES]).toArray()) as OutboxRow[];
    await tx.table('outboxPending').bulkPut(rows.flatMap((r) => pendingRowOf(r) ?? []));
  },
};
