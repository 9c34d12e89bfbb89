/**
 * The app:// protocol handler: serves the built renderer from dist/renderer with the CSP as a
 * response header (every response, so that workers get it too), a fresh style nonce per page, and
 * no path outside the renderer root — neither by the URL (resolveAppRequest) nor by a symlink
 * (realpath must stay under the root's realpath). The file system is injected for tests.
 */
import { sep } from 'node:path';
import { contentSecurityPolicy, withNonceMeta } from '../security/csp';
import { resolveAppRequest } from './app-protocol';

export type ServeAppDeps = {
  rootDir: string;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
  /** A fresh random nonce (base64 of ≥ 16 bytes). */
  newNonce(): string;
  /** The configured platform origin, if any (connect-src). */
  platformOrigin(): Promise<string | undefined>;
};

export function createAppProtocolHandler(deps: ServeAppDeps): (request: { method: string; url: string }) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppRequest(request.method, request.url, deps.rootDir);
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
    let real: string;
    let root: string;
    try {
      [real, root] = await Promise.all([deps.realpath(resolved.filePath), deps.realpath(deps.rootDir)]);
    } catch {
      return new Response('not found', { status: 404 });
    }
    // A symlink inside the renderer root must not lead outside it.
    if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return new Response('forbidden', { status: 403 });
    const nonce = deps.newNonce();
    const headers = {
      'content-type': resolved.mimeType,
      'content-security-policy': contentSecurityPolicy({ styleNonce: nonce, platformOrigin: await deps.platformOrigin() }),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    const bytes = await deps.readFile(real);
    const body = resolved.mimeType.startsWith('text/html') ? withNonceMeta(Buffer.from(bytes).toString('utf8'), nonce) : bytes;
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  };
}
