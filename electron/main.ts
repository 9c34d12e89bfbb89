/**
 * Main process: kept thin. It takes the single-instance lock, registers the app:// origin (served
 * with the CSP header), opens one sandboxed window, hardens every web contents and answers the
 * typed IPC contract. Everything with logic lives in modules that are unit-tested under Node with
 * side effects injected (tests/electron).
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { enforceSingleInstance, focusWindow, launchSettings } from './app/launch';
import { writeFileAtomic, type AtomicFs } from './files/atomic';
import { createBackupFiles } from './files/backups';
import { createSettingsStore } from './files/desktop-settings';
import { findSystemFonts } from './fonts/system-fonts';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './ipc/contract';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { createPdfPrinter } from './printing/print-pdf';
import { createAppProtocolHandler } from './protocol/serve-app';
import { createKeyring } from './secrets/keyring';
import { installGlobalHardening, installPermissionHandlers, isInternalUrl } from './security/harden';
import { mainWindowOptions } from './windows/main-window-options';

const LAUNCH = launchSettings(process.env, app.isPackaged);
const RENDERER_ROOT = join(__dirname, '..', 'dist', 'renderer');
const atomicFs: AtomicFs = { open, rename, rm };
const uniqueSuffix = () => randomBytes(6).toString('hex');

function log(message: string): void {
  console.log(`[main] ${message}`);
}

let mainWindow: BrowserWindow | undefined;

// Must run before `ready`: app:// behaves like https (secure context, fetch, IndexedDB, workers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

/** A small file under userData/<folder>/ (created 0700), written atomically. */
function userDataFiles(folder: string) {
  const dir = join(app.getPath('userData'), folder);
  return {
    async read(name: string): Promise<Uint8Array | undefined> {
      try {
        return new Uint8Array(await readFile(join(dir, name)));
      } catch {
        return undefined;
      }
    },
    async write(name: string, bytes: Uint8Array): Promise<void> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(atomicFs, join(dir, name), bytes, uniqueSuffix());
    },
    async remove(name: string): Promise<boolean> {
      const path = join(dir, name);
      if (!existsSync(path)) return false;
      await rm(path, { force: true });
      return true;
    },
  };
}

async function createMainWindow(): Promise<void> {
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs'), LAUNCH.devTools));
  const window = mainWindow;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  await window.loadURL(LAUNCH.devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

function start(): void {
  const settingsFiles = userDataFiles('settings');
  const settings = createSettingsStore({ read: () => settingsFiles.read('desktop-settings.json'), write: (bytes) => settingsFiles.write('desktop-settings.json', bytes), log });
  const keyring = createKeyring({ safeStorage, platform: process.platform, files: userDataFiles('secrets'), log });
  const printer = createPdfPrinter({
    tempDir: tmpdir(),
    mkdtemp,
    writeFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600 }),
    rm,
    readdir,
    createWindow: (options) => new BrowserWindow(options),
    fileUrl: (path) => pathToFileURL(path).toString(),
    log,
  });
  const backups = createBackupFiles({
    fs: { ...atomicFs, readFile: async (path) => new Uint8Array(await readFile(path)), readdir, stat, realpath },
    folder: async () => (await settings.get()).backupFolder,
    uniqueSuffix,
  });

  app.whenReady().then(async () => {
    await printer.removeStale().catch((error: unknown) => log(`could not remove old print folders: ${String(error)}`));
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: RENDERER_ROOT,
        realpath,
        readFile: async (path) => new Uint8Array(await readFile(path)),
        newNonce: () => randomBytes(18).toString('base64'),
        platformOrigin: async () => (await settings.get()).platformOrigin,
      }),
    );
    installPermissionHandlers(session.defaultSession);
    installGlobalHardening(app, LAUNCH.devServerUrl, (url) => shell.openExternal(url));
    const handlers = createHandlers({
      appInfo: () => ({ appName: '信用办案台', version: app.getVersion(), mode: 'desktop', platform: process.platform }),
      chooseSavePath: async (suggestedName) => {
        const result = await dialog.showSaveDialog({ defaultPath: suggestedName });
        return result.canceled ? undefined : result.filePath;
      },
      writeFile: (path, bytes) => writeFile(path, bytes),
      printPdf: (title, bytes) => printer.print(title, bytes),
      listSystemFonts: () => findSystemFonts(process.platform, existsSync),
      readFile: async (path) => new Uint8Array(await readFile(path)),
      openExternal: (url) => shell.openExternal(url),
      keyring,
      backups,
      chooseBackupFolder: async () => {
        const result = await dialog.showOpenDialog({ title: '选择备份文件夹', properties: ['openDirectory', 'createDirectory'] });
        return result.canceled ? undefined : result.filePaths[0];
      },
      settings,
      systemInfo: () => ({
        appName: '信用办案台',
        appVersion: app.getVersion(),
        packaged: app.isPackaged,
        versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node, v8: process.versions.v8 },
        platform: process.platform,
        arch: process.arch,
        osVersion: release(),
        locale: app.getLocale(),
      }),
      log,
    });
    registerHandlers(ipcMain, handlers, (url) => !!url && isInternalUrl(url, LAUNCH.devServerUrl));
    await createMainWindow();
    log(`window open at ${LAUNCH.devServerUrl ?? APP_ORIGIN} (host ${APP_HOST})`);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
}

// One desk per profile: a second start focuses the first window and exits.
if (enforceSingleInstance(app, () => focusWindow(mainWindow))) start();
