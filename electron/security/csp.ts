/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler.
 *
 *  - Scripts only from the app itself ('wasm-unsafe-eval' for WebAssembly, no eval); workers from
 *    the app or blob: (the PDF worker).
 *  - Styles: antd v6 writes its CSS-in-JS into <style> elements at run time, so styles cannot be
 *    limited to files, and hashes cannot name CSS that is generated. Instead each load of the page
 *    gets a fresh random nonce: the header allows `'nonce-<n>'` (never 'unsafe-inline'), and the
 *    served index.html carries it in `<meta property="csp-nonce" nonce="<n>">`, which the renderer
 *    reads and passes to antd (`<ConfigProvider csp={{ nonce }}>`), whose style tags then carry it.
 *    Style attributes set by React go through CSSOM, which CSP does not restrict.
 *  - connect-src: the app itself and the one configured platform origin (set through the
 *    validated `platform:set-origin` call and kept in desktop-settings.json), nothing else.
 *
 * renderer/index.html keeps a meta CSP for browser mode (no header there); in the desktop build
 * both apply and the stricter header decides.
 */
export type CspInput = { styleNonce: string; platformOrigin?: string | undefined };

export function contentSecurityPolicy({ styleNonce, platformOrigin }: CspInput): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(styleNonce)) throw new Error('a CSP nonce must be base64 of at least 12 random bytes');
  const connect = ["'self'", ...(platformOrigin ? [platformOrigin] : [])];
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'self' blob:",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origin of a platform address the desk may sync with, or undefined: https, or http to this
 * machine only (the rule the sync transport applies); no credentials. The origin is all the CSP
 * needs, and all this accepts from the renderer.
 */
export function platformOriginOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return undefined;
  return url.origin;
}

/** Put the page's style nonce where the renderer reads it, right after <head>. */
export function withNonceMeta(html: string, styleNonce: string): string {
  const meta = `<meta property="csp-nonce" nonce="${styleNonce}" />`;
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) throw new Error('index.html has no <head>');
  const end = html.indexOf('>', at) + 1;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}
