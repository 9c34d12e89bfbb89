import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalize, payloadHashOf, sha256, toHex, utf8Encode } from '../../shared/sync/hash';
import { canonicalJson } from '../../shared/util/canonical-json';
import { sha256Hex } from '../../shared/util/sha256';
import { backoffDelayMs, classifyHttpStatus, DEFAULT_BACKOFF, parseRetryAfter } from '../../shared/sync/backoff';
import { describeSkewZh, measureSkew } from '../../shared/sync/clock';
import { applyOpResult, buildOutboxRow, requeueEdited, toPushOperation } from '../../shared/sync/outbox';
import { PushOperationSchema, PushResponseSchema, type Receipt } from '../../shared/sync/protocol';
import { caseEventFromPulled } from '../../shared/sync/pulled';

const jsonValue = fc.jsonValue({ maxDepth: 4 }).filter((v) => !Object.is(v, -0));

describe('hash and canonical JSON', () => {
  it('matches known SHA-256 vectors and node:crypto', () => {
    expect(toHex(sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8Encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(toHex(sha256(utf8Encode(s)))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('UTF-8 encodes like TextEncoder (lone surrogates become U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(Array.from(utf8Encode(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
      { numRuns: 100 },
    );
  });

  it('canonical JSON is key-order independent and agrees with the case desk (same hash on both sides)', () => {
    expect(canonicalize({ b: 1, a: [true, null, { d: '中', c: 2 }], u: undefined })).toBe('{"a":[true,null,{"c":2,"d":"中"}],"b":1}');
    expect(() => canonicalize({ x: Number.NaN })).toThrow();
    fc.assert(
      fc.property(jsonValue, (v) => {
        expect(canonicalize(v)).toBe(canonicalJson(v));
        expect(payloadHashOf(v)).toBe(sha256Hex(canonicalJson(v)));
        expect(canonicalize(JSON.parse(JSON.stringify(v)))).toBe(canonicalize(v));
      }),
      { numRuns: 300 },
    );
  });
});

describe('backoff and clock skew', () => {
  it('grows exponentially with jitter and is capped near 10 minutes', () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const lo = backoffDelayMs(attempt, () => 0);
      const hi = backoffDelayMs(attempt, () => 0.999999);
      expect(lo).toBeGreaterThan(0);
      expect(hi).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
      expect(hi).toBeGreaterThanOrEqual(lo);
    }
    expect(backoffDelayMs(1, () => 0)).toBe(15_000);
    expect(backoffDelayMs(2, () => 0)).toBe(30_000);
    expect(backoffDelayMs(30, () => 0.999999)).toBeGreaterThan(9.9 * 60_000);
  });

  it('classifies failures', () => {
    expect(classifyHttpStatus(503)).toBe('retry');
    expect(classifyHttpStatus(429)).toBe('retry');
    expect(classifyHttpStatus(401)).toBe('auth');
    expect(classifyHttpStatus(426)).toBe('upgrade');
    expect(classifyHttpStatus(409)).toBe('conflict');
    expect(classifyHttpStatus(422)).toBe('invalid');
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
  });

  it('measures skew from a probe and says it in Chinese', () => {
    const m = measureSkew(1_000_000, 1_000_200, new Date(1_000_100 + 7 * 60_000).toISOString());
    expect(m.skewMs).toBe(7 * 60_000);
    expect(m.warn).toBe(true);
    expect(describeSkewZh(m.skewMs)).toBe('本机时钟比平台慢 7 分钟');
    expect(measureSkew(0, 100, new Date(50).toISOString()).warn).toBe(false);
  });
});

describe('outbox transitions', () => {
  const row = buildOutboxRow({ id: 'op-1', deviceId: 'dev-1', deviceSeq: 1, kind: 'case-event', entityId: 'c1', payloadSchemaVersion: 1, payload: { type: 't', caseId: 'c1' }, recordedAt: '2026-11-20T01:00:00.000Z' });
  const receipt: Receipt = { opId: 'op-1', serverSeq: 5, receivedAt: '2026-11-21T01:00:00.000Z', batchId: 'b1', payloadHash: row.payloadHash, mediaMissing: [] };

  it('builds protocol operations that validate', () => {
    expect(PushOperationSchema.parse(toPushOperation(row))).toEqual(toPushOperation(row));
    expect(row.state).toBe('queued');
  });

  it('acks, quarantines, keeps conflicts and defers', () => {
    const now = '2026-11-21T02:00:00.000Z';
    const acked = applyOpResult({ ...row, state: 'sending' }, { id: 'op-1', status: 'duplicate', receipt }, now, now);
    expect(acked).toMatchObject({ state: 'acked', ackStatus: 'duplicate', receivedAt: receipt.receivedAt, recordedAt: row.recordedAt });
    const q = applyOpResult(row, { id: 'op-1', status: 'rejected', errors: [{ path: 'payload.x', code: 'c', message: 'm', messageZh: '错' }] }, now, now);
    expect(q.state).toBe('quarantined');
    expect(q.lastError).toContain('payload.x');
    const c = applyOpResult(row, { id: 'op-1', status: 'conflict', existing: { payloadHash: 'a'.repeat(64), receipt }, messageZh: '冲突' }, now, now);
    expect(c.state).toBe('conflict');
    expect(c.payload).toEqual(row.payload);
    const later = applyOpResult(row, { id: 'op-1', status: 'retry-later', retryAfterMs: 1000, reason: 'r' }, now, '2026-11-21T03:00:00.000Z');
    expect(later).toMatchObject({ state: 'queued', nextAttemptAt: '2026-11-21T03:00:00.000Z' });
    const edited = requeueEdited(q, { type: 't', caseId: 'c1', fixed: true }, now);
    expect(edited.state).toBe('queued');
    expect(edited.payloadHash).toBe(payloadHashOf({ type: 't', caseId: 'c1', fixed: true }));
    expect(() => requeueEdited(row, {}, now)).toThrow();
  });

  it('parses a push response', () => {
    expect(PushResponseSchema.safeParse({ v: 1, batchId: 'b', serverTime: '2026-11-21T01:00:00.000Z', results: [{ id: 'x', status: 'accepted', receipt }] }).success).toBe(true);
    expect(PushResponseSchema.safeParse({ v: 2, batchId: 'b', serverTime: '2026-11-21T01:00:00.000Z', results: [] }).success).toBe(false);
  });
});

describe('pulled items as case events', () => {
  it('turns an objection filed online into objection_received dated by its filing date', () => {
    const mapped = caseEventFromPulled({ id: 'p1', kind: 'objection', caseId: 'c1', publishedAt: '2026-10-01T00:00:00.000Z', payload: { objectionId: 'OBJ-9', filedOn: '2026-09-30', applicant: '某公司', reasons: '认定有误' } });
    expect(mapped).toMatchObject({ caseId: 'c1', draft: { type: 'objection_received', occurredOn: '2026-09-30', payload: { objectionId: 'OBJ-9', channel: 'credit_china', grounds: ['other'] } } });
    expect(caseEventFromPulled({ id: 'p2', kind: 'number-block', publishedAt: '2026-10-01T00:00:00.000Z', payload: {} })).toBeUndefined();
    expect(caseEventFromPulled({ id: 'p3', kind: 'objection', caseId: 'c1', publishedAt: '2026-10-01T00:00:00.000Z', payload: { filedOn: 'x' } })).toHaveProperty('error');
  });
});
