/**
 * The app:// protocol: serves the built renderer from one fixed origin (app://credit-desk).
 * IndexedDB data lives under this origin forever, so the origin must never change.
 *
 * Invariants: GET/HEAD only; only files under the renderer root (no traversal, no symlink escape
 * is checked by the caller with realpath); unknown hosts are refused.
 */
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../ipc/contract';

export const APP_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/** Map an app:// request to a file under `rootDir`, or refuse it. Pure apart from path maths. */
export function resolveAppRequest(method: string, rawUrl: string, rootDir: string): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `method ${method} not allowed` };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) {
    return { ok: false, status: 403, reason: `foreign origin ${url.protocol}//${url.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403, reason: 'forbidden characters in path' };
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const filePath = normalize(join(root, relative));
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { ok: false, status: 403, reason: 'path escapes the renderer root' };
  }
  const mimeType = APP_MIME_TYPES[extname(filePath).toLowerCase()];
  if (!mimeType) return { ok: false, status: 404, reason: `no such asset type ${extname(filePath)}` };
  return { ok: true, filePath, mimeType };
}
