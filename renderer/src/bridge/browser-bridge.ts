import type { DesktopApi, IpcResult } from '../../../electron/ipc/contract';

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

function unsupported<T>(what: string, zh: string): IpcResult<T> {
  return { ok: false, error: { code: 'unsupported-in-browser', message: `${what} is not available in browser mode`, messageZh: zh } };
}

/** Start a download of bytes in the browser (browser mode's "save" and "print"). */
export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The browser implementation of the desktop bridge ("browser mode").
 * Saving and printing become downloads; system fonts are not reachable from a web page,
 * so only the bundled fonts are used.
 */
export function createBrowserBridge(): DesktopApi {
  return {
    async getAppInfo() {
      return ok({ appName: '信用办案台', version: '0.1.0', mode: 'browser' as const, platform: navigator.platform || 'web' });
    },
    async saveFile(request) {
      downloadBytes(request.bytes, request.suggestedName, request.mimeType);
      return ok({ saved: true });
    },
    async printPdf(request) {
      downloadBytes(request.bytes, `${request.title}.pdf`, 'application/pdf');
      return ok({ printed: false });
    },
    async listSystemFonts() {
      return ok([]);
    },
    async readSystemFont() {
      return unsupported('reading system fonts', '浏览器模式无法读取本机字体，将使用内置字体。');
    },
    // No OS keyring in a browser: the renderer derives keys from the login password instead.
    async getSecretsStatus() {
      return ok({ usable: false, backend: 'browser', reason: 'encryption-unavailable' as const, messageZh: '浏览器模式没有系统密钥服务，将改用登录密码保护本机数据。' });
    },
    async wrapDataKey() {
      return unsupported('the OS keyring', '浏览器模式没有系统密钥服务，将改用登录密码保护本机数据。');
    },
    async unwrapDataKey() {
      return unsupported('the OS keyring', '浏览器模式没有系统密钥服务，将改用登录密码保护本机数据。');
    },
    async putSecret() {
      return unsupported('the OS keyring', '浏览器模式没有系统密钥服务，将改用登录密码保护本机数据。');
    },
    async getSecret() {
      return unsupported('the OS keyring', '浏览器模式没有系统密钥服务，将改用登录密码保护本机数据。');
    },
    async deleteSecret() {
      return ok({ deleted: false });
    },
    // Backups in a browser are downloads (and uploads through a file input), not a chosen folder.
    async chooseBackupFolder() {
      return unsupported('choosing a folder', '浏览器模式不能选择文件夹：备份将作为文件下载。');
    },
    async writeBackupFile(request) {
      downloadBytes(request.bytes, request.name, 'application/octet-stream');
      return ok({ path: request.name, size: request.bytes.length });
    },
    async readBackupFile() {
      return unsupported('reading a backup folder', '浏览器模式请用“上传备份文件”选择要恢复的备份。');
    },
    async listBackupFiles() {
      return ok({ files: [] });
    },
    async setPlatformOrigin(request) {
      return ok({ origin: new URL(request.url).origin, reloadRequired: false });
    },
    async getDiagnostics() {
      return unsupported('main-process diagnostics', '浏览器模式没有桌面端诊断信息。');
    },
    async openExternalUrl(url) {
      if (!/^https?:\/\//i.test(url)) {
        return { ok: false, error: { code: 'bad-url', message: `refused to open ${url}`, messageZh: '只能打开 http 或 https 网址。' } };
      }
      window.open(url, '_blank', 'noopener,noreferrer');
      return ok({ opened: true });
    },
  };
}
