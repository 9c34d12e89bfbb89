import { describe, expect, it, vi } from 'vitest';
import { createHandlers, isPdf, type HandlerDeps } from '../../electron/ipc/handlers';
import { registerHandlers } from '../../electron/ipc/register';
import { createBackupFiles } from '../../electron/files/backups';
import { createSettingsStore } from '../../electron/files/desktop-settings';
import { createKeyring } from '../../electron/secrets/keyring';
import { IPC_CHANNELS } from '../../electron/ipc/contract';
import { fakeSafeStorage, memoryFiles } from './fakes';

const PDF = new TextEncoder().encode('%PDF-1.7\n%test');

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    appInfo: () => ({ appName: '信用办案台', version: '0.1.0', mode: 'desktop', platform: 'linux' }),
    chooseSavePath: vi.fn(async (name: string) => `/home/officer/${name}`),
    writeFile: vi.fn(async () => undefined),
    printPdf: vi.fn(async () => true),
    listSystemFonts: () => [{ family: '仿宋', path: 'C:\\Windows\\Fonts\\simfang.ttf', format: 'ttf' }],
    readFile: vi.fn(async () => new Uint8Array([1, 2, 3])),
    openExternal: vi.fn(async () => undefined),
    keyring: createKeyring({ safeStorage: fakeSafeStorage('gnome_libsecret'), platform: 'linux', files: memoryFiles(), log: () => undefined }),
    backups: createBackupFiles({
      fs: {
        open: vi.fn(),
        rename: vi.fn(),
        rm: vi.fn(),
        readFile: vi.fn(async () => new Uint8Array([9])),
        readdir: async () => [],
        stat: vi.fn(),
        realpath: async (p: string) => p,
      },
      folder: async () => '/media/usb',
      uniqueSuffix: () => 's',
    }),
    chooseBackupFolder: vi.fn(async () => '/media/usb'),
    settings: createSettingsStore({ read: async () => undefined, write: async () => undefined, log: () => undefined }),
    systemInfo: () => ({
      appName: '信用办案台',
      appVersion: '0.1.0',
      packaged: true,
      versions: { electron: '41.10.0', chrome: '146.0', node: '24.0', v8: '14.6' },
      platform: 'linux',
      arch: 'x64',
      osVersion: '6.1',
      locale: 'zh-CN',
    }),
    log: vi.fn(),
    ...overrides,
  };
}

describe('IPC handlers validate every argument', () => {
  it('saves a file to the chosen path', async () => {
    const d = deps();
    const result = await createHandlers(d)['files:save']({ suggestedName: '决定书〔2026〕15号.pdf', mimeType: 'application/pdf', bytes: PDF });
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/home/officer/决定书〔2026〕15号.pdf' } });
    expect(d.writeFile).toHaveBeenCalledWith('/home/officer/决定书〔2026〕15号.pdf', PDF);
  });

  it('saves a chart exported as PNG (统计 → 导出图片)', async () => {
    const d = deps();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const result = await createHandlers(d)['files:save']({ suggestedName: '列入数量（2026-12-01）.png', mimeType: 'image/png', bytes: png });
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
  });

  it('reports a cancelled save dialog as not saved', async () => {
    const d = deps({ chooseSavePath: async () => undefined });
    await expect(createHandlers(d)['files:save']({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: PDF })).resolves.toEqual({ ok: true, value: { saved: false } });
  });

  it.each([
    undefined,
    null,
    'a.pdf',
    { suggestedName: '../../etc/passwd', mimeType: 'application/pdf', bytes: PDF },
    { suggestedName: 'a.pdf', mimeType: 'text/html', bytes: PDF },
    { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: 'not bytes' },
    { suggestedName: '', mimeType: 'application/pdf', bytes: PDF },
  ])('refuses a bad save request %#', async (raw) => {
    const d = deps();
    const result = await createHandlers(d)['files:save'](raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.messageZh).toMatch(/请求参数无效/);
    }
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('prints only PDFs', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await expect(handlers['documents:print-pdf']({ title: '列入决定书', bytes: PDF })).resolves.toEqual({ ok: true, value: { printed: true } });
    const refused = await handlers['documents:print-pdf']({ title: 'x', bytes: new Uint8Array([1, 2, 3, 4, 5, 6]) });
    expect(refused.ok).toBe(false);
    expect(d.printPdf).toHaveBeenCalledTimes(1);
    expect(isPdf(PDF)).toBe(true);
  });

  it('reads only fonts the finder reported', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await expect(handlers['fonts:read-system']({ path: 'C:\\Windows\\Fonts\\simfang.ttf' })).resolves.toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
    const refused = await handlers['fonts:read-system']({ path: 'C:\\Users\\officer\\secret.docx' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    expect(d.readFile).toHaveBeenCalledTimes(1);
  });

  it('turns a failing side effect into a Chinese error, logged in English', async () => {
    const d = deps({ writeFile: async () => { throw new Error('EACCES: permission denied'); } });
    const result = await createHandlers(d)['files:save']({ suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: PDF });
    expect(result).toMatchObject({ ok: false, error: { code: 'failed', messageZh: expect.stringMatching(/操作失败/) } });
    expect(d.log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });

  it('opens only http(s) links', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await expect(handlers['external:open-url']({ url: 'https://www.creditchina.gov.cn/' })).resolves.toEqual({ ok: true, value: { opened: true } });
    await expect(handlers['external:open-url']({ url: 'file:///etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-url' } });
  });
});

describe('registerHandlers', () => {
  it('refuses requests from frames outside the app origin before the handler runs', async () => {
    const registered = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => registered.set(channel, fn) };
    const d = deps();
    registerHandlers(ipcMain as never, createHandlers(d), (url) => url === 'app://credit-desk/index.html');
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const save = registered.get('files:save')!;
    const request = { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: PDF };
    await expect(save({ senderFrame: { url: 'https://evil.example/' } }, request)).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(d.writeFile).not.toHaveBeenCalled();
    await expect(save({ senderFrame: { url: 'app://credit-desk/index.html' } }, request)).resolves.toMatchObject({ ok: true });
  });
});

describe('secrets channels', () => {
  it('wrap and unwrap a 32-byte data key; refuse other sizes and unknown secret names', async () => {
    const handlers = createHandlers(deps());
    const dataKey = new Uint8Array(32).fill(3);
    const wrapped = await handlers['secrets:wrap-data-key']({ dataKey });
    expect(wrapped).toMatchObject({ ok: true, value: { backend: 'gnome_libsecret' } });
    if (!wrapped.ok) return;
    await expect(handlers['secrets:unwrap-data-key']({ wrapped: wrapped.value.wrapped })).resolves.toEqual({ ok: true, value: { dataKey } });
    for (const [channel, raw] of [
      ['secrets:wrap-data-key', { dataKey: new Uint8Array(16) }],
      ['secrets:wrap-data-key', { dataKey: 'AAAA' }],
      ['secrets:unwrap-data-key', { wrapped: '<script>' }],
      ['secrets:put', { name: 'constructor', value: 'x' }],
      ['secrets:put', { name: 'sync-token', value: '' }],
      ['secrets:get', { name: '../../etc/passwd' }],
      ['secrets:get-status', { extra: true }],
    ] as const) {
      const result = await handlers[channel](raw);
      expect(result, `${channel} ${JSON.stringify(raw)}`).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('stores the sync token and gives it back; answers an unusable keyring with its Chinese reason', async () => {
    const handlers = createHandlers(deps());
    await expect(handlers['secrets:put']({ name: 'sync-token', value: 'tok-0123456789abcdef' })).resolves.toEqual({ ok: true, value: { stored: true } });
    await expect(handlers['secrets:get']({ name: 'sync-token' })).resolves.toEqual({ ok: true, value: { value: 'tok-0123456789abcdef' } });
    await expect(handlers['secrets:get']({ name: 'offline-file-key' })).resolves.toEqual({ ok: true, value: {} });
    const plaintextOnly = createHandlers(deps({ keyring: createKeyring({ safeStorage: fakeSafeStorage('basic_text'), platform: 'linux', files: memoryFiles(), log: () => undefined }) }));
    await expect(plaintextOnly['secrets:put']({ name: 'sync-token', value: 'tok' })).resolves.toMatchObject({ ok: false, error: { code: 'basic-text', messageZh: expect.stringMatching(/登录密码/) } });
  });
});

describe('backup channels', () => {
  it('remembers the chosen folder and refuses names that are paths', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await expect(handlers['backups:choose-folder'](undefined)).resolves.toEqual({ ok: true, value: { chosen: true, folder: '/media/usb' } });
    expect((await d.settings.get()).backupFolder).toBe('/media/usb');
    await expect(handlers['backups:list'](undefined)).resolves.toEqual({ ok: true, value: { folder: '/media/usb', files: [] } });
    await expect(handlers['backups:read-file']({ name: 'a.cdbackup' })).resolves.toEqual({ ok: true, value: new Uint8Array([9]) });
    for (const name of ['../a.cdbackup', '/etc/passwd', 'a.exe']) {
      await expect(handlers['backups:read-file']({ name })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
      await expect(handlers['backups:write-file']({ name, bytes: new Uint8Array([1]) })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });
});

describe('platform origin and diagnostics', () => {
  it('pins the platform origin after validating it, and says when the window must reload', async () => {
    const d = deps();
    const handlers = createHandlers(d);
    await expect(handlers['platform:set-origin']({ url: 'https://xyxx.example.gov.cn/api' })).resolves.toEqual({ ok: true, value: { origin: 'https://xyxx.example.gov.cn', reloadRequired: true } });
    await expect(handlers['platform:set-origin']({ url: 'https://xyxx.example.gov.cn/other' })).resolves.toEqual({ ok: true, value: { origin: 'https://xyxx.example.gov.cn', reloadRequired: false } });
    await expect(handlers['platform:set-origin']({ url: 'http://10.0.0.8:8787' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-url', messageZh: expect.stringMatching(/https/) } });
    expect((await d.settings.get()).platformOrigin).toBe('https://xyxx.example.gov.cn');
  });

  it('reports versions and the keyring state, without paths or personal data', async () => {
    const result = await createHandlers(deps())['diagnostics:get'](undefined);
    expect(result).toMatchObject({ ok: true, value: { appName: '信用办案台', versions: { electron: '41.10.0' }, secrets: { usable: true, backend: 'gnome_libsecret' }, backupFolderChosen: false } });
    expect(JSON.stringify(result)).not.toMatch(/\/home|\/media/);
  });
});
