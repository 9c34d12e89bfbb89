/**
 * `npm run platform`: the reference city platform on 127.0.0.1.
 *
 * Environment:
 *   PLATFORM_PORT (default 8787), PLATFORM_HOST (default 127.0.0.1)
 *   DATABASE_URL                  a PostgreSQL server; otherwise embedded PGlite in PLATFORM_DATA_DIR
 *   PLATFORM_DATA_DIR             default .platform-data/pglite (git-ignored)
 *   PLATFORM_ADMIN_TOKEN          protects the overview page and enables the admin API
 *   PLATFORM_SEED_OFFICES         "id:name:token,id2:name2:token2" enrolled at start
 *   PLATFORM_TLS_CERT / _KEY      PEM files: serve HTTPS
 *   PLATFORM_FILE_KEY, PLATFORM_CORS_ORIGINS, PLATFORM_RATE_PER_ADDRESS, PLATFORM_RATE_PER_OFFICE
 *                                 see config.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPlatform } from './app';
import { corsOriginsFrom, fileKeySecretFrom, rateLimitsFrom } from './config';

function parseSeed(text: string | undefined): { id: string; name: string; token: string }[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, name, token] = entry.split(':');
      if (!id || !name || !token) throw new Error(`PLATFORM_SEED_OFFICES entry "${entry}" is not id:name:token`);
      return { id, name, token };
    });
}

async function main(): Promise<void> {
  const port = Number(process.env.PLATFORM_PORT ?? 8787);
  const host = process.env.PLATFORM_HOST ?? '127.0.0.1';
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.PLATFORM_DATA_DIR ?? '.platform-data/pglite');
  if (!url) mkdirSync(dataDir, { recursive: true });
  const certFile = process.env.PLATFORM_TLS_CERT;
  const keyFile = process.env.PLATFORM_TLS_KEY;
  const fileKeySecret = fileKeySecretFrom(process.env, url ? undefined : dataDir, (m) => console.log(`[platform] ${m}`));
  const corsOrigins = corsOriginsFrom(process.env);
  const platform = await startPlatform({
    port,
    fileKeySecret,
    ...(corsOrigins ? { corsOrigins } : {}),
    rateLimits: rateLimitsFrom(process.env),
    host,
    database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir },
    ...(process.env.PLATFORM_ADMIN_TOKEN ? { adminToken: process.env.PLATFORM_ADMIN_TOKEN } : {}),
    offices: parseSeed(process.env.PLATFORM_SEED_OFFICES),
    ...(certFile && keyFile ? { tls: { cert: readFileSync(certFile), key: readFileSync(keyFile) } } : {}),
    allowPlainHttp: process.env.PLATFORM_ALLOW_PLAIN_HTTP === '1',
    logger: true,
  });
  const offices = await platform.store.listOffices();
  console.log(`[platform] listening on ${platform.url} (${platform.db.kind}${url ? '' : ` at ${dataDir}`}); offices: ${offices.map((o) => o.id).join(', ') || 'none — enrol one with `npx tsx platform/server/cli.ts add-office <id> <name>`'}`);
  const stop = async (signal: string) => {
    console.log(`[platform] ${signal}: shutting down`);
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[platform] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
