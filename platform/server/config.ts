/**
 * Configuration shared by `npm run platform` (main.ts) and the CLI (cli.ts), read from the
 * environment:
 *
 *   PLATFORM_FILE_KEY        64 hex digits: the secret that seals each office's sneaker-net file key
 *                            in the database (AES-256-GCM). Required with DATABASE_URL.
 *   PLATFORM_FILE_KEY_FILE   a file holding those 64 hex digits, instead of the variable.
 *                            With neither, and the embedded PGlite database, a key is created once
 *                            in <PLATFORM_DATA_DIR>/../file-key (mode 0600) — for trying it out only.
 *   PLATFORM_CORS_ORIGINS    browser origins allowed besides app://credit-desk, comma-separated
 *                            (default: Vite's dev and preview origins on loopback, ports 5173 and 4173).
 *   PLATFORM_RATE_PER_ADDRESS, PLATFORM_RATE_PER_OFFICE   requests per minute (defaults in app.ts).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILE_KEY_SECRET_BYTES } from './crypto';
import type { RateLimits } from './app';

type Env = Readonly<Record<string, string | undefined>>;

function parseKeyHex(text: string, source: string): Uint8Array {
  const hex = text.trim();
  if (!new RegExp(`^[0-9a-fA-F]{${FILE_KEY_SECRET_BYTES * 2}}$`).test(hex)) {
    throw new Error(`${source} must be ${FILE_KEY_SECRET_BYTES * 2} hex digits (e.g. \`openssl rand -hex ${FILE_KEY_SECRET_BYTES}\`)`);
  }
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/**
 * The file-key sealing secret. `pgliteDataDir` is given when the platform runs on the embedded
 * database: then, and only then, a missing key is created beside the data (and said so in the log).
 */
export function fileKeySecretFrom(env: Env, pgliteDataDir: string | undefined, log: (message: string) => void): Uint8Array {
  if (env.PLATFORM_FILE_KEY) return parseKeyHex(env.PLATFORM_FILE_KEY, 'PLATFORM_FILE_KEY');
  if (env.PLATFORM_FILE_KEY_FILE) return parseKeyHex(readFileSync(env.PLATFORM_FILE_KEY_FILE, 'utf8'), `PLATFORM_FILE_KEY_FILE (${env.PLATFORM_FILE_KEY_FILE})`);
  if (!pgliteDataDir) throw new Error('PLATFORM_FILE_KEY (or PLATFORM_FILE_KEY_FILE) is required with DATABASE_URL: it seals the offices\' file keys at rest');
  const file = join(dirname(pgliteDataDir), 'file-key');
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(FILE_KEY_SECRET_BYTES).toString('hex')}\n`, { mode: 0o600 });
    log(`created ${file} to seal file keys (for trying the platform only; set PLATFORM_FILE_KEY in production)`);
  }
  chmodSync(file, 0o600);
  return parseKeyHex(readFileSync(file, 'utf8'), file);
}

/** Allowed browser origins from PLATFORM_CORS_ORIGINS; undefined keeps the default. */
export function corsOriginsFrom(env: Env): string[] | undefined {
  if (env.PLATFORM_CORS_ORIGINS === undefined) return undefined;
  return env.PLATFORM_CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((origin) => {
      const parsed = new URL(origin);
      if (parsed.origin !== origin) throw new Error(`PLATFORM_CORS_ORIGINS entry "${origin}" is not an origin (scheme://host[:port], no path)`);
      return origin;
    });
}

export function rateLimitsFrom(env: Env): Partial<RateLimits> {
  const read = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number of requests per minute`);
    return n;
  };
  const perAddressPerMinute = read('PLATFORM_RATE_PER_ADDRESS');
  const perOfficePerMinute = read('PLATFORM_RATE_PER_OFFICE');
  return { ...(perAddressPerMinute ? { perAddressPerMinute } : {}), ...(perOfficePerMinute ? { perOfficePerMinute } : {}) };
}
