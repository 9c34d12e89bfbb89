/**
 * The reference city-platform receiver: Fastify over PostgreSQL (PGlite or a server).
 *
 *   const platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [{ id, name, token }] });
 *   … platform.url …
 *   await platform.close();
 *
 * Request pipeline (every hostile input is refused before a body is read):
 *   1. CORS (`@fastify/cors`): only the desk's origins (app://credit-desk and configured dev origins).
 *   2. `onRequest`: rate limit per address → authenticate (office token for /v1/*, admin token for
 *      the admin API and the overview page) → rate limit per office. A refusal answers at once and
 *      closes the connection, so an unauthenticated upload is never read.
 *   3. Body parsing: JSON only (depth-limited, prototype keys refused), binary only on the media route.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { APP_ORIGIN } from '../../electron/ipc/contract';
import { jsonTextTooDeep } from '../../shared/sync/json-depth';
import { MAX_BATCH_BYTES, MAX_JSON_DEPTH, MEDIA_CHUNK_BYTES, PROTOCOL_VERSION, PushRequestSchema, Sha256HexSchema } from '../../shared/sync/protocol';
import { FILE_KEY_SECRET_BYTES } from './crypto';
import { migrate, openDatabase, type DatabaseConfig, type SqlDb } from './db';
import { renderOverview } from './html';
import { PlatformError, PlatformStore, type Office } from './store';

export type RateLimits = {
  /** Requests per minute from one network address (also bounds token guessing). */
  perAddressPerMinute: number;
  /** Requests per minute for one office, whatever the address. */
  perOfficePerMinute: number;
};

/**
 * A desk's day's-end sync is a ping, ≤ 20 push batches, a few pull pages and ≤ 128 media chunks;
 * an office of 20 desks behind one address stays well inside these.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perAddressPerMinute: 1200, perOfficePerMinute: 600 };

/**
 * Origins allowed by default besides app://credit-desk: browser mode on this machine, i.e.
 * `npm run web` (Vite's dev server, port 5173) and the built renderer on Vite's preview port 4173
 * (where the end-to-end harness serves it). PLATFORM_CORS_ORIGINS replaces this list.
 */
export const DEFAULT_DEV_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'];

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
  /**
   * Seals the offices' sneaker-net file keys at rest (32 bytes; `npm run platform` reads
   * PLATFORM_FILE_KEY). Without one a random key for this process is used: fine in memory and in
   * tests, but sealed keys do not open after a restart with another one.
   */
  fileKeySecret?: Uint8Array;
  /** Browser origins besides app://credit-desk that may call the API (browser mode). Default: Vite's on loopback. */
  corsOrigins?: string[];
  rateLimits?: Partial<RateLimits>;
  /** How long an authenticated token is trusted without a database read (default 30 s). */
  tokenCacheMs?: number;
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

export type BuildAppOptions = Pick<StartPlatformOptions, 'adminToken' | 'logger' | 'tls' | 'corsOrigins' | 'rateLimits'>;

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation merges only into an interface
  interface FastifyRequest {
    /** The office whose token authenticated this request (/v1/* routes only). */
    office: Office | null;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** Admin requests carry small JSON bodies only. */
const ADMIN_BODY_LIMIT = 64 * 1024;

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

function officeOf(request: FastifyRequest): Office {
  // Set by the onRequest hook for every /v1/* request; a route without it is a wiring error.
  if (!request.office) throw new Error(`no authenticated office on ${request.url}`);
  return request.office;
}

export async function buildApp(store: PlatformStore, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ADMIN_BODY_LIMIT,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;
  app.decorateRequest('office', null);

  // ---- 1. CORS: the desk calls from app://credit-desk (Electron) or, in browser mode, from the
  // configured dev origin. Bearer tokens only, no cookies; any other origin gets no CORS headers.
  const allowedOrigins = new Set([APP_ORIGIN, ...(options.corsOrigins ?? DEFAULT_DEV_ORIGINS)]);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin)),
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['authorization', 'content-type', 'x-media-size'],
    exposedHeaders: ['date', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });

  // ---- 2. Rate limits and authentication, before any body is read.
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  await app.register(rateLimit, { global: false });
  const perAddress = app.createRateLimit({ max: limits.perAddressPerMinute, timeWindow: 60_000, keyGenerator: (request) => `address:${request.ip}` });
  const perOffice = app.createRateLimit({ max: limits.perOfficePerMinute, timeWindow: 60_000, keyGenerator: (request) => `office:${request.office?.id ?? ''}` });
  const refuseIfExceeded = async (check: typeof perAddress, request: FastifyRequest, reply: FastifyReply) => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(Math.max(1, limit.ttlInSeconds)));
      throw new PlatformError(429, 'rate-limited', 'too many requests', '请求过于频繁，请稍后再试');
    }
  };

  function requireAdmin(request: FastifyRequest): void {
    if (!options.adminToken) throw new PlatformError(403, 'admin-disabled', 'admin API disabled (no admin token configured)', '未配置管理令牌，管理接口关闭');
    const given = bearer(request);
    if (!given || !sameSecret(given, options.adminToken)) throw new PlatformError(401, 'unauthorized', 'admin token required', '需要管理令牌');
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS') return; // CORS preflight, answered by @fastify/cors
    try {
      await refuseIfExceeded(perAddress, request, reply);
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/v1/')) {
        request.office = (await store.authenticate(bearer(request))) ?? null;
        if (!request.office) throw new PlatformError(401, 'unauthorized', 'missing or unknown office token', '单位令牌无效或未设置，请在同步设置中填写平台发放的令牌');
        await refuseIfExceeded(perOffice, request, reply);
      } else if (path.startsWith('/admin/') || ((path === '/' || path === '/admin') && options.adminToken)) {
        requireAdmin(request);
      }
    } catch (error) {
      // The body (up to the route's limit) is never read: answer and close the connection.
      reply.header('connection', 'close');
      throw error;
    }
  });

  // ---- 3. Bodies: JSON only, depth-limited before parsing; prototype keys (`__proto__`,
  // `constructor.prototype`) refused by Fastify's secure JSON parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonTextTooDeep(text, MAX_JSON_DEPTH)) {
      done(new PlatformError(400, 'too-deep', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`, `数据嵌套层次过深（超过 ${MAX_JSON_DEPTH} 层）`), undefined);
      return;
    }
    parseJson(request, text, done);
  });

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
    const zh = status === 413 ? '数据量过大' : status === 415 ? '数据类型不受支持（只接收 JSON；附件须以二进制上传到附件接口）' : '请求格式不正确';
    return reply.code(status).send(errorBody(e.code ?? 'bad-request', e.message ?? 'bad request', zh));
  });

  app.get('/v1/ping', async (request) => {
    const o = officeOf(request);
    return { v: PROTOCOL_VERSION, serverTime: store.nowIso(), officeId: o.id, officeName: o.name };
  });

  app.post('/v1/push', { bodyLimit: MAX_BATCH_BYTES }, async (request, reply) => {
    const o = officeOf(request);
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
    const query = request.query as { cursor?: string; limit?: string };
    return store.pull(officeOf(request), query.cursor || undefined, Number(query.limit ?? 100));
  });

  app.get('/v1/media/:sha256/status', async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    if (!Sha256HexSchema.safeParse(sha256).success) throw new PlatformError(400, 'bad-hash', 'bad hash', '附件校验值格式不正确');
    const status = await store.mediaStatus(officeOf(request), sha256);
    if (!status) return reply.code(404).send(errorBody('media-unknown', 'no upload started', '平台尚无此附件'));
    return status;
  });

  // Binary bodies exist on this route only (its own encapsulated content-type parser).
  await app.register(async (media) => {
    media.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MEDIA_CHUNK_BYTES }, (_req, body, done) => done(null, body));
    media.put('/v1/media/:sha256', { bodyLimit: MEDIA_CHUNK_BYTES }, async (request) => {
      const { sha256 } = request.params as { sha256: string };
      if (!Sha256HexSchema.safeParse(sha256).success) throw new PlatformError(400, 'bad-hash', 'bad hash', '附件校验值格式不正确');
      const query = request.query as { offset?: string };
      const offset = Number(query.offset ?? 0);
      const size = Number(request.headers['x-media-size']);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(size)) throw new PlatformError(400, 'bad-range', 'offset and x-media-size required', '续传参数不正确');
      const body = request.body;
      if (!(body instanceof Uint8Array)) throw new PlatformError(415, 'bad-content-type', 'send application/octet-stream', '附件须以二进制上传');
      return store.appendMedia(officeOf(request), sha256, offset, size, body);
    });
  });

  // A sneaker-net file is JSON text. The desk sends it as application/octet-stream, which this
  // route reads as text (never as bytes) and parses with the same depth limit as every JSON body.
  await app.register(async (importing) => {
    importing.addContentTypeParser('application/octet-stream', { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES * 2 }, (_req, body, done) => done(null, body));
    importing.post('/v1/sneakernet/import', { bodyLimit: MAX_BATCH_BYTES * 2 }, async (request) => {
      const o = officeOf(request);
      const body = request.body;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const { fileId, officeId, response } = await store.importFile(text, o);
      const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0, retryLater: 0 };
      for (const r of response.results) {
        if (r.status === 'retry-later') counts.retryLater++;
        else counts[r.status]++;
      }
      return { v: PROTOCOL_VERSION, fileId, officeId, counts, results: response.results };
    });
  });

  app.post('/admin/v1/offices', async (request) => {
    const body = (request.body ?? {}) as { id?: unknown; name?: unknown; token?: unknown };
    const { token } = await store.addOffice(body as { id: string; name: string; token?: string });
    // A token the platform issued is shown once, here; a token the admin chose is not echoed.
    return body.token === undefined ? { ok: true, token } : { ok: true };
  });

  app.post('/admin/v1/offices/:officeId/revoke', async (request) => {
    const { officeId } = request.params as { officeId: string };
    await store.revokeOffice(officeId);
    return { ok: true };
  });

  app.post('/admin/v1/offices/:officeId/outbound', async (request) => {
    const { officeId } = request.params as { officeId: string };
    await store.publish(officeId, request.body);
    return { ok: true };
  });

  const overview = async (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(await renderOverview(store));
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
    const store = new PlatformStore(db, {
      fileKeySecret: options.fileKeySecret ?? randomBytes(FILE_KEY_SECRET_BYTES),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.tokenCacheMs !== undefined ? { tokenCacheMs: options.tokenCacheMs } : {}),
    });
    await store.sealPlaintextFileKeys();
    for (const o of options.offices ?? []) await store.addOffice(o);
    const app = await buildApp(store, options);
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
