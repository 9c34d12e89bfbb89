/**
 * Sync bench: push 10,000 events from the Dexie outbox (fake-indexeddb under Node) through the sync
 * engine and HTTP on loopback into the platform (PGlite, in memory), receipts written back.
 * Floor, measured in the same run on the same bytes and rows:
 *   raw POST of the exact request bodies to a bare node:http server
 * + raw INSERT of the same rows (same statement, same chunks) into a twin table in the same database
 * + raw Dexie bulkPut of the same outbox rows (same chunks).
 * Target: ours ≤ 10 s and ≤ 1.5× the floor (issue 12 §3).
 */
import { syntheticCaseEventRows } from '../tests/helpers/outbox-rows';
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startPlatform, type Platform } from '../platform/server/app';
import type { OutboxRow } from '../shared/sync/outbox';
import type { PushRequest } from '../shared/sync/protocol';
import { CreditDeskDb } from '../renderer/src/db/database';
import { createSyncEngine } from '../renderer/src/sync/engine';
import { createDexieOutboxStore } from '../renderer/src/desk/sync/outbox-store';
import { createHttpTransport } from '../renderer/src/sync/transport';

type BenchRow = { name: string; ours: number; floor: number; ratio: number; unit: string; target?: number };

const TOTAL = 10_000;
const BATCH = 500;

function makeRows(deviceId: string): OutboxRow[] {
  return syntheticCaseEventRows(deviceId, TOTAL, '2026-11-20T01:00:00.000Z');
}

type Round = { ours: number; rawPost: number; rawInsert: number; rawDexie: number; batches: number };

async function oneRound(platform: Platform, office: { id: string; token: string }, round: number): Promise<Round> {
  // ---- ours: outbox → engine → HTTP → platform → receipts written back
  const db = new CreditDeskDb(`bench-sync-${round}-${Date.now()}`);
  await db.open();
  const deviceId = `bench-device-${round}`;
  const rows = makeRows(deviceId);
  await db.outbox.bulkAdd(rows);
  const bodies: string[] = [];
  const recordingFetch = async (input: string, init?: RequestInit) => {
    if (typeof init?.body === 'string' && input.endsWith('/v1/push')) bodies.push(init.body);
    return fetch(input, init);
  };
  let n = 0;
  const engine = createSyncEngine({
    store: createDexieOutboxStore(db),
    transport: createHttpTransport({ baseUrl: platform.url, token: office.token, fetch: recordingFetch }),
    deviceId,
    now: () => Date.now(),
    random: () => 0.5,
    makeId: () => `bench-batch-${round}-${++n}`,
    batchSize: BATCH,
  });
  const before = await platform.store.countOperations(office.id);
  const t0 = performance.now();
  const report = await engine.runOnce({ force: true });
  const ours = performance.now() - t0;
  if (report.sent !== TOTAL || (await platform.store.countOperations(office.id)) !== before + TOTAL) throw new Error(`bench push incomplete: ${JSON.stringify(report)}`);
  db.close();

  // ---- floor 1: raw POST of the same bytes to a bare node:http server
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((ok) => bare.listen(0, '127.0.0.1', ok));
  const address = bare.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const t1 = performance.now();
  for (const body of bodies) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${office.token}` }, body });
    await res.text();
  }
  const rawPost = performance.now() - t1;
  await new Promise<void>((ok) => bare.close(() => ok()));

  // ---- floor 2: raw insert of the same rows into the same database (twin table, same statement shape)
  const twin = `bench_floor_ops_${round}`;
  await platform.db.query(`CREATE TABLE ${twin} (LIKE operations INCLUDING ALL)`);
  const chunks: PushRequest['ops'][] = bodies.map((b) => (JSON.parse(b) as PushRequest).ops);
  const t2 = performance.now();
  for (const ops of chunks) {
    const records = ops.map((op, ord) => ({ ord, op_id: op.id, device_id: op.deviceId, device_seq: op.deviceSeq, kind: op.kind, entity_id: op.entityId, psv: op.payloadSchemaVersion, payload: op.payload, payload_hash: op.payloadHash, recorded_at: op.recordedAt, supersedes: null, attachments: [] }));
    await platform.db.query(
      `INSERT INTO ${twin} (office_id, op_id, device_id, device_seq, kind, entity_id, payload_schema_version, payload, payload_hash, recorded_at, batch_id, source, supersedes, attachments)
       SELECT $1, x.op_id, x.device_id, x.device_seq, x.kind, x.entity_id, x.psv, x.payload, x.payload_hash, x.recorded_at, 'floor', 'http', x.supersedes, x.attachments
       FROM jsonb_to_recordset($2::jsonb) AS x(ord int, op_id text, device_id text, device_seq bigint, kind text, entity_id text, psv int, payload jsonb, payload_hash text, recorded_at text, supersedes text, attachments jsonb)`,
      [office.id, JSON.stringify(records)],
    );
  }
  const rawInsert = performance.now() - t2;
  await platform.db.query(`DROP TABLE ${twin}`);

  // ---- floor 3: raw Dexie update of the same outbox rows (same chunks)
  const floorDb = new CreditDeskDb(`bench-sync-floor-${round}-${Date.now()}`);
  await floorDb.open();
  await floorDb.outbox.bulkAdd(rows);
  const acked = rows.map((r) => ({ ...r, state: 'acked' as const }));
  const t3 = performance.now();
  for (let i = 0; i < acked.length; i += BATCH) await floorDb.outbox.bulkPut(acked.slice(i, i + BATCH));
  const rawDexie = performance.now() - t3;
  floorDb.close();
  return { ours, rawPost, rawInsert, rawDexie, batches: bodies.length };
}

/**
 * Three interleaved rounds (ours, then its floor, on fresh ids each time); the best of each is
 * reported, the usual way to keep other load on the machine out of a micro-benchmark.
 */
export async function runSyncBench(rounds = 3): Promise<BenchRow[]> {
  const office = { id: 'bench-office', name: '基准测试信用办', token: 'tok-bench-0123456789abcdef' };
  const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office] });
  try {
    const results: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      const r = await oneRound(platform, office, round);
      results.push(r);
      console.log(`  (round ${round + 1}: ours ${r.ours.toFixed(0)} ms over ${r.batches} batches; floor POST ${r.rawPost.toFixed(0)} + INSERT ${r.rawInsert.toFixed(0)} + Dexie ${r.rawDexie.toFixed(0)} = ${(r.rawPost + r.rawInsert + r.rawDexie).toFixed(0)} ms)`);
    }
    const ours = Math.min(...results.map((r) => r.ours));
    const floor = Math.min(...results.map((r) => r.rawPost)) + Math.min(...results.map((r) => r.rawInsert)) + Math.min(...results.map((r) => r.rawDexie));
    return [
      { name: `sync push ${TOTAL.toLocaleString('en')} events, loopback, PGlite (best of ${rounds})`, ours, floor, ratio: ours / floor, unit: 'ms', target: 1.5 },
      { name: `sync push ${TOTAL.toLocaleString('en')} events, absolute (target ≤ 10 s)`, ours, floor: 10_000, ratio: ours / 10_000, unit: 'ms', target: 1 },
    ];
  } finally {
    await platform.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runSyncBench();
  for (const r of rows) console.log(`${r.name}: ours ${r.ours.toFixed(0)} ${r.unit}, floor ${r.floor.toFixed(0)} ${r.unit}, ratio ${r.ratio.toFixed(2)}×`);
}
