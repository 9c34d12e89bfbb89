/**
 * The migrations registry (docs/CONTRACTS.md). Versions are strictly increasing and asserted at load
 * time; a database only runs the steps above its stored version, so a new step always takes a number
 * above every step already in the registry.
 * Add a migration: create `NNNN-name.ts`, import it here, append it to MIGRATIONS (one line),
 * and add `tests/renderer/db/migration_NNNN.test.ts`.
 */
import type Dexie from 'dexie';
import type { Migration } from './types';
import { migration0010 } from './0010-initial-case-desk';
import { migration0011 } from './0011-deadline-attention-index';
import { migration0020 } from './0020-documents';
import { migration0030 } from './0030-sync';
import { migration0031 } from './0031-unify-office-profile';
import { migration0070 } from './0070-statistics';
import { migration0071 } from './0071-credit-grading';
import { migration0072 } from './0072-commitments';
import { migration0080 } from './0080-search-terms';
import { migration0081 } from './0081-case-list';
import { migration0082 } from './0082-deadline-kind-indexes';
import { migration0083 } from './0083-deadline-days';
import { migration0090 } from './0090-outbox-pending';
import { migration0130 } from './0130-keyed-chains';
import { migration0131 } from './0131-users';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0011,
  migration0020,
  migration0030,
  migration0031,
  migration0070,
  migration0071,
  migration0072,
  migration0080,
  migration0081,
  migration0082,
  migration0083,
  migration0090,
  migration0130,
  migration0131,
];

/** Throws when versions are not strictly increasing positive integers. */
export function assertStrictlyIncreasing(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migrations out of order: ${m.version} (${m.name}) follows ${previous}`);
    }
    previous = m.version;
  }
}

assertStrictlyIncreasing(MIGRATIONS);

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Declares every migration on a Dexie instance, in order. The upgrade promise is returned (never dropped). */
export function applyMigrations(db: Dexie, migrations: readonly Migration[] = MIGRATIONS): void {
  assertStrictlyIncreasing(migrations);
  for (const m of migrations) {
    const version = db.version(m.version).stores(m.stores);
    const upgrade = m.upgrade;
    if (upgrade) version.upgrade((tx) => upgrade(tx));
  }
}
