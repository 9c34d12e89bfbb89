/**
 * Every network step of a sync run ends: probe, push, pull and media each have a timeout (a fetch
 * that never answers, or a body that never ends, still fails at the deadline), and each failure
 * tells the officer in Chinese what went wrong and what to do next.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createHttpTransport, DEFAULT_STEP_TIMEOUTS_MS, TransportError, type FetchLike } from '../../renderer/src/sync/transport';
import { buildOutboxRow } from '../../shared/sync/outbox';
import { seededRandom, testIdMaker, uniqueId } from './helpers';

/** A platform that accepts the connection and never answers (and ignores the abort signal). */
const silent: FetchLike = () => new Promise<Response>(() => undefined);
/** A platform that sends headers, then never finishes the body. */
const stalledBody: FetchLike = async () => new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
const unreachable: FetchLike = async () => {
  throw new TypeError('Failed to fetch');
};

const FAST = { probe: 30, push: 30, pull: 30, media: 30, import: 30 };

function transport(fetch: FetchLike) {
  return createHttpTransport({ baseUrl: 'https://xyxx.example.gov.cn', token: 'tok', fetch, timeouts: FAST });
}

async function failure(p: Promise<unknown>): Promise<TransportError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('transport timeouts and messages', () => {
  it('gives every step a finite default timeout, the probe the shortest', () => {
    for (const ms of Object.values(DEFAULT_STEP_TIMEOUTS_MS)) expect(Number.isFinite(ms) && ms > 0).toBe(true);
    expect(DEFAULT_STEP_TIMEOUTS_MS.probe).toBeLessThanOrEqual(Math.min(DEFAULT_STEP_TIMEOUTS_MS.push, DEFAULT_STEP_TIMEOUTS_MS.pull, DEFAULT_STEP_TIMEOUTS_MS.media));
  });

  it.each([
    ['probe', '连接市平台超时', (t: ReturnType<typeof transport>) => t.ping()],
    ['push', '报送记录超时', (t: ReturnType<typeof transport>) => t.push({ v: 1, batchId: 'b', deviceId: 'd', sentAt: '2026-12-01T00:00:00.000Z', ops: [] })],
    ['pull', '接收平台下发的事项超时', (t: ReturnType<typeof transport>) => t.pull(undefined, 10)],
    ['media', '上传附件超时', (t: ReturnType<typeof transport>) => t.mediaStatus('ab'.repeat(32))],
    ['media upload', '上传附件超时', (t: ReturnType<typeof transport>) => t.uploadChunk('ab'.repeat(32), 0, 3, new Uint8Array(3))],
  ] as const)('%s: a platform that never answers fails at its deadline, saying what to do', async (_, expected, call) => {
    for (const fetch of [silent, stalledBody]) {
      const error = await failure(call(transport(fetch)));
      expect(error.kind).toBe('timeout');
      expect(error.messageZh).toContain(expected);
      expect(error.messageZh).toContain('稍后再按“日终同步”');
      expect(error.messageZh).toContain('不会丢失');
    }
  });

  it('an unreachable platform names the setting to check', async () => {
    const error = await failure(transport(unreachable).ping());
    expect(error.kind).toBe('network');
    expect(error.messageZh).toContain('无法连接市平台');
    expect(error.messageZh).toContain('“市平台连接设置”中的平台地址');
  });

  it('a server error without a platform message says what to do', async () => {
    const error = await failure(transport(async () => new Response('oops', { status: 502 })).pull(undefined, 10));
    expect(error.messageZh).toContain('平台返回错误（502）');
    expect(error.messageZh).toContain('联系市平台管理员');
  });

  it('a sync run against a silent platform ends offline with the probe’s message, the outbox untouched', async () => {
    const db = new CreditDeskDb(uniqueId('timeouts'));
    await db.open();
    const store = createDexieOutboxStore(db);
    await db.outbox.add(buildOutboxRow({ id: 'r1', deviceId: 'd', deviceSeq: 1, kind: 'case-event', entityId: 'case-1', payloadSchemaVersion: 1, payload: { x: 1 }, recordedAt: '2026-12-01T00:00:00.000Z' }));
    const progress: string[] = [];
    const engine = createSyncEngine({ store, transport: transport(silent), deviceId: 'd', now: () => Date.now(), random: seededRandom(1), makeId: testIdMaker('t'), sleep: async () => undefined, onProgress: (p) => progress.push(p.messageZh) });
    const report = await engine.runOnce({ force: true });
    expect(report.outcome).toBe('offline');
    expect(report.messageZh).toContain('连接市平台超时');
    expect(progress.some((m) => m.includes('正在重试'))).toBe(true);
    expect(await store.counts()).toMatchObject({ queued: 1, sending: 0 });
    db.close();
  });
});
