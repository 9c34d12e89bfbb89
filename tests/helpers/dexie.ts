/**
 * Migration test helpers over fake-indexeddb. Import 'fake-indexeddb/auto' first.
 *
 *   const db = await openTestDb(20);            // the real registry, up to version 20
 *   await seed(db, 'cases', rows);
 *   const next = await migrateTo(db, 30);      // closes db, reopens the same name at 30
 *   expect(await dump(next, 'cases')).toEqual(...)
 */
import { CreditDeskDb } from '../../renderer/src/db/database';
import { MIGRATIONS, type Migration } from '../../renderer/src/db/migrations';

let counter = 0;

export function uniqueDbName(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function migrationsUpTo(version: number, list: readonly Migration[] = MIGRATIONS): Migration[] {
  return list.filter((m) => m.version <= version);
}

/** Opens a fresh database with the registry's migrations up to `atVersion` (default: all). */
export async function openTestDb(atVersion?: number, name: string = uniqueDbName()): Promise<CreditDeskDb> {
  const db = new CreditDeskDb(name, { migrations: atVersion === undefined ? MIGRATIONS : migrationsUpTo(atVersion) });
  await db.open();
  return db;
}

export async function seed<T>(db: CreditDeskDb, table: string, rows: T[]): Promise<void> {
  await db.table(table).bulkAdd(rows);
}

/** Closes `db` and reopens the same database with migrations up to `version`. */
export async function migrateTo(db: CreditDeskDb, version: number, list: readonly Migration[] = MIGRATIONS): Promise<CreditDeskDb> {
  const name = db.name;
  db.close();
  const next = new CreditDeskDb(name, { migrations: migrationsUpTo(version, list) });
  await next.open();
  return next;
}

export async function dump<T = unknown>(db: CreditDeskDb, table: string): Promise<T[]> {
  return (await db.table(table).toArray()) as T[];
}
