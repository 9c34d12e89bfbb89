/**
 * The one IPC contract between the renderer and the main process.
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
  mimeType: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' | 'application/json' | 'image/png' | 'application/octet-stream';
  bytes: Uint8Array;
};

export type SaveFileResult = { saved: boolean; path?: string };

export type PrintPdfRequest = { title: string; bytes: Uint8Array };
export type PrintPdfResult = { printed: boolean };

export type SystemFont = { family: string; path: string; format: 'ttf' | 'otf' | 'ttc' };

export type ReadFontRequest = { path: string };

/** Named secrets main keeps for the renderer (never in IndexedDB). */
export const SECRET_NAMES = ['sync-token', 'offline-file-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/**
 * Whether main can protect keys with the operating system (Electron safeStorage). `usable` is false
 * when encryption is unavailable, when Linux falls back to the `basic_text` backend (no keyring:
 * plaintext in all but name), or when the backend changed since keys were wrapped; the renderer
 * then derives keys from the login password instead.
 */
export type SecretsStatus = {
  usable: boolean;
  /** Electron's name of the backend: e.g. `dpapi` (Windows), `gnome_libsecret`, `kwallet5`, `basic_text`, `unknown`. */
  backend: string;
  /** The backend keys were first wrapped with on this machine, if any. */
  recordedBackend?: string;
  reason?: 'encryption-unavailable' | 'basic-text' | 'backend-changed';
  messageZh?: string;
};

/** A 32-byte data key (AES-256) made by the renderer, wrapped by the OS keyring in main. */
export type WrapDataKeyRequest = { dataKey: Uint8Array };
/** Opaque: store it as is (base64 of the safeStorage ciphertext), hand it back to unwrap. */
export type WrappedDataKey = { wrapped: string; backend: string };
export type UnwrapDataKeyRequest = { wrapped: string };
export type UnwrappedDataKey = { dataKey: Uint8Array };
export type PutSecretRequest = { name: SecretName; value: string };
export type GetSecretRequest = { name: SecretName };
/** `value` is absent when no such secret was stored. */
export type GetSecretResult = { value?: string };
export type DeleteSecretRequest = { name: SecretName };

/** Backups go to one folder the user chose (a USB stick); files are named inside it, never by path. */
export type ChooseBackupFolderResult = { chosen: boolean; folder?: string };
/** `name`: a plain file name ending in .cdbackup (no folders). */
export type WriteBackupFileRequest = { name: string; bytes: Uint8Array };
export type WriteBackupFileResult = { path: string; size: number };
export type ReadBackupFileRequest = { name: string };
export type BackupFileInfo = { name: string; size: number; modifiedAt: string };
export type ListBackupFilesResult = { folder?: string; files: BackupFileInfo[] };

/** The platform the desk syncs with: main pins the CSP's connect-src to its origin. */
export type SetPlatformOriginRequest = { url: string };
/** `reloadRequired`: the origin changed; the window's CSP takes it after a reload. */
export type SetPlatformOriginResult = { origin: string; reloadRequired: boolean };

/** For 设置 → 诊断信息 (no personal data). */
export type Diagnostics = {
  appName: string;
  appVersion: string;
  packaged: boolean;
  versions: { electron: string; chrome: string; node: string; v8: string };
  platform: string;
  arch: string;
  osVersion: string;
  locale: string;
  secrets: SecretsStatus;
  /** The origin the CSP allows sync calls to, if set. */
  platformOrigin?: string;
  backupFolderChosen: boolean;
};

export const IPC_CHANNELS = {
  appGetInfo: 'app:get-info',
  filesSave: 'files:save',
  documentsPrintPdf: 'documents:print-pdf',
  fontsList: 'fonts:list-system',
  fontsRead: 'fonts:read-system',
  externalOpen: 'external:open-url',
  secretsStatus: 'secrets:get-status',
  secretsWrapDataKey: 'secrets:wrap-data-key',
  secretsUnwrapDataKey: 'secrets:unwrap-data-key',
  secretsPut: 'secrets:put',
  secretsGet: 'secrets:get',
  secretsDelete: 'secrets:delete',
  backupsChooseFolder: 'backups:choose-folder',
  backupsWriteFile: 'backups:write-file',
  backupsReadFile: 'backups:read-file',
  backupsList: 'backups:list',
  platformSetOrigin: 'platform:set-origin',
  diagnosticsGet: 'diagnostics:get',
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
  'secrets:get-status': { req: void; res: SecretsStatus };
  'secrets:wrap-data-key': { req: WrapDataKeyRequest; res: WrappedDataKey };
  'secrets:unwrap-data-key': { req: UnwrapDataKeyRequest; res: UnwrappedDataKey };
  'secrets:put': { req: PutSecretRequest; res: { stored: true } };
  'secrets:get': { req: GetSecretRequest; res: GetSecretResult };
  'secrets:delete': { req: DeleteSecretRequest; res: { deleted: boolean } };
  'backups:choose-folder': { req: void; res: ChooseBackupFolderResult };
  'backups:write-file': { req: WriteBackupFileRequest; res: WriteBackupFileResult };
  'backups:read-file': { req: ReadBackupFileRequest; res: Uint8Array };
  'backups:list': { req: void; res: ListBackupFilesResult };
  'platform:set-origin': { req: SetPlatformOriginRequest; res: SetPlatformOriginResult };
  'diagnostics:get': { req: void; res: Diagnostics };
};

/** What preload exposes as `window.desktop`, and what the browser bridge implements. */
export type DesktopApi = {
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileResult>>;
  printPdf(request: PrintPdfRequest): Promise<IpcResult<PrintPdfResult>>;
  listSystemFonts(): Promise<IpcResult<SystemFont[]>>;
  readSystemFont(request: ReadFontRequest): Promise<IpcResult<Uint8Array>>;
  openExternalUrl(url: string): Promise<IpcResult<{ opened: boolean }>>;
  getSecretsStatus(): Promise<IpcResult<SecretsStatus>>;
  wrapDataKey(request: WrapDataKeyRequest): Promise<IpcResult<WrappedDataKey>>;
  unwrapDataKey(request: UnwrapDataKeyRequest): Promise<IpcResult<UnwrappedDataKey>>;
  putSecret(request: PutSecretRequest): Promise<IpcResult<{ stored: true }>>;
  getSecret(request: GetSecretRequest): Promise<IpcResult<GetSecretResult>>;
  deleteSecret(request: DeleteSecretRequest): Promise<IpcResult<{ deleted: boolean }>>;
  chooseBackupFolder(): Promise<IpcResult<ChooseBackupFolderResult>>;
  writeBackupFile(request: WriteBackupFileRequest): Promise<IpcResult<WriteBackupFileResult>>;
  readBackupFile(request: ReadBackupFileRequest): Promise<IpcResult<Uint8Array>>;
  listBackupFiles(): Promise<IpcResult<ListBackupFilesResult>>;
  setPlatformOrigin(request: SetPlatformOriginRequest): Promise<IpcResult<SetPlatformOriginResult>>;
  getDiagnostics(): Promise<IpcResult<Diagnostics>>;
};

/** The fixed app origin. IndexedDB data lives under it forever: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'credit-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
