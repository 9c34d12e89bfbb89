/** Fakes of the Electron objects the main-process modules touch, recording what they were given. */
import type { Keyring } from '../../electron/secrets/keyring';
import type { SafeStorageLike } from '../../electron/secrets/keyring';

type Listener = (...args: never[]) => unknown;

/** A WebContents that records its listeners and window-open handler, and can fire them. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler;
    },
    /** Fire `event` as Chromium would; returns whether some listener called preventDefault(). */
    emitPreventable(event: string, url: string): boolean {
      let prevented = false;
      const e = { preventDefault: () => (prevented = true) };
      for (const l of listeners.get(event) ?? []) (l as (e: unknown, url: string) => void)(e, url);
      return prevented;
    },
    openWindow(url: string): { action: string } | undefined {
      return windowOpenHandler?.({ url });
    },
    listenerCount: (event: string) => (listeners.get(event) ?? []).length,
  };
}

/** A Session that records its permission handlers. */
export function fakeSession() {
  const requestHandlers: unknown[] = [];
  let checkHandler: ((contents: unknown, permission: string, origin: string) => boolean) | undefined;
  return {
    setPermissionRequestHandler(handler: unknown) {
      requestHandlers.push(handler);
    },
    setPermissionCheckHandler(handler: typeof checkHandler) {
      checkHandler = handler;
    },
    requestHandlers,
    /** Ask as a page would; resolves with what the handler granted. */
    request(permission: string, requestingUrl: string): Promise<boolean> {
      const handler = requestHandlers[requestHandlers.length - 1] as ((c: unknown, p: string, cb: (granted: boolean) => void, d: { requestingUrl: string }) => void) | null;
      return new Promise((resolve) => {
        if (!handler) return resolve(true); // Electron's default without a handler: granted
        handler({}, permission, resolve, { requestingUrl });
      });
    },
    check: (permission: string, origin: string) => (checkHandler ? checkHandler({}, permission, origin) : true),
  };
}

/** safeStorage as on a machine with the given backend; encryption is a reversible tag. */
export function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { backend: string; available: boolean } {
  return {
    backend,
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('base64')}`, 'utf8'),
    decryptString(encrypted) {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString('utf8');
    },
    getSelectedStorageBackend() {
      return this.backend;
    },
  };
}

/** In-memory files for the keyring and settings. */
export function memoryFiles() {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    read: async (name: string) => files.get(name),
    write: async (name: string, bytes: Uint8Array) => void files.set(name, new Uint8Array(bytes)),
    remove: async (name: string) => files.delete(name),
  };
}

export const unusedKeyring: Keyring = {
  status: async () => ({ usable: true, backend: 'dpapi' }),
  wrapDataKey: async () => ({ wrapped: 'd3JhcHBlZA==', backend: 'dpapi' }),
  unwrapDataKey: async () => new Uint8Array(32),
  putSecret: async () => undefined,
  getSecret: async () => undefined,
  deleteSecret: async () => false,
};
