/**
 * The Vault: the one object that seals personal data before it is stored and opens it after it is
 * read (docs/encryption.md). Synchronous, so that it runs inside an IndexedDB transaction.
 *
 *  - PLAINTEXT_VAULT: no data key (unit tests that do not care, and a database before its key exists).
 *  - A vault holder (`createVaultHolder`) starts locked and is unlocked with the data key once key
 *    custody (./custody.ts) has it; while locked, sealed values do not open and nothing is sealed
 *    (a write of personal data fails instead of being stored in clear).
 *  - `open` passes values that were never sealed through unchanged: a database written before
 *    encryption stays readable while the encrypting pass (./encrypt-existing.ts) runs.
 */
import { isSealedBytes, isSealedText, openBytes, openValue, sealBytes, sealValue, VaultError } from './cipher';

export type Vault = {
  /** Whether values are sealed on write (false only for the plaintext vault). */
  readonly encrypting: boolean;
  /** Whether the data key is at hand (a plaintext vault is always "unlocked"). */
  readonly unlocked: boolean;
  /** Seals a JSON value (undefined stays undefined); `context` names the field, e.g. 'subjects.pii'. */
  seal(value: unknown, context: string): unknown;
  /** Opens a sealed value; a value that was never sealed comes back unchanged. */
  open(value: unknown, context: string): unknown;
  sealBytes(bytes: Uint8Array, context: string): Uint8Array;
  openBytes(bytes: Uint8Array, context: string): Uint8Array;
};

export const PLAINTEXT_VAULT: Vault = {
  encrypting: false,
  unlocked: true,
  seal: (value) => value,
  open: (value, context) => {
    if (isSealedText(value)) throw lockedError(context);
    return value;
  },
  sealBytes: (bytes) => bytes,
  openBytes: (bytes, context) => {
    if (isSealedBytes(bytes)) throw lockedError(context);
    return bytes;
  },
};

function lockedError(context: string): VaultError {
  return new VaultError('locked', `vault locked: cannot open ${context}`, '本机数据已加密且尚未解锁，请先登录。');
}

/** A vault over a known 32-byte data key. */
export function keyedVault(key: Uint8Array): Vault {
  return {
    encrypting: true,
    unlocked: true,
    seal: (value, context) => (value === undefined ? undefined : sealValue(key, value, context)),
    open: (value, context) => (isSealedText(value) ? openValue(key, value, context) : value),
    sealBytes: (bytes, context) => sealBytes(key, bytes, context),
    openBytes: (bytes, context) => (isSealedBytes(bytes) ? openBytes(key, bytes, context) : bytes),
  };
}

export type VaultHolder = Vault & {
  unlock(key: Uint8Array): void;
  lock(): void;
  /** The data key while unlocked (key custody re-wraps it; never stored in clear). */
  dataKey(): Uint8Array | undefined;
};

/** The app's vault: locked until key custody hands it the data key. */
export function createVaultHolder(): VaultHolder {
  let key: Uint8Array | undefined;
  let inner: Vault | undefined;
  const current = (context: string): Vault => {
    if (!inner) throw lockedError(context);
    return inner;
  };
  return {
    encrypting: true,
    get unlocked() {
      return inner !== undefined;
    },
    seal: (value, context) => current(context).seal(value, context),
    open: (value, context) => (inner ? inner.open(value, context) : PLAINTEXT_VAULT.open(value, context)),
    sealBytes: (bytes, context) => current(context).sealBytes(bytes, context),
    openBytes: (bytes, context) => (inner ? inner.openBytes(bytes, context) : PLAINTEXT_VAULT.openBytes(bytes, context)),
    unlock(next) {
      key = new Uint8Array(next);
      inner = keyedVault(key);
    },
    lock() {
      key?.fill(0);
      key = undefined;
      inner = undefined;
    },
    dataKey: () => key,
  };
}
