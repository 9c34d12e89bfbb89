/** Printing: the print window's options, and the temporary PDF deleted after printing and at start. */
import { describe, expect, it, vi } from 'vitest';
import { createPdfPrinter, PRINT_DIR_PREFIX, PRINT_OPTIONS, printWindowOptions, type PrintDeps } from '../../electron/printing/print-pdf';

function printerWith(outcome: { success: boolean; failureReason?: string } | 'load-fails') {
  const created: unknown[] = [];
  const removed: string[] = [];
  const printed: unknown[] = [];
  const destroyed = vi.fn();
  const deps: PrintDeps = {
    tempDir: '/tmp',
    mkdtemp: async (prefix) => `${prefix}abc123`,
    writeFile: vi.fn(async () => undefined),
    rm: async (path) => void removed.push(path),
    readdir: async () => ['credit-desk-print-old1', 'other-app', 'credit-desk-print-old2'],
    createWindow: (options) => {
      created.push(options);
      return {
        loadURL: async () => {
          if (outcome === 'load-fails') throw new Error('ERR_FILE_NOT_FOUND');
        },
        webContents: {
          print: (options, callback) => {
            printed.push(options);
            if (outcome !== 'load-fails') callback(outcome.success, outcome.failureReason ?? '');
          },
        },
        destroy: destroyed,
      };
    },
    fileUrl: (path) => `file://${path}`,
    log: vi.fn(),
  };
  return { printer: createPdfPrinter(deps), deps, created, removed, printed, destroyed };
}

describe('printing a PDF', () => {
  it('prints in a hidden sandboxed window through the print dialog', async () => {
    const t = printerWith({ success: true });
    await expect(t.printer.print('列入决定书', new Uint8Array([1]))).resolves.toBe(true);
    expect(t.created).toEqual([printWindowOptions('列入决定书')]);
    expect(t.created[0]).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, devTools: false } });
    expect(t.printed).toEqual([{ silent: false, printBackground: true }]);
    expect(PRINT_OPTIONS.silent).toBe(false);
  });

  it.each([
    ['printed', { success: true }],
    ['cancelled', { success: false, failureReason: 'cancelled' }],
  ] as const)('deletes the temporary folder when %s', async (_name, outcome) => {
    const t = printerWith(outcome);
    await t.printer.print('x', new Uint8Array([1]));
    expect(t.deps.writeFile).toHaveBeenCalledWith(`/tmp/${PRINT_DIR_PREFIX}abc123/document.pdf`, new Uint8Array([1]));
    expect(t.removed).toEqual([`/tmp/${PRINT_DIR_PREFIX}abc123`]);
    expect(t.destroyed).toHaveBeenCalledTimes(1);
  });

  it('deletes the temporary folder when the window cannot load it', async () => {
    const t = printerWith('load-fails');
    await expect(t.printer.print('x', new Uint8Array([1]))).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(t.removed).toEqual([`/tmp/${PRINT_DIR_PREFIX}abc123`]);
    expect(t.destroyed).toHaveBeenCalledTimes(1);
  });

  it('deletes print folders an earlier run left behind, and nothing else', async () => {
    const t = printerWith({ success: true });
    await expect(t.printer.removeStale()).resolves.toBe(2);
    expect(t.removed).toEqual(['/tmp/credit-desk-print-old1', '/tmp/credit-desk-print-old2']);
  });
});
