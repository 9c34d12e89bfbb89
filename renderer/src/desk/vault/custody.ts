/**
 * Key custody: where the data key of the vault is kept, wrapped, and how it is unlocked at start
 * (docs/encryption.md). The data key itself is never stored in clear.
 *
 *  - Desktop: wrapped by the OS keyring through main (Electron safeStorage, electron/secrets/keyring.ts).
 *  - Every account's login password also wraps it (scrypt → AES-256-GCM), so a broken keyring, or
 *    browser mode, unlocks at login (auth-events: onPasswordVerified / onPasswordChanged).
 *  - Browser mode before any account has logged in: a device-bound wrap (a non-extractable WebCrypto
 *    key kept in a separate database, `credit-desk-vault-key`). It is dropped at the first login, after
 *    which the key depends on a password.
 *
 * The wraps are the settings row `vault.keys` (never sealed: they are needed to unlock).
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { DesktopApi } from '../../../../electron/ipc/contract';
import type { CreditDeskDb } from '../../db/database';
import { DATA_KEY_BYTES, fromBase64, openBytes, randomBytes, sealBytes, toBase64, VaultError } from './cipher';
import type { VaultHolder } from './vault';

export const VAULT_KEYS_SETTING = 'vault.keys';

export type PasswordWrap = { salt: string; N: number; r: number; p: number; wrapped: string };

export type VaultKeys = {
  v: 1;
  createdAt: string;
  keyring?: { wrapped: string; backend: string };
  passwords?: Record<string, PasswordWrap>;
  device?: { wrapped: string };
};

/** A non-extractable key bound to this browser profile (browser mode before any login). */
export type DeviceKeyStore = {
  wrap(dataKey: Uint8Array): Promise<string>;
  unwrap(wrapped: string): Promise<Uint8Array>;
  forget(): Promise<void>;
};

export type CustodyDeps = {
  api: Pick<DesktopApi, 'getSecretsStatus' | 'wrapDataKey' | 'unwrapDataKey'>;
  deviceKeys: DeviceKeyStore;
  now: () => string;
  /** Failures worth a warning in the log (English). */
  log?: (message: string) => void;
  /** Routine events (a new key made); never a warning. */
  info?: (message: string) => void;
  /** scrypt cost (tests lower it); default N = 2^15, r = 8, p = 1. */
  scryptN?: number;
};

export type VaultState =
  | { state: 'unlocked'; custody: 'keyring' | 'device' | 'password'; created: boolean }
  | { state: 'locked'; messageZh: string };

const PASSWORD_CONTEXT = (userId: string) => `vault.password-wrap:${userId}`;
const DEVICE_CONTEXT = 'vault.device-wrap';

async function readKeys(db: CreditDeskDb): Promise<VaultKeys | undefined> {
  return (await db.settings.get(VAULT_KEYS_SETTING))?.value as VaultKeys | undefined;
}

async function writeKeys(db: CreditDeskDb, keys: VaultKeys): Promise<void> {
  await db.settings.put({ key: VAULT_KEYS_SETTING, value: keys });
}

async function passwordKek(password: string, salt: Uint8Array, N: number, r: number, p: number): Promise<Uint8Array> {
  return scryptAsync(new TextEncoder().encode(password), salt, { N, r, p, dkLen: DATA_KEY_BYTES });
}

export async function wrapWithPassword(dataKey: Uint8Array, userId: string, password: string, N = 2 ** 15): Promise<PasswordWrap> {
  const salt = randomBytes(16);
  const kek = await passwordKek(password, salt, N, 8, 1);
  return { salt: toBase64(salt), N, r: 8, p: 1, wrapped: toBase64(sealBytes(kek, dataKey, PASSWORD_CONTEXT(userId))) };
}

export async function unwrapWithPassword(wrap: PasswordWrap, userId: string, password: string): Promise<Uint8Array> {
  const kek = await passwordKek(password, fromBase64(wrap.salt), wrap.N, wrap.r, wrap.p);
  return openBytes(kek, fromBase64(wrap.wrapped), PASSWORD_CONTEXT(userId));
}

/** Whether any row in the database is already sealed (then a lost key cannot be replaced by a new one). */
export async function hasKeyRecord(db: CreditDeskDb): Promise<boolean> {
  return (await readKeys(db)) !== undefined;
}

/**
 * Unlocks `holder` at start: with the OS keyring, else the device-bound wrap; a database whose key
 * only passwords wrap stays locked until login. First start: a new data key, wrapped by the keyring
 * if main can, otherwise device-bound.
 */
export async function startVault(db: CreditDeskDb, holder: VaultHolder, deps: CustodyDeps): Promise<VaultState> {
  const log = deps.log ?? (() => undefined);
  const info = deps.info ?? (() => undefined);
  const keys = await readKeys(db);
  if (!keys) {
    const dataKey = randomBytes(DATA_KEY_BYTES);
    const status = await deps.api.getSecretsStatus();
    const record: VaultKeys = { v: 1, createdAt: deps.now() };
    let custody: 'keyring' | 'device' = 'device';
    if (status.ok && status.value.usable) {
      const wrapped = await deps.api.wrapDataKey({ dataKey });
      if (wrapped.ok) {
        record.keyring = wrapped.value;
        custody = 'keyring';
      } else log(`[vault] keyring wrap failed: ${wrapped.error.message}`);
    }
    if (custody === 'device') record.device = { wrapped: await deps.deviceKeys.wrap(dataKey) };
    await writeKeys(db, record);
    holder.unlock(dataKey);
    info(`[vault] new data key (${custody})`);
    return { state: 'unlocked', custody, created: true };
  }
  let lockedMessage = '本机数据已加密，请登录以解锁。';
  if (keys.keyring) {
    const unwrapped = await deps.api.unwrapDataKey({ wrapped: keys.keyring.wrapped });
    if (unwrapped.ok) {
      holder.unlock(unwrapped.value.dataKey);
      return { state: 'unlocked', custody: 'keyring', created: false };
    }
    log(`[vault] keyring unwrap failed: ${unwrapped.error.message}`);
    lockedMessage = `${unwrapped.error.messageZh}`;
  }
  if (keys.device) {
    try {
      holder.unlock(await deps.deviceKeys.unwrap(keys.device.wrapped));
      return { state: 'unlocked', custody: 'device', created: false };
    } catch (error) {
      log(`[vault] device-bound unwrap failed: ${error instanceof Error ? error.message : String(error)}`);
      lockedMessage = '本浏览器保存的密钥已丢失，请登录以解锁；若仍无法解锁，请从备份恢复。';
    }
  }
  return { state: 'locked', messageZh: lockedMessage };
}

/**
 * At each successful login: unlocks a locked vault with that account's wrap; once unlocked, makes
 * sure the account's password wraps the key, and drops the device-bound wrap (from then on the key
 * depends on a password, not on the browser profile alone). Returns whether the vault is unlocked.
 */
export async function onLogin(db: CreditDeskDb, holder: VaultHolder, deps: Pick<CustodyDeps, 'deviceKeys' | 'scryptN' | 'log'>, userId: string, password: string): Promise<boolean> {
  const keys = await readKeys(db);
  if (!keys) return holder.unlocked;
  const own = keys.passwords?.[userId];
  if (!holder.unlocked) {
    if (!own) return false;
    try {
      holder.unlock(await unwrapWithPassword(own, userId, password));
    } catch (error) {
      if (error instanceof VaultError) return false;
      throw error;
    }
  }
  const dataKey = holder.dataKey();
  if (!dataKey) return false;
  const next: VaultKeys = { ...keys, passwords: { ...keys.passwords } };
  let changed = false;
  if (!own) {
    next.passwords![userId] = await wrapWithPassword(dataKey, userId, password, deps.scryptN);
    changed = true;
  }
  if (next.device) {
    delete next.device;
    changed = true;
  }
  if (changed) {
    await writeKeys(db, next);
    if (keys.device) await deps.deviceKeys.forget();
  }
  return true;
}

/** A password set or changed (while the vault is unlocked): that account's wrap follows it. */
export async function onPasswordSet(db: CreditDeskDb, holder: VaultHolder, deps: Pick<CustodyDeps, 'scryptN'>, userId: string, password: string): Promise<boolean> {
  const keys = await readKeys(db);
  const dataKey = holder.dataKey();
  if (!keys || !dataKey) return false;
  await writeKeys(db, { ...keys, passwords: { ...keys.passwords, [userId]: await wrapWithPassword(dataKey, userId, password, deps.scryptN) } });
  return true;
}

/** Whether only passwords hold the key (then an idle lock forgets it until the next login). */
export async function passwordOnly(db: CreditDeskDb): Promise<boolean> {
  const keys = await readKeys(db);
  return !!keys && !keys.keyring && !keys.device && Object.keys(keys.passwords ?? {}).length > 0;
}

/** The browser's device-bound key store: a non-extractable AES-GCM key in its own database. */
export function browserDeviceKeys(dbName = 'credit-desk-vault-key'): DeviceKeyStore {
  const KEY_ID = 'device-wrap';
  const withStore = <T,>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open(dbName, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('keys');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const idb = open.result;
        const req = fn(idb.transaction('keys', mode).objectStore('keys'));
        req.onsuccess = () => {
          idb.close();
          resolve(req.result);
        };
        req.onerror = () => {
          idb.close();
          reject(req.error);
        };
      };
    });
  const subtle = () => crypto.subtle;
  return {
    async wrap(dataKey) {
      const key = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await withStore('readwrite', (s) => s.put(key, KEY_ID));
      const iv = randomBytes(12);
      const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(DEVICE_CONTEXT) }, key, dataKey as BufferSource));
      return `${toBase64(iv)}.${toBase64(sealed)}`;
    },
    async unwrap(wrapped) {
      const key = await withStore<CryptoKey | undefined>('readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>);
      if (!key) throw new VaultError('bad-key', 'device-bound key missing', '本浏览器保存的密钥已丢失。');
      const [iv, body] = wrapped.split('.');
      const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(iv ?? '') as BufferSource, additionalData: new TextEncoder().encode(DEVICE_CONTEXT) }, key, fromBase64(body ?? '') as BufferSource);
      return new Uint8Array(plain);
    },
    async forget() {
      await withStore('readwrite', (s) => s.delete(KEY_ID));
    },
  };
}
