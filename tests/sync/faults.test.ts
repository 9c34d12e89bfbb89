/**
 * 10,000 events pushed through a fault-injecting proxy to the real platform on loopback: dropped
 * connections (before and mid-batch), 5xx, duplicate deliveries, answers lost after the server
 * committed, client timeouts and a server restart mid-run. Ends with exactly 10,000 stored and an
 * empty outbox.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../platform/server/app';
import type { DatabaseConfig } from '../../platform/server/db';
import { syntheticCaseEventRows } from '../helpers/outbox-rows';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { createHttpTransport } from '../../renderer/src/sync/transport';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
import { makeOffice, postgresUrl, seededRandom, testIdMaker, uniqueId } from './helpers';

const TOTAL = 10_000;

const targets: { name: string; db: () => DatabaseConfig; cleanup?: () => void }[] = [];
{
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-platform-'));
  targets.push({ name: 'pglite', db: () => ({ kind: 'pglite', dataDir: dir }), cleanup: () => rmSync(dir, { recursive: true, force: true }) });
  const url = postgresUrl();
  if (url) targets.push({ name: 'postgres', db: () => ({ kind: 'postgres', url }) });
}

for (const target of targets) {
  describe(`10,000 events under faults (${target.name})`, () => {
    let platform: Platform | undefined;
    let proxy: FaultProxy | undefined;
    afterAll(async () => {
      await proxy?.close();
      await platform?.close();
      target.cleanup?.();
    });

    it('stores exactly 10,000 and empties the outbox', { timeout: 150_000 }, async () => {
      const office = makeOffice();
      platform = await startPlatform({ port: 0, database: target.db(), offices: [office] });
      const port = platform.port;

      const db = new CreditDeskDb(uniqueId('faults'));
      await db.open();
      const deviceId = uniqueId('dev');
      const rows = syntheticCaseEventRows(deviceId, TOTAL, '2026-11-21T01:00:00.000Z');
      await db.outbox.bulkAdd(rows);

      const rnd = seededRandom(20261122);
      let restartAt = 0;
      let restarting: Promise<void> | undefined;
      let restarted = false;
      let timeouts = 0;
      let pushes = 0;
      proxy = await startFaultProxy({
        targetPort: port,
        holdMs: 1_300,
        async beforeForward(n) {
          if (restarting) await restarting;
          if (!restarted && restartAt > 0 && n >= restartAt) {
            restarted = true;
            // Restart the platform in the middle of the run: this request finds it gone.
            restarting = (async () => {
              await platform!.close();
              platform = await startPlatform({ port, database: target.db(), offices: [office] });
            })();
            return 'refuse';
          }
          return 'continue';
        },
        choose(_n, method, path): Fault {
          if (method !== 'POST' || !path.startsWith('/v1/push')) return rnd() < 0.1 ? '5xx' : 'none';
          pushes++;
          if (pushes === 8) restartAt = _n + 1;
          const r = rnd();
          if (r < 0.08) return 'refuse';
          if (r < 0.16) return 'drop-mid';
          if (r < 0.24) return '5xx';
          if (r < 0.34) return 'lost-response';
          if (r < 0.44) return 'duplicate';
          if (r < 0.48 && timeouts < 4) {
            timeouts++;
            return 'timeout';
          }
          return 'none';
        },
      });

      const sleeps: number[] = [];
      const store = createDexieOutboxStore(db);
      const engine = createSyncEngine({
        store,
        transport: createHttpTransport({ baseUrl: proxy.url, token: office.token, timeoutMs: 1_000 }),
        deviceId,
        now: () => Date.now(),
        random: seededRandom(7),
        makeId: testIdMaker('batch'),
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((r) => setTimeout(r, Math.min(ms, 10)));
        },
        batchSize: 250,
      });

      const reports = [];
      for (let run = 0; run < 40; run++) {
        const report = await engine.runOnce({ force: true });
        reports.push(report);
        if ((await store.counts()).unsent === 0) break;
      }

      expect(await platform!.store.countOperations(office.id)).toBe(TOTAL);
      const counts = await store.counts();
      expect(counts).toMatchObject({ queued: 0, sending: 0, quarantined: 0, conflict: 0, unsent: 0 });
      const acked = await db.outbox.toArray();
      expect(acked.every((r) => r.state === 'acked' && r.receipt !== undefined)).toBe(true);
      expect(new Set(acked.map((r) => r.receipt!.serverSeq)).size).toBe(TOTAL);
      const { rows: dup } = await platform!.db.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM (SELECT op_id FROM operations WHERE office_id = $1 GROUP BY op_id HAVING count(*) > 1) d',
        [office.id],
      );
      expect(Number(dup[0]!.n)).toBe(0);
      // Every kind of fault actually happened, and the server restarted.
      const s = proxy.stats;
      for (const fault of ['refuse', 'drop-mid', '5xx', 'lost-response', 'duplicate', 'timeout'] as const) expect(s[fault], fault).toBeGreaterThan(0);
      expect(restarted).toBe(true);
      const { rows: redelivered } = await platform!.db.query<{ n: string }>('SELECT count(*)::text AS n FROM batches WHERE office_id = $1 AND deliveries > 1', [office.id]);
      expect(Number(redelivered[0]!.n)).toBeGreaterThan(0);
      // Backoff stays within its cap.
      expect(Math.max(...sleeps)).toBeLessThanOrEqual(10 * 60_000);
      const total = reports.reduce((a, r) => ({ sent: a.sent + r.sent, duplicates: a.duplicates + r.duplicates }), { sent: 0, duplicates: 0 });
      expect(total.sent + total.duplicates).toBe(TOTAL);
      console.log(`[faults/${target.name}] runs=${reports.length} requests=${s.requests} faults=${JSON.stringify(s)} sent=${total.sent} duplicates=${total.duplicates} retries=${reports.reduce((a, r) => a + r.transportRetries, 0)}`);
      db.close();
    });
  });
}
