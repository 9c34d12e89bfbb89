/**
 * This device's keys (the custody seam between the integrity chain and encryption at rest).
 *
 *   const key = await deviceKeys(desk).chainKey();   // 32 random bytes, the same on every call
 *
 * The chain key keys every link of the case event chains, of the per-device operation ledger and of
 * the audit log (HMAC-SHA-256, shared/util/sha256.ts): whoever edits the data without the key cannot
 * re-seal it so that 校验完整性 passes. It is therefore never stored next to what it protects: it
 * lives in its own IndexedDB database (`<data database>-keys`), not in `credit-desk`, so a copy or a
 * raw edit of the office data carries no key. Key custody moves to the OS keyring (desktop,
 * safeStorage) or to a key derived from the login password (browser) with encryption at rest; callers
 * only ever use this function.
 *
 * Use it BEFORE opening a transaction (deskWrite does): fetching the key is not an IndexedDB request
 * of that transaction. The key is cached per data database, so later calls resolve at once.
 */
import Dexie, { type Table } from 'dexie';
import type { CreditDeskDb } from '../db/database';
import { hmacSha256Hex } from '../../../shared/util/sha256';
import type { Desk } from './desk';

type KeyRow = { id: string; key: Uint8Array; createdAt: string };

class KeysDb extends Dexie {
  keys!: Table<KeyRow, string>;
  constructor(name: string, deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, { ...(deps.indexedDB ? { indexedDB: deps.indexedDB } : {}), ...(deps.IDBKeyRange ? { IDBKeyRange: deps.IDBKeyRange } : {}) });
    this.version(1).stores({ keys: 'id' });
  }
}

export type DeviceKeys = {
  /** The device chain key (created on first use). */
  chainKey(): Promise<Uint8Array>;
  /** The key if already loaded (for code running inside a transaction), else undefined. */
  loadedChainKey(): Uint8Array | undefined;
};

/** The name of the database holding the keys of `dataDbName`. */
export function keysDatabaseName(dataDbName: string): string {
  return `${dataDbName}-keys`;
}

/** A short public fingerprint of a key (stored with the data to tell "the key was replaced" apart). */
export function keyFingerprint(key: Uint8Array): string {
  return hmacSha256Hex(key, 'credit-desk chain key fingerprint').slice(0, 16);
}

const cache = new WeakMap<CreditDeskDb, { promise: Promise<Uint8Array>; loaded?: Uint8Array }>();

function dependenciesOf(db: CreditDeskDb): { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } {
  // Dexie keeps the factory it was built with; the keys database uses the same one (fake-indexeddb in tests).
  const deps = (db as unknown as { _deps?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } })._deps;
  return deps ?? {};
}

async function loadOrCreate(db: CreditDeskDb): Promise<Uint8Array> {
  const keysDb = new KeysDb(keysDatabaseName(db.name), dependenciesOf(db));
  try {
    return await keysDb.transaction('rw', keysDb.keys, async () => {
      const existing = await keysDb.keys.get('chain');
      if (existing) return new Uint8Array(existing.key);
      const key = new Uint8Array(32);
      crypto.getRandomValues(key);
      await keysDb.keys.add({ id: 'chain', key, createdAt: new Date().toISOString() });
      return key;
    });
  } finally {
    keysDb.close();
  }
}

export function deviceKeys(desk: Pick<Desk, 'db'>): DeviceKeys {
  const db = desk.db;
  return {
    chainKey() {
      let entry = cache.get(db);
      if (!entry) {
        const created: { promise: Promise<Uint8Array>; loaded?: Uint8Array } = { promise: Promise.resolve(new Uint8Array()) };
        created.promise = loadOrCreate(db).then(
          (key) => {
            created.loaded = key;
            return key;
          },
          (error: unknown) => {
            cache.delete(db);
            throw error;
          },
        );
        cache.set(db, created);
        entry = created;
      }
      return entry.promise;
    },
    loadedChainKey() {
      return cache.get(db)?.loaded;
    },
  };
}
