/**
 * The desk acks an outbox row only on a receipt for exactly that row: the receipt's opId and
 * payloadHash must be the row's. A platform (or anything between) that answers "accepted" or
 * "duplicate" with a receipt for other content leaves the row unacked, in conflict for review.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { payloadHashOf } from '../../shared/sync/hash';
import { buildOutboxRow, verifyReceipt } from '../../shared/sync/outbox';
import type { OpResult, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import type { SyncTransport } from '../../renderer/src/sync/transport';
import { seededRandom, testIdMaker, uniqueId } from './helpers';

const SERVER_TIME = '2026-11-21T10:00:00.000Z';

/** A platform stand-in whose receipts are bent by `bend` (by op index). */
function transportAnswering(bend: (op: PushRequest['ops'][number], index: number) => OpResult): SyncTransport {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    ping: async () => ({ v: 1, serverTime: SERVER_TIME, officeId: 'o', officeName: '测试' }),
    push: async (request): Promise<PushResponse> => ({ v: 1, batchId: request.batchId, serverTime: SERVER_TIME, results: request.ops.map(bend) }),
    pull: async (cursor) => ({ v: 1, items: [], cursor: cursor ?? 'c', hasMore: false, serverTime: SERVER_TIME }),
    mediaStatus: unused,
    uploadChunk: unused,
    importFile: unused,
  };
}

const receiptFor = (op: PushRequest['ops'][number], index: number, payloadHash = op.payloadHash, opId = op.id) => ({
  opId,
  serverSeq: 100 + index,
  receivedAt: SERVER_TIME,
  batchId: 'b',
  payloadHash,
  mediaMissing: [],
});

describe('receipts are checked against the outbox row', () => {
  it('acks matching receipts and leaves a receipt for other content unacked, in conflict', async () => {
    const db = new CreditDeskDb(uniqueId('receipts'));
    await db.open();
    const deviceId = uniqueId('dev');
    const rows = [0, 1, 2, 3].map((i) =>
      buildOutboxRow({ id: `${deviceId}-${i}`, deviceId, deviceSeq: i + 1, kind: 'case-event', entityId: 'case-1', payloadSchemaVersion: 1, payload: { type: 'statement_received', caseId: 'case-1', n: i }, recordedAt: SERVER_TIME }),
    );
    await db.outbox.bulkAdd(rows);
    const otherHash = payloadHashOf({ type: 'statement_received', caseId: 'case-1', n: 'tampered' });
    const engine = createSyncEngine({
      store: createDexieOutboxStore(db),
      transport: transportAnswering((op, i) => {
        if (i === 1) return { id: op.id, status: 'accepted', receipt: receiptFor(op, i, otherHash) };
        if (i === 2) return { id: op.id, status: 'duplicate', receipt: receiptFor(op, i, otherHash) };
        if (i === 3) return { id: op.id, status: 'accepted', receipt: receiptFor(op, i, op.payloadHash, `${deviceId}-0`) };
        return { id: op.id, status: 'accepted', receipt: receiptFor(op, i) };
      }),
      deviceId,
      now: () => Date.parse(SERVER_TIME),
      random: seededRandom(3),
      makeId: testIdMaker('batch'),
      sleep: async () => undefined,
    });
    const report = await engine.runOnce({ force: true });
    expect(report).toMatchObject({ sent: 1, duplicates: 0, conflicts: 3 });
    const stored = await db.outbox.toArray();
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.get(rows[0]!.id)).toMatchObject({ state: 'acked', receipt: { serverSeq: 100 } });
    for (const row of rows.slice(1)) {
      const s = byId.get(row.id)!;
      expect(s.state, row.id).toBe('conflict');
      expect(s.receipt, row.id).toBeUndefined();
      expect(s.lastError).toMatch(/回执与本机记录不符/);
    }
    expect(byId.get(rows[1]!.id)!.conflictWith?.payloadHash).toBe(otherHash);
    db.close();
  });

  it('passes every other answer through unchanged', () => {
    const row = { id: 'op-1', payloadHash: 'a'.repeat(64) };
    const rejected: OpResult = { id: 'op-1', status: 'rejected', errors: [{ path: 'kind', code: 'unknown-kind', message: 'x', messageZh: '平台不认识的操作类型' }] };
    expect(verifyReceipt(row, rejected)).toBe(rejected);
    const accepted: OpResult = { id: 'op-1', status: 'accepted', receipt: { opId: 'op-1', serverSeq: 1, receivedAt: SERVER_TIME, batchId: 'b', payloadHash: row.payloadHash, mediaMissing: [] } };
    expect(verifyReceipt(row, accepted)).toBe(accepted);
    expect(verifyReceipt(row, { ...accepted, receipt: { ...accepted.receipt, payloadHash: 'b'.repeat(64) } })).toMatchObject({ status: 'conflict', differs: ['payloadHash'] });
  });
});
