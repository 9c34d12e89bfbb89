import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { createDesk, staticSession, type Desk, type DeskClock } from '../../../renderer/src/desk/desk';
import { changeOwnPassword, createAccount, createFirstAdmin, hasAccounts, listAccounts, lockSession, login, resetPassword, setActive, setRoles } from '../../../renderer/src/desk/users/accounts';
import { currentActor, currentUser, loginSession, setSignedIn } from '../../../renderer/src/desk/users/session';
import { onLocked, onPasswordChanged, onPasswordVerified } from '../../../renderer/src/desk/auth-events';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../shared/users/lockout';
import { putPreference } from '../../../renderer/src/desk/settings';
import { uniqueDbName } from '../../helpers/dexie';

/** A clock whose device time the test moves (lock-out expiry). */
function movableClock(startIso: string): DeskClock & { advanceMinutes(n: number): void } {
  let ms = Date.parse(startIso);
  return { today: () => '2026-10-12', now: () => new Date(ms).toISOString(), advanceMinutes: (n) => void (ms += n * 60_000) };
}

async function appDesk(clock = movableClock('2026-10-12T01:00:00.000Z')): Promise<{ desk: Desk; clock: ReturnType<typeof movableClock> }> {
  const db = new CreditDeskDb(uniqueDbName('users'));
  await db.open();
  return { desk: createDesk(db, { clock, session: loginSession }), clock };
}

async function audit(desk: Desk): Promise<string[]> {
  return (await desk.db.auditLog.orderBy('at').toArray()).map((a) => `${a.action}:${a.actor.name}`);
}

const ADMIN = { loginName: 'Admin', name: '赵管', password: 'correct-horse-1', roles: [] };

afterEach(() => setSignedIn(null));

describe('local accounts', () => {
  it('creates the first 管理员 once, logs them in, and refuses a second first admin', async () => {
    const { desk } = await appDesk();
    expect(await hasAccounts(desk)).toBe(false);
    const made = await createFirstAdmin(desk, { ...ADMIN, roles: ['clerk'] });
    expect(made.ok).toBe(true);
    expect(currentActor()).toEqual({ userId: expect.any(String), name: '赵管', role: '经办人、管理员' });
    const again = await createFirstAdmin(desk, { ...ADMIN, loginName: 'other' });
    expect(again).toMatchObject({ ok: false, code: 'admin_exists' });
    const [row] = await desk.db.users.toArray();
    expect(row?.loginName).toBe('admin');
    expect(JSON.stringify(row)).not.toContain('correct-horse-1');
    expect(row?.password).toMatchObject({ kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(await audit(desk)).toEqual(['创建首个管理员账户:赵管', '登录:赵管']);
  });

  it('refuses every write while nobody is logged in', async () => {
    const { desk } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    setSignedIn(null);
    await expect(putPreference(desk, 'x', 1)).resolves.toBeUndefined();
    expect(await desk.db.settings.get('x')).toBeUndefined();
  });

  it('logs in with the right password, tells the vault the password, and audits failures', async () => {
    const { desk } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    setSignedIn(null);
    const seen: string[] = [];
    const off = onPasswordVerified((e) => void seen.push(e.password));
    expect(await login(desk, 'nobody', 'whatever-pw')).toMatchObject({ ok: false, code: 'login_failed' });
    expect(await login(desk, 'admin', 'bad-guess-99')).toMatchObject({ ok: false, code: 'login_failed' });
    expect(currentUser()).toBeNull();
    const ok = await login(desk, ' ADMIN ', 'correct-horse-1');
    off();
    expect(ok.ok).toBe(true);
    expect(seen).toEqual(['correct-horse-1']);
    expect(currentActor()?.name).toBe('赵管');
    const rows = await desk.db.auditLog.filter((a) => a.action === '登录' || a.action === '登录失败').toArray();
    expect(rows.map((r) => r.action).sort()).toEqual(['登录', '登录', '登录失败', '登录失败']);
    expect(JSON.stringify(rows)).not.toContain('bad-guess-99');
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one, until the time-out ends`, async () => {
    const { desk, clock } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    setSignedIn(null);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect(await login(desk, 'admin', `bad-pass-${i}`)).toMatchObject({ code: 'login_failed' });
    expect(await login(desk, 'admin', 'bad-pass-last')).toMatchObject({ ok: false, code: 'locked_out' });
    expect(await login(desk, 'admin', 'correct-horse-1')).toMatchObject({ ok: false, code: 'locked_out', reason: expect.stringContaining('分钟后再试') });
    expect(await desk.db.auditLog.filter((a) => a.action === '账户锁定').count()).toBe(1);
    clock.advanceMinutes(LOCKOUT_MINUTES + 1);
    expect((await login(desk, 'admin', 'correct-horse-1')).ok).toBe(true);
    expect((await desk.db.users.toArray())[0]).toMatchObject({ failedCount: 0, lockedUntil: null });
  });

  it('lets only a 管理员 create accounts and change roles, audits role changes, and keeps one admin', async () => {
    const { desk } = await appDesk();
    const first = await createFirstAdmin(desk, ADMIN);
    if (!first.ok) throw new Error(first.reason);
    const clerk = await createAccount(desk, { loginName: 'li', name: '李办', password: 'li-password-1', roles: ['clerk'] });
    if (!clerk.ok) throw new Error(clerk.reason);
    expect(await createAccount(desk, { loginName: 'LI', name: '李二', password: 'li-password-2', roles: ['clerk'] })).toMatchObject({ ok: false, code: 'login_taken' });

    const asClerk: Desk = { ...desk, session: staticSession({ userId: clerk.user.id, name: '李办' }, ['clerk']) };
    expect(await createAccount(asClerk, { loginName: 'wang', name: '王审', password: 'wang-password', roles: ['reviewer'] })).toMatchObject({ ok: false, code: 'role_required', reason: expect.stringContaining('管理员') });
    expect(await setRoles(asClerk, clerk.user.id, ['clerk', 'reviewer', 'admin'])).toMatchObject({ ok: false, code: 'role_required' });
    expect(await resetPassword(asClerk, first.user.id, 'taken-over-1')).toMatchObject({ ok: false, code: 'role_required' });
    expect(await setActive(asClerk, first.user.id, false)).toMatchObject({ ok: false, code: 'role_required' });

    const changed = await setRoles(desk, clerk.user.id, ['clerk', 'reviewer']);
    expect(changed).toMatchObject({ ok: true, user: { roles: ['clerk', 'reviewer'] } });
    const roleRow = await desk.db.auditLog.filter((a) => a.action === '角色变更').first();
    expect(roleRow).toMatchObject({ actor: { name: '赵管' }, entity: 'user', entityId: clerk.user.id, detail: { before: ['clerk'], after: ['clerk', 'reviewer'] } });
    expect(await setRoles(desk, first.user.id, ['clerk'])).toMatchObject({ ok: false, code: 'last_admin' });
    expect(await setActive(desk, first.user.id, false)).toMatchObject({ ok: false, code: 'last_admin' });
    expect((await listAccounts(desk)).map((a) => a.name)).toEqual(['赵管', '李办']);
    expect(JSON.stringify(await listAccounts(desk))).not.toContain('"hash"');
  });

  it('a disabled account cannot log in; a reset password lifts a lock-out', async () => {
    const { desk } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    const made = await createAccount(desk, { loginName: 'li', name: '李办', password: 'li-password-1', roles: ['clerk'] });
    if (!made.ok) throw new Error(made.reason);
    await setActive(desk, made.user.id, false);
    const admin = currentUser();
    expect(await login(desk, 'li', 'li-password-1')).toMatchObject({ ok: false, code: 'account_disabled' });
    await setActive(desk, made.user.id, true);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login(desk, 'li', `nope-nope-${i}`);
    expect(await login(desk, 'li', 'li-password-1')).toMatchObject({ code: 'locked_out' });
    setSignedIn(admin);
    expect((await resetPassword(desk, made.user.id, 'li-password-new')).ok).toBe(true);
    expect((await login(desk, 'li', 'li-password-new')).ok).toBe(true);
  });

  it('changes one’s own password after checking the old one, and tells the vault', async () => {
    const { desk } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    const seen: string[] = [];
    const off = onPasswordChanged((e) => void seen.push(`${e.oldPassword}>${e.newPassword}`));
    expect(await changeOwnPassword(desk, 'not-the-old-one', 'brand-new-pass')).toMatchObject({ ok: false, code: 'password_wrong' });
    expect(await changeOwnPassword(desk, 'correct-horse-1', 'short')).toMatchObject({ ok: false, code: 'password_weak' });
    expect((await changeOwnPassword(desk, 'correct-horse-1', 'brand-new-pass')).ok).toBe(true);
    off();
    expect(seen).toEqual(['correct-horse-1>brand-new-pass']);
    setSignedIn(null);
    expect((await login(desk, 'admin', 'brand-new-pass')).ok).toBe(true);
  });

  it('locking forgets the person, audits it and tells the lock listeners', async () => {
    const { desk } = await appDesk();
    await createFirstAdmin(desk, ADMIN);
    let locked = 0;
    const off = onLocked(() => void (locked += 1));
    await lockSession(desk, 'idle');
    off();
    expect(currentUser()).toBeNull();
    expect(locked).toBe(1);
    expect(await audit(desk)).toContain('空闲超时锁定:赵管');
  });
});
