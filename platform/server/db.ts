/**
 * The platform's PostgreSQL access: embedded PGlite (default, no install) or a real PostgreSQL
 * server through a connection URL (node-postgres). Both speak the same SQL.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Querier = {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
};

export type SqlDb = Querier & {
  kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction (BEGIN … COMMIT; ROLLBACK on throw). */
  tx<T>(fn: (q: Querier) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseConfig =
  | { kind: 'pglite'; /** Directory for the data; omit for in-memory. */ dataDir?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(config: DatabaseConfig): Promise<SqlDb> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize ?? 8);
}

async function openPglite(dataDir: string | undefined): Promise<SqlDb> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: 'pglite',
    async query<R>(sql: string, params: unknown[] = []) {
      const result = await db.query<R>(sql, params);
      return { rows: result.rows };
    },
    async tx<T>(fn: (q: Querier) => Promise<T>): Promise<T> {
      return db.transaction(async (t) =>
        fn({
          async query<R>(sql: string, params: unknown[] = []) {
            const result = await t.query<R>(sql, params);
            return { rows: result.rows };
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<SqlDb> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (error) => console.error('[platform] idle PostgreSQL client error:', error.message));
  // Fail fast on a wrong URL.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<R>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return { rows: result.rows as R[] };
    },
    async tx<T>(fn: (q: Querier) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn({
          async query<R>(sql: string, params: unknown[] = []) {
            const result = await client.query(sql, params);
            return { rows: result.rows as R[] };
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** The platform schema. Idempotent; additive only (new columns must be nullable or defaulted). */
export const SCHEMA_SQL = [
  `CREATE TABLE IF NOT EXISTS offices (
    id text PRIMARY KEY,
    name text NOT NULL,
    token_sha256 text NOT NULL UNIQUE,
    file_key text NOT NULL, -- the sneaker-net file key, sealed with AES-256-GCM under PLATFORM_FILE_KEY
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  // A revoked office token is refused (the row stays: its operations still belong to the office).
  `ALTER TABLE offices ADD COLUMN IF NOT EXISTS revoked_at timestamptz`,
  `CREATE TABLE IF NOT EXISTS batches (
    office_id text NOT NULL REFERENCES offices(id),
    batch_id text NOT NULL,
    device_id text NOT NULL,
    source text NOT NULL,
    sent_at text,
    skew_ms bigint,
    op_count int NOT NULL,
    deliveries int NOT NULL DEFAULT 1,
    first_received_at timestamptz NOT NULL DEFAULT now(),
    last_received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, batch_id)
  )`,
  `CREATE TABLE IF NOT EXISTS operations (
    server_seq bigserial PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    op_id text NOT NULL,
    device_id text NOT NULL,
    device_seq bigint NOT NULL,
    kind text NOT NULL,
    entity_id text NOT NULL,
    payload_schema_version int NOT NULL,
    payload jsonb NOT NULL,
    payload_hash text NOT NULL,
    recorded_at text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    batch_id text NOT NULL,
    source text NOT NULL,
    supersedes text,
    attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
    CONSTRAINT operations_office_op UNIQUE (office_id, op_id)
  )`,
  `CREATE INDEX IF NOT EXISTS operations_office_device ON operations (office_id, device_id, device_seq)`,
  `CREATE TABLE IF NOT EXISTS rejections (
    id bigserial PRIMARY KEY,
    office_id text NOT NULL,
    op_id text NOT NULL,
    batch_id text NOT NULL,
    errors jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS conflicts (
    id bigserial PRIMARY KEY,
    office_id text NOT NULL,
    op_id text NOT NULL,
    batch_id text NOT NULL,
    payload_hash text NOT NULL,
    payload jsonb,
    received_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS media (
    office_id text NOT NULL,
    sha256 text NOT NULL,
    size bigint NOT NULL,
    received bigint NOT NULL DEFAULT 0,
    data bytea NOT NULL DEFAULT '\\x'::bytea,
    completed_at timestamptz,
    PRIMARY KEY (office_id, sha256)
  )`,
  `CREATE TABLE IF NOT EXISTS outbound (
    server_seq bigserial PRIMARY KEY,
    office_id text NOT NULL REFERENCES offices(id),
    item_id text NOT NULL,
    kind text NOT NULL,
    case_id text,
    payload jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbound_office_item UNIQUE (office_id, item_id)
  )`,
  `CREATE INDEX IF NOT EXISTS outbound_office_seq ON outbound (office_id, server_seq)`,
  `CREATE TABLE IF NOT EXISTS imports (
    office_id text NOT NULL,
    file_id text NOT NULL,
    file_sha256 text NOT NULL,
    op_count int NOT NULL,
    first_imported_at timestamptz NOT NULL DEFAULT now(),
    imports int NOT NULL DEFAULT 1,
    PRIMARY KEY (office_id, file_id)
  )`,
];

export async function migrate(db: SqlDb): Promise<void> {
  // Serialize concurrent start-ups against one PostgreSQL (CREATE … IF NOT EXISTS can race).
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7215001)');
    for (const statement of SCHEMA_SQL) await q.query(statement);
  });
}
