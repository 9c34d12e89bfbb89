/**
 * The HTTP transport to the city platform. `fetch` is injected (tests wrap it with faults).
 * The office token never travels over plain HTTP except to this machine (localhost/127.0.0.1/::1).
 */
import { parseRetryAfter } from '../../../shared/sync/backoff';
import {
  ENDPOINTS,
  ErrorResponseSchema,
  ImportResponseSchema,
  MediaStatusSchema,
  PingResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  type ImportResponse,
  type MediaStatus,
  type PingResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../shared/sync/protocol';

export type TransportErrorKind = 'network' | 'timeout' | 'http' | 'insecure' | 'protocol';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly messageZh: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly code?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export type SyncTransport = {
  ping(): Promise<PingResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(cursor: string | undefined, limit: number): Promise<PullResponse>;
  mediaStatus(sha256: string): Promise<MediaStatus | undefined>;
  uploadChunk(sha256: string, offset: number, totalSize: number, chunk: Uint8Array): Promise<MediaStatus>;
  importFile(fileText: string): Promise<ImportResponse>;
};

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const INSECURE_URL_ZH = '为保护单位令牌，只能通过 HTTPS 连接市平台（本机地址 localhost、127.0.0.1 除外）。请改用 https:// 开头的地址。';

/** Throws a TransportError('insecure') unless the URL is https, or http to this machine. */
export function assertSecurePlatformUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TransportError('insecure', `not a URL: ${baseUrl}`, '平台地址格式不正确，例如 https://xyxx.example.gov.cn');
  }
  if (url.protocol === 'https:') return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:' && (host === 'localhost' || host === '127.0.0.1' || host === '::1')) return url;
  throw new TransportError('insecure', `refusing to send the office token over ${url.protocol}//${url.host}`, INSECURE_URL_ZH);
}

export type HttpTransportOptions = {
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  /** Per request; a timed-out request may still have been committed by the server (that is what idempotency is for). */
  timeoutMs?: number;
  now?: () => number;
};

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = assertSecurePlatformUrl(options.baseUrl);
  const root = base.toString().replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => Date.now());

  async function request(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<{ status: number; json: unknown }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${root}${path}`, { ...init, headers: { authorization: `Bearer ${options.token}`, ...(init.headers ?? {}) }, signal: controller.signal });
    } catch (error) {
      clearTimeout(timer);
      if (controller.signal.aborted) throw new TransportError('timeout', `timeout after ${timeoutMs} ms: ${path}`, '连接平台超时');
      throw new TransportError('network', `network error on ${path}: ${error instanceof Error ? error.message : String(error)}`, '无法连接市平台（网络中断或平台未开启）');
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new TransportError(controller.signal.aborted ? 'timeout' : 'network', `response lost on ${path}: ${error instanceof Error ? error.message : String(error)}`, '平台应答中断');
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (response.status >= 400) {
      const parsed = ErrorResponseSchema.safeParse(json);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      throw new TransportError(
        'http',
        `HTTP ${response.status} on ${path}${parsed.success ? `: ${parsed.data.error.message}` : ''}`,
        parsed.success ? parsed.data.error.messageZh : `平台返回错误（${response.status}）`,
        response.status,
        retryAfterMs,
        parsed.success ? parsed.data.error.code : undefined,
        json,
      );
    }
    if (json === undefined) throw new TransportError('protocol', `unreadable response on ${path}`, '平台应答无法解析');
    return { status: response.status, json };
  }

  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, json: unknown, what: string): T {
    const result = schema.safeParse(json);
    if (!result.success) throw new TransportError('protocol', `unexpected ${what} response: ${result.error.message}`, '平台应答格式不符合协议');
    return result.data;
  }

  return {
    async ping() {
      const { json } = await request(ENDPOINTS.ping, { method: 'GET' });
      return parse(PingResponseSchema, json, 'ping');
    },
    async push(body) {
      const { json } = await request(ENDPOINTS.push, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return parse(PushResponseSchema, json, 'push');
    },
    async pull(cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      const { json } = await request(`${ENDPOINTS.pull}?${query.toString()}`, { method: 'GET' });
      return parse(PullResponseSchema, json, 'pull');
    },
    async mediaStatus(sha256) {
      try {
        const { json } = await request(ENDPOINTS.mediaStatus(sha256), { method: 'GET' });
        return parse(MediaStatusSchema, json, 'media status');
      } catch (error) {
        if (error instanceof TransportError && error.status === 404) return undefined;
        throw error;
      }
    },
    async uploadChunk(sha256, offset, totalSize, chunk) {
      try {
        const { json } = await request(`${ENDPOINTS.media(sha256)}?offset=${offset}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', 'x-media-size': String(totalSize) },
          body: chunk as BodyInit,
        });
        return parse(MediaStatusSchema, json, 'media upload');
      } catch (error) {
        // 409 at a wrong offset carries the platform's status: resume from there.
        if (error instanceof TransportError && error.status === 409 && error.body && typeof error.body === 'object' && 'status' in error.body) {
          return parse(MediaStatusSchema, (error.body as { status: unknown }).status, 'media status');
        }
        throw error;
      }
    },
    async importFile(fileText) {
      const { json } = await request(ENDPOINTS.importFile, { method: 'POST', headers: { 'content-type': 'application/json' }, body: fileText });
      return parse(ImportResponseSchema, json, 'import');
    },
  };
}
