/**
 * How the app starts: development switches, and one instance per profile.
 *
 * A packaged build ignores CREDIT_DESK_DEV_SERVER_URL (which would load the renderer from an
 * arbitrary http origin with the desktop bridge attached) and CREDIT_DESK_DEVTOOLS: an installed
 * desk behaves the same whatever its environment says.
 */
import type { App } from 'electron';

export type LaunchSettings = { devServerUrl?: string; devTools: boolean };

export function launchSettings(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): LaunchSettings {
  if (isPackaged) return { devTools: false };
  const devServerUrl = env.CREDIT_DESK_DEV_SERVER_URL;
  return { ...(devServerUrl ? { devServerUrl } : {}), devTools: true };
}

/**
 * Take the single-instance lock. A second start of the desk (same profile, same IndexedDB) does not
 * open another window: it quits, and the first instance brings its window to the front.
 * Returns false when this process is the second one (it has been told to quit).
 */
export function enforceSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit'> & { on(event: 'second-instance', listener: () => void): unknown }, focusWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusWindow);
  return true;
}

/** Bring a window to the front (restore it first if minimised). */
export function focusWindow(window: { isDestroyed(): boolean; isMinimized(): boolean; restore(): void; show(): void; focus(): void } | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
