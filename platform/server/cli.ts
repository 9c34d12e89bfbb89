/**
 * Platform administration from the command line (works on the same database as `npm run platform`;
 * stop the server first when it uses PGlite, which allows one process at a time).
 *
 *   npx tsx platform/server/cli.ts add-office <id> <name> [token]   enrol; without a token one is issued and printed once
 *   npx tsx platform/server/cli.ts rotate-token <id>                issue a new random token (the old one stops working)
 *   npx tsx platform/server/cli.ts revoke-office <id>               refuse the office's token from now on
 *   npx tsx platform/server/cli.ts list-offices
 *   npx tsx platform/server/cli.ts publish <officeId> <itemId> <kind> <caseId|-> '<payload json>'
 *   npx tsx platform/server/cli.ts import <file.cdsync>
 *
 * A running server in another process trusts a token it has already checked for at most its token
 * cache life (30 s), so a revoked or rotated token stops working everywhere within that time.
 * DATABASE_URL selects PostgreSQL; otherwise PLATFORM_DATA_DIR (default .platform-data/pglite).
 * PLATFORM_FILE_KEY as for the server (config.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileKeySecretFrom } from './config';
import { migrate, openDatabase } from './db';
import { PlatformStore } from './store';

const USAGE = 'commands: add-office <id> <name> [token], rotate-token <id>, revoke-office <id>, list-offices, publish, import';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.PLATFORM_DATA_DIR ?? '.platform-data/pglite');
  if (!url) mkdirSync(dataDir, { recursive: true });
  const fileKeySecret = fileKeySecretFrom(process.env, url ? undefined : dataDir, (m) => console.error(m));
  const db = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir });
  try {
    await migrate(db);
    const store = new PlatformStore(db, { fileKeySecret });
    await store.sealPlaintextFileKeys();
    switch (command) {
      case 'add-office': {
        const [id, name, token] = args;
        if (!id || !name) throw new Error('usage: add-office <id> <name> [token]');
        const issued = await store.addOffice({ id, name, token });
        console.log(token ? `office ${id} enrolled` : `office ${id} enrolled; its token (shown once, give it to the office): ${issued.token}`);
        return 0;
      }
      case 'rotate-token': {
        const [id] = args;
        if (!id) throw new Error('usage: rotate-token <id>');
        const office = await store.officeById(id);
        if (!office) throw new Error(`no office ${id}`);
        const { token } = await store.addOffice({ id, name: office.name });
        console.log(`new token for ${id} (shown once; the old token stops working): ${token}`);
        return 0;
      }
      case 'revoke-office': {
        const [id] = args;
        if (!id) throw new Error('usage: revoke-office <id>');
        await store.revokeOffice(id);
        console.log(`token of ${id} revoked; a running server refuses it within 30 s (rotate-token issues a new one)`);
        return 0;
      }
      case 'list-offices':
        for (const o of await store.listOffices()) console.log(`${o.id}\t${o.name}\t${await store.countOperations(o.id)} operations${o.revoked ? '\trevoked' : ''}`);
        return 0;
      case 'publish': {
        const [officeId, id, kind, caseId, payload] = args;
        if (!officeId || !id || !kind || !payload) throw new Error("usage: publish <officeId> <itemId> <kind> <caseId|-> '<payload json>'");
        await store.publish(officeId, { id, kind, ...(caseId && caseId !== '-' ? { caseId } : {}), payload: JSON.parse(payload) });
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
        console.error(USAGE);
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
