/**
 * outboxPending (the unsent rows' summaries the sync status, the claim and the unsent list read) is
 * kept by the outbox middleware with every outbox write, whoever writes. After every kind of write —
 * acts, the bulk path, claim / send / receipts (accepted, rejected, conflict, retry-later), transport
 * failure, officer requeue and conflict review, deletes and clear — it must equal what a full scan of
 * the outbox says, and counts() must equal the scan's counts. A write that bypassed it would fail here.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OutboxRow, OutboxState } from '../../shared/sync/outbox';
import type { OpResult, PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { CreditDeskDb } from '../../renderer/src/db/database';
import { pendingRowOf } from '../../renderer/src/db/outbox-pending';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import type { SyncTransport } from '../../renderer/src/sync/transport';
import { requeueQuarantined, resolveConflict } from '../../renderer/src/desk/sync';
import { generateCounty, setUpCountyOffice } from '../../bench/county/generate';
import { appendSteps, determinedCaseId, LISTING_STEPS, officeDesk } from '../renderer/fixtures';
import { syntheticCaseEventRows } from '../helpers/outbox-rows';
import { openTestDb } from '../helpers/dexie';

const SERVER_TIME = '2026-10-12T02:00:00.000Z';
const STATES: OutboxState[] = ['queued', 'sending', 'quarantined', 'conflict'];

/** What the pending table must hold, from a full scan of the outbox (no index, no middleware state). */
async function expectInStep(db: CreditDeskDb): Promise<Record<OutboxState, number>> {
  const all = await db.outbox.toArray();
  const expected = all.flatMap((r) => pendingRowOf(r) ?? []).sort((a, b) => a.id.localeCompare(b.id));
  const pending = (await db.outboxPending.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  expect(pending).toEqual(expected);
  const byState = Object.fromEntries(STATES.map((s) => [s, all.filter((r) => r.state === s).length])) as Record<OutboxState, number>;
  const counts = await createDexieOutboxStore(db).counts();
  expect(counts).toMatchObject({ ...byState, unsent: expected.length });
  const unsentRows = all.filter((r) => r.state !== 'acked').sort((a, b) => a.deviceSeq - b.deviceSeq);
  if (unsentRows.length > 0) expect(counts.oldestUnsentRecordedAt).toBe(unsentRows.map((r) => r.recordedAt).sort()[0]);
  expect((await createDexieOutboxStore(db).unsent()).map((r) => r.id)).toEqual(unsentRows.map((r) => r.id));
  return byState;
}

const receipt = (op: PushRequest['ops'][number]) => ({ opId: op.id, serverSeq: op.deviceSeq, receivedAt: SERVER_TIME, batchId: 'b', payloadHash: op.payloadHash, mediaMissing: [] });

/** A platform stand-in answering each op by `answer`, or failing the request when `fail` is set. */
function platform(answer: (op: PushRequest['ops'][number], index: number) => OpResult, fail: { now: boolean } = { now: false }): SyncTransport {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    ping: async () => ({ v: 1, serverTime: SERVER_TIME, officeId: 'o', officeName: '测试' }),
    push: async (request): Promise<PushResponse> => {
      if (fail.now) throw new Error('network down');
      return { v: 1, batchId: request.batchId, serverTime: SERVER_TIME, results: request.ops.map(answer) };
    },
    pull: async (cursor) => ({ v: 1, items: [], cursor: cursor ?? 'c', hasMore: false, serverTime: SERVER_TIME }),
    mediaStatus: unused,
    uploadChunk: unused,
    importFile: unused,
  };
}

function engineFor(db: CreditDeskDb, transport: SyncTransport, batchSize = 3) {
  let n = 0;
  return createSyncEngine({ store: createDexieOutboxStore(db), transport, deviceId: 'dev-test', now: () => Date.parse(SERVER_TIME), random: () => 0.5, makeId: () => `batch-${++n}`, batchSize });
}

describe('outboxPending stays in step with the outbox', () => {
  it('after acts, a sync with every kind of answer, a failed request, requeue, conflict review, deletes and clear', async () => {
    const desk = await officeDesk();
    const db = desk.db;
    const caseId = await determinedCaseId(desk);
    await appendSteps(desk, caseId, LISTING_STEPS, '2026-10-12');
    expect((await expectInStep(db)).queued).toBeGreaterThan(2);

    // A request that fails: rows go back to the queue with their batch.
    const fail = { now: true };
    const answers: OpResult['status'][] = ['accepted', 'rejected', 'conflict', 'retry-later', 'duplicate'];
    const answer = (op: PushRequest['ops'][number], i: number): OpResult => {
      const status = answers[(op.deviceSeq + i) % answers.length]!;
      if (status === 'accepted' || status === 'duplicate') return { id: op.id, status, receipt: receipt(op) };
      if (status === 'rejected') return { id: op.id, status, errors: [{ path: 'payload', code: 'invalid', message: 'invalid', messageZh: '字段有误' }] };
      if (status === 'conflict') return { id: op.id, status, existing: { payloadHash: 'a'.repeat(64), receipt: receipt(op) }, messageZh: '平台已有不同内容' };
      return { id: op.id, status, retryAfterMs: 1000, reason: 'busy' };
    };
    await engineFor(db, platform(answer, fail)).runOnce({ force: true });
    await expectInStep(db);

    // The same rows sent again, answered with every status.
    fail.now = false;
    await engineFor(db, platform(answer, fail)).runOnce({ force: true });
    const after = await expectInStep(db);
    expect(after.quarantined + after.conflict).toBeGreaterThan(0);

    // The officer edits a quarantined row and reviews a conflict (a correction is queued).
    for (const row of (await db.outbox.toArray()).filter((r) => r.state === 'quarantined')) expect((await requeueQuarantined(desk, row.id, row.payload)).ok).toBe(true);
    await expectInStep(db);
    for (const row of (await db.outbox.toArray()).filter((r) => r.state === 'conflict')) expect((await resolveConflict(desk, row.id, 'send-as-correction')).ok).toBe(true);
    await expectInStep(db);

    // Everything accepted at last.
    await engineFor(db, platform((op) => ({ id: op.id, status: 'accepted', receipt: receipt(op) }))).runOnce({ force: true });
    expect(await expectInStep(db)).toEqual({ queued: 0, sending: 0, quarantined: 0, conflict: 0 });
    expect(await db.outboxPending.count()).toBe(0);

    // Other writers: modify, update, delete, clear.
    await db.outbox.bulkAdd(syntheticCaseEventRows('dev-x', 6, SERVER_TIME));
    await db.outbox.where('deviceSeq').below(3).modify({ state: 'quarantined' });
    await db.outbox.update('dev-x-000003', { state: 'acked' });
    await db.outbox.delete('dev-x-000004');
    await expectInStep(db);
    await db.transaction('rw', db.outbox, async () => {
      await db.outbox.bulkDelete(['dev-x-000005']);
      await db.outbox.put({ ...(await db.outbox.get('dev-x-000003'))!, state: 'sending', batchId: 'b9' });
    });
    await expectInStep(db);
    await db.outbox.clear();
    await expectInStep(db);
    expect(await db.outboxPending.count()).toBe(0);
    db.close();
  });

  it('an outbox write that fails leaves the pending table as it was (same transaction)', async () => {
    const db = await openTestDb();
    const [a, b] = syntheticCaseEventRows('dev-y', 2, SERVER_TIME) as [OutboxRow, OutboxRow];
    await db.outbox.add(a);
    await expect(db.transaction('rw', db.outbox, async () => {
      await db.outbox.add(b);
      await db.outbox.add(a); // duplicate id: the transaction aborts
    })).rejects.toThrow();
    expect((await db.outboxPending.toArray()).map((r) => r.id)).toEqual([a.id]);
    await expectInStep(db);
    db.close();
  });

  it('the check above catches a pending table that drifted (a write that bypassed Dexie)', async () => {
    const db = await openTestDb();
    const [a] = syntheticCaseEventRows('dev-z', 1, SERVER_TIME) as [OutboxRow];
    await db.outbox.add(a);
    await expectInStep(db);
    await new Promise<void>((done, fail) => {
      const tx = db.backendDB().transaction('outbox', 'readwrite');
      tx.objectStore('outbox').put({ ...a, state: 'acked' });
      tx.oncomplete = () => done();
      tx.onerror = () => fail(tx.error);
    });
    await expect(expectInStep(db)).rejects.toThrow();
    db.close();
  });

  it('the bulk path and the county generator (outbox history acked in batches)', async () => {
    const desk = await officeDesk();
    await setUpCountyOffice(desk);
    const summary = await generateCounty(desk, { seed: 7, subjects: 40, cases: 20, today: '2026-10-12', chunk: 6 });
    expect(summary.cases).toBeGreaterThan(10);
    const counts = await expectInStep(desk.db);
    expect(counts.queued).toBeGreaterThan(0);
    expect(await desk.db.outbox.where('state').equals('acked').count()).toBeGreaterThan(0);
    desk.db.close();
  });
});
