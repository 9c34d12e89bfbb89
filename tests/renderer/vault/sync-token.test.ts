import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { createDesk, staticSession } from '../../../renderer/src/desk/desk';
import { getPlatformConfig, storePlatformConfig, type TokenKeeper } from '../../../renderer/src/desk/sync';
import { createVaultHolder } from '../../../renderer/src/desk/vault/vault';
import { randomBytes } from '../../../renderer/src/desk/vault/cipher';
import { uniqueDbName } from '../../helpers/dexie';
import { plaintextHits } from '../../helpers/raw-idb';
import { ACTOR } from '../fixtures';

const TOKEN = 'tok-7f3a9c1e5b2d4f6a8c0e';

async function encryptedDesk() {
  const db = new CreditDeskDb(uniqueDbName('token'));
  await db.open();
  const vault = createVaultHolder();
  vault.unlock(randomBytes(32));
  return createDesk(db, { session: staticSession(ACTOR), vault });
}

describe('the sync token leaves IndexedDB', () => {
  it('browser mode: stored sealed under the data key, never in clear', async () => {
    const desk = await encryptedDesk();
    await storePlatformConfig(desk, { baseUrl: 'https://xyxx.example.gov.cn', officeId: 'OFF-1', token: TOKEN }, undefined);
    expect(await plaintextHits(desk.db.name, [TOKEN])).toEqual([]);
    expect((await getPlatformConfig(desk, undefined))?.token).toBe(TOKEN);
    // An empty token keeps the saved one.
    await storePlatformConfig(desk, { baseUrl: 'https://xyxx.example.gov.cn', officeId: 'OFF-2', token: '' }, undefined);
    expect(await getPlatformConfig(desk, undefined)).toMatchObject({ officeId: 'OFF-2', token: TOKEN });
    desk.db.close();
  });

  it('desktop: kept by main (safeStorage), not in the database at all', async () => {
    const desk = await encryptedDesk();
    const secrets = new Map<string, string>();
    const keeper: TokenKeeper = {
      getSecretsStatus: async () => ({ ok: true, value: { usable: true, backend: 'dpapi' } }),
      putSecret: async ({ name, value }) => (secrets.set(name, value), { ok: true, value: { stored: true } }),
      getSecret: async ({ name }) => ({ ok: true, value: secrets.has(name) ? { value: secrets.get(name)! } : {} }),
      deleteSecret: async ({ name }) => ({ ok: true, value: { deleted: secrets.delete(name) } }),
    };
    await storePlatformConfig(desk, { baseUrl: 'https://xyxx.example.gov.cn', officeId: 'OFF-1', token: TOKEN }, keeper);
    expect(secrets.get('sync-token')).toBe(TOKEN);
    expect(await plaintextHits(desk.db.name, [TOKEN])).toEqual([]);
    expect((await desk.db.table('syncState').get('platformConfig'))?.value).toEqual({ baseUrl: 'https://xyxx.example.gov.cn', officeId: 'OFF-1', tokenInKeyring: true });
    expect((await getPlatformConfig(desk, keeper))?.token).toBe(TOKEN);
    desk.db.close();
  });
});
