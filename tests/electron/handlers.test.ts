import { describe, expect, it, vi } from 'vitest';
import { createHandlers, isPdf, type HandlerDeps } from '../../electron/ipc/handlers';
import { registerHandlers } from '../../electron/ipc/register';

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
    expect([...registered.keys()].sort()).toEqual(['app:get-info', 'documents:print-pdf', 'external:open-url', 'files:save', 'fonts:list-system', 'fonts:read-system']);
    const save = registered.get('files:save')!;
    const request = { suggestedName: 'a.pdf', mimeType: 'application/pdf', bytes: PDF };
    await expect(save({ senderFrame: { url: 'https://evil.example/' } }, request)).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(d.writeFile).not.toHaveBeenCalled();
    await expect(save({ senderFrame: { url: 'app://credit-desk/index.html' } }, request)).resolves.toMatchObject({ ok: true });
  });
});
