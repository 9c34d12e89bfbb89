/**
 * IPC handlers. Side effects are injected (dialog, file system, printing, shell) so the handlers
 * are unit-tested under Node without Electron. Registration with ipcMain lives in ipc/register.ts.
 */
import type { AppInfo, IpcContract, IpcResult, SaveFileResult, SystemFont } from './contract';
import { ipcError, parseRequest } from './validate';
import { openExternalSafely } from '../security/urls';

export type HandlerDeps = {
  appInfo: () => AppInfo;
  /** Show a save dialog; returns the chosen path or undefined when cancelled. */
  chooseSavePath: (suggestedName: string) => Promise<string | undefined>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Open the system print dialog for a PDF; resolves true when printed. */
  printPdf: (title: string, bytes: Uint8Array) => Promise<boolean>;
  listSystemFonts: () => SystemFont[];
  readFile: (path: string) => Promise<Uint8Array>;
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
};

type Handler<K extends keyof IpcContract> = (raw: unknown) => Promise<IpcResult<IpcContract[K]['res']>>;

export type Handlers = { [K in keyof IpcContract]: Handler<K> };

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

async function guarded<T>(deps: HandlerDeps, channel: string, run: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await run();
  } catch (error) {
    deps.log(`[ipc] ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: ipcError('failed', `${channel} failed`, '操作失败，请重试；如仍失败请联系管理员。') };
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:get-info': async (raw) => {
      const req = parseRequest('app:get-info', raw);
      if (!req.ok) return req.result;
      return ok(deps.appInfo());
    },
    'files:save': async (raw) => {
      const req = parseRequest('files:save', raw);
      if (!req.ok) return req.result;
      return guarded<SaveFileResult>(deps, 'files:save', async () => {
        const path = await deps.chooseSavePath(req.value.suggestedName);
        if (!path) return ok({ saved: false });
        await deps.writeFile(path, req.value.bytes);
        return ok({ saved: true, path });
      });
    },
    'documents:print-pdf': async (raw) => {
      const req = parseRequest('documents:print-pdf', raw);
      if (!req.ok) return req.result;
      if (!isPdf(req.value.bytes)) {
        return { ok: false, error: ipcError('not-pdf', 'print-pdf received bytes that are not a PDF', '要打印的内容不是 PDF 文件。') };
      }
      return guarded(deps, 'documents:print-pdf', async () => ok({ printed: await deps.printPdf(req.value.title, req.value.bytes) }));
    },
    'fonts:list-system': async (raw) => {
      const req = parseRequest('fonts:list-system', raw);
      if (!req.ok) return req.result;
      return guarded(deps, 'fonts:list-system', async () => ok(deps.listSystemFonts()));
    },
    'fonts:read-system': async (raw) => {
      const req = parseRequest('fonts:read-system', raw);
      if (!req.ok) return req.result;
      // Only paths that the font finder itself reported may be read: the renderer cannot name files.
      const allowed = deps.listSystemFonts().some((font) => font.path === req.value.path);
      if (!allowed) {
        return { ok: false, error: ipcError('forbidden-path', `refused to read ${req.value.path}`, '只能读取系统中已识别的公文字体。') };
      }
      return guarded(deps, 'fonts:read-system', async () => ok(await deps.readFile(req.value.path)));
    },
    'external:open-url': async (raw) => {
      const req = parseRequest('external:open-url', raw);
      if (!req.ok) return req.result;
      return guarded(deps, 'external:open-url', async () => {
        const opened = await openExternalSafely(req.value.url, deps.openExternal);
        if (!opened) return { ok: false, error: ipcError('bad-url', 'refused to open a non-http(s) url', '只能打开 http 或 https 网址。') };
        return ok({ opened });
      });
    },
  };
}

/** %PDF- magic: the print path accepts PDFs only. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}
