/**
 * Installed once at start-up: every web contents may navigate only within the app,
 * may not open windows (links go to the system browser through the http(s) allowlist), may not
 * attach webviews, and gets permissions only from the default-deny table.
 */
import type { App, Session, WebContents } from 'electron';
import { isPermissionAllowed } from './permissions';
import { isAppUrl, isDevServerUrl, openExternalSafely, type OpenExternal } from './urls';

export function isInternalUrl(url: string, devServerUrl: string | undefined): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devServerUrl);
}

export function hardenWebContents(contents: WebContents, devServerUrl: string | undefined, openExternal: OpenExternal): void {
  const refuseNavigation = (event: { preventDefault: () => void }, url: string) => {
    if (!isInternalUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}

export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler(null);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin ? `${requestingOrigin}/` : undefined));
}

export function installGlobalHardening(app: App, devServerUrl: string | undefined, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl, openExternal));
}
