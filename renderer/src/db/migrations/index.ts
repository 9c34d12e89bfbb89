/**
 * The migrations registry (STYLE.md L11; docs/CONTRACTS.md). Versions are strictly increasing
 * and asserted at load time. Ranges: 10–19 case desk, 20–29 written documents, 30–39 sync,
 * 60–69 search and scale.
 * Add a migration: create `NNNN-name.ts`, import it here, append it to MIGRATIONS (one line),
 * and add `tests/renderer/db/migration_NNNN.test.ts`.
 */
import type Dexie from 'dexie';
import type { Migration } from './types';
import { migration0010 } from './0010-initial-case-desk';
import { migration0011 } from './0011-deadline-attention-index';
import { migration0020 } from './0020-documents';
import { migration0030 } from './0030-sync';
import { migration0060 } from './0060-search-terms';
import { migration0061 } from './0061-case-list';
import { migration0062 } from './0062-deadline-kind-indexes';
import { migration0063 } from './0063-deadline-days';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0011,
  migration0020,
  migration0030,
  migration0060,
  migration0061,
  migration0062,
  migration0063,
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
