/**
 * IPC handlers. Side effects are injected (dialog, file system, printing, shell, keyring) so the
 * handlers are unit-tested under Node without Electron. Registration with ipcMain lives in ipc/register.ts.
 */
import type { AppInfo, Diagnostics, IpcContract, IpcError, IpcResult, SaveFileResult, SystemFont } from './contract';
import { ipcError, parseRequest } from './validate';
import type { BackupFiles } from '../files/backups';
import type { SettingsStore } from '../files/desktop-settings';
import type { Keyring } from '../secrets/keyring';
import { platformOriginOf } from '../security/csp';
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
  keyring: Keyring;
  backups: BackupFiles;
  /** Show a folder dialog; returns the chosen folder or undefined when cancelled. */
  chooseBackupFolder: () => Promise<string | undefined>;
  settings: SettingsStore;
  /** Versions and machine facts for 诊断信息 (no personal data, no paths). */
  systemInfo: () => Omit<Diagnostics, 'secrets' | 'platformOrigin' | 'backupFolderChosen'>;
  log: (message: string) => void;
};

type Handler<K extends keyof IpcContract> = (raw: unknown) => Promise<IpcResult<IpcContract[K]['res']>>;

export type Handlers = { [K in keyof IpcContract]: Handler<K> };

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Errors that already say, in Chinese, what went wrong (KeyringError, BackupError). */
function explained(error: unknown): IpcError | undefined {
  if (error instanceof Error && 'code' in error && 'messageZh' in error && typeof error.code === 'string' && typeof error.messageZh === 'string') {
    return ipcError(error.code, error.message, error.messageZh);
  }
  return undefined;
}

async function guarded<T>(deps: HandlerDeps, channel: string, run: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await run();
  } catch (error) {
    deps.log(`[ipc] ${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: explained(error) ?? ipcError('failed', `${channel} failed`, '操作失败，请重试；如仍失败请联系管理员。') };
  }
}

/** Parse the request, then run the side effect guarded; a bad request never reaches `run`. */
function handler<K extends keyof IpcContract>(deps: HandlerDeps, channel: K, run: (req: IpcContract[K]['req']) => Promise<IpcResult<IpcContract[K]['res']>>): Handler<K> {
  return async (raw) => {
    const req = parseRequest(channel, raw);
    if (!req.ok) return req.result;
    return guarded(deps, channel, () => run(req.value));
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:get-info': handler(deps, 'app:get-info', async () => ok(deps.appInfo())),
    'files:save': handler(deps, 'files:save', async (req) => {
      const path = await deps.chooseSavePath(req.suggestedName);
      if (!path) return ok<SaveFileResult>({ saved: false });
      await deps.writeFile(path, req.bytes);
      return ok<SaveFileResult>({ saved: true, path });
    }),
    'documents:print-pdf': handler(deps, 'documents:print-pdf', async (req) => {
      if (!isPdf(req.bytes)) return { ok: false, error: ipcError('not-pdf', 'print-pdf received bytes that are not a PDF', '要打印的内容不是 PDF 文件。') };
      return ok({ printed: await deps.printPdf(req.title, req.bytes) });
    }),
    'fonts:list-system': handler(deps, 'fonts:list-system', async () => ok(deps.listSystemFonts())),
    'fonts:read-system': handler(deps, 'fonts:read-system', async (req) => {
      // Only paths that the font finder itself reported may be read: the renderer cannot name files.
      const allowed = deps.listSystemFonts().some((font) => font.path === req.path);
      if (!allowed) return { ok: false, error: ipcError('forbidden-path', `refused to read ${req.path}`, '只能读取系统中已识别的公文字体。') };
      return ok(await deps.readFile(req.path));
    }),
    'external:open-url': handler(deps, 'external:open-url', async (req) => {
      const opened = await openExternalSafely(req.url, deps.openExternal);
      if (!opened) return { ok: false, error: ipcError('bad-url', 'refused to open a non-http(s) url', '只能打开 http 或 https 网址。') };
      return ok({ opened });
    }),
    'secrets:get-status': handler(deps, 'secrets:get-status', async () => ok(await deps.keyring.status())),
    'secrets:wrap-data-key': handler(deps, 'secrets:wrap-data-key', async (req) => ok(await deps.keyring.wrapDataKey(req.dataKey))),
    'secrets:unwrap-data-key': handler(deps, 'secrets:unwrap-data-key', async (req) => ok({ dataKey: await deps.keyring.unwrapDataKey(req.wrapped) })),
    'secrets:put': handler(deps, 'secrets:put', async (req) => {
      await deps.keyring.putSecret(req.name, req.value);
      return ok({ stored: true as const });
    }),
    'secrets:get': handler(deps, 'secrets:get', async (req) => {
      const value = await deps.keyring.getSecret(req.name);
      return ok(value === undefined ? {} : { value });
    }),
    'secrets:delete': handler(deps, 'secrets:delete', async (req) => ok({ deleted: await deps.keyring.deleteSecret(req.name) })),
    'backups:choose-folder': handler(deps, 'backups:choose-folder', async () => {
      const folder = await deps.chooseBackupFolder();
      if (!folder) return ok({ chosen: false });
      await deps.settings.update({ backupFolder: folder });
      return ok({ chosen: true, folder });
    }),
    'backups:write-file': handler(deps, 'backups:write-file', async (req) => ok(await deps.backups.write(req.name, req.bytes))),
    'backups:read-file': handler(deps, 'backups:read-file', async (req) => ok(await deps.backups.read(req.name))),
    'backups:list': handler(deps, 'backups:list', async () => {
      const { backupFolder } = await deps.settings.get();
      return ok({ ...(backupFolder ? { folder: backupFolder } : {}), files: await deps.backups.list() });
    }),
    'platform:set-origin': handler(deps, 'platform:set-origin', async (req) => {
      const origin = platformOriginOf(req.url);
      if (!origin) {
        return { ok: false, error: ipcError('bad-url', `refused platform url ${req.url}`, '平台地址须以 https:// 开头（本机地址 localhost、127.0.0.1 除外），且不能含用户名或密码。') };
      }
      const before = (await deps.settings.get()).platformOrigin;
      if (before !== origin) await deps.settings.update({ platformOrigin: origin });
      return ok({ origin, reloadRequired: before !== origin });
    }),
    'diagnostics:get': handler(deps, 'diagnostics:get', async () => {
      const settings = await deps.settings.get();
      return ok({
        ...deps.systemInfo(),
        secrets: await deps.keyring.status(),
        ...(settings.platformOrigin ? { platformOrigin: settings.platformOrigin } : {}),
        backupFolderChosen: settings.backupFolder !== undefined,
      });
    }),
  };
}

/** %PDF- magic: the print path accepts PDFs only. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}
