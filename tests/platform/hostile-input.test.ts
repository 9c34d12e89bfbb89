/**
 * The platform refuses every hostile input without reading a body first, and answers client
 * errors as client errors: authentication before the body, binary bodies only on the media route,
 * rate limits per address and per office, op kinds from an own-property table, a JSON depth limit,
 * CORS for the desk's origins only, identity-checked replays, short token-cache life and revocation,
 * issued random tokens, and file keys sealed at rest.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../platform/server/app';
import { deriveFileKeyHex, openFileKey } from '../../platform/server/crypto';
import { PlatformStore, TOKEN_CACHE_MS } from '../../platform/server/store';
import { getJson, makeOffice, makeOp, postJson, uniqueId } from '../sync/helpers';

const ADMIN = 'admin-token-0123456789abcdef';
const MIB = 1024 * 1024;

/**
 * Send `method path` with a declared body of `totalBytes`, writing it 64 KiB at a time only while
 * no answer has come. Returns the status and how many body bytes had left the client by then.
 */
function uploadUntilAnswered(port: number, method: string, path: string, totalBytes: number, headers: Record<string, string>): Promise<{ status: number; bodyBytesSent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let settled = false;
    const finish = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      if (settled || !status) return;
      settled = true;
      socket.destroy();
      resolve({ status, bodyBytesSent: sent });
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      finish();
    });
    socket.on('error', () => finish()); // the server closed the connection after answering
    socket.on('close', () => (settled ? undefined : answer ? finish() : reject(new Error('closed without an answer'))));
    const head = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', `content-length: ${totalBytes}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      if (settled || answer || socket.destroyed) return;
      if (sent >= totalBytes) return; // everything sent: the answer comes after the body was read
      sent += chunk.length;
      socket.write(chunk, () => setImmediate(pump));
    };
    socket.write(head, () => setImmediate(pump));
  });
}

describe('platform: hostile input', () => {
  let platform: Platform;
  const a = makeOffice('甲乡信用办');
  const b = makeOffice('乙镇信用办');
  const push = (token: string | undefined, ops: unknown[], deviceId = uniqueId('dev'), batchId = uniqueId('batch')) =>
    postJson(`${platform.url}/v1/push`, token, { v: 1, batchId, deviceId, sentAt: new Date().toISOString(), ops });

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [a, b], adminToken: ADMIN, corsOrigins: ['http://127.0.0.1:4173'] });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('answers an unauthenticated 16 MiB upload with 401 before the body is sent', async () => {
    const sha = 'a'.repeat(64);
    const rssBefore = process.memoryUsage().rss;
    for (const [method, path] of [
      ['PUT', `/v1/media/${sha}?offset=0`],
      ['POST', '/v1/push'],
      ['POST', '/v1/sneakernet/import'],
    ] as const) {
      const answer = await uploadUntilAnswered(platform.port, method, path, 16 * MIB, { 'content-type': 'application/octet-stream', 'x-media-size': String(16 * MIB) });
      expect(answer.status, path).toBe(401);
      // Loopback buffers hold a little of what the client wrote; the server read none of it.
      expect(answer.bodyBytesSent, path).toBeLessThan(4 * MIB);
      console.log(`[hostile] ${method} ${path.split('?')[0]} without a token: 401 after ${Math.round(answer.bodyBytesSent / 1024)} KiB of 16 MiB had left the client`);
    }
    for (let i = 0; i < 20; i++) await uploadUntilAnswered(platform.port, 'PUT', `/v1/media/${sha}?offset=0`, 16 * MIB, { 'content-type': 'application/octet-stream', 'x-media-size': '1' });
    console.log(`[hostile] 20 unauthenticated 16 MiB uploads: test process RSS ${Math.round(rssBefore / MIB)} → ${Math.round(process.memoryUsage().rss / MIB)} MiB`);
  });

  it('accepts binary bodies only on the media route, and JSON elsewhere', async () => {
    for (const type of ['application/octet-stream', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await fetch(`${platform.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': type }, body: JSON.stringify({ v: 1 }) });
      expect(res.status, type).toBe(415);
    }
    const bytes = new TextEncoder().encode('回证');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = await fetch(`${platform.url}/v1/media/${sha}?offset=0`, { method: 'PUT', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream', 'x-media-size': String(bytes.length) }, body: bytes });
    expect(await put.json()).toMatchObject({ complete: true });
    const jsonOnMedia = await fetch(`${platform.url}/v1/media/${sha}?offset=0`, { method: 'PUT', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json', 'x-media-size': '2' }, body: '{}' });
    expect(jsonOnMedia.status).toBe(415);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('rejects the op kind %s and stores nothing', async (kind) => {
    const dev = uniqueId('dev');
    const res = await push(a.token, [makeOp(dev, 1, { type: 'x', caseId: 'case-1' }, { kind })], dev);
    expect(res.status).toBe(200);
    expect(res.json.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'kind', code: 'unknown-kind' }] });
    const { rows } = await platform.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations WHERE device_id = $1', [dev]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  const postRaw = async (path: string, token: string, body: string) => {
    const res = await fetch(`${platform.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
    return { status: res.status, json: await res.json() };
  };
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it.each([
    // (An admin body is at most 64 KiB: 30,000 levels are 60 KB.)
    ['a push', [10_000, 100_000], (depth: number) => postRaw('/v1/push', a.token, `{"v":1,"batchId":"b1","deviceId":"d1","sentAt":"2026-01-01T00:00:00Z","ops":[${nested(depth)}]}`)],
    ['an admin publish', [10_000, 30_000], (depth: number) => postRaw(`/admin/v1/offices/${a.id}/outbound`, ADMIN, `{"id":"deep","kind":"objection","payload":${nested(depth)}}`)],
  ] as const)('answers %s nested %j deep with 400, and stays up', async (_name, depths, send) => {
    for (const depth of depths) {
      const res = await send(depth);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('too-deep');
      expect(res.json.error.messageZh).toMatch(/嵌套/);
    }
    expect((await getJson(`${platform.url}/v1/ping`, a.token)).status).toBe(200);
  });

  it('refuses prototype keys in JSON bodies', async () => {
    const res = await fetch(`${platform.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }, body: '{"v":1,"__proto__":{"polluted":true}}' });
    expect(res.status).toBe(400);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['a short token', () => postJson(`${platform.url}/admin/v1/offices`, ADMIN, { id: uniqueId('o'), name: '丙村', token: 'short' }), 400, 'short-token'],
    ['a bad office id', () => postJson(`${platform.url}/admin/v1/offices`, ADMIN, { id: '../etc', name: '丙村', token: 'x'.repeat(20) }), 400, 'bad-office'],
    ['an office without a name', () => postJson(`${platform.url}/admin/v1/offices`, ADMIN, { id: uniqueId('o') }), 400, 'bad-office'],
    ['an unknown pulled kind', () => postJson(`${platform.url}/admin/v1/offices/${a.id}/outbound`, ADMIN, { id: 'x1', kind: 'constructor', payload: {} }), 400, 'bad-item'],
    ['a missing payload', () => postJson(`${platform.url}/admin/v1/offices/${a.id}/outbound`, ADMIN, { id: 'x2', kind: 'objection' }), 400, 'bad-item'],
    ['an unknown office', () => postJson(`${platform.url}/admin/v1/offices/no-such-office/outbound`, ADMIN, { id: 'x3', kind: 'objection', payload: {} }), 404, 'unknown-office'],
    ['revoking an unknown office', () => postJson(`${platform.url}/admin/v1/offices/no-such-office/revoke`, ADMIN, {}), 404, 'unknown-office'],
    ['no admin token', () => postJson(`${platform.url}/admin/v1/offices`, undefined, { id: uniqueId('o'), name: '丙村' }), 401, 'unauthorized'],
    ['no office token', () => getJson(`${platform.url}/v1/pull`, undefined), 401, 'unauthorized'],
  ])('answers %s as a client error, never 503', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends CORS headers only to the desk: app://credit-desk and the configured dev origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${platform.url}/v1/push`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    for (const origin of ['app://credit-desk', 'http://127.0.0.1:4173']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      const ping = await fetch(`${platform.url}/v1/ping`, { headers: { origin, authorization: `Bearer ${a.token}` } });
      expect(ping.headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['https://evil.example', 'app://credit-desk.evil', 'http://127.0.0.1:5174', 'null']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
      const ping = await fetch(`${platform.url}/v1/ping`, { headers: { origin, authorization: `Bearer ${a.token}` } });
      expect(ping.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it.each([
    ['entityId', { entityId: 'case-2' }],
    ['deviceSeq', { deviceSeq: 99 }],
    ['recordedAt', { recordedAt: '2027-01-01T00:00:00.000Z' }],
  ] as const)('answers a replay with the same id and payload but another %s as a conflict', async (field, change) => {
    const dev = uniqueId('dev');
    // No caseId in the payload, so that another entityId is still a valid operation.
    const op = makeOp(dev, 1, { type: 'statement_received', n: 1 });
    const first = await push(a.token, [op], dev);
    expect(first.json.results[0].status).toBe('accepted');
    expect((await push(a.token, [op], dev)).json.results[0].status).toBe('duplicate');
    const replay = await push(a.token, [{ ...op, ...change }], dev);
    expect(replay.json.results[0]).toMatchObject({ status: 'conflict', differs: [field], existing: { payloadHash: op.payloadHash, receipt: first.json.results[0].receipt } });
    expect(replay.json.results[0].messageZh).toMatch(/登记信息/);
    // Within one batch too.
    const fifth = makeOp(dev, 5, { type: 'statement_received', n: 5 });
    const inBatch = await push(a.token, [fifth, { ...fifth, ...change }], dev);
    expect(inBatch.json.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'conflict']);
  });

  it('issues random tokens when none is given, and shows an issued token once', async () => {
    const one = await platform.store.addOffice({ id: uniqueId('o'), name: '丁乡' });
    const two = await platform.store.addOffice({ id: uniqueId('o'), name: '戊乡' });
    for (const t of [one.token, two.token]) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.token).not.toBe(two.token);
    expect((await getJson(`${platform.url}/v1/ping`, one.token)).json.officeName).toBe('丁乡');
    const viaApi = await postJson(`${platform.url}/admin/v1/offices`, ADMIN, { id: uniqueId('o'), name: '己乡' });
    expect(viaApi.json.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const chosen = await postJson(`${platform.url}/admin/v1/offices`, ADMIN, { id: uniqueId('o'), name: '庚乡', token: 'chosen-token-0123456789' });
    expect(chosen.json).toEqual({ ok: true });
  });

  it('stores file keys sealed, never the key itself', async () => {
    const { rows } = await platform.db.query<{ file_key: string }>('SELECT file_key FROM offices WHERE id = $1', [a.id]);
    const plain = await deriveFileKeyHex(a.token, a.id);
    expect(rows[0]!.file_key).toMatch(/^v1\./);
    expect(rows[0]!.file_key).not.toContain(plain);
  });
});

describe('platform: rate limits', () => {
  it('limits requests per address, counting refused tokens too', async () => {
    const office = makeOffice();
    const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office], rateLimits: { perAddressPerMinute: 5, perOfficePerMinute: 100 } });
    try {
      for (let i = 0; i < 4; i++) expect((await getJson(`${platform.url}/v1/ping`, 'tok-guess-guess-guess-0000')).status).toBe(401);
      expect((await getJson(`${platform.url}/v1/ping`, office.token)).status).toBe(200);
      const limited = await fetch(`${platform.url}/v1/ping`, { headers: { authorization: `Bearer ${office.token}` } });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).error.messageZh).toMatch(/频繁/);
    } finally {
      await platform.close();
    }
  });

  it('limits requests per office, whatever the address, without limiting other offices', async () => {
    const busy = makeOffice('忙乡');
    const quiet = makeOffice('静乡');
    const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [busy, quiet], rateLimits: { perAddressPerMinute: 1000, perOfficePerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await getJson(`${platform.url}/v1/ping`, busy.token)).status).toBe(200);
      expect((await getJson(`${platform.url}/v1/ping`, busy.token)).status).toBe(429);
      expect((await getJson(`${platform.url}/v1/ping`, quiet.token)).status).toBe(200);
    } finally {
      await platform.close();
    }
  });
});

describe('platform: tokens and file keys across processes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-desk-platform-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops trusting a token revoked by another process within the token cache life', async () => {
    let now = Date.UTC(2026, 10, 21, 9);
    const office = makeOffice();
    const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office], clock: () => now });
    try {
      expect((await getJson(`${platform.url}/v1/ping`, office.token)).status).toBe(200);
      // Another process (the CLI) on the same database revokes the token.
      const otherProcess = new PlatformStore(platform.db, { fileKeySecret: new Uint8Array(32) });
      await otherProcess.revokeOffice(office.id);
      now += TOKEN_CACHE_MS + 1;
      const refused = await getJson(`${platform.url}/v1/ping`, office.token);
      expect(refused.status).toBe(401);
      // Rotating issues a new token and lifts the revocation; the old token stays refused.
      const { token } = await otherProcess.addOffice({ id: office.id, name: office.name });
      expect((await getJson(`${platform.url}/v1/ping`, token)).status).toBe(200);
      now += TOKEN_CACHE_MS + 1;
      expect((await getJson(`${platform.url}/v1/ping`, office.token)).status).toBe(401);
      // In the same process a revocation applies at once.
      await platform.store.revokeOffice(office.id);
      expect((await getJson(`${platform.url}/v1/ping`, token)).status).toBe(401);
    } finally {
      await platform.close();
    }
  });

  it('seals legacy plaintext file keys at start, and a sealed key opens only with its own secret', async () => {
    const dataDir = join(dir, 'pglite');
    const secret = new Uint8Array(32).fill(7);
    const office = makeOffice();
    const first = await startPlatform({ port: 0, database: { kind: 'pglite', dataDir }, offices: [office], fileKeySecret: secret });
    const plain = await deriveFileKeyHex(office.token, office.id);
    await first.db.query(`INSERT INTO offices (id, name, token_sha256, file_key) VALUES ('legacy', '旧单位', 'legacy-hash', $1)`, [plain]);
    await first.close();
    const again = await startPlatform({ port: 0, database: { kind: 'pglite', dataDir }, fileKeySecret: secret });
    try {
      const { rows } = await again.db.query<{ id: string; file_key: string }>('SELECT id, file_key FROM offices ORDER BY id');
      for (const row of rows) expect(row.file_key).toMatch(/^v1\./);
      const legacy = rows.find((r) => r.id === 'legacy')!;
      expect(openFileKey(legacy.file_key, 'legacy', secret)).toBe(plain);
      expect(() => openFileKey(legacy.file_key, 'legacy', new Uint8Array(32).fill(8))).toThrow();
      // Copied onto another office's row, a sealed key does not open (the office id is bound in).
      expect(() => openFileKey(legacy.file_key, office.id, secret)).toThrow();
    } finally {
      await again.close();
    }
  });

  it('CLI: add-office issues a random token, revoke-office refuses it, list-offices says so', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, PLATFORM_DATA_DIR: join(dir, 'cli', 'pglite'), PLATFORM_FILE_KEY: 'ab'.repeat(32), DATABASE_URL: '' };
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'platform/server/cli.ts', ...args], { env, cwd: process.cwd() });
    const added = await cli('add-office', 'cli-office', '命令行乡');
    const token = /token \(shown once, give it to the office\): (\S+)/.exec(added.stdout)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await cli('revoke-office', 'cli-office')).stdout).toMatch(/revoked/);
    expect((await cli('list-offices')).stdout).toMatch(/cli-office\t命令行乡\t0 operations\trevoked/);
    await expect(cli('revoke-office', 'nobody')).rejects.toMatchObject({ stderr: expect.stringMatching(/unknown office/) });
  }, 60_000);
});

