import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { createDesk, staticSession } from '../../../renderer/src/desk/desk';
import { registerSubject } from '../../../renderer/src/desk/subjects';
import { emitPasswordChanged, emitPasswordVerified } from '../../../renderer/src/desk/auth-events';
import { attachVault } from '../../../renderer/src/desk/vault';
import { browserDeviceKeys, startVault, VAULT_KEYS_SETTING, type CustodyDeps, type VaultKeys } from '../../../renderer/src/desk/vault/custody';
import { createVaultHolder } from '../../../renderer/src/desk/vault/vault';
import type { DesktopApi } from '../../../electron/ipc/contract';
import { uniqueDbName } from '../../helpers/dexie';
import { plaintextHits } from '../../helpers/raw-idb';
import { ACTOR } from '../fixtures';

const browserApi: CustodyDeps['api'] = {
  getSecretsStatus: async () => ({ ok: true, value: { usable: false, backend: 'browser', reason: 'encryption-unavailable' } }),
  wrapDataKey: async () => ({ ok: false, error: { code: 'unsupported-in-browser', message: 'no', messageZh: '不支持' } }),
  unwrapDataKey: async () => ({ ok: false, error: { code: 'unsupported-in-browser', message: 'no', messageZh: '不支持' } }),
};

/** A fake keyring in main: "wraps" by XOR with a secret main keeps (enough to prove the renderer never stores the key). */
function fakeKeyringApi(): Pick<DesktopApi, 'getSecretsStatus' | 'wrapDataKey' | 'unwrapDataKey'> & { broken: boolean } {
  const mask = crypto.getRandomValues(new Uint8Array(32));
  const api = {
    broken: false,
    getSecretsStatus: async () => ({ ok: true as const, value: { usable: !api.broken, backend: 'gnome_libsecret' } }),
    wrapDataKey: async ({ dataKey }: { dataKey: Uint8Array }) => ({ ok: true as const, value: { wrapped: Buffer.from(dataKey.map((b, i) => b ^ mask[i]!)).toString('base64'), backend: 'gnome_libsecret' } }),
    unwrapDataKey: async ({ wrapped }: { wrapped: string }) =>
      api.broken
        ? { ok: false as const, error: { code: 'unwrap-failed', message: 'broken', messageZh: '无法用系统密钥服务解开本机密钥，请用登录密码解锁。' } }
        : { ok: true as const, value: { dataKey: new Uint8Array(Buffer.from(wrapped, 'base64')).map((b, i) => b ^ mask[i]!) } },
  };
  return api;
}

const deps = (api: CustodyDeps['api'], keysDb: string): CustodyDeps => ({ api, deviceKeys: browserDeviceKeys(keysDb), now: () => '2026-10-12T00:00:00.000Z', scryptN: 2 ** 10 });

async function reopen(name: string): Promise<CreditDeskDb> {
  const db = new CreditDeskDb(name);
  await db.open();
  return db;
}

describe('key custody', () => {
  it('browser mode: device-bound until the first login, then only the password unlocks; a wrong password does not', async () => {
    const name = uniqueDbName('custody');
    const keysDb = uniqueDbName('keys');
    let db = await reopen(name);
    const first = await attachVault(db, deps(browserApi, keysDb));
    expect(first.state).toMatchObject({ state: 'unlocked', custody: 'device', created: true });
    const desk = createDesk(db, { session: staticSession(ACTOR), vault: first.holder });
    const s = await registerSubject(desk, { kind: 'natural_person', pii: { name: '测试人王某', idType: '居民身份证', idNumber: '110101199003074514' } });
    expect(s.ok).toBe(true);
    // The key record holds no key in clear, and no data in clear either.
    const keys = (await db.settings.get(VAULT_KEYS_SETTING))?.value as VaultKeys;
    expect(keys.device?.wrapped).toBeTruthy();
    expect(await plaintextHits(name, ['测试人王某', '110101199003074514'])).toEqual([]);

    await emitPasswordVerified({ userId: 'u1', password: 'correct horse' });
    const afterLogin = (await db.settings.get(VAULT_KEYS_SETTING))?.value as VaultKeys;
    expect(afterLogin.device).toBeUndefined();
    expect(Object.keys(afterLogin.passwords ?? {})).toEqual(['u1']);
    first.detach();
    db.close();

    db = await reopen(name);
    const second = await attachVault(db, deps(browserApi, keysDb));
    expect(second.state.state).toBe('locked');
    await expect(db.subjects.get(s.ok ? s.subject.id : '')).rejects.toThrow(/locked/);
    await emitPasswordVerified({ userId: 'u1', password: 'wrong' });
    expect(second.holder.unlocked).toBe(false);
    await emitPasswordVerified({ userId: 'u1', password: 'correct horse' });
    expect(second.holder.unlocked).toBe(true);
    expect((await db.subjects.get(s.ok ? s.subject.id : ''))?.pii?.name).toBe('测试人王某');
    // A changed password re-wraps; the old one no longer unlocks.
    await emitPasswordChanged({ userId: 'u1', oldPassword: 'correct horse', newPassword: 'new pass 2' });
    second.detach();
    db.close();

    db = await reopen(name);
    const third = await attachVault(db, deps(browserApi, keysDb));
    await emitPasswordVerified({ userId: 'u1', password: 'correct horse' });
    expect(third.holder.unlocked).toBe(false);
    await emitPasswordVerified({ userId: 'u1', password: 'new pass 2' });
    expect(third.holder.unlocked).toBe(true);
    third.detach();
    db.close();
  });

  it('desktop: the OS keyring unwraps at start; when it breaks, the login password still unlocks', async () => {
    const name = uniqueDbName('custody');
    const api = fakeKeyringApi();
    let db = await reopen(name);
    const first = await attachVault(db, deps(api, uniqueDbName('keys')));
    expect(first.state).toMatchObject({ state: 'unlocked', custody: 'keyring' });
    await emitPasswordVerified({ userId: 'admin', password: 'pw-admin' });
    first.detach();
    db.close();

    db = await reopen(name);
    const holder = createVaultHolder();
    db.vault = holder;
    expect(await startVault(db, holder, deps(api, uniqueDbName('keys')))).toMatchObject({ state: 'unlocked', custody: 'keyring', created: false });
    db.close();

    api.broken = true;
    db = await reopen(name);
    const broken = await attachVault(db, deps(api, uniqueDbName('keys')));
    expect(broken.state).toMatchObject({ state: 'locked', messageZh: expect.stringContaining('登录密码') });
    await emitPasswordVerified({ userId: 'admin', password: 'pw-admin' });
    expect(broken.holder.unlocked).toBe(true);
    broken.detach();
    db.close();
  });
});
