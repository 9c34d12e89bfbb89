/**
 * The sync engine against the real platform on loopback (PGlite), with the Dexie outbox over
 * fake-indexeddb: quarantine, conflicts, offline/auth, clock skew, media, the lock, the export guard,
 * sneaker-net import, and pulled objections becoming case events with deadlines in the work list.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform/server/app';
import { payloadHashOf } from '../../shared/sync/hash';
import { buildOutboxRow, requeueEdited, type OutboxRow } from '../../shared/sync/outbox';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createSyncEngine, type SyncEngineDeps } from '../../renderer/src/sync/engine';
import { guardDestructiveAction } from '../../renderer/src/sync/guard';
import { createLeaseLock, createMemoryLock, createWebLock } from '../../renderer/src/sync/lock';
import { exportUnsent } from '../../renderer/src/sync/sneakernet';
import { createDexieOutboxStore, type OutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { assertSecurePlatformUrl, createHttpTransport, TransportError } from '../../renderer/src/sync/transport';
import { DB_TARGETS, makeOffice, postJson, seededRandom, startTestPlatform, testIdMaker, uniqueId, type TestOffice } from './helpers';

let platform: Platform;
const office = makeOffice('丙乡信用办');

beforeAll(async () => {
  platform = await startTestPlatform(DB_TARGETS[0]!, [office]);
});
afterAll(async () => {
  await platform?.close();
});

type Desk = { db: CreditDeskDb; store: OutboxStore; deviceId: string; rows: OutboxRow[]; seq: number };

async function newDesk(): Promise<Desk> {
  const db = new CreditDeskDb(uniqueId('desk'));
  await db.open();
  return { db, store: createDexieOutboxStore(db), deviceId: uniqueId('dev'), rows: [], seq: 0 };
}

async function addRows(desk: Desk, payloads: unknown[], extra: Partial<OutboxRow> = {}): Promise<OutboxRow[]> {
  const rows = payloads.map((payload) => {
    desk.seq++;
    return { ...buildOutboxRow({ id: `${desk.deviceId}-${desk.seq}`, deviceId: desk.deviceId, deviceSeq: desk.seq, kind: 'case-event', entityId: 'case-1', payloadSchemaVersion: 1, payload, recordedAt: new Date(Date.UTC(2026, 10, 21, 0, 0, desk.seq)).toISOString() }), ...extra };
  });
  await desk.db.outbox.bulkAdd(rows);
  return rows;
}

function engineFor(desk: Desk, extra: Partial<SyncEngineDeps> = {}, as: TestOffice = office) {
  return createSyncEngine({
    store: desk.store,
    transport: createHttpTransport({ baseUrl: platform.url, token: as.token, timeoutMs: 5_000 }),
    deviceId: desk.deviceId,
    now: () => Date.now(),
    random: seededRandom(1),
    makeId: testIdMaker('b'),
    sleep: async () => undefined,
    ...extra,
  });
}

const event = (n: number, extra: Record<string, unknown> = {}) => ({ type: 'statement_received', caseId: 'case-1', summary: `陈述${n}`, ...extra });

describe('transport security', () => {
  it('refuses to send the office token over plain HTTP except to this machine, with a Chinese error', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:9', 'https://credit.example.gov.cn']) expect(() => assertSecurePlatformUrl(url)).not.toThrow();
    for (const url of ['http://10.1.2.3:8787', 'http://credit.example.gov.cn', 'ftp://127.0.0.1']) {
      try {
        createHttpTransport({ baseUrl: url, token: 'x' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(TransportError);
        expect((error as TransportError).messageZh).toMatch(/HTTPS/);
      }
    }
  });
});

describe('sync engine', () => {
  it('quarantines a poison record without blocking the rest; editing re-queues it', async () => {
    const desk = await newDesk();
    const payloads = Array.from({ length: 20 }, (_, i) => event(i, i === 4 ? { summary: '坏\u0000数据' } : {}));
    const rows = await addRows(desk, payloads);
    const report = await engineFor(desk).runOnce();
    expect(report).toMatchObject({ outcome: 'ok', sent: 19, rejected: 1, conflicts: 0 });
    const poison = (await desk.store.get(rows[4]!.id))!;
    expect(poison.state).toBe('quarantined');
    expect(poison.fieldErrors?.[0]?.path).toBe('payload.summary');
    expect(poison.fieldErrors?.[0]?.messageZh).toMatch(/空字符/);
    expect((await desk.store.counts()).unsent).toBe(1);
    await desk.store.saveRows([requeueEdited(poison, event(4, { summary: '改正后的数据' }), new Date().toISOString())]);
    const again = await engineFor(desk).runOnce();
    expect(again).toMatchObject({ sent: 1, rejected: 0, remaining: 0 });
    expect((await desk.store.get(rows[4]!.id))!.state).toBe('acked');
  });

  it('surfaces a conflict for review and never overwrites either side', async () => {
    const desk = await newDesk();
    const [row] = await addRows(desk, [event(1, { summary: '本机版本' })]);
    const other = event(1, { summary: '平台已有版本' });
    await postJson(`${platform.url}/v1/push`, office.token, { v: 1, batchId: uniqueId('b'), deviceId: desk.deviceId, sentAt: new Date().toISOString(), ops: [{ ...row!, payload: other, payloadHash: payloadHashOf(other), state: undefined }] });
    const report = await engineFor(desk).runOnce();
    expect(report.conflicts).toBe(1);
    const stored = (await desk.store.get(row!.id))!;
    expect(stored.state).toBe('conflict');
    expect(stored.conflictWith?.payloadHash).toBe(payloadHashOf(other));
    expect(stored.payload).toEqual(row!.payload);
    const second = await engineFor(desk).runOnce({ force: true });
    expect(second.batches).toBe(0);
    expect((await desk.store.get(row!.id))!.state).toBe('conflict');
    const { rows } = await platform.db.query<{ payload: { summary: string } }>('SELECT payload FROM operations WHERE office_id = $1 AND op_id = $2', [office.id, row!.id]);
    expect(rows[0]!.payload.summary).toBe('平台已有版本');
  });

  it('reports offline when the platform cannot be reached and leaves the outbox untouched', async () => {
    const desk = await newDesk();
    await addRows(desk, [event(1), event(2)]);
    const engine = createSyncEngine({
      store: desk.store,
      transport: createHttpTransport({ baseUrl: 'http://127.0.0.1:9', token: office.token, timeoutMs: 2_000 }),
      deviceId: desk.deviceId,
      now: () => Date.now(),
      random: seededRandom(2),
      makeId: testIdMaker('b'),
      sleep: async () => undefined,
    });
    const report = await engine.runOnce();
    expect(report.outcome).toBe('offline');
    expect(report.messageZh).toMatch(/无法连接/);
    expect(await desk.store.counts()).toMatchObject({ queued: 2, sending: 0 });
  });

  it('stops on a bad token with a Chinese message', async () => {
    const desk = await newDesk();
    await addRows(desk, [event(1)]);
    const report = await engineFor(desk, {}, { ...office, token: 'tok-wrong-wrong-wrong-wrong' }).runOnce();
    expect(report.outcome).toBe('auth');
    expect(report.messageZh).toMatch(/令牌/);
    expect((await desk.store.counts()).queued).toBe(1);
  });

  it('detects clock skew from the probe', async () => {
    const desk = await newDesk();
    const report = await engineFor(desk, { now: () => Date.now() - 9 * 60_000 }).runOnce();
    expect(report.skew?.warn).toBe(true);
    expect(report.skew!.skewMs).toBeGreaterThan(8 * 60_000);
    expect(await desk.store.getMeta('clockSkew')).toMatchObject({ warn: true });
  });

  it('uploads attachments by content hash, resumably, and records "received, media missing" until they arrive', async () => {
    const desk = await newDesk();
    const bytes = new Uint8Array(1_200_000).map((_, i) => (i * 31) % 256);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const [row] = await addRows(desk, [event(1)], { attachments: [{ sha256: sha, size: bytes.length, name: '送达回证.jpg', mime: 'image/jpeg' }] });
    let available = false;
    const media = { read: async (h: string) => (available && h === sha ? bytes : undefined) };
    const first = await engineFor(desk, { media }).runOnce();
    expect(first.sent).toBe(1);
    expect((await desk.store.get(row!.id))!.mediaMissing).toEqual([sha]);
    expect(first.mediaMissing).toBe(1);
    available = true;
    const second = await engineFor(desk, { media }).runOnce();
    expect(second.mediaUploaded).toBe(1);
    expect(second.mediaMissing).toBe(0);
    const status = await fetch(`${platform.url}/v1/media/${sha}/status`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(await status.json()).toMatchObject({ complete: true, received: bytes.length });
  });

  it('runs one engine per device: a second run while one is going reports locked', async () => {
    const desk = await newDesk();
    await addRows(desk, Array.from({ length: 30 }, (_, i) => event(i)));
    const lock = createMemoryLock();
    const [a, b] = await Promise.all([engineFor(desk, { lock }).runOnce(), engineFor(desk, { lock }).runOnce()]);
    expect([a.outcome, b.outcome].sort()).toEqual(['locked', 'ok']);
    expect(a.sent + b.sent).toBe(30);
    // The Web Locks adapter: an unavailable lock (callback gets null) means "locked".
    const busy = createWebLock({ request: async (_n, _o, cb) => cb(null) });
    expect(await busy.tryRun(async () => 1)).toEqual({ acquired: false });
    // The localStorage lease (browsers without Web Locks): another window's live lease blocks; an expired one does not.
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    let clock = 1_000_000;
    const windowA = createLeaseLock(storage, 'window-a', () => clock);
    const windowB = createLeaseLock(storage, 'window-b', () => clock);
    let inner: unknown;
    const outer = await windowA.tryRun(async () => {
      inner = await windowB.tryRun(async () => 'b');
      return 'a';
    });
    expect(outer).toEqual({ acquired: true, value: 'a' });
    expect(inner).toEqual({ acquired: false });
    data.set('credit-desk-sync-engine:lease', JSON.stringify({ owner: 'window-a', until: clock - 1 }));
    clock += 1;
    expect(await windowB.tryRun(async () => 'b')).toEqual({ acquired: true, value: 'b' });
  });

  it('refuses logout/reset/restore while anything is unsent unless an export covers it; the export imports idempotently', async () => {
    const desk = await newDesk();
    await addRows(desk, [event(1), event(2), event(3)]);
    const refused = await guardDestructiveAction(desk.store, 'logout');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reasonZh).toMatch(/3 条记录未报送.*不能退出登录/);
    const { text, fileName, record } = await exportUnsent({ store: desk.store, officeId: office.id, token: office.token, deviceId: desk.deviceId, fileId: uniqueId('file'), now: () => Date.now() });
    expect(fileName).toMatch(/\.cdsync$/);
    expect(record.count).toBe(3);
    expect(text).not.toContain('陈述1');
    expect((await guardDestructiveAction(desk.store, 'reset')).allowed).toBe(true);
    await addRows(desk, [event(4)]);
    expect((await guardDestructiveAction(desk.store, 'restore')).allowed).toBe(false);

    const before = await platform.store.countOperations(office.id);
    const first = await platform.store.importFile(text);
    expect(first.response.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const second = await platform.store.importFile(text);
    expect(second.response.results).toEqual(first.response.results);
    expect([first.timesImported, second.timesImported]).toEqual([1, 2]);
    expect(await platform.store.countOperations(office.id)).toBe(before + 3);
    // Through HTTP, with the desk's own transport: still nothing new.
    const viaHttp = await createHttpTransport({ baseUrl: platform.url, token: office.token }).importFile(text);
    expect(viaHttp.counts.accepted).toBe(3);
    expect(await platform.store.countOperations(office.id)).toBe(before + 3);
    // Later, online: the pushed rows come back as duplicates of the imported ones.
    const report = await engineFor(desk).runOnce();
    expect(report).toMatchObject({ duplicates: 3, sent: 1, remaining: 0 });
    // A tampered file or another office's file is refused.
    const tampered = JSON.parse(text) as { header: { opCount: number } };
    tampered.header.opCount = 2;
    await expect(platform.store.importFile(JSON.stringify(tampered))).rejects.toMatchObject({ code: 'bad-signature' });
    const stranger = makeOffice();
    await platform.store.addOffice(stranger);
    await expect(createHttpTransport({ baseUrl: platform.url, token: stranger.token }).importFile(text)).rejects.toMatchObject({ status: 403 });
  });

  it('resends a batch left "sending" by a crash whole, under its batch id, and stores it once', async () => {
    const desk = await newDesk();
    const rows = await addRows(desk, [event(1), event(2), event(3)]);
    const batchId = uniqueId('crashed');
    // The request reached the platform, then the desk crashed before writing the answers.
    await postJson(`${platform.url}/v1/push`, office.token, { v: 1, batchId, deviceId: desk.deviceId, sentAt: new Date().toISOString(), ops: rows.slice(0, 2).map((r) => ({ ...r, state: undefined })) });
    await desk.store.markSending(rows.slice(0, 2), batchId, new Date().toISOString());
    const pushed: string[] = [];
    const transport = createHttpTransport({ baseUrl: platform.url, token: office.token });
    const push = transport.push.bind(transport);
    transport.push = async (req) => {
      pushed.push(`${req.batchId}:${req.ops.map((o) => o.id).join(',')}`);
      return push(req);
    };
    const report = await engineFor(desk, { transport }).runOnce();
    expect(pushed[0]).toBe(`${batchId}:${rows[0]!.id},${rows[1]!.id}`);
    expect(report).toMatchObject({ sent: 3, duplicates: 0, remaining: 0, batches: 2 });
    const { rows: stored } = await platform.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations WHERE office_id = $1 AND device_id = $2', [office.id, desk.deviceId]);
    expect(Number(stored[0]!.n)).toBe(3);
  });

  it('defers an operation the platform cannot read yet (newer payload version) without looping', async () => {
    const desk = await newDesk();
    const [newer] = await addRows(desk, [event(1)], { payloadSchemaVersion: 99 });
    await addRows(desk, [event(2)]);
    const report = await engineFor(desk).runOnce({ force: true });
    expect(report).toMatchObject({ sent: 1, retryLater: 1, outcome: 'partial' });
    const row = (await desk.store.get(newer!.id))!;
    expect(row.state).toBe('queued');
    expect(Date.parse(row.nextAttemptAt!)).toBeGreaterThan(Date.now() + 60_000);
    const later = await engineFor(desk).runOnce();
    expect(later.batches).toBe(0);
  });

  it('pulls by server cursor into the inbox once', async () => {
    const desk = await newDesk();
    const pullOffice = makeOffice();
    await platform.store.addOffice(pullOffice);
    await platform.store.publish(pullOffice.id, { id: 'cal-2027', kind: 'holiday-calendar', payload: { year: 2027, holidays: [] } });
    await platform.store.publish(pullOffice.id, { id: 'nb-1', kind: 'number-block', payload: { docKind: 'listing_decision', year: 2026, from: 101, to: 200 } });
    const first = await engineFor(desk, {}, pullOffice).runOnce();
    expect(first.pulled).toBe(2);
    expect(await desk.db.table('syncInbox').count()).toBe(2);
    const second = await engineFor(desk, {}, pullOffice).runOnce();
    expect(second.pulled).toBe(0);
    expect(typeof (await desk.store.getMeta('pullCursor'))).toBe('string');
  });
});
