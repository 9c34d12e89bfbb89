import type { DesktopApi } from '../../../electron/ipc/contract';
import { createBrowserBridge } from './browser-bridge';

declare global {
  // Declaration merging with the DOM's Window needs an interface; a type alias cannot extend it.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by electron/preload in the desktop build; absent in browser mode. */
    desktop?: DesktopApi;
  }
}

let cached: DesktopApi | undefined;

/** The desktop bridge: the preload's API in Electron, the browser implementation otherwise. */
export function desktopApi(): DesktopApi {
  cached ??= window.desktop ?? createBrowserBridge();
  return cached;
}

export function isBrowserMode(): boolean {
  return window.desktop === undefined;
}
