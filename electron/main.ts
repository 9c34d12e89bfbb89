/**
 * Main process: kept thin. It registers the app:// origin, opens one sandboxed window, hardens
 * every web contents and answers the typed IPC contract. Everything with logic lives in modules
 * that are unit-tested under Node with side effects injected (tests/electron).
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { existsSync, realpathSync } from 'node:fs';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './ipc/contract';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { resolveAppRequest } from './protocol/app-protocol';
import { installGlobalHardening, installPermissionHandlers, isInternalUrl } from './security/harden';
import { mainWindowOptions } from './windows/main-window-options';
import { findSystemFonts } from './fonts/system-fonts';

const DEV_SERVER_URL = process.env.CREDIT_DESK_DEV_SERVER_URL; // set by `npm start -- --dev`
const RENDERER_ROOT = join(__dirname, '..', 'dist', 'renderer');

// Must run before `ready`: app:// behaves like https (secure context, fetch, IndexedDB, workers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

function log(message: string): void {
  console.log(`[main] ${message}`);
}

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.method, request.url, RENDERER_ROOT);
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
    // Symlinks must not lead outside the renderer root.
    if (!existsSync(resolved.filePath)) return new Response('not found', { status: 404 });
    const real = realpathSync(resolved.filePath);
    if (!real.startsWith(realpathSync(RENDERER_ROOT) + sep)) return new Response('forbidden', { status: 403 });
    const upstream = await net.fetch(pathToFileURL(real).toString());
    return new Response(upstream.body, { status: 200, headers: { 'content-type': resolved.mimeType } });
  });
}

async function printPdf(title: string, bytes: Uint8Array): Promise<boolean> {
  // Chromium prints a PDF through its viewer: write it to a private temp file and print that page.
  const dir = await mkdtemp(join(tmpdir(), 'credit-desk-print-'));
  const file = join(dir, 'document.pdf');
  await writeFile(file, bytes);
  const printWindow = new BrowserWindow({ show: false, title, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  await printWindow.loadURL(pathToFileURL(file).toString());
  return new Promise<boolean>((resolve) => {
    printWindow.webContents.print({ silent: false, printBackground: true }, (success) => {
      printWindow.destroy();
      resolve(success);
    });
  });
}

async function createMainWindow(): Promise<void> {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs'), app.isPackaged));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
}

app.whenReady().then(async () => {
  serveAppProtocol();
  installPermissionHandlers(session.defaultSession);
  installGlobalHardening(app, DEV_SERVER_URL, (url) => shell.openExternal(url));
  const handlers = createHandlers({
    appInfo: () => ({ appName: '信用办案台', version: app.getVersion(), mode: 'desktop', platform: process.platform }),
    chooseSavePath: async (suggestedName) => {
      const result = await dialog.showSaveDialog({ defaultPath: suggestedName });
      return result.canceled ? undefined : result.filePath;
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    printPdf,
    listSystemFonts: () => findSystemFonts(process.platform, existsSync),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    openExternal: (url) => shell.openExternal(url),
    log,
  });
  registerHandlers(ipcMain, handlers, (url) => !!url && isInternalUrl(url, DEV_SERVER_URL));
  await createMainWindow();
  log(`window open at ${DEV_SERVER_URL ?? APP_ORIGIN} (host ${APP_HOST})`);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
});
