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

/** The network steps of a sync run; each has its own timeout and names itself in the officer's message. */
export type TransportStep = 'probe' | 'push' | 'pull' | 'media' | 'import';

export const STEP_ZH: Record<TransportStep, string> = {
  probe: '连接市平台',
  push: '报送记录',
  pull: '接收平台下发的事项',
  media: '上传附件',
  import: '导入离线同步文件',
};

/**
 * Per request, by step. The probe answers at once when the platform is up, so it gives up soonest;
 * a push or a media chunk carries data. A timed-out request may still have been committed by the
 * server (that is what idempotency is for).
 */
export const DEFAULT_STEP_TIMEOUTS_MS: Record<TransportStep, number> = { probe: 10_000, push: 30_000, pull: 30_000, media: 60_000, import: 60_000 };

const KEPT_ZH = '未报送的记录都保存在本机，不会丢失。';

/** What the officer reads when a step failed, and what to do about it. */
export function transportMessageZh(step: TransportStep, kind: 'timeout' | 'network' | 'lost' | 'protocol' | 'http', detail: { seconds?: number; status?: number } = {}): string {
  const what = STEP_ZH[step];
  switch (kind) {
    case 'timeout':
      return `${what}超时（${detail.seconds ?? 0}秒内平台没有应答）。请检查本机网络是否畅通，稍后再按“日终同步”；多次超时请联系市平台管理员。${KEPT_ZH}`;
    case 'network':
      return `${what}失败：无法连接市平台（网络中断、平台地址有误或平台未开启）。请检查网络和“市平台连接设置”中的平台地址，稍后再按“日终同步”。${KEPT_ZH}`;
    case 'lost':
      return `${what}时平台应答中断。请稍后再按“日终同步”（已报送的记录不会重复）。${KEPT_ZH}`;
    case 'protocol':
      return `${what}时平台的应答无法识别。请确认“市平台连接设置”中的平台地址是市信用平台的地址；地址无误时请升级办案台或联系市平台管理员。`;
    case 'http':
      return `${what}时平台返回错误（${detail.status ?? 0}）。请稍后再按“日终同步”；多次出现请联系市平台管理员。${KEPT_ZH}`;
  }
}

export type HttpTransportOptions = {
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  /** Per request, for every step (tests); otherwise `timeouts` or DEFAULT_STEP_TIMEOUTS_MS. */
  timeoutMs?: number;
  timeouts?: Partial<Record<TransportStep, number>>;
  now?: () => number;
};

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = assertSecurePlatformUrl(options.baseUrl);
  const root = base.toString().replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const timeoutOf = (step: TransportStep) => options.timeoutMs ?? options.timeouts?.[step] ?? DEFAULT_STEP_TIMEOUTS_MS[step];

  async function request(step: TransportStep, path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<{ status: number; json: unknown }> {
    const timeoutMs = timeoutOf(step);
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // A fetch that ignores the abort signal still ends at the deadline.
    const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new DOMException('timed out', 'AbortError')), { once: true }));
    deadline.catch(() => undefined);
    let response: Response;
    try {
      response = await Promise.race([doFetch(`${root}${path}`, { ...init, headers: { authorization: `Bearer ${options.token}`, ...(init.headers ?? {}) }, signal: controller.signal }), deadline]);
    } catch (error) {
      clearTimeout(timer);
      if (controller.signal.aborted) throw new TransportError('timeout', `timeout after ${timeoutMs} ms: ${path}`, transportMessageZh(step, 'timeout', { seconds }));
      throw new TransportError('network', `network error on ${path}: ${error instanceof Error ? error.message : String(error)}`, transportMessageZh(step, 'network'));
    }
    let text: string;
    try {
      text = await Promise.race([response.text(), deadline]);
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new TransportError(timedOut ? 'timeout' : 'network', `response lost on ${path}: ${error instanceof Error ? error.message : String(error)}`, timedOut ? transportMessageZh(step, 'timeout', { seconds }) : transportMessageZh(step, 'lost'));
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
        parsed.success ? parsed.data.error.messageZh : transportMessageZh(step, 'http', { status: response.status }),
        response.status,
        retryAfterMs,
        parsed.success ? parsed.data.error.code : undefined,
        json,
      );
    }
    if (json === undefined) throw new TransportError('protocol', `unreadable response on ${path}`, transportMessageZh(step, 'protocol'));
    return { status: response.status, json };
  }

  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, json: unknown, what: string, step: TransportStep): T {
    const result = schema.safeParse(json);
    if (!result.success) throw new TransportError('protocol', `unexpected ${what} response: ${result.error.message}`, transportMessageZh(step, 'protocol'));
    return result.data;
  }

  return {
    async ping() {
      const { json } = await request('probe', ENDPOINTS.ping, { method: 'GET' });
      return parse(PingResponseSchema, json, 'ping', 'probe');
    },
    async push(body) {
      const { json } = await request('push', ENDPOINTS.push, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return parse(PushResponseSchema, json, 'push', 'push');
    },
    async pull(cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      const { json } = await request('pull', `${ENDPOINTS.pull}?${query.toString()}`, { method: 'GET' });
      return parse(PullResponseSchema, json, 'pull', 'pull');
    },
    async mediaStatus(sha256) {
      try {
        const { json } = await request('media', ENDPOINTS.mediaStatus(sha256), { method: 'GET' });
        return parse(MediaStatusSchema, json, 'media status', 'media');
      } catch (error) {
        if (error instanceof TransportError && error.status === 404) return undefined;
        throw error;
      }
    },
    async uploadChunk(sha256, offset, totalSize, chunk) {
      try {
        const { json } = await request('media', `${ENDPOINTS.media(sha256)}?offset=${offset}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', 'x-media-size': String(totalSize) },
          body: chunk as BodyInit,
        });
        return parse(MediaStatusSchema, json, 'media upload', 'media');
      } catch (error) {
        // 409 at a wrong offset carries the platform's status: resume from there.
        if (error instanceof TransportError && error.status === 409 && error.body && typeof error.body === 'object' && 'status' in error.body) {
          return parse(MediaStatusSchema, (error.body as { status: unknown }).status, 'media status', 'media');
        }
        throw error;
      }
    },
    async importFile(fileText) {
      const { json } = await request('import', ENDPOINTS.importFile, { method: 'POST', headers: { 'content-type': 'application/json' }, body: fileText });
      return parse(ImportResponseSchema, json, 'import', 'import');
    },
  };
}
