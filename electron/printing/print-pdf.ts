/**
 * Printing a PDF: Chromium prints a PDF through its viewer, so the bytes go to a private temporary
 * folder, a hidden sandboxed window loads them and opens the system print dialog. The folder —
 * which holds names and ID numbers — is deleted as soon as the print job is handed over (or fails),
 * and folders left by a crash are deleted at the next start. Electron and the file system are
 * injected for tests.
 */
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { join } from 'node:path';

export const PRINT_DIR_PREFIX = 'credit-desk-print-';

export function printWindowOptions(title: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    title,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, devTools: false },
  };
}

/** Always through the dialog (the officer picks printer and copies); backgrounds for seals and lines. */
export const PRINT_OPTIONS: WebContentsPrintOptions = { silent: false, printBackground: true };

export type PrintWindow = {
  loadURL(url: string): Promise<void>;
  webContents: { print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void };
  destroy(): void;
};

export type PrintDeps = {
  tempDir: string;
  mkdtemp(prefix: string): Promise<string>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  readdir(path: string): Promise<string[]>;
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  fileUrl(path: string): string;
  log(message: string): void;
};

export function createPdfPrinter(deps: PrintDeps): { print(title: string, bytes: Uint8Array): Promise<boolean>; removeStale(): Promise<number> } {
  return {
    async print(title, bytes) {
      const dir = await deps.mkdtemp(join(deps.tempDir, PRINT_DIR_PREFIX));
      let window: PrintWindow | undefined;
      try {
        const file = join(dir, 'document.pdf');
        await deps.writeFile(file, bytes);
        window = deps.createWindow(printWindowOptions(title));
        await window.loadURL(deps.fileUrl(file));
        const shown = window;
        return await new Promise<boolean>((resolve) => {
          shown.webContents.print(PRINT_OPTIONS, (success, failureReason) => {
            if (!success && failureReason) deps.log(`[print] not printed: ${failureReason}`);
            resolve(success);
          });
        });
      } finally {
        window?.destroy();
        await deps.rm(dir, { recursive: true, force: true });
      }
    },
    async removeStale() {
      const stale = (await deps.readdir(deps.tempDir)).filter((name) => name.startsWith(PRINT_DIR_PREFIX));
      for (const name of stale) await deps.rm(join(deps.tempDir, name), { recursive: true, force: true });
      if (stale.length > 0) deps.log(`[print] removed ${stale.length} print folder(s) left from an earlier run`);
      return stale.length;
    },
  };
}
