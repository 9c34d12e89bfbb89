/**
 * The reference city-platform receiver: Fastify over PostgreSQL (PGlite or a server).
 *
 *   const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [{ id, name, token }] });
 *   … platform.url …
 *   await platform.close();
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { MAX_BATCH_BYTES, MEDIA_CHUNK_BYTES, PROTOCOL_VERSION, PushRequestSchema, Sha256HexSchema } from '../../shared/sync/protocol';
import { migrate, openDatabase, type DatabaseConfig, type SqlDb } from './db';
import { renderOverview } from './html';
import { PlatformError, PlatformStore, type Office } from './store';

export type StartPlatformOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. A non-loopback address needs `tls` or `allowPlainHttp` (behind a TLS proxy). */
  host?: string;
  /** PGlite (default, in memory) or PostgreSQL; a string is a postgres:// URL. */
  database?: DatabaseConfig | string;
  /** Bearer token for the overview page and the admin API; without it the admin API is off and the page is open (loopback only). */
  adminToken?: string;
  /** Offices to enrol at start (idempotent). */
  offices?: { id: string; name: string; token: string }[];
  clock?: () => number;
  logger?: boolean;
  tls?: { cert: string | Buffer; key: string | Buffer };
  allowPlainHttp?: boolean;
};

export type Platform = {
  url: string;
  port: number;
  host: string;
  store: PlatformStore;
  db: SqlDb;
  app: FastifyInstance;
  close(): Promise<void>;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function errorBody(code: string, message: string, messageZh: string, extra?: Record<string, unknown>) {
  return { v: PROTOCOL_VERSION, error: { code, message, messageZh }, ...(extra ?? {}) };
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function buildApp(store: PlatformStore, options: Pick<StartPlatformOptions, 'adminToken' | 'logger' | 'tls'> = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BATCH_BYTES,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: Math.max(MEDIA_CHUNK_BYTES * 2, MAX_BATCH_BYTES * 2) }, (_req, body, done) => done(null, body));

  // The desk calls from app://credit-desk (Electron) or another loopback port (browser mode): CORS,
  // with bearer tokens only (no cookies), so any origin may call.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', request.headers.origin ?? '*');
    reply.header('vary', 'origin');
    reply.header('access-control-allow-headers', 'authorization, content-type, x-media-size');
    reply.header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
    reply.header('access-control-expose-headers', 'date, retry-after');
    reply.header('access-control-max-age', '600');
  });
  app.options('/*', async (_request, reply) => reply.code(204).send());

  app.setErrorHandler((error: unknown, _request, reply) => {
    if (error instanceof PlatformError) {
      return reply.code(error.status).send(errorBody(error.code, error.message, error.messageZh, error.extra));
    }
    const e = error as { statusCode?: number; message?: string; code?: string };
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
    if (status >= 500) {
      app.log.error({ err: error }, 'platform request failed');
      return reply.code(503).header('retry-after', '5').send(errorBody('server-error', 'temporary server error', '平台暂时无法处理，请稍后重试'));
    }
    return reply.code(status).send(errorBody(e.code ?? 'bad-request', e.message ?? 'bad request', status === 413 ? '数据量过大' : '请求格式不正确'));
  });

  async function office(request: FastifyRequest): Promise<Office> {
    const found = await store.authenticate(bearer(request));
    if (!found) throw new PlatformError(401, 'unauthorized', 'missing or unknown office token', '单位令牌无效或未设置，请在同步设置中填写平台发放的令牌');
    return found;
  }

  function requireAdmin(request: FastifyRequest): void {
    if (!options.adminToken) throw new PlatformError(403, 'admin-disabled', 'admin API disabled (no admin token configured)', '未配置管理令牌，管理接口关闭');
    const given = bearer(request);
    if (!given || !sameSecret(given, options.adminToken)) throw new PlatformError(401, 'unauthorized', 'admin token required', '需要管理令牌');
  }

  app.get('/v1/ping', async (request) => {
    const o = await office(request);
    return { v: PROTOCOL_VERSION, serverTime: store.nowIso(), officeId: o.id, officeName: o.name };
  });

  app.post('/v1/push', async (request, reply) => {
    const o = await office(request);
    const body = request.body as { v?: unknown } | undefined;
    if (body && typeof body === 'object' && body.v !== PROTOCOL_VERSION) {
      return reply.code(426).send(errorBody('upgrade-required', `protocol version ${String(body.v)} not supported`, '协议版本不受支持，请升级办案台'));
    }
    const parsed = PushRequestSchema.safeParse(body);
    if (!parsed.success) {
      return reply.code(400).send(errorBody('bad-batch', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), '批次格式不正确'));
    }
    return store.pushBatch(o, parsed.data, 'http');
  });

  app.get('/v1/pull', async (request) => {
    const o = await office(request);
    const query = request.query as { cursor?: string; limit?: string };
    return store.pull(o, query.cursor || undefined, Number(query.limit ?? 100));
  });

  app.get('/v1/media/:sha256/status', async (request, reply) => {
    const o = await office(request);
    const { sha256 } = request.params as { sha256: string };
    if (!Sha256HexSchema.safeParse(sha256).success) throw new PlatformError(400, 'bad-hash', 'bad hash', '附件校验值格式不正确');
    const status = await store.mediaStatus(o, sha256);
    if (!status) return reply.code(404).send(errorBody('media-unknown', 'no upload started', '平台尚无此附件'));
    return status;
  });

  app.put('/v1/media/:sha256', async (request) => {
    const o = await office(request);
    const { sha256 } = request.params as { sha256: string };
    if (!Sha256HexSchema.safeParse(sha256).success) throw new PlatformError(400, 'bad-hash', 'bad hash', '附件校验值格式不正确');
    const query = request.query as { offset?: string };
    const offset = Number(query.offset ?? 0);
    const size = Number(request.headers['x-media-size']);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(size)) throw new PlatformError(400, 'bad-range', 'offset and x-media-size required', '续传参数不正确');
    const body = request.body;
    if (!(body instanceof Uint8Array)) throw new PlatformError(415, 'bad-content-type', 'send application/octet-stream', '附件须以二进制上传');
    if (body.length > MEDIA_CHUNK_BYTES) throw new PlatformError(413, 'chunk-too-large', `chunk larger than ${MEDIA_CHUNK_BYTES}`, '附件分块过大');
    return store.appendMedia(o, sha256, offset, size, body);
  });

  app.post('/v1/sneakernet/import', async (request) => {
    const o = await office(request);
    const body = request.body;
    const text = body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : JSON.stringify(body);
    const { fileId, officeId, response } = await store.importFile(text, o);
    const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0, retryLater: 0 };
    for (const r of response.results) {
      if (r.status === 'retry-later') counts.retryLater++;
      else counts[r.status]++;
    }
    return { v: PROTOCOL_VERSION, fileId, officeId, counts, results: response.results };
  });

  app.post('/admin/v1/offices', async (request) => {
    requireAdmin(request);
    const body = request.body as { id?: string; name?: string; token?: string };
    if (!body?.id || !body.name || !body.token) throw new PlatformError(400, 'bad-office', 'id, name and token required', '需要单位编号、名称和令牌');
    await store.addOffice({ id: body.id, name: body.name, token: body.token });
    return { ok: true };
  });

  app.post('/admin/v1/offices/:officeId/outbound', async (request) => {
    requireAdmin(request);
    const { officeId } = request.params as { officeId: string };
    const body = request.body as { id: string; kind: never; caseId?: string; payload: unknown };
    await store.publish(officeId, body);
    return { ok: true };
  });

  const overview = async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.adminToken) requireAdmin(request);
    return reply.type('text/html; charset=utf-8').send(await renderOverview(store));
  };
  app.get('/', overview);
  app.get('/admin', overview);

  return app;
}

function toDatabaseConfig(database: StartPlatformOptions['database']): DatabaseConfig {
  if (!database) return { kind: 'pglite' };
  if (typeof database === 'string') return { kind: 'postgres', url: database };
  return database;
}

export async function startPlatform(options: StartPlatformOptions = {}): Promise<Platform> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.tls && !options.allowPlainHttp) {
    throw new Error(`refusing to serve office tokens over plain HTTP on ${host}; configure TLS or put a TLS proxy in front (allowPlainHttp)`);
  }
  const db = await openDatabase(toDatabaseConfig(options.database));
  try {
    await migrate(db);
    const store = new PlatformStore(db, options.clock ? { clock: options.clock } : {});
    for (const o of options.offices ?? []) await store.addOffice(o);
    const app = buildApp(store, options);
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    const scheme = options.tls ? 'https' : 'http';
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closed = false;
    return {
      url: `${scheme}://${urlHost}:${port}`,
      port,
      host,
      store,
      db,
      app,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
