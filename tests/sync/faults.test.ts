/**
 * 10,000 events pushed through a fault-injecting proxy to the real platform on loopback: dropped
 * connections (before and mid-batch), 5xx, duplicate deliveries, answers lost after the server
 * committed, client timeouts and a server restart mid-run — each fault many times (the counts are
 * printed). Before the run the platform already holds some of the desk's operations: identical ones
 * (the desk must get the original receipts: "duplicate"), and ones with the same id but another
 * payload or another recording time (the desk must end in conflict, never acked, nothing
 * overwritten). The end state is compared by content, operation by operation: what the platform
 * stored (payload, its hash, every identity field) and every receipt the desk kept.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../platform/server/app';
import type { DatabaseConfig } from '../../platform/server/db';
import { canonicalize, payloadHashOf } from '../../shared/sync/hash';
import { toPushOperation, type OutboxRow } from '../../shared/sync/outbox';
import type { PushOperation, Receipt } from '../../shared/sync/protocol';
import { syntheticCaseEventRows } from '../helpers/outbox-rows';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { createHttpTransport } from '../../renderer/src/sync/transport';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
import { makeOffice, postgresUrl, postJson, seededRandom, testIdMaker, uniqueId } from './helpers';

const TOTAL = 10_000;
/** Operations the platform already holds identically (pushed by "another device" of the office). */
const ALREADY_HELD = { from: 100, count: 200 };
/** Same id, another payload. */
const PAYLOAD_CONFLICTS = { from: 300, count: 50 };
/** Same id and payload, another recording time. */
const IDENTITY_CONFLICTS = { from: 350, count: 50 };
const FAULTS: readonly Exclude<Fault, 'none'>[] = ['refuse', 'drop-mid', '5xx', 'lost-response', 'duplicate', 'timeout'];
/** Each fault type must fire at least this often for the run to count. */
const MIN_EACH_FAULT = 10;

const targets: { name: string; db: () => DatabaseConfig; cleanup?: () => void }[] = [];
{
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-platform-'));
  targets.push({ name: 'pglite', db: () => ({ kind: 'pglite', dataDir: dir }), cleanup: () => rmSync(dir, { recursive: true, force: true }) });
  const url = postgresUrl();
  if (url) targets.push({ name: 'postgres', db: () => ({ kind: 'postgres', url }) });
}

const range = (r: { from: number; count: number }) => Array.from({ length: r.count }, (_, i) => r.from + i);

type StoredOp = {
  op_id: string;
  device_id: string;
  device_seq: string;
  kind: string;
  entity_id: string;
  payload_schema_version: number;
  payload: unknown;
  payload_hash: string;
  recorded_at: string;
  batch_id: string;
  server_seq: string;
  received_at: Date | string;
};

for (const target of targets) {
  describe(`10,000 events under faults (${target.name})`, () => {
    let platform: Platform | undefined;
    let proxy: FaultProxy | undefined;
    afterAll(async () => {
      await proxy?.close();
      await platform?.close();
      target.cleanup?.();
    });

    it('stores exactly the 10,000 operations sent, with matching receipts, and keeps conflicts for review', { timeout: 300_000 }, async () => {
      const office = makeOffice();
      // High limits: this one desk sends far more requests than a real day's end.
      const options = { database: target.db(), offices: [office], rateLimits: { perAddressPerMinute: 100_000, perOfficePerMinute: 100_000 } };
      platform = await startPlatform({ port: 0, ...options });
      const port = platform.port;

      const db = new CreditDeskDb(uniqueId('faults'));
      await db.open();
      const deviceId = uniqueId('dev');
      const rows = syntheticCaseEventRows(deviceId, TOTAL, '2026-11-21T01:00:00.000Z');
      await db.outbox.bulkAdd(rows);

      // ---- What the platform holds before the desk's run (sent straight to it, no faults).
      const heldBatch = uniqueId('held');
      const held: PushOperation[] = [
        ...range(ALREADY_HELD).map((i) => toPushOperation(rows[i]!)),
        ...range(PAYLOAD_CONFLICTS).map((i) => {
          const payload = { ...(rows[i]!.payload as object), summary: '另一版本的陈述申辩' };
          return { ...toPushOperation(rows[i]!), payload, payloadHash: payloadHashOf(payload) };
        }),
        ...range(IDENTITY_CONFLICTS).map((i) => ({ ...toPushOperation(rows[i]!), recordedAt: '2026-11-20T23:59:59.000Z' })),
      ];
      const seeded = await postJson(`${platform.url}/v1/push`, office.token, { v: 1, batchId: heldBatch, deviceId, sentAt: new Date().toISOString(), ops: held });
      expect(seeded.json.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
      const heldReceipts = new Map<string, Receipt>(seeded.json.results.map((r: { id: string; receipt: Receipt }) => [r.id, r.receipt]));

      // ---- The faulty network.
      const rnd = seededRandom(20261122);
      let restartAt = 0;
      let restarting: Promise<void> | undefined;
      let restarted = false;
      let pushes = 0;
      proxy = await startFaultProxy({
        targetPort: port,
        holdMs: 1_000,
        async beforeForward(n) {
          if (restarting) await restarting;
          if (!restarted && restartAt > 0 && n >= restartAt) {
            restarted = true;
            // Restart the platform in the middle of the run: this request finds it gone.
            restarting = (async () => {
              await platform!.close();
              platform = await startPlatform({ port, ...options });
            })();
            return 'refuse';
          }
          return 'continue';
        },
        choose(n, method, path): Fault {
          if (method !== 'POST' || !path.startsWith('/v1/push')) return rnd() < 0.1 ? '5xx' : 'none';
          pushes++;
          if (pushes === 40) restartAt = n + 1;
          const r = rnd();
          if (r < 0.09) return 'refuse';
          if (r < 0.18) return 'drop-mid';
          if (r < 0.27) return '5xx';
          if (r < 0.37) return 'lost-response';
          if (r < 0.47) return 'duplicate';
          if (r < 0.58 && proxy!.stats.timeout < 14) return 'timeout';
          return 'none';
        },
      });

      const sleeps: number[] = [];
      const store = createDexieOutboxStore(db);
      const engine = createSyncEngine({
        store,
        transport: createHttpTransport({ baseUrl: proxy.url, token: office.token, timeoutMs: 800 }),
        deviceId,
        now: () => Date.now(),
        random: seededRandom(7),
        makeId: testIdMaker('batch'),
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((r) => setTimeout(r, Math.min(ms, 10)));
        },
        batchSize: 100,
      });

      const reports = [];
      for (let run = 0; run < 60; run++) {
        const report = await engine.runOnce({ force: true });
        reports.push(report);
        const c = await store.counts();
        if (c.queued + c.sending === 0) break;
      }

      // ---- Every fault fired often, and the server restarted.
      const s = proxy.stats;
      const conflictIds = new Set([...range(PAYLOAD_CONFLICTS), ...range(IDENTITY_CONFLICTS)].map((i) => rows[i]!.id));
      const heldIds = new Set(range(ALREADY_HELD).map((i) => rows[i]!.id));
      const total = reports.reduce((a, r) => ({ sent: a.sent + r.sent, duplicates: a.duplicates + r.duplicates, conflicts: a.conflicts + r.conflicts }), { sent: 0, duplicates: 0, conflicts: 0 });
      console.log(
        `[faults/${target.name}] runs=${reports.length} requests=${s.requests} pushes=${pushes} faults=${JSON.stringify(Object.fromEntries(FAULTS.map((f) => [f, s[f]])))} ` +
          `restarted=${restarted} sent=${total.sent} duplicates=${total.duplicates} conflicts=${total.conflicts} retries=${reports.reduce((a, r) => a + r.transportRetries, 0)}`,
      );
      for (const fault of FAULTS) expect(s[fault], fault).toBeGreaterThanOrEqual(MIN_EACH_FAULT);
      expect(restarted).toBe(true);
      const { rows: redelivered } = await platform!.db.query<{ n: string }>('SELECT count(*)::text AS n FROM batches WHERE office_id = $1 AND deliveries > 1', [office.id]);
      expect(Number(redelivered[0]!.n)).toBeGreaterThan(0);
      expect(Math.max(...sleeps)).toBeLessThanOrEqual(10 * 60_000);

      // ---- The desk: everything acked except the conflicts, which wait for a person.
      expect(await store.counts()).toMatchObject({ queued: 0, sending: 0, quarantined: 0, conflict: conflictIds.size });
      expect(total.sent + total.duplicates).toBe(TOTAL - conflictIds.size);
      expect(total.duplicates).toBeGreaterThanOrEqual(heldIds.size);

      // ---- The platform: exactly one stored operation per id, compared by content.
      const { rows: stored } = await platform!.db.query<StoredOp>(
        `SELECT op_id, device_id, device_seq::text AS device_seq, kind, entity_id, payload_schema_version, payload, payload_hash, recorded_at, batch_id,
                server_seq::text AS server_seq, received_at FROM operations WHERE office_id = $1`,
        [office.id],
      );
      expect(stored).toHaveLength(TOTAL);
      const storedById = new Map(stored.map((op) => [op.op_id, op]));
      expect(storedById.size).toBe(TOTAL);
      const heldById = new Map(held.map((op) => [op.id, op]));
      const desk = new Map((await db.outbox.toArray()).map((r) => [r.id, r]));
      let compared = 0;
      for (const original of rows) {
        const row: OutboxRow = desk.get(original.id)!;
        const op = storedById.get(original.id)!;
        expect(op, original.id).toBeDefined();
        // What the platform stored hashes to what it says, whoever sent it.
        expect(payloadHashOf(op.payload)).toBe(op.payload_hash);
        // The desk never changed its own record.
        expect(row.payload).toEqual(original.payload);
        expect(row.payloadHash).toBe(original.payloadHash);
        const expected = heldById.get(original.id) ?? toPushOperation(original);
        expect({ hash: op.payload_hash, payload: canonicalize(op.payload), deviceId: op.device_id, deviceSeq: Number(op.device_seq), kind: op.kind, entityId: op.entity_id, psv: op.payload_schema_version, recordedAt: op.recorded_at }).toEqual({
          hash: expected.payloadHash,
          payload: canonicalize(expected.payload),
          deviceId: expected.deviceId,
          deviceSeq: expected.deviceSeq,
          kind: expected.kind,
          entityId: expected.entityId,
          psv: expected.payloadSchemaVersion,
          recordedAt: expected.recordedAt,
        });
        const platformReceipt: Receipt = { opId: op.op_id, serverSeq: Number(op.server_seq), receivedAt: new Date(op.received_at).toISOString(), batchId: op.batch_id, payloadHash: op.payload_hash, mediaMissing: [] };
        if (conflictIds.has(original.id)) {
          expect(row.state).toBe('conflict');
          expect(row.receipt).toBeUndefined();
          expect(row.conflictWith).toEqual({ payloadHash: op.payload_hash, receipt: platformReceipt });
          expect(op.batch_id).toBe(heldBatch);
        } else {
          expect(row.state).toBe('acked');
          expect(row.receipt).toEqual(platformReceipt);
          if (heldIds.has(original.id)) {
            // Already held: the desk keeps the original receipt, from the batch that first stored it.
            expect(row.ackStatus).toBe('duplicate');
            expect(row.receipt).toEqual(heldReceipts.get(original.id));
          } else {
            expect(row.ackStatus).toBe('accepted');
            expect(op.batch_id).toBe(row.batchId);
          }
        }
        compared++;
      }
      expect(compared).toBe(TOTAL);
      expect(new Set([...desk.values()].flatMap((r) => (r.receipt ? [r.receipt.serverSeq] : []))).size).toBe(TOTAL - conflictIds.size);
      const { rows: logged } = await platform!.db.query<{ n: string }>('SELECT count(DISTINCT op_id)::text AS n FROM conflicts WHERE office_id = $1', [office.id]);
      expect(Number(logged[0]!.n)).toBe(conflictIds.size);
      db.close();
    });
  });
}
