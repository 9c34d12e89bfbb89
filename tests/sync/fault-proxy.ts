/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the platform. Each request gets a fault from
 * `choose(n, path)`:
 *  - 'none'           forward normally
 *  - 'refuse'         drop the client connection before forwarding (server never sees it)
 *  - 'drop-mid'       forward only half of the request body, then cut both connections (no commit)
 *  - '5xx'            answer 503 without forwarding
 *  - 'lost-response'  forward, let the server commit and answer, then cut the client connection
 *  - 'duplicate'      deliver the request twice to the server (concurrently); return one answer
 *  - 'timeout'        forward, then hold the answer longer than the client waits (server committed)
 * `beforeForward` may pause (used to restart the server in the middle of a run).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Fault = 'none' | 'refuse' | 'drop-mid' | '5xx' | 'lost-response' | 'duplicate' | 'timeout';

export type FaultProxy = {
  url: string;
  stats: Record<Fault, number> & { requests: number; upstreamErrors: number };
  setTarget(port: number): void;
  close(): Promise<void>;
};

export type FaultProxyOptions = {
  targetPort: number;
  choose: (n: number, method: string, path: string) => Fault;
  holdMs?: number;
  beforeForward?: (n: number) => Promise<'continue' | 'refuse'>;
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Upstream = { status: number; headers: Record<string, string>; body: Buffer };

function forward(port: number, req: IncomingMessage, body: Buffer, truncate = false): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${port}`, 'content-length': String(body.length) };
    const up = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out[k] = v;
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    up.on('error', reject);
    if (truncate) {
      up.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => {
        up.destroy();
        reject(new Error('truncated on purpose'));
      }, 20);
      return;
    }
    up.end(body);
  });
}

function reply(res: ServerResponse, up: Upstream): void {
  const headers = { ...up.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers.connection;
  res.writeHead(up.status, headers);
  res.end(up.body);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let target = options.targetPort;
  let n = 0;
  const stats = { none: 0, refuse: 0, 'drop-mid': 0, '5xx': 0, 'lost-response': 0, duplicate: 0, timeout: 0, requests: 0, upstreamErrors: 0 };
  const server: Server = createServer(async (req, res) => {
    const index = ++n;
    stats.requests++;
    const body = await readBody(req).catch(() => Buffer.alloc(0));
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (options.beforeForward && (await options.beforeForward(index)) === 'refuse') {
      stats.refuse++;
      req.socket.destroy();
      return;
    }
    const fault = options.choose(index, req.method ?? 'GET', req.url ?? '/');
    stats[fault]++;
    try {
      switch (fault) {
        case 'refuse':
          req.socket.destroy();
          return;
        case '5xx':
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
          res.end(JSON.stringify({ v: 1, error: { code: 'injected', message: 'injected 503', messageZh: '平台暂时无法处理' } }));
          return;
        case 'drop-mid':
          await forward(target, req, body, true).catch(() => undefined);
          req.socket.destroy();
          return;
        case 'lost-response':
          await forward(target, req, body);
          req.socket.destroy();
          return;
        case 'duplicate': {
          const [first] = await Promise.all([forward(target, req, body), forward(target, req, body).catch(() => undefined)]);
          reply(res, first);
          return;
        }
        case 'timeout': {
          const up = await forward(target, req, body);
          await new Promise((r) => setTimeout(r, options.holdMs ?? 1500));
          if (!res.destroyed && !req.socket.destroyed) reply(res, up);
          return;
        }
        default:
          reply(res, await forward(target, req, body));
      }
    } catch {
      stats.upstreamErrors++;
      req.socket.destroy();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    setTarget(port) {
      target = port;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
