/**
 * The app:// handler sends the CSP as a header (fresh nonce per page, connect-src pinned to the
 * configured platform), puts the nonce in the page for antd, and refuses a symlink out of the root.
 */
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/protocol/serve-app';
import { contentSecurityPolicy, platformOriginOf, withNonceMeta } from '../../electron/security/csp';

const ROOT = '/opt/credit-desk/dist/renderer';
const HTML = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

function handlerWith(options: { links?: Record<string, string>; platformOrigin?: string } = {}) {
  let n = 0;
  const files: Record<string, string> = { [`${ROOT}/index.html`]: HTML, [`${ROOT}/assets/index.js`]: 'console.log(1)', '/etc/passwd.js': 'root:x:0:0' };
  return createAppProtocolHandler({
    rootDir: ROOT,
    realpath: async (path) => {
      const target = options.links?.[path] ?? path;
      if (!(target in files) && target !== ROOT) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return target;
    },
    readFile: async (path) => new TextEncoder().encode(files[path]!),
    newNonce: () => `nonce${String(++n).padStart(20, '0')}`,
    platformOrigin: async () => options.platformOrigin,
  });
}

describe('app:// protocol handler', () => {
  it('sends the CSP header with a fresh style nonce, and that nonce in the page', async () => {
    const handle = handlerWith({ platformOrigin: 'https://xyxx.example.gov.cn' });
    const first = await handle({ method: 'GET', url: 'app://credit-desk/index.html' });
    const second = await handle({ method: 'GET', url: 'app://credit-desk/' });
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toBe(contentSecurityPolicy({ styleNonce: `nonce${'1'.padStart(20, '0')}`, platformOrigin: 'https://xyxx.example.gov.cn' }));
    expect(csp).toContain("connect-src 'self' https://xyxx.example.gov.cn;");
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    const html = await first.text();
    expect(html).toContain(`<meta property="csp-nonce" nonce="nonce${'1'.padStart(20, '0')}" />`);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the header on scripts too (workers take their CSP from their own response)', async () => {
    const res = await handlerWith()({ method: 'GET', url: 'app://credit-desk/assets/index.js' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('refuses a symlink that leads out of the renderer root', async () => {
    const res = await handlerWith({ links: { [`${ROOT}/assets/evil.js`]: '/etc/passwd.js' } })({ method: 'GET', url: 'app://credit-desk/assets/evil.js' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('root:x');
  });

  it('answers 404 for a missing file and keeps the URL checks', async () => {
    expect((await handlerWith()({ method: 'GET', url: 'app://credit-desk/assets/none.js' })).status).toBe(404);
    expect((await handlerWith()({ method: 'POST', url: 'app://credit-desk/index.html' })).status).toBe(405);
    expect((await handlerWith()({ method: 'GET', url: 'app://other/index.html' })).status).toBe(403);
  });
});

describe('the CSP', () => {
  const csp = contentSecurityPolicy({ styleNonce: 'abcdefghijklmnopqrstuvwx' });

  it('allows no inline styles or scripts, no eval, no foreign connections, no framing', () => {
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'nonce-abcdefghijklmnopqrstuvwx'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/https:(?!\/)/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('refuses a nonce that is not random-looking base64', () => {
    expect(() => contentSecurityPolicy({ styleNonce: "x' 'unsafe-inline" })).toThrow();
    expect(() => contentSecurityPolicy({ styleNonce: 'short' })).toThrow();
  });

  it.each([
    ['https://xyxx.example.gov.cn/api/v1?x=1', 'https://xyxx.example.gov.cn'],
    ['https://xyxx.example.gov.cn:8443', 'https://xyxx.example.gov.cn:8443'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://10.1.2.3:8787', undefined],
    ['http://xyxx.example.gov.cn', undefined],
    ['https://user:pw@xyxx.example.gov.cn', undefined],
    ["https://a.example/'; script-src *", 'https://a.example'],
    ['javascript:alert(1)', undefined],
    ['ftp://127.0.0.1', undefined],
    ['not a url', undefined],
  ])('platform origin of %s is %s', (url, origin) => {
    expect(platformOriginOf(url)).toBe(origin);
  });

  it('puts the nonce meta right after <head>', () => {
    expect(withNonceMeta(HTML, 'abcdefghijklmnopqrstuvwx')).toMatch(/<head>\n {4}<meta property="csp-nonce" nonce="abcdefghijklmnopqrstuvwx" \/>\n {4}<meta charset/);
  });
});

describe('the meta CSP of renderer/index.html (browser mode) and the header (desktop) agree', () => {
  it('on every directive except the three that must differ, each for a stated reason', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));
    const inMeta = directives(meta!);
    const inHeader = directives(contentSecurityPolicy({ styleNonce: 'abcdefghijklmnopqrstuvwx', platformOrigin: 'https://xyxx.example.gov.cn' }));
    const differing = {
      'style-src': "a static page cannot carry a per-load nonce; the header's nonce is stricter and both apply in the desktop build",
      'connect-src': 'in browser mode the platform address is chosen at run time; the desktop header pins it',
      'frame-ancestors': 'ignored in a meta tag; only a header can set it',
    };
    for (const [name, value] of inHeader) {
      if (name in differing) continue;
      expect(inMeta.get(name), name).toBe(value);
    }
    for (const name of inMeta.keys()) expect(inHeader.has(name), name).toBe(true);
  });
});
