/**
 * Platform administration from the command line (works on the same database as `npm run platform`;
 * stop the server first when it uses PGlite, which allows one process at a time).
 *
 *   tsx platform/server/cli.ts add-office <id> <name> <token>
 *   tsx platform/server/cli.ts list-offices
 *   tsx platform/server/cli.ts publish <officeId> <itemId> <kind> <caseId|-> '<payload json>'
 *   tsx platform/server/cli.ts import <file.cdsync>
 *
 * DATABASE_URL selects PostgreSQL; otherwise PLATFORM_DATA_DIR (default .platform-data/pglite).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PulledKind } from '../../shared/sync/protocol';
import { migrate, openDatabase } from './db';
import { PlatformStore } from './store';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.PLATFORM_DATA_DIR ?? '.platform-data/pglite');
  if (!url) mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir });
  try {
    await migrate(db);
    const store = new PlatformStore(db);
    switch (command) {
      case 'add-office': {
        const [id, name, token] = args;
        if (!id || !name || !token) throw new Error('usage: add-office <id> <name> <token>');
        await store.addOffice({ id, name, token });
        console.log(`office ${id} enrolled`);
        return 0;
      }
      case 'list-offices':
        for (const o of await store.listOffices()) console.log(`${o.id}\t${o.name}\t${await store.countOperations(o.id)} operations`);
        return 0;
      case 'publish': {
        const [officeId, id, kind, caseId, payload] = args;
        if (!officeId || !id || !kind || !payload) throw new Error("usage: publish <officeId> <itemId> <kind> <caseId|-> '<payload json>'");
        await store.publish(officeId, { id, kind: kind as PulledKind, ...(caseId && caseId !== '-' ? { caseId } : {}), payload: JSON.parse(payload) });
        console.log(`published ${kind} ${id} to ${officeId}`);
        return 0;
      }
      case 'import': {
        const [file] = args;
        if (!file) throw new Error('usage: import <file.cdsync>');
        const { fileId, officeId, response, timesImported } = await store.importFile(readFileSync(file, 'utf8'));
        const counts: Record<string, number> = {};
        for (const r of response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
        const note = timesImported > 1 ? ` (imported ${timesImported} times; the same file answers the same and stores nothing new)` : '';
        console.log(`imported ${fileId} for ${officeId}: ${JSON.stringify(counts)}${note}`);
        return 0;
      }
      default:
        console.error('commands: add-office, list-offices, publish, import');
        return 2;
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
