/**
 * URL guards: the app navigates only within its own origin, and opens only
 * http(s) links externally. Every function takes `unknown` and parses; nothing is trusted.
 */
import { APP_HOST, APP_SCHEME } from '../ipc/contract';

function parse(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** True only for app://credit-desk/… with no credentials or port. */
export function isAppUrl(value: unknown): boolean {
  const url = parse(value);
  return !!url && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && !url.port;
}

/** In development the renderer is served by Vite on loopback; that origin is also the app. */
export function isDevServerUrl(value: unknown, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false;
  const url = parse(value);
  const dev = parse(devServerUrl);
  return !!url && !!dev && url.origin === dev.origin && (dev.hostname === '127.0.0.1' || dev.hostname === 'localhost');
}

export type OpenExternal = (url: string) => Promise<void>;

/** Open an http(s) URL in the system browser; refuse every other scheme. */
export async function openExternalSafely(value: unknown, open: OpenExternal): Promise<boolean> {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return false;
  await open(url.toString());
  return true;
}
