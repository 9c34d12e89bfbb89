import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';
import { syntheticCaseEventRows } from '../../helpers/outbox-rows';
import type { OutboxRow } from '../../../shared/sync/outbox';

describe('migration 0090: the outbox rows not yet acked', () => {
  it('backfills one summary per unsent outbox row (none for acked rows), then keeps it with every write', async () => {
    const db83 = await openTestDb(83);
    const states = ['acked', 'queued', 'sending', 'quarantined', 'conflict', 'acked'] as const;
    const rows: OutboxRow[] = syntheticCaseEventRows('dev-m', states.length, '2026-11-20T01:00:00.000Z').map((r, i) => ({ ...r, state: states[i]!, ...(i === 2 ? { batchId: 'b1' } : {}), ...(i === 1 ? { nextAttemptAt: '2026-11-20T02:00:00.000Z' } : {}) }));
    await seed(db83, 'outbox', rows);
    const db = await migrateTo(db83, 90);
    expect((await dump(db, 'outboxPending')).sort((a, b) => (a as OutboxRow).deviceSeq - (b as OutboxRow).deviceSeq)).toEqual([
      { id: rows[1]!.id, deviceSeq: 2, state: 'queued', recordedAt: rows[1]!.recordedAt, nextAttemptAt: '2026-11-20T02:00:00.000Z' },
      { id: rows[2]!.id, deviceSeq: 3, state: 'sending', recordedAt: rows[2]!.recordedAt, batchId: 'b1' },
      { id: rows[3]!.id, deviceSeq: 4, state: 'quarantined', recordedAt: rows[3]!.recordedAt },
      { id: rows[4]!.id, deviceSeq: 5, state: 'conflict', recordedAt: rows[4]!.recordedAt },
    ]);
    expect(await db.outbox.count()).toBe(6);
    await db.outbox.put({ ...rows[1]!, state: 'acked' });
    expect(await db.outboxPending.get(rows[1]!.id)).toBeUndefined();
    db.close();
  });
});
