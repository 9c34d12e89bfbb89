/**
 * Helpers for the sync and platform tests: which databases to run on, a seeded platform, op makers.
 * Server tests always run on PGlite, and also on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL
 * is set (CI starts one with scripts/start-test-postgres.sh). Loopback only.
 */
import { randomBytes } from 'node:crypto';
import { startPlatform, type Platform, type StartPlatformOptions } from '../../platform/server/app';
import type { DatabaseConfig } from '../../platform/server/db';
import { payloadHashOf } from '../../shared/sync/hash';
import type { PushOperation } from '../../shared/sync/protocol';

export type DbTarget = { name: string; config: () => DatabaseConfig };

export function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export const DB_TARGETS: DbTarget[] = [
  { name: 'pglite', config: () => ({ kind: 'pglite' }) },
  ...(postgresUrl() ? [{ name: 'postgres', config: () => ({ kind: 'postgres', url: postgresUrl()! }) as DatabaseConfig }] : []),
];

/** Unique per run so that tests sharing one PostgreSQL never see each other's rows. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export type TestOffice = { id: string; name: string; token: string };

export function makeOffice(name = '测试乡信用办'): TestOffice {
  return { id: uniqueId('office'), name, token: `tok-${randomBytes(16).toString('hex')}` };
}

export async function startTestPlatform(target: DbTarget, offices: TestOffice[], extra: Partial<StartPlatformOptions> = {}): Promise<Platform> {
  return startPlatform({ port: 0, host: '127.0.0.1', database: target.config(), offices, ...extra });
}

export function makeOp(deviceId: string, seq: number, payload: unknown = { type: 'statement_received', caseId: 'case-1', n: seq }, extra: Partial<PushOperation> = {}): PushOperation {
  return {
    id: `${deviceId}-op-${seq}`,
    deviceId,
    deviceSeq: seq,
    kind: 'case-event',
    entityId: 'case-1',
    payloadSchemaVersion: 1,
    payload,
    payloadHash: payloadHashOf(payload),
    recordedAt: new Date(Date.UTC(2026, 10, 20, 8, 0, seq % 60)).toISOString(),
    ...extra,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: assertions index freely into the JSON answer
export async function postJson(url: string, token: string | undefined, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: assertions index freely into the JSON answer
export async function getJson(url: string, token: string | undefined): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** A seeded PRNG (mulberry32) so fault schedules and jitter are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let idCounter = 0;
/** Monotonic test ids (ULID-like ordering is not needed by the protocol). */
export function testIdMaker(prefix: string): () => string {
  return () => `${prefix}-${(++idCounter).toString(36).padStart(8, '0')}`;
}
