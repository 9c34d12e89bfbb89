/**
 * A Dexie DBCore middleware that records what a piece of code asks of IndexedDB: how many values
 * and keys it read per table/index, which counts it ran, and which keys it wrote. Tests use it to
 * prove a design property without timing anything ("this search reads one page, not id lists").
 *
 *   const { db, meter } = await openMeteredDb();
 *   meter.reset(); await work(); expect(meter.read('subjects')).toBeLessThan(50);
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { uniqueDbName } from './dexie';

export type Meter = {
  reset(): void;
  /** Values and keys read from `table` (any index), cursor steps included. */
  read(table: string): number;
  /** Count requests: `${table}:${index or ':id'}`. */
  counts: string[];
  /** Keys written (put/add/delete) per table; deleteRange as `range:<lower>…<upper>`. */
  written(table: string): string[];
};

export function createMeter(): { middleware: Middleware<DBCore>; meter: Meter } {
  const reads = new Map<string, number>();
  const writes = new Map<string, string[]>();
  const counts: string[] = [];
  const addRead = (t: string, n: number) => reads.set(t, (reads.get(t) ?? 0) + n);
  const addWrite = (t: string, keys: string[]) => writes.set(t, [...(writes.get(t) ?? []), ...keys]);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-meter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const wrapped: DBCoreTable = {
          ...t,
          // Plain .then chains, never async/await: a native await inside DBCore loses Dexie's transaction zone.
          get: (req) =>
            t.get(req).then((r) => {
              addRead(name, r === undefined ? 0 : 1);
              return r;
            }),
          getMany: (req) =>
            t.getMany(req).then((r) => {
              addRead(name, r.filter((x) => x !== undefined).length);
              return r;
            }),
          query: (req) =>
            t.query(req).then((r) => {
              addRead(name, r.result.length);
              return r;
            }),
          openCursor: (req) =>
            t.openCursor(req).then((cursor) => {
            if (!cursor) return cursor;
            addRead(name, 1);
            // Count each step on the cursor itself (Dexie keeps state on the instance).
            const c = cursor as unknown as Record<'continue' | 'continuePrimaryKey' | 'advance', (...a: unknown[]) => void>;
            for (const m of ['continue', 'continuePrimaryKey', 'advance'] as const) {
              const original = c[m];
              c[m] = (...a: unknown[]) => {
                addRead(name, 1);
                original.apply(cursor, a);
              };
            }
            return cursor;
            }),
          count: (req) => {
            counts.push(`${name}:${req.query.index.name || ':id'}`);
            return t.count(req);
          },
          mutate: (req) => {
            if (req.type === 'deleteRange') addWrite(name, [`range:${String(req.range.lower)}…${String(req.range.upper)}`]);
            else if (req.type === 'delete') addWrite(name, req.keys.map(String));
            else addWrite(name, (req.keys ?? req.values.map((v) => (v as { id?: unknown; key?: unknown }).id ?? (v as { key?: unknown }).key)).map(String));
            return t.mutate(req);
          },
        };
        return wrapped;
      },
    }),
  };
  return {
    middleware,
    meter: {
      reset() {
        reads.clear();
        writes.clear();
        counts.length = 0;
      },
      read: (table) => reads.get(table) ?? 0,
      counts,
      written: (table) => writes.get(table) ?? [],
    },
  };
}

/** A fresh database with the meter installed (before open, as Dexie requires). */
export async function openMeteredDb(): Promise<{ db: CreditDeskDb; meter: Meter }> {
  const db = new CreditDeskDb(uniqueDbName('metered'));
  const { middleware, meter } = createMeter();
  db.use(middleware);
  await db.open();
  return { db, meter };
}
