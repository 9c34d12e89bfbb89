/**
 * The vault as a Dexie middleware (DBCore): every row written to a table of SEALED_FIELDS has those
 * fields sealed on its way down to IndexedDB, and opened on its way up, whatever Dexie call made it
 * (add, put, update, modify, bulk*, get, toArray, each, cursors). Use cases and pages keep working on
 * plain rows; only the stored form is ciphertext. Sealing is synchronous (@noble/ciphers), so it runs
 * inside the transaction of the write (renderer/src/desk/write.ts).
 *
 * Rows handed down are copied, never changed in place: the caller keeps its plain row.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { fieldContext, SEALED_FIELDS } from './sealed-fields';
import type { Vault } from './vault';

type Row = Record<string, unknown>;

const FORWARDED = ['continue', 'continuePrimaryKey', 'advance', 'start', 'stop', 'fail', 'done', 'next', 'trans'] as const;

function sealRow(vault: Vault, table: string, fields: readonly string[], row: unknown): unknown {
  if (!vault.encrypting || typeof row !== 'object' || row === null) return row;
  let copy: Row | undefined;
  for (const field of fields) {
    const value = (row as Row)[field];
    if (value === undefined) continue;
    copy ??= { ...(row as Row) };
    // Bytes (a PDF snapshot) stay bytes; everything else is sealed as JSON into one string.
    copy[field] = value instanceof Uint8Array ? vault.sealBytes(value, fieldContext(table, field)) : vault.seal(value, fieldContext(table, field));
  }
  return copy ?? row;
}

function openRow(vault: Vault, table: string, fields: readonly string[], row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  let copy: Row | undefined;
  for (const field of fields) {
    const value = (row as Row)[field];
    let opened: unknown;
    if (typeof value === 'string') opened = vault.open(value, fieldContext(table, field));
    else if (value instanceof Uint8Array) opened = vault.openBytes(value, fieldContext(table, field));
    else continue;
    if (opened === value) continue;
    copy ??= { ...(row as Row) };
    copy[field] = opened;
  }
  return copy ?? row;
}

function sealedTable(down: DBCoreTable, vault: () => Vault, fields: readonly string[]): DBCoreTable {
  const name = down.name;
  const open = (row: unknown) => openRow(vault(), name, fields, row);
  return {
    ...down,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      const v = vault();
      return down.mutate({ ...req, values: req.values.map((row) => sealRow(v, name, fields, row)) });
    },
    get: (req) => down.get(req).then(open),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(open)),
    query: (req) => down.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    openCursor: (req) =>
      down.openCursor(req).then((cursor): DBCoreCursor | null => {
        if (!cursor || !req.values) return cursor;
        // Dexie swaps the cursor's own methods as it starts and stops; the wrapper forwards them to
        // the live cursor (both reads and assignments) so that layers above and below stay in step.
        const forwarded: PropertyDescriptorMap = {};
        for (const name of FORWARDED) {
          forwarded[name] = { get: () => (cursor as unknown as Row)[name], set: (v: unknown) => ((cursor as unknown as Row)[name] = v) };
        }
        return Object.create(cursor, {
          ...forwarded,
          key: { get: () => cursor.key },
          primaryKey: { get: () => cursor.primaryKey },
          value: { get: () => open(cursor.value) },
        }) as DBCoreCursor;
      }),
  };
}

/** The middleware; `vault()` is read at each call, so the app can unlock or lock it at run time. */
export function vaultMiddleware(vault: () => Vault): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'credit-desk-vault',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const fields = SEALED_FIELDS[name];
        return fields ? sealedTable(table, vault, fields) : table;
      },
    }),
  };
}
