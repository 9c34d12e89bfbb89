/**
 * The platform's storage logic: offices and tokens, idempotent push, resumable media, pull feed,
 * sneaker-net import. Idempotency is enforced by PostgreSQL: UNIQUE (office_id, op_id) with
 * INSERT … ON CONFLICT DO NOTHING (a concurrent insert of the same id waits on the index entry),
 * plus a transaction-scoped advisory lock per (office, batch) so that two deliveries of one batch
 * are answered one after the other.
 */
import { createHash } from 'node:crypto';
import { canonicalize } from '../../shared/sync/hash';
import { jsonTextTooDeep } from '../../shared/sync/json-depth';
import {
  MAX_JSON_DEPTH,
  MAX_MEDIA_BYTES,
  PROTOCOL_VERSION,
  type OpResult,
  type PulledItem,
  type PulledKind,
  type PullResponse,
  type PushOperation,
  type PushResponse,
  type Receipt,
  type MediaStatus,
} from '../../shared/sync/protocol';
import { SneakernetFileSchema } from '../../shared/sync/sneakernet';
import { deriveFileKeyHex, FILE_KEY_SECRET_BYTES, isSealedFileKey, issueToken, openFileKey, openSneakernetFile, sealFileKey, SneakernetError, tokenSha256 } from './crypto';
import type { Querier, SqlDb } from './db';
import { OfficeEnrolmentSchema, PublishItemSchema, fieldErrorsOf, sha256HexNode, validateOperation } from './validate';

export type Office = { id: string; name: string };

export type PushEnvelope = { batchId: string; deviceId: string; sentAt: string; ops: unknown[] };

export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

type ExistingRow = {
  op_id: string;
  payload_hash: string;
  server_seq: string;
  received_at: Date | string;
  batch_id: string;
  attachments: unknown;
  device_id: string;
  device_seq: string;
  kind: string;
  entity_id: string;
  payload_schema_version: number;
  recorded_at: string;
};

/** What makes two deliveries of one id the same operation (besides the id). */
type Identity = Pick<PushOperation, 'payloadHash' | 'deviceId' | 'deviceSeq' | 'kind' | 'entityId' | 'payloadSchemaVersion' | 'recordedAt'>;

function identityOfRow(row: ExistingRow): Identity {
  return {
    payloadHash: row.payload_hash,
    deviceId: row.device_id,
    deviceSeq: Number(row.device_seq),
    kind: row.kind,
    entityId: row.entity_id,
    payloadSchemaVersion: Number(row.payload_schema_version),
    recordedAt: row.recorded_at,
  };
}

/** The identity fields in which `b` differs from `a` (empty: the same operation). */
function identityDiffers(a: Identity, b: Identity): string[] {
  return (['payloadHash', 'deviceId', 'deviceSeq', 'kind', 'entityId', 'payloadSchemaVersion', 'recordedAt'] as const).filter((key) => a[key] !== b[key]);
}

const CONFLICT_ZH = {
  payload: '平台已收到同一编号但内容不同的记录，需要人工核对，不会自动覆盖',
  identity: '平台已收到同一编号、内容相同但登记信息（对象、设备序号、记录时间等）不同的记录，需要人工核对，不会自动覆盖',
};

function conflictMessage(differs: string[]): string {
  return differs.includes('payloadHash') ? CONFLICT_ZH.payload : CONFLICT_ZH.identity;
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function attachmentHashes(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a) => (a && typeof a === 'object' && typeof (a as { sha256?: unknown }).sha256 === 'string' ? [(a as { sha256: string }).sha256] : []));
}

/** The id of a raw (unvalidated) operation, or '' when it has none. */
function idOf(raw: unknown): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

function encodeCursor(seq: number): string {
  return Buffer.from(`c1.${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^c1\.(\d{1,15})$/.exec(text);
  if (!match) throw new PlatformError(400, 'bad-cursor', 'unknown cursor', '同步游标无效，请重新拉取');
  return Number(match[1]);
}

export type PlatformStoreOptions = {
  /** Seals each office's file key at rest (AES-256-GCM); 32 bytes, from PLATFORM_FILE_KEY. */
  fileKeySecret: Uint8Array;
  clock?: () => number;
  /**
   * How long an authenticated token is trusted without asking the database again. Short, so that
   * a token revoked or rotated by another process (the CLI) stops working within this time.
   */
  tokenCacheMs?: number;
};

/** Default token cache life: a revoked token stops working in every process within 30 seconds. */
export const TOKEN_CACHE_MS = 30_000;

const UNKNOWN_OFFICE = (id: string) => new PlatformError(404, 'unknown-office', `unknown office ${id}`, '平台上没有该单位');

export class PlatformStore {
  private readonly tokenCache = new Map<string, { office: Office; until: number }>();
  private readonly clock: () => number;
  private readonly tokenCacheMs: number;
  private readonly fileKeySecret: Uint8Array;

  constructor(
    readonly db: SqlDb,
    options: PlatformStoreOptions,
  ) {
    if (options.fileKeySecret.length !== FILE_KEY_SECRET_BYTES) throw new Error(`the file key secret must be ${FILE_KEY_SECRET_BYTES} bytes`);
    this.fileKeySecret = options.fileKeySecret;
    this.clock = options.clock ?? (() => Date.now());
    this.tokenCacheMs = options.tokenCacheMs ?? TOKEN_CACHE_MS;
  }

  nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  // ---------------------------------------------------------------- offices

  /**
   * Enrol an office, or rotate its token (and lift a revocation). Without a token a random one is
   * issued; the token is returned once and only its hash is stored.
   */
  async addOffice(input: { id: string; name: string; token?: string | undefined }): Promise<{ token: string }> {
    const parsed = OfficeEnrolmentSchema.safeParse(input);
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      throw new PlatformError(400, errors.some((e) => e.code === 'short-token') ? 'short-token' : 'bad-office', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors.map((e) => e.messageZh).join('；'), { errors });
    }
    const { id, name } = parsed.data;
    const token = parsed.data.token ?? issueToken();
    const fileKey = sealFileKey(await deriveFileKeyHex(token, id), id, this.fileKeySecret);
    await this.db.query(
      `INSERT INTO offices (id, name, token_sha256, file_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, token_sha256 = EXCLUDED.token_sha256, file_key = EXCLUDED.file_key, revoked_at = NULL`,
      [id, name, tokenSha256(token), fileKey],
    );
    this.tokenCache.clear();
    return { token };
  }

  /** Revoke an office's token: refused here at once, and in other processes within the token cache life. */
  async revokeOffice(id: string): Promise<void> {
    const { rows } = await this.db.query<{ id: string }>('UPDATE offices SET revoked_at = now() WHERE id = $1 RETURNING id', [id]);
    if (rows.length === 0) throw UNKNOWN_OFFICE(id);
    this.tokenCache.clear();
  }

  async listOffices(): Promise<{ id: string; name: string; revoked: boolean }[]> {
    const { rows } = await this.db.query<{ id: string; name: string; revoked: boolean }>('SELECT id, name, revoked_at IS NOT NULL AS revoked FROM offices ORDER BY id');
    return rows;
  }

  async authenticate(token: string | undefined): Promise<Office | undefined> {
    if (!token) return undefined;
    const hash = tokenSha256(token);
    const now = this.clock();
    const cached = this.tokenCache.get(hash);
    if (cached && cached.until > now) return cached.office;
    this.tokenCache.delete(hash);
    const { rows } = await this.db.query<{ id: string; name: string }>('SELECT id, name FROM offices WHERE token_sha256 = $1 AND revoked_at IS NULL', [hash]);
    const row = rows[0];
    if (!row) return undefined;
    const office = { id: row.id, name: row.name };
    this.tokenCache.set(hash, { office, until: now + this.tokenCacheMs });
    return office;
  }

  async officeById(id: string): Promise<Office | undefined> {
    const { rows } = await this.db.query<{ id: string; name: string }>('SELECT id, name FROM offices WHERE id = $1', [id]);
    const row = rows[0];
    return row ? { id: row.id, name: row.name } : undefined;
  }

  /** The office's sneaker-net file key (hex), opened from its sealed form. */
  private async fileKeyOf(officeId: string): Promise<string> {
    const { rows } = await this.db.query<{ file_key: string }>('SELECT file_key FROM offices WHERE id = $1', [officeId]);
    const stored = rows[0]?.file_key;
    if (!stored) throw UNKNOWN_OFFICE(officeId);
    try {
      return openFileKey(stored, officeId, this.fileKeySecret);
    } catch {
      throw new PlatformError(500, 'file-key-sealed-elsewhere', `the file key of ${officeId} does not open with this PLATFORM_FILE_KEY`, '平台密钥配置已变更，无法打开该单位的离线文件密钥，请联系平台管理员');
    }
  }

  /** Seal file keys stored in plaintext by an earlier version. Idempotent; run at every start. */
  async sealPlaintextFileKeys(): Promise<number> {
    const { rows } = await this.db.query<{ id: string; file_key: string }>('SELECT id, file_key FROM offices');
    let sealed = 0;
    for (const row of rows) {
      if (isSealedFileKey(row.file_key)) continue;
      await this.db.query('UPDATE offices SET file_key = $2 WHERE id = $1 AND file_key = $3', [row.id, sealFileKey(row.file_key, row.id, this.fileKeySecret), row.file_key]);
      sealed++;
    }
    return sealed;
  }

  // ---------------------------------------------------------------- push

  async pushBatch(office: Office, batch: PushEnvelope, source: 'http' | 'sneakernet'): Promise<PushResponse> {
    const results: (OpResult | undefined)[] = new Array(batch.ops.length).fill(undefined);
    const valid: { index: number; op: PushOperation }[] = [];
    const firstIndexById = new Map<string, number>();
    const validById = new Map<string, PushOperation>();
    const repeats: { index: number; first: number; op: PushOperation }[] = [];
    const rejections: { opId: string; errors: unknown }[] = [];

    batch.ops.forEach((raw, index) => {
      const id = idOf(raw);
      const checked = validateOperation(raw, batch.deviceId);
      if (!checked.ok) {
        if (checked.kind === 'rejected') {
          results[index] = { id, status: 'rejected', errors: checked.errors };
          rejections.push({ opId: id, errors: checked.errors });
        } else {
          results[index] = { id, status: 'retry-later', retryAfterMs: 24 * 3600_000, reason: checked.reason };
        }
        return;
      }
      const first = firstIndexById.get(id);
      if (first !== undefined) {
        repeats.push({ index, first, op: checked.op });
        return;
      }
      firstIndexById.set(id, index);
      validById.set(id, checked.op);
      valid.push({ index, op: checked.op });
    });

    const serverNow = this.clock();
    const skewMs = Number.isNaN(Date.parse(batch.sentAt)) ? null : serverNow - Date.parse(batch.sentAt);

    await this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`batch/${office.id}/${batch.batchId}`]);
      await q.query(
        `INSERT INTO batches (office_id, batch_id, device_id, source, sent_at, skew_ms, op_count) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (office_id, batch_id) DO UPDATE SET deliveries = batches.deliveries + 1, last_received_at = now()`,
        [office.id, batch.batchId, batch.deviceId, source, batch.sentAt, skewMs, batch.ops.length],
      );
      for (const r of rejections) {
        await q.query('INSERT INTO rejections (office_id, op_id, batch_id, errors) VALUES ($1, $2, $3, $4::jsonb)', [office.id, r.opId, batch.batchId, JSON.stringify(r.errors)]);
      }
      if (valid.length === 0) return;

      const records = valid.map(({ op }, ord) => ({
        ord,
        op_id: op.id,
        device_id: op.deviceId,
        device_seq: op.deviceSeq,
        kind: op.kind,
        entity_id: op.entityId,
        psv: op.payloadSchemaVersion,
        payload: op.payload,
        payload_hash: op.payloadHash,
        recorded_at: op.recordedAt,
        supersedes: op.supersedes ?? null,
        attachments: op.attachments ?? [],
      }));
      const inserted = await q.query<{ op_id: string; server_seq: string; received_at: Date | string }>(
        `INSERT INTO operations (office_id, op_id, device_id, device_seq, kind, entity_id, payload_schema_version, payload, payload_hash, recorded_at, batch_id, source, supersedes, attachments)
         SELECT $1, x.op_id, x.device_id, x.device_seq, x.kind, x.entity_id, x.psv, x.payload, x.payload_hash, x.recorded_at, $2, $3, x.supersedes, x.attachments
         FROM jsonb_to_recordset($4::jsonb) AS x(ord int, op_id text, device_id text, device_seq bigint, kind text, entity_id text, psv int, payload jsonb,
              payload_hash text, recorded_at text, supersedes text, attachments jsonb)
         ORDER BY x.ord
         ON CONFLICT (office_id, op_id) DO NOTHING
         RETURNING op_id, server_seq::text AS server_seq, received_at`,
        [office.id, batch.batchId, source, JSON.stringify(records)],
      );
      const insertedById = new Map(inserted.rows.map((r) => [r.op_id, r]));
      const missingIds = valid.filter(({ op }) => !insertedById.has(op.id)).map(({ op }) => op.id);
      const existing = new Map<string, ExistingRow>();
      if (missingIds.length > 0) {
        const found = await q.query<ExistingRow>(
          `SELECT op_id, payload_hash, server_seq::text AS server_seq, received_at, batch_id, attachments,
                  device_id, device_seq::text AS device_seq, kind, entity_id, payload_schema_version, recorded_at FROM operations
           WHERE office_id = $1 AND op_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
          [office.id, JSON.stringify(missingIds)],
        );
        for (const row of found.rows) existing.set(row.op_id, row);
      }
      const allHashes = new Set<string>();
      for (const { op } of valid) for (const h of attachmentHashes(op.attachments)) allHashes.add(h);
      for (const row of existing.values()) for (const h of attachmentHashes(row.attachments)) allHashes.add(h);
      const complete = await this.completeMedia(q, office.id, [...allHashes]);
      const missingOf = (attachments: unknown) => attachmentHashes(attachments).filter((h) => !complete.has(h));

      for (const { index, op } of valid) {
        const ins = insertedById.get(op.id);
        if (ins) {
          results[index] = {
            id: op.id,
            status: 'accepted',
            receipt: { opId: op.id, serverSeq: Number(ins.server_seq), receivedAt: iso(ins.received_at), batchId: batch.batchId, payloadHash: op.payloadHash, mediaMissing: missingOf(op.attachments) },
          };
          continue;
        }
        const prior = existing.get(op.id);
        if (!prior) {
          // Cannot happen under the unique constraint; answer retry rather than guess.
          results[index] = { id: op.id, status: 'retry-later', retryAfterMs: 1000, reason: 'operation not visible yet' };
          continue;
        }
        const receipt: Receipt = {
          opId: op.id,
          serverSeq: Number(prior.server_seq),
          receivedAt: iso(prior.received_at),
          batchId: prior.batch_id,
          payloadHash: prior.payload_hash,
          mediaMissing: missingOf(prior.attachments),
        };
        const differs = identityDiffers(identityOfRow(prior), op);
        if (differs.length === 0) {
          // The same batch delivered again answers as it did the first time (idempotent batch replay);
          // the same operation in another batch is a duplicate with the original receipt.
          results[index] = { id: op.id, status: prior.batch_id === batch.batchId ? 'accepted' : 'duplicate', receipt };
        } else {
          // Same id, but another payload or other identity fields (entity, device sequence, time …):
          // not the operation the platform holds, so never "duplicate".
          results[index] = { id: op.id, status: 'conflict', existing: { payloadHash: prior.payload_hash, receipt }, differs, messageZh: conflictMessage(differs) };
          await q.query('INSERT INTO conflicts (office_id, op_id, batch_id, payload_hash, payload) VALUES ($1, $2, $3, $4, $5::jsonb)', [
            office.id,
            op.id,
            batch.batchId,
            op.payloadHash,
            canonicalize(op.payload),
          ]);
        }
      }
    });

    for (const { index, first, op } of repeats) {
      const firstResult = results[first];
      if (firstResult && (firstResult.status === 'accepted' || firstResult.status === 'duplicate')) {
        const differs = identityDiffers(validById.get(op.id)!, op);
        results[index] =
          differs.length === 0
            ? { id: op.id, status: 'duplicate', receipt: firstResult.receipt }
            : { id: op.id, status: 'conflict', existing: { payloadHash: firstResult.receipt.payloadHash, receipt: firstResult.receipt }, differs, messageZh: '同一批次内同一编号出现两种内容或登记信息' };
      } else {
        results[index] = firstResult ?? { id: op.id, status: 'retry-later', retryAfterMs: 1000, reason: 'repeat of an unanswered operation' };
      }
    }

    return {
      v: PROTOCOL_VERSION,
      batchId: batch.batchId,
      serverTime: new Date(this.clock()).toISOString(),
      results: results.map((r, i) => r ?? { id: idOf(batch.ops[i]), status: 'retry-later', retryAfterMs: 1000, reason: 'unanswered' }),
    };
  }

  private async completeMedia(q: Querier, officeId: string, hashes: string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const { rows } = await q.query<{ sha256: string }>(
      `SELECT sha256 FROM media WHERE office_id = $1 AND completed_at IS NOT NULL AND sha256 IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [officeId, JSON.stringify(hashes)],
    );
    return new Set(rows.map((r) => r.sha256));
  }

  // ---------------------------------------------------------------- media

  async mediaStatus(office: Office, sha256: string): Promise<MediaStatus | undefined> {
    const { rows } = await this.db.query<{ size: string; received: string; completed_at: Date | null }>(
      'SELECT size::text AS size, received::text AS received, completed_at FROM media WHERE office_id = $1 AND sha256 = $2',
      [office.id, sha256],
    );
    const row = rows[0];
    return row ? { sha256, size: Number(row.size), received: Number(row.received), complete: row.completed_at !== null } : undefined;
  }

  /** Append one chunk at `offset`. A chunk at the wrong offset is refused with the current status (409), so the desk resumes. */
  async appendMedia(office: Office, sha256: string, offset: number, totalSize: number, chunk: Uint8Array): Promise<MediaStatus> {
    if (!Number.isInteger(totalSize) || totalSize < 0 || totalSize > MAX_MEDIA_BYTES) throw new PlatformError(413, 'media-too-large', 'media too large', '附件过大');
    return this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`media/${office.id}/${sha256}`]);
      const { rows } = await q.query<{ size: string; received: string; completed_at: Date | null }>(
        'SELECT size::text AS size, received::text AS received, completed_at FROM media WHERE office_id = $1 AND sha256 = $2',
        [office.id, sha256],
      );
      let row = rows[0];
      if (!row) {
        await q.query('INSERT INTO media (office_id, sha256, size) VALUES ($1, $2, $3)', [office.id, sha256, totalSize]);
        row = { size: String(totalSize), received: '0', completed_at: null };
      }
      const status: MediaStatus = { sha256, size: Number(row.size), received: Number(row.received), complete: row.completed_at !== null };
      if (status.complete) return status;
      if (status.size !== totalSize) throw new PlatformError(409, 'media-size-mismatch', 'declared size differs from the first upload', '附件大小与此前上传的不一致', { status });
      if (offset !== status.received) throw new PlatformError(409, 'media-offset', `expected offset ${status.received}`, '续传位置不一致，请从平台给出的位置继续', { status });
      if (status.received + chunk.length > status.size) throw new PlatformError(400, 'media-overflow', 'chunk runs past the declared size', '附件数据超出声明大小');
      const received = status.received + chunk.length;
      await q.query('UPDATE media SET data = data || $3, received = $4 WHERE office_id = $1 AND sha256 = $2', [office.id, sha256, chunk, received]);
      if (received < status.size) return { ...status, received };
      const { rows: dataRows } = await q.query<{ data: Uint8Array }>('SELECT data FROM media WHERE office_id = $1 AND sha256 = $2', [office.id, sha256]);
      const data = dataRows[0]?.data ?? new Uint8Array();
      const actual = createHash('sha256').update(data).digest('hex');
      if (actual !== sha256) {
        await q.query(`UPDATE media SET data = '\\x'::bytea, received = 0 WHERE office_id = $1 AND sha256 = $2`, [office.id, sha256]);
        // The bytes do not hash to their name: start over (the desk sees received = 0 and re-sends).
        return { ...status, received: 0, complete: false };
      }
      await q.query('UPDATE media SET completed_at = now() WHERE office_id = $1 AND sha256 = $2', [office.id, sha256]);
      return { ...status, received, complete: true };
    });
  }

  // ---------------------------------------------------------------- pull feed

  /** Publish an item for an office to pull. Serialized per office so that sequence order equals commit order. */
  async publish(officeId: string, input: unknown): Promise<void> {
    const parsed = PublishItemSchema.safeParse(input);
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      throw new PlatformError(400, 'bad-item', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors.map((e) => e.messageZh).join('；'), { errors });
    }
    const item = parsed.data;
    if (!(await this.officeById(officeId))) throw UNKNOWN_OFFICE(officeId);
    await this.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`outbound/${officeId}`]);
      await q.query(
        `INSERT INTO outbound (office_id, item_id, kind, case_id, payload) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (office_id, item_id) DO NOTHING`,
        [officeId, item.id, item.kind, item.caseId ?? null, JSON.stringify(item.payload)],
      );
    });
  }

  async pull(office: Office, cursor: string | undefined, limit: number): Promise<PullResponse> {
    const after = decodeCursor(cursor);
    const take = Math.max(1, Math.min(500, Math.floor(limit) || 100));
    // Order by the bigint column itself (an output alias of the text cast would sort '1003' before '999').
    const { rows } = await this.db.query<{ seq_text: string; item_id: string; kind: string; case_id: string | null; payload: unknown; published_at: Date | string }>(
      `SELECT o.server_seq::text AS seq_text, o.item_id, o.kind, o.case_id, o.payload, o.published_at FROM outbound o
       WHERE o.office_id = $1 AND o.server_seq > $2 ORDER BY o.server_seq LIMIT $3`,
      [office.id, after, take + 1],
    );
    const page = rows.slice(0, take);
    const items: PulledItem[] = page.map((r) => {
      const item: PulledItem = { id: r.item_id, kind: r.kind as PulledKind, publishedAt: iso(r.published_at), payload: r.payload };
      if (r.case_id) item.caseId = r.case_id;
      return item;
    });
    const last = page[page.length - 1];
    return { v: PROTOCOL_VERSION, items, cursor: encodeCursor(last ? Number(last.seq_text) : after), hasMore: rows.length > take, serverTime: this.nowIso() };
  }

  // ---------------------------------------------------------------- sneaker-net

  /** Import a sneaker-net file through the same idempotent path as a push. `asOffice` restricts which office may be named. */
  async importFile(fileText: string, asOffice?: Office): Promise<{ fileId: string; officeId: string; response: PushResponse; timesImported: number }> {
    if (jsonTextTooDeep(fileText, MAX_JSON_DEPTH)) throw new PlatformError(400, 'too-deep', `file nests deeper than ${MAX_JSON_DEPTH} levels`, '文件格式不正确，不是办案台导出的同步文件');
    let json: unknown;
    try {
      json = JSON.parse(fileText);
    } catch {
      throw new PlatformError(400, 'bad-file', 'not a sneakernet file', '文件格式不正确，不是办案台导出的同步文件');
    }
    const parsed = SneakernetFileSchema.safeParse(json);
    if (!parsed.success) throw new PlatformError(400, 'bad-file', 'not a sneakernet file', '文件格式不正确，不是办案台导出的同步文件');
    const file = parsed.data;
    if (asOffice && asOffice.id !== file.header.officeId) throw new PlatformError(403, 'wrong-office', 'file belongs to another office', '该文件属于其他单位，不能导入');
    const office = asOffice ?? (await this.officeById(file.header.officeId));
    if (!office) throw UNKNOWN_OFFICE(file.header.officeId);
    const fileKeyHex = await this.fileKeyOf(office.id);
    let plain: string;
    try {
      plain = await openSneakernetFile(file, fileKeyHex);
    } catch (error) {
      if (error instanceof SneakernetError) throw new PlatformError(422, error.code, error.message, error.code === 'bad-signature' ? '文件签名校验失败：文件被改动或不是本单位导出的' : '文件无法解密');
      throw error;
    }
    if (jsonTextTooDeep(plain, MAX_JSON_DEPTH)) throw new PlatformError(400, 'too-deep', `file content nests deeper than ${MAX_JSON_DEPTH} levels`, '文件内容嵌套层次过深，不是办案台导出的同步文件');
    const batch = JSON.parse(plain) as PushEnvelope & { v: number };
    if (batch.batchId !== file.header.fileId || !Array.isArray(batch.ops) || batch.ops.length !== file.header.opCount) {
      throw new PlatformError(422, 'bad-file', 'file content does not match its header', '文件内容与文件头不符');
    }
    const response = await this.pushBatch(office, batch, 'sneakernet');
    const { rows } = await this.db.query<{ imports: number }>(
      `INSERT INTO imports (office_id, file_id, file_sha256, op_count) VALUES ($1, $2, $3, $4)
       ON CONFLICT (office_id, file_id) DO UPDATE SET imports = imports.imports + 1 RETURNING imports`,
      [office.id, file.header.fileId, sha256HexNode(fileText), file.header.opCount],
    );
    return { fileId: file.header.fileId, officeId: office.id, response, timesImported: rows[0]?.imports ?? 1 };
  }

  // ---------------------------------------------------------------- reads for tests and the page

  async countOperations(officeId?: string): Promise<number> {
    const { rows } = officeId
      ? await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations WHERE office_id = $1', [officeId])
      : await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM operations');
    return Number(rows[0]?.n ?? 0);
  }

  async summary(): Promise<{
    offices: { id: string; name: string; ops: number; batches: number; rejections: number; conflicts: number; mediaIncomplete: number; lastReceivedAt: string | null; maxAbsSkewMs: number | null }[];
    batches: { officeId: string; batchId: string; deviceId: string; source: string; opCount: number; deliveries: number; skewMs: number | null; firstReceivedAt: string }[];
  }> {
    const offices = await this.db.query<{ id: string; name: string; ops: string; batches: string; rejections: string; conflicts: string; media: string; last: Date | null; skew: string | null }>(
      `SELECT o.id, o.name,
        (SELECT count(*) FROM operations p WHERE p.office_id = o.id)::text AS ops,
        (SELECT count(*) FROM batches b WHERE b.office_id = o.id)::text AS batches,
        (SELECT count(*) FROM rejections r WHERE r.office_id = o.id)::text AS rejections,
        (SELECT count(*) FROM conflicts c WHERE c.office_id = o.id)::text AS conflicts,
        (SELECT count(*) FROM media m WHERE m.office_id = o.id AND m.completed_at IS NULL)::text AS media,
        (SELECT max(received_at) FROM operations p WHERE p.office_id = o.id) AS last,
        (SELECT max(abs(skew_ms)) FROM batches b WHERE b.office_id = o.id)::text AS skew
       FROM offices o ORDER BY o.id`,
    );
    const batches = await this.db.query<{ office_id: string; batch_id: string; device_id: string; source: string; op_count: number; deliveries: number; skew_ms: string | null; first_received_at: Date }>(
      `SELECT office_id, batch_id, device_id, source, op_count, deliveries, skew_ms::text AS skew_ms, first_received_at FROM batches ORDER BY first_received_at DESC LIMIT 100`,
    );
    return {
      offices: offices.rows.map((r) => ({
        id: r.id,
        name: r.name,
        ops: Number(r.ops),
        batches: Number(r.batches),
        rejections: Number(r.rejections),
        conflicts: Number(r.conflicts),
        mediaIncomplete: Number(r.media),
        lastReceivedAt: r.last ? iso(r.last) : null,
        maxAbsSkewMs: r.skew === null ? null : Number(r.skew),
      })),
      batches: batches.rows.map((r) => ({
        officeId: r.office_id,
        batchId: r.batch_id,
        deviceId: r.device_id,
        source: r.source,
        opCount: r.op_count,
        deliveries: r.deliveries,
        skewMs: r.skew_ms === null ? null : Number(r.skew_ms),
        firstReceivedAt: iso(r.first_received_at),
      })),
    };
  }
}
