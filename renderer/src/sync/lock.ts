/**
 * One sync engine per device (two engines would send the same batch twice): the Web Locks API when present
 * (all windows of one origin share it), otherwise a localStorage lease, otherwise in-process only.
 */
export type SyncLock = {
  /** Runs `fn` holding the lock; returns `{ acquired: false }` at once if another engine holds it. */
  tryRun<T>(fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }>;
};

export const SYNC_LOCK_NAME = 'credit-desk-sync-engine';

/** In-process mutex (tests, and the last fallback). */
export function createMemoryLock(): SyncLock {
  let held = false;
  return {
    async tryRun(fn) {
      if (held) return { acquired: false };
      held = true;
      try {
        return { acquired: true, value: await fn() };
      } finally {
        held = false;
      }
    },
  };
}

type LockManagerLike = {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
};

type StorageLike = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };

/** A lease in localStorage for browsers without Web Locks; renewed while held, expires if a window dies. */
export function createLeaseLock(storage: StorageLike, owner: string, now: () => number = () => Date.now(), leaseMs = 60_000): SyncLock {
  const key = `${SYNC_LOCK_NAME}:lease`;
  const memory = createMemoryLock();
  return {
    async tryRun(fn) {
      const current = storage.getItem(key);
      if (current) {
        const lease = JSON.parse(current) as { owner: string; until: number };
        if (lease.owner !== owner && lease.until > now()) return { acquired: false };
      }
      storage.setItem(key, JSON.stringify({ owner, until: now() + leaseMs }));
      const renew = setInterval(() => storage.setItem(key, JSON.stringify({ owner, until: now() + leaseMs })), leaseMs / 3);
      try {
        return await memory.tryRun(fn);
      } finally {
        clearInterval(renew);
        storage.removeItem(key);
      }
    },
  };
}

export function createWebLock(locks: LockManagerLike, name = SYNC_LOCK_NAME): SyncLock {
  return {
    async tryRun<T>(fn: () => Promise<T>) {
      let outcome: { acquired: true; value: T } | { acquired: false } = { acquired: false };
      await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (lock === null) return;
        outcome = { acquired: true, value: await fn() };
      });
      return outcome;
    },
  };
}

/** The best lock this environment offers. */
export function createDeviceLock(owner: string): SyncLock {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  if (nav?.locks) return createWebLock(nav.locks);
  const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
  if (storage) return createLeaseLock(storage, owner);
  return createMemoryLock();
}
