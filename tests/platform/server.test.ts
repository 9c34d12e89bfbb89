import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Platform } from '../../platform/server/app';
import { payloadHashOf } from '../../shared/sync/hash';
import { PushResponseSchema, PullResponseSchema } from '../../shared/sync/protocol';
import { DB_TARGETS, getJson, makeOffice, makeOp, postJson, startTestPlatform, uniqueId } from '../sync/helpers';

for (const target of DB_TARGETS) {
  describe(`platform on ${target.name}`, () => {
    let platform: Platform;
    const a = makeOffice('甲乡信用办');
    const b = makeOffice('乙镇信用办');
    const push = (token: string | undefined, batchId: string, deviceId: string, ops: unknown[], v = 1) =>
      postJson(`${platform.url}/v1/push`, token, { v, batchId, deviceId, sentAt: new Date().toISOString(), ops });

    beforeAll(async () => {
      platform = await startTestPlatform(target, [a, b]);
    });
    afterAll(async () => {
      await platform?.close();
    });

    it('listens on loopback only and refuses plain HTTP elsewhere', async () => {
      expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { startPlatform } = await import('../../platform/server/app');
      await expect(startPlatform({ host: '0.0.0.0', database: { kind: 'pglite' } })).rejects.toThrow(/plain HTTP/);
    });

    it('requires an office token', async () => {
      const none = await getJson(`${platform.url}/v1/ping`, undefined);
      expect(none.status).toBe(401);
      expect(none.json.error.messageZh).toMatch(/令牌/);
      const wrong = await getJson(`${platform.url}/v1/ping`, 'tok-not-a-real-token-000');
      expect(wrong.status).toBe(401);
      const ok = await getJson(`${platform.url}/v1/ping`, a.token);
      expect(ok.status).toBe(200);
      expect(ok.json.officeId).toBe(a.id);
      expect(Date.parse(ok.json.serverTime)).not.toBeNaN();
    });

    it('accepts a batch, answers a resent batch identically, and a re-sent operation as a duplicate with the original receipt', async () => {
      const dev = uniqueId('dev');
      const ops = [1, 2, 3].map((n) => makeOp(dev, n));
      const batch = uniqueId('batch');
      const first = await push(a.token, batch, dev, ops);
      expect(first.status).toBe(200);
      const parsed = PushResponseSchema.parse(first.json);
      expect(parsed.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const again = await push(a.token, batch, dev, ops);
      expect(again.json.results).toEqual(first.json.results);
      const other = await push(a.token, uniqueId('batch'), dev, [ops[1]]);
      expect(other.json.results[0].status).toBe('duplicate');
      expect(other.json.results[0].receipt).toEqual(first.json.results[1].receipt);
      expect(await platform.store.countOperations(a.id)).toBeGreaterThanOrEqual(3);
      const { rows } = await platform.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations WHERE office_id = $1 AND device_id = $2', [a.id, dev]);
      expect(Number(rows[0]!.n)).toBe(3);
      const { rows: b1 } = await platform.db.query<{ deliveries: number }>('SELECT deliveries FROM batches WHERE office_id = $1 AND batch_id = $2', [a.id, batch]);
      expect(b1[0]!.deliveries).toBe(2);
    });

    it('answers the same id with a different payload as a conflict and keeps what it has', async () => {
      const dev = uniqueId('dev');
      const op = makeOp(dev, 1, { type: 'statement_received', caseId: 'case-1', summary: '原文' });
      await push(a.token, uniqueId('batch'), dev, [op]);
      const changed = { ...op, payload: { type: 'statement_received', caseId: 'case-1', summary: '改过' } };
      changed.payloadHash = payloadHashOf(changed.payload);
      const res = await push(a.token, uniqueId('batch'), dev, [changed]);
      expect(res.json.results[0].status).toBe('conflict');
      expect(res.json.results[0].existing.payloadHash).toBe(op.payloadHash);
      expect(res.json.results[0].messageZh).toMatch(/人工核对/);
      const { rows } = await platform.db.query<{ payload: { summary: string } }>('SELECT payload FROM operations WHERE office_id = $1 AND op_id = $2', [a.id, op.id]);
      expect(rows[0]!.payload.summary).toBe('原文');
    });

    it('rejects poison operations alone, with field errors, and defers newer payload versions', async () => {
      const dev = uniqueId('dev');
      const good = makeOp(dev, 1);
      const nul = makeOp(dev, 2, { type: 'statement_received', caseId: 'case-1', summary: 'a\u0000b' });
      const badHash = { ...makeOp(dev, 3), payloadHash: 'f'.repeat(64) };
      const unknownKind = makeOp(dev, 4, { type: 'x' }, { kind: 'teleport' });
      const noType = makeOp(dev, 5, { caseId: 'case-1' });
      const newer = makeOp(dev, 6, undefined, { payloadSchemaVersion: 99 });
      const malformed = { id: `${dev}-op-7`, deviceSeq: 'seven' };
      const res = await push(a.token, uniqueId('batch'), dev, [good, nul, badHash, unknownKind, noType, newer, malformed, null, 'x']);
      expect(res.status).toBe(200);
      const statuses = res.json.results.map((r: { status: string }) => r.status);
      expect(statuses).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'retry-later', 'rejected', 'rejected', 'rejected']);
      expect(res.json.results[1].errors[0].path).toBe('payload.summary');
      expect(res.json.results[2].errors[0].path).toBe('payloadHash');
      expect(res.json.results[3].errors[0].path).toBe('kind');
      expect(res.json.results[4].errors[0].path).toBe('payload.type');
      expect(res.json.results[4].errors[0].messageZh).toMatch(/事件类型/);
      const { rows } = await platform.db.query<{ n: string }>('SELECT count(*)::text AS n FROM rejections WHERE office_id = $1 AND op_id LIKE $2', [a.id, `${dev}%`]);
      expect(Number(rows[0]!.n)).toBe(5);
    });

    it('refuses another protocol version with 426 and a malformed envelope with 400', async () => {
      const dev = uniqueId('dev');
      const res = await push(a.token, uniqueId('batch'), dev, [makeOp(dev, 1)], 2);
      expect(res.status).toBe(426);
      const bad = await postJson(`${platform.url}/v1/push`, a.token, { v: 1, batchId: 'x', ops: [] });
      expect(bad.status).toBe(400);
      expect(bad.json.error.messageZh).toBeTruthy();
    });

    it('isolates offices: same op id is separate, pulls and media are per office', async () => {
      const dev = uniqueId('dev');
      const op = makeOp(dev, 1);
      const ra = await push(a.token, uniqueId('batch'), dev, [op]);
      const rb = await push(b.token, uniqueId('batch'), dev, [{ ...op, payload: { type: 'x', caseId: 'case-1' }, payloadHash: payloadHashOf({ type: 'x', caseId: 'case-1' }) }]);
      expect(ra.json.results[0].status).toBe('accepted');
      expect(rb.json.results[0].status).toBe('accepted');
      await platform.store.publish(a.id, { id: uniqueId('obj'), kind: 'objection', caseId: 'case-1', payload: { secret: '甲' } });
      const pb = PullResponseSchema.parse((await getJson(`${platform.url}/v1/pull`, b.token)).json);
      expect(JSON.stringify(pb.items)).not.toContain('甲');
      const bytes = new TextEncoder().encode('甲的附件');
      const sha = createHash('sha256').update(bytes).digest('hex');
      await fetch(`${platform.url}/v1/media/${sha}?offset=0`, { method: 'PUT', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream', 'x-media-size': String(bytes.length) }, body: bytes });
      expect((await getJson(`${platform.url}/v1/media/${sha}/status`, a.token)).json.complete).toBe(true);
      expect((await getJson(`${platform.url}/v1/media/${sha}/status`, b.token)).status).toBe(404);
    });

    it('stores exactly once under concurrent deliveries of one batch and of one operation in several batches', async () => {
      const dev = uniqueId('dev');
      const ops = Array.from({ length: 50 }, (_, i) => makeOp(dev, i + 1));
      const batch = uniqueId('batch');
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => push(a.token, batch, dev, ops)));
      for (const ans of answers) expect(ans.json.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
      const seqs = new Set(answers.map((ans) => ans.json.results[0].receipt.serverSeq));
      expect(seqs.size).toBe(1);
      const single = makeOp(dev, 1000);
      const many = await Promise.all([1, 2, 3, 4].map(() => push(a.token, uniqueId('batch'), dev, [single])));
      const statuses = many.map((m) => m.json.results[0].status).sort();
      expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate']);
      const { rows } = await platform.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations WHERE office_id = $1 AND device_id = $2', [a.id, dev]);
      expect(Number(rows[0]!.n)).toBe(51);
    });

    it('records "received, media missing" and completes it with a resumable upload', async () => {
      const dev = uniqueId('dev');
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const op = makeOp(dev, 1, undefined, { attachments: [{ sha256: sha, size: bytes.length, name: '送达回证.jpg', mime: 'image/jpeg' }] });
      const first = await push(a.token, uniqueId('batch'), dev, [op]);
      expect(first.json.results[0].status).toBe('accepted');
      expect(first.json.results[0].receipt.mediaMissing).toEqual([sha]);
      const put = (offset: number, chunk: Uint8Array) =>
        fetch(`${platform.url}/v1/media/${sha}?offset=${offset}`, { method: 'PUT', headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream', 'x-media-size': String(bytes.length) }, body: chunk as BodyInit });
      expect((await (await put(0, bytes.subarray(0, 100_000))).json()).received).toBe(100_000);
      // The connection "broke": the desk asks where to resume.
      const status = await getJson(`${platform.url}/v1/media/${sha}/status`, a.token);
      expect(status.json).toMatchObject({ received: 100_000, complete: false });
      const wrong = await put(0, bytes.subarray(0, 100_000));
      expect(wrong.status).toBe(409);
      expect((await wrong.json()).status.received).toBe(100_000);
      const done = await (await put(100_000, bytes.subarray(100_000))).json();
      expect(done.complete).toBe(true);
      const again = await push(a.token, uniqueId('batch'), dev, [op]);
      expect(again.json.results[0].status).toBe('duplicate');
      expect(again.json.results[0].receipt.mediaMissing).toEqual([]);
    });

    it('serves pulls by an opaque server cursor, in pages', async () => {
      const office = makeOffice();
      await platform.store.addOffice(office);
      // 12 items: the server sequence crosses a digit boundary (9 → 10), which a text sort would misorder.
      for (let i = 1; i <= 12; i++) await platform.store.publish(office.id, { id: `item-${i}`, kind: i % 2 ? 'objection' : 'number-block', caseId: 'case-9', payload: { i } });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = PullResponseSchema.parse((await getJson(`${platform.url}/v1/pull?limit=2${cursor ? `&cursor=${cursor}` : ''}`, office.token)).json);
        seen.push(...res.items.map((i) => i.id));
        cursor = res.cursor;
        if (!res.hasMore) break;
      }
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `item-${i + 1}`));
      const after = PullResponseSchema.parse((await getJson(`${platform.url}/v1/pull?cursor=${cursor}`, office.token)).json);
      expect(after.items).toEqual([]);
      expect((await getJson(`${platform.url}/v1/pull?cursor=not-a-cursor`, office.token)).status).toBe(400);
    });

    it('shows a read-only overview page of what each office sent', async () => {
      const res = await fetch(`${platform.url}/`);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('各单位报送情况');
      expect(html).toContain(a.id);
      expect(html).toContain('甲乡信用办');
      expect(html).not.toContain(a.token);
      const evil = makeOffice('<script>alert(1)</script>');
      await platform.store.addOffice(evil);
      const escaped = await (await fetch(`${platform.url}/`)).text();
      expect(escaped).not.toContain('<script>alert(1)</script>');
      expect(escaped).toContain('&#60;script&#62;');
    });

    it.skipIf(target.name !== 'pglite')('protects the overview page and the admin API with an admin token when one is configured', async () => {
      const { startPlatform } = await import('../../platform/server/app');
      const guarded = await startPlatform({ port: 0, database: { kind: 'pglite' }, adminToken: 'admin-0123456789abcdef' });
      try {
        expect((await fetch(`${guarded.url}/`)).status).toBe(401);
        expect((await fetch(`${guarded.url}/`, { headers: { authorization: 'Bearer admin-0123456789abcdef' } })).status).toBe(200);
        const office = makeOffice();
        expect((await postJson(`${guarded.url}/admin/v1/offices`, 'wrong', office)).status).toBe(401);
        expect((await postJson(`${guarded.url}/admin/v1/offices`, 'admin-0123456789abcdef', office)).status).toBe(200);
        expect((await getJson(`${guarded.url}/v1/ping`, office.token)).json.officeId).toBe(office.id);
        expect((await postJson(`${guarded.url}/admin/v1/offices/${office.id}/outbound`, 'admin-0123456789abcdef', { id: 'x1', kind: 'rule-set', payload: { id: 'HLJ-2022' } })).status).toBe(200);
        expect((await getJson(`${guarded.url}/v1/pull`, office.token)).json.items).toHaveLength(1);
      } finally {
        await guarded.close();
      }
    });
  });
}
