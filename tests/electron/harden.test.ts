/**
 * The window guards, through fakes of WebContents, Session and App: each test fails if its guard is
 * removed from electron/security/harden.ts (navigation and redirect denial, webview denial,
 * window.open denial, the permission request and check handlers, installation on every contents).
 */
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, installGlobalHardening, installPermissionHandlers } from '../../electron/security/harden';
import { fakeSession, fakeWebContents } from './fakes';

const DEV = 'http://127.0.0.1:5173';

function hardened(devServerUrl?: string) {
  const contents = fakeWebContents();
  const openExternal = vi.fn(async () => undefined);
  hardenWebContents(contents as never, devServerUrl, openExternal);
  return { contents, openExternal };
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: stays inside the app and refuses everything else', (event) => {
    const { contents } = hardened();
    expect(contents.emitPreventable(event, 'app://credit-desk/index.html#/cases')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://credit-desk.evil/', 'http://127.0.0.1:5173/', 'javascript:alert(1)']) {
      expect(contents.emitPreventable(event, url), url).toBe(true);
    }
  });

  it('allows the dev server only when one is configured (development builds)', () => {
    expect(hardened(DEV).contents.emitPreventable('will-navigate', `${DEV}/#/sync`)).toBe(false);
    expect(hardened(DEV).contents.emitPreventable('will-navigate', 'http://127.0.0.1:5174/')).toBe(true);
  });

  it('refuses to attach webviews', () => {
    expect(hardened().contents.emitPreventable('will-attach-webview', 'app://credit-desk/')).toBe(true);
  });
});

describe('window.open', () => {
  it('never opens a window: http(s) goes to the system browser, the rest nowhere', async () => {
    const { contents, openExternal } = hardened();
    expect(contents.openWindow('https://www.creditchina.gov.cn/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://credit-desk/index.html')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(1));
    expect(openExternal).toHaveBeenCalledWith('https://www.creditchina.gov.cn/');
  });
});

describe('permissions', () => {
  it('resets any earlier handler, then grants only the table, only to the app origin', async () => {
    const session = fakeSession();
    installPermissionHandlers(session as never);
    expect(session.requestHandlers[0]).toBeNull();
    expect(await session.request('notifications', 'app://credit-desk/index.html')).toBe(true);
    for (const [permission, url] of [
      ['media', 'app://credit-desk/index.html'],
      ['geolocation', 'app://credit-desk/index.html'],
      ['some-future-permission', 'app://credit-desk/index.html'],
      ['notifications', 'https://evil.example/'],
    ]) {
      expect(await session.request(permission!, url!), `${permission} ${url}`).toBe(false);
    }
    expect(session.check('notifications', 'app://credit-desk')).toBe(true);
    expect(session.check('media', 'app://credit-desk')).toBe(false);
    expect(session.check('notifications', 'https://evil.example')).toBe(false);
  });
});

describe('installGlobalHardening', () => {
  it('hardens every web contents as it is created', () => {
    const listeners: ((event: unknown, contents: unknown) => void)[] = [];
    const app = { on: (event: string, listener: (event: unknown, contents: unknown) => void) => event === 'web-contents-created' && listeners.push(listener) };
    installGlobalHardening(app as never, undefined, async () => undefined);
    expect(listeners).toHaveLength(1);
    const contents = fakeWebContents();
    listeners[0]!({}, contents);
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });
});
