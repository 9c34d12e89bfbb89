import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../electron/protocol/app-protocol';

const ROOT = '/opt/credit-desk/dist/renderer';

describe('resolveAppRequest', () => {
  it('serves index.html for the origin root', () => {
    expect(resolveAppRequest('GET', 'app://credit-desk/', ROOT)).toEqual({ ok: true, filePath: `${ROOT}/index.html`, mimeType: 'text/html; charset=utf-8' });
  });

  it('serves assets with their mime type, ignoring query and hash', () => {
    const result = resolveAppRequest('GET', 'app://credit-desk/assets/NotoSerifSC.ttf?v=1#x', ROOT);
    expect(result).toEqual({ ok: true, filePath: `${ROOT}/assets/NotoSerifSC.ttf`, mimeType: 'font/ttf' });
  });

  it('keeps dot-segments inside the renderer root (the URL parser folds them first)', () => {
    const result = resolveAppRequest('GET', 'app://credit-desk/%2e%2e/%2e%2e/etc/passwd.js', ROOT);
    expect(result).toEqual({ ok: true, filePath: `${ROOT}/etc/passwd.js`, mimeType: 'text/javascript; charset=utf-8' });
  });

  it.each([
    ['POST', 'app://credit-desk/index.html', 405],
    ['GET', 'app://other-host/index.html', 403],
    ['GET', 'app://user@credit-desk/index.html', 403],
    ['GET', 'app://credit-desk/../../etc/passwd', 404],
    ['GET', 'app://credit-desk/assets/..%2f..%2f..%2fsecret.js', 403],
    ['GET', 'app://credit-desk/a%00.js', 403],
    ['GET', 'app://credit-desk/a%5c..%5csecret.js', 403],
    ['GET', 'app://credit-desk/%E0%A4%A', 400],
    ['GET', 'app://credit-desk/secret.db', 404],
    ['GET', 'https://credit-desk/index.html', 403],
  ])('%s %s → %i', (method, url, status) => {
    const result = resolveAppRequest(method, url, ROOT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });
});
