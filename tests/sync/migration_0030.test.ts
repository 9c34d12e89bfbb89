/** Migration 0030 (sync): adds its tables and the outbox batchId index, keeping every outbox row. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildOutboxRow } from '../../shared/sync/outbox';
import { dump, migrateTo, openTestDb, seed } from '../helpers/dexie';

describe('migration 0030 sync', () => {
  it('keeps queued outbox rows written before it and indexes them by batch', async () => {
    const before = await openTestDb(29);
    const rows = [1, 2, 3].map((n) => ({ ...buildOutboxRow({ id: `op-${n}`, deviceId: 'd', deviceSeq: n, kind: 'case-event', entityId: 'c', payloadSchemaVersion: 1, payload: { type: 't', n }, recordedAt: '2026-11-20T00:00:00.000Z' }), ...(n === 2 ? { batchId: 'b-1', state: 'sending' as const } : {}) }));
    await seed(before, 'outbox', rows);
    const after = await migrateTo(before, 30);
    expect(await dump(after, 'outbox')).toEqual(rows);
    expect((await after.table('outbox').where('batchId').equals('b-1').toArray()).map((r: { id: string }) => r.id)).toEqual(['op-2']);
    for (const table of ['syncState', 'syncInbox', 'syncMedia', 'syncLog']) expect(after.tables.map((t) => t.name)).toContain(table);
    await after.table('syncInbox').put({ id: 'x', kind: 'objection', caseId: 'c', publishedAt: '2026-11-20T00:00:00.000Z', payload: {} });
    expect(await after.table('syncInbox').where('caseId').equals('c').count()).toBe(1);
    after.close();
  });
});
