import type { BrowserWindowConstructorOptions } from 'electron';

/** The one window: sandboxed, isolated, no Node, no webviews. */
/** `devTools` comes from launchSettings (always false when packaged). */
export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: '信用办案台',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  };
}
