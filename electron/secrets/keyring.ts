/**
 * Main-side secrets (Signal-Desktop's pattern): the OS keyring protects keys through Electron's
 * safeStorage, and the renderer gets capabilities, never the keyring itself.
 *
 *  - A data key made by the renderer is wrapped with `safeStorage.encryptString` and handed back
 *    opaque; the renderer stores the wrapped form and asks main to unwrap it at start.
 *  - Named secrets (the sync token, the offline-file key) are stored wrapped in files under
 *    userData, written atomically; they never touch IndexedDB.
 *  - Linux's `basic_text` backend (no keyring: plaintext in all but name) counts as unavailable.
 *  - The backend used for the first wrap is recorded; if it later differs (KWallet ⇄ libsecret, a
 *    reinstalled desktop), unwrapping refuses with an explicit error instead of failing obscurely.
 *  - Every failure is a KeyringError with a Chinese message that tells the officer what to do.
 */
import type { SecretName, SecretsStatus } from '../ipc/contract';

/** The slice of Electron's safeStorage used here (injected; tests use a fake). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent or undefined elsewhere. */
  getSelectedStorageBackend?: () => string;
};

/** Small files under userData/secrets (injected). */
export type KeyringFiles = {
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, bytes: Uint8Array): Promise<void>;
  remove(name: string): Promise<boolean>;
};

export type KeyringDeps = {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  files: KeyringFiles;
  log: (message: string) => void;
};

export type KeyringErrorCode = SecretsStatus['reason'] | 'unwrap-failed' | 'bad-wrapped-key';

export class KeyringError extends Error {
  constructor(
    readonly code: NonNullable<KeyringErrorCode>,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

export const DATA_KEY_BYTES = 32;
const BACKEND_FILE = 'backend.json';
const secretFile = (name: SecretName) => `${name}.bin`;

const FALLBACK_ZH = '将改用登录密码保护本机数据。';

function backendOf(deps: KeyringDeps): string {
  if (deps.platform === 'linux') return deps.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (deps.platform === 'win32') return 'dpapi';
  if (deps.platform === 'darwin') return 'keychain';
  return 'unknown';
}

export type Keyring = {
  status(): Promise<SecretsStatus>;
  wrapDataKey(dataKey: Uint8Array): Promise<{ wrapped: string; backend: string }>;
  unwrapDataKey(wrapped: string): Promise<Uint8Array>;
  putSecret(name: SecretName, value: string): Promise<void>;
  getSecret(name: SecretName): Promise<string | undefined>;
  deleteSecret(name: SecretName): Promise<boolean>;
};

export function createKeyring(deps: KeyringDeps): Keyring {
  async function recordedBackend(): Promise<string | undefined> {
    const bytes = await deps.files.read(BACKEND_FILE);
    if (!bytes) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { backend?: unknown };
      return typeof parsed.backend === 'string' ? parsed.backend : undefined;
    } catch {
      return undefined;
    }
  }

  async function status(): Promise<SecretsStatus> {
    const backend = backendOf(deps);
    const recorded = await recordedBackend();
    const base = { backend, ...(recorded ? { recordedBackend: recorded } : {}) };
    if (!deps.safeStorage.isEncryptionAvailable()) {
      return { ...base, usable: false, reason: 'encryption-unavailable', messageZh: `本机系统密钥服务不可用，无法用系统保护密钥；${FALLBACK_ZH}` };
    }
    if (backend === 'basic_text') {
      return { ...base, usable: false, reason: 'basic-text', messageZh: `本机没有可用的系统密钥环（如 GNOME 密钥环或 KWallet），系统只能以明文保存密钥，已停用；${FALLBACK_ZH}` };
    }
    if (recorded && recorded !== backend) {
      return {
        ...base,
        usable: false,
        reason: 'backend-changed',
        messageZh: `系统密钥服务已变更（原为 ${recorded}，现为 ${backend}），无法解开本机数据密钥。请恢复原来的密钥服务后重启办案台，或用登录密码解锁。`,
      };
    }
    return { ...base, usable: true };
  }

  async function requireUsable(): Promise<string> {
    const s = await status();
    if (!s.usable) throw new KeyringError(s.reason ?? 'encryption-unavailable', `safeStorage not usable (${s.reason}, backend ${s.backend})`, s.messageZh ?? FALLBACK_ZH);
    if (!s.recordedBackend) await deps.files.write(BACKEND_FILE, Buffer.from(JSON.stringify({ backend: s.backend }), 'utf8'));
    return s.backend;
  }

  function unwrap(encrypted: Buffer, what: string): string {
    try {
      return deps.safeStorage.decryptString(encrypted);
    } catch (error) {
      deps.log(`[keyring] could not decrypt ${what}: ${error instanceof Error ? error.message : String(error)}`);
      throw new KeyringError('unwrap-failed', `safeStorage could not decrypt ${what}`, '无法用系统密钥服务解开本机密钥（可能换了电脑或系统账户）。请用登录密码解锁，或从备份恢复。');
    }
  }

  return {
    status,
    async wrapDataKey(dataKey) {
      if (dataKey.length !== DATA_KEY_BYTES) throw new KeyringError('bad-wrapped-key', `data key must be ${DATA_KEY_BYTES} bytes`, '数据密钥长度不正确。');
      const backend = await requireUsable();
      const wrapped = deps.safeStorage.encryptString(Buffer.from(dataKey).toString('base64'));
      return { wrapped: wrapped.toString('base64'), backend };
    },
    async unwrapDataKey(wrapped) {
      await requireUsable();
      const key = Buffer.from(unwrap(Buffer.from(wrapped, 'base64'), 'the data key'), 'base64');
      if (key.length !== DATA_KEY_BYTES) throw new KeyringError('bad-wrapped-key', 'unwrapped data key has the wrong length', '本机数据密钥已损坏，请用登录密码解锁，或从备份恢复。');
      return new Uint8Array(key);
    },
    async putSecret(name, value) {
      await requireUsable();
      await deps.files.write(secretFile(name), deps.safeStorage.encryptString(value));
    },
    async getSecret(name) {
      const stored = await deps.files.read(secretFile(name));
      if (!stored) return undefined;
      await requireUsable();
      return unwrap(Buffer.from(stored), name);
    },
    async deleteSecret(name) {
      return deps.files.remove(secretFile(name));
    },
  };
}
