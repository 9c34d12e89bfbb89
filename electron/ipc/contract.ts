/**
 * The one IPC contract between the renderer and the main process (STYLE.md L3).
 *
 * Invariants:
 *  - Channel names are `domain:verb-noun` constants declared only here.
 *  - Every request is validated in main as `unknown` before use (see electron/ipc/validate.ts).
 *  - Every answer is a Result envelope; main never throws across the bridge.
 *  - The renderer imports this file for types only; the browser bridge implements the same
 *    DesktopApi so the renderer runs unchanged in a plain browser.
 */

export type IpcError = { code: string; message: string; messageZh: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type AppInfo = {
  appName: string;
  version: string;
  mode: 'desktop' | 'browser';
  platform: string;
};

export type SaveFileRequest = {
  /** Suggested file name, e.g. 列入决定书〔2026〕15号.pdf */
  suggestedName: string;
  /** MIME type; limited to what the app produces. */
  mimeType: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' | 'application/json' | 'application/octet-stream';
  bytes: Uint8Array;
};

export type SaveFileResult = { saved: boolean; path?: string };

export type PrintPdfRequest = { title: string; bytes: Uint8Array };
export type PrintPdfResult = { printed: boolean };

export type SystemFont = { family: string; path: string; format: 'ttf' | 'otf' | 'ttc' };

export type ReadFontRequest = { path: string };

export const IPC_CHANNELS = {
  appGetInfo: 'app:get-info',
  filesSave: 'files:save',
  documentsPrintPdf: 'documents:print-pdf',
  fontsList: 'fonts:list-system',
  fontsRead: 'fonts:read-system',
  externalOpen: 'external:open-url',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Request and response types per channel. */
export type IpcContract = {
  'app:get-info': { req: void; res: AppInfo };
  'files:save': { req: SaveFileRequest; res: SaveFileResult };
  'documents:print-pdf': { req: PrintPdfRequest; res: PrintPdfResult };
  'fonts:list-system': { req: void; res: SystemFont[] };
  'fonts:read-system': { req: ReadFontRequest; res: Uint8Array };
  'external:open-url': { req: { url: string }; res: { opened: boolean } };
};

/** What preload exposes as `window.desktop`, and what the browser bridge implements. */
export type DesktopApi = {
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileResult>>;
  printPdf(request: PrintPdfRequest): Promise<IpcResult<PrintPdfResult>>;
  listSystemFonts(): Promise<IpcResult<SystemFont[]>>;
  readSystemFont(request: ReadFontRequest): Promise<IpcResult<Uint8Array>>;
  openExternalUrl(url: string): Promise<IpcResult<{ opened: boolean }>>;
};

/** The fixed app origin. IndexedDB data lives under it forever: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'credit-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
