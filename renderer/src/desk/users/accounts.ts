/**
 * Local accounts as desk use cases: the first 管理员, logins with lock-out, accounts and roles
 * (管理员 only), passwords. Password hashing (scrypt, ~250 ms) runs BEFORE the write transaction —
 * an IndexedDB transaction commits when anything but an IndexedDB request is awaited.
 *
 * Audited: 首个管理员, 登录, 登录失败, 账户锁定, 新建账户, 角色变更, 停用/启用, 重设密码, 修改密码, 锁定.
 * Audit rows never hold a password or its hash.
 */
import type { Actor } from '../../../../shared/case/events';
import { AFTER_SUCCESSFUL_LOGIN, afterFailedLogin, isLockedOut, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, passwordProblem } from '../../../../shared/users/lockout';
import { isRole, roleLabels, type Role } from '../../../../shared/users/roles';
import type { UserRow } from '../../db/types';
import { staticSession, type Desk } from '../desk';
import { deskWrite, isRefused, refuseWrite, type DeskRefused } from '../write';
import { emitLocked, emitPasswordChanged, emitPasswordVerified } from '../auth-events';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { currentUser, setSignedIn, type SignedInUser } from './session';
import { refusedFor } from './permissions';

export type NewAccount = { loginName: string; name: string; password: string; roles: Role[] };

/** What pages may show of an account (no password record). */
export type AccountView = Pick<UserRow, 'id' | 'loginName' | 'name' | 'roles' | 'active' | 'createdAt' | 'lastLoginAt' | 'lockedUntil'>;

function normalLogin(loginName: string): string {
  return loginName.trim().toLowerCase();
}

function viewOf(u: UserRow): AccountView {
  return { id: u.id, loginName: u.loginName, name: u.name, roles: u.roles, active: u.active, createdAt: u.createdAt, lockedUntil: u.lockedUntil, ...(u.lastLoginAt ? { lastLoginAt: u.lastLoginAt } : {}) };
}

function actorOf(u: Pick<UserRow, 'id' | 'name' | 'roles'>): Actor {
  return { userId: u.id, name: u.name, role: roleLabels(u.roles) };
}

/** The desk acting as `actor` (login writes happen before anyone is logged in). */
function as(desk: Desk, actor: Actor): Desk {
  return { ...desk, session: staticSession(actor, []) };
}

function checkNew(input: NewAccount): DeskRefused | null {
  const login = normalLogin(input.loginName);
  if (!/^[a-z0-9._-]{2,32}$/.test(login)) return { ok: false, code: 'login_invalid', field: 'loginName', reason: '登录名须为2至32位字母、数字或 . _ -，请重新填写。' };
  if (!input.name.trim()) return { ok: false, code: 'name_missing', field: 'name', reason: '请填写姓名（签在办理记录上）。' };
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || !roles.every(isRole)) return { ok: false, code: 'roles_missing', field: 'roles', reason: '请至少选择一个角色。' };
  const problem = passwordProblem(input.password, login);
  if (problem) return { ok: false, code: 'password_weak', field: 'password', reason: problem };
  return null;
}

export async function hasAccounts(desk: Desk): Promise<boolean> {
  return (await desk.db.users.count()) > 0;
}

export async function listAccounts(desk: Desk): Promise<AccountView[]> {
  return (await desk.db.users.toArray()).map(viewOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The signed-in view of an account row. */
function signedIn(u: UserRow): SignedInUser {
  return { userId: u.id, loginName: u.loginName, name: u.name, roles: u.roles };
}

/**
 * 首次使用: creates the first 管理员 (refused once any account exists) and logs them in. The first
 * person may also hold 经办人 and 审核人 (a small office); four-eyes still needs a second person.
 */
export async function createFirstAdmin(desk: Desk, input: NewAccount): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  const roles: Role[] = [...new Set<Role>(['admin', ...input.roles])];
  const bad = checkNew({ ...input, roles });
  if (bad) return bad;
  if (await hasAccounts(desk)) return { ok: false, code: 'admin_exists', reason: '本机已有账户，请登录；如忘记密码，请由管理员重设。' };
  const password = await hashPassword(input.password);
  const at = desk.clock.now();
  const row: UserRow = { id: desk.ids(), loginName: normalLogin(input.loginName), name: input.name.trim(), roles, password, failedCount: 0, lockedUntil: null, active: true, createdAt: at, createdBy: input.name.trim(), updatedAt: at, lastLoginAt: at };
  const written = await deskWrite(as(desk, actorOf(row)), ['users'], async (w) => {
    if ((await desk.db.users.count()) > 0) refuseWrite('admin_exists', '本机已有账户，请登录。');
    await desk.db.users.add(row);
    await w.audit('创建首个管理员账户', 'user', row.id, { loginName: row.loginName, roles });
    await w.audit('登录', 'user', row.id, { loginName: row.loginName });
    return { ok: true as const, user: viewOf(row) };
  });
  if (isRefused(written)) return written;
  await emitPasswordVerified({ userId: row.id, password: input.password });
  setSignedIn(signedIn(row));
  return written;
}

export type LoginRefused = DeskRefused & { code: 'login_failed' | 'locked_out' | 'account_disabled' | 'login_missing' };

/**
 * 登录: the password is checked against the stored scrypt record. A wrong password or an unknown
 * login name gives the same answer; MAX_FAILED_LOGINS wrong passwords in a row lock the account for
 * LOCKOUT_MINUTES (both audited). A successful login is audited and told to the auth-event listeners.
 */
export async function login(desk: Desk, loginName: string, password: string): Promise<{ ok: true; user: SignedInUser } | LoginRefused> {
  const login = normalLogin(loginName);
  if (!login || !password) return { ok: false, code: 'login_missing', reason: '请填写登录名和密码。' };
  const user = await desk.db.users.where('loginName').equals(login).first();
  const wrong: LoginRefused = { ok: false, code: 'login_failed', reason: '登录名或密码不正确，请重新输入。' };
  if (!user) {
    await deskWrite(as(desk, { userId: `login:${login}`, name: login }), [], async (w) => {
      await w.audit('登录失败', 'user', `login:${login}`, { loginName: login, why: 'unknown-login' });
    });
    return wrong;
  }
  const nowIso = desk.clock.now();
  if (isLockedOut(user, nowIso)) {
    await deskWrite(as(desk, actorOf(user)), [], async (w) => {
      await w.audit('登录失败', 'user', user.id, { loginName: login, why: 'locked-out', lockedUntil: user.lockedUntil });
    });
    const minutes = Math.max(1, Math.ceil((Date.parse(user.lockedUntil ?? nowIso) - Date.parse(nowIso)) / 60_000));
    return { ok: false, code: 'locked_out', reason: `连续${MAX_FAILED_LOGINS}次密码错误，账户已锁定，请${minutes}分钟后再试，或请管理员重设密码。` };
  }
  if (!user.active) return { ok: false, code: 'account_disabled', reason: '该账户已停用，请联系管理员。' };
  const ok = await verifyPassword(user.password, password);
  const rehashed = ok && needsRehash(user.password) ? await hashPassword(password) : null;
  const outcome = await deskWrite(as(desk, actorOf(user)), ['users'], async (w) => {
    const fresh = await desk.db.users.get(user.id);
    if (!fresh) refuseWrite('login_failed', wrong.reason);
    if (ok) {
      await desk.db.users.put({ ...fresh, ...AFTER_SUCCESSFUL_LOGIN, ...(rehashed ? { password: rehashed } : {}), lastLoginAt: w.at, updatedAt: w.at });
      await w.audit('登录', 'user', user.id, { loginName: login });
      return 'signed-in' as const;
    }
    const next = afterFailedLogin(fresh, Date.parse(w.at));
    await desk.db.users.put({ ...fresh, failedCount: next.failedCount, lockedUntil: next.lockedUntil, updatedAt: w.at });
    await w.audit('登录失败', 'user', user.id, { loginName: login, why: 'wrong-password', failedCount: next.locked ? MAX_FAILED_LOGINS : next.failedCount });
    if (next.locked) await w.audit('账户锁定', 'user', user.id, { loginName: login, lockedUntil: next.lockedUntil, minutes: LOCKOUT_MINUTES });
    return next.locked ? ('locked' as const) : ('wrong' as const);
  });
  if (isRefused(outcome)) return wrong;
  if (outcome === 'locked') return { ok: false, code: 'locked_out', reason: `连续${MAX_FAILED_LOGINS}次密码错误，账户已锁定${LOCKOUT_MINUTES}分钟。请稍后再试，或请管理员重设密码。` };
  if (outcome === 'wrong') return wrong;
  await emitPasswordVerified({ userId: user.id, password });
  const signed = signedIn(user);
  setSignedIn(signed);
  return { ok: true, user: signed };
}

/** 锁定 (idle time-out or the header's button): audited, forgets the person, tells the listeners. */
export async function lockSession(desk: Desk, why: 'idle' | 'manual'): Promise<void> {
  const user = currentUser();
  if (!user) return;
  await deskWrite(desk, [], async (w) => {
    await w.audit(why === 'idle' ? '空闲超时锁定' : '锁定', 'user', user.userId, { loginName: user.loginName });
  });
  setSignedIn(null);
  await emitLocked();
}

/** 新建账户 (管理员). */
export async function createAccount(desk: Desk, input: NewAccount): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  const denied = refusedFor(desk, 'users');
  if (denied) return denied;
  const bad = checkNew(input);
  if (bad) return bad;
  const password = await hashPassword(input.password);
  const roles = [...new Set(input.roles)];
  return deskWrite(desk, ['users'], async (w) => {
    const login = normalLogin(input.loginName);
    if (await desk.db.users.where('loginName').equals(login).count()) refuseWrite('login_taken', `登录名“${login}”已被使用，请换一个。`, { field: 'loginName' });
    const row: UserRow = { id: desk.ids(), loginName: login, name: input.name.trim(), roles, password, failedCount: 0, lockedUntil: null, active: true, createdAt: w.at, createdBy: w.actor.name, updatedAt: w.at };
    await desk.db.users.add(row);
    await w.audit('新建账户', 'user', row.id, { loginName: login, name: row.name, roles });
    return { ok: true as const, user: viewOf(row) };
  });
}

async function changeAccount(desk: Desk, userId: string, change: (u: UserRow, at: string) => { row: UserRow; action: string; detail: unknown } | DeskRefused): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  const denied = refusedFor(desk, 'users');
  if (denied) return denied;
  return deskWrite(desk, ['users'], async (w) => {
    const before = await desk.db.users.get(userId);
    if (!before) refuseWrite('user_unknown', '找不到该账户，请刷新后重试。');
    const changed = change(before, w.at);
    if ('ok' in changed) refuseWrite(changed.code, changed.reason);
    const admins = (await desk.db.users.toArray()).filter((u) => u.active && u.roles.includes('admin') && u.id !== userId);
    if (admins.length === 0 && !(changed.row.active && changed.row.roles.includes('admin'))) {
      refuseWrite('last_admin', '这是最后一个管理员账户，不能取消其管理员角色或停用。请先为另一人增加管理员角色。');
    }
    await desk.db.users.put(changed.row);
    await w.audit(changed.action, 'user', userId, changed.detail);
    return { ok: true as const, user: viewOf(changed.row) };
  });
}

/** 角色变更 (管理员; audited with before and after). */
export function setRoles(desk: Desk, userId: string, roles: Role[]): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  const next = [...new Set(roles)];
  if (next.length === 0 || !next.every(isRole)) return Promise.resolve({ ok: false, code: 'roles_missing', field: 'roles', reason: '请至少选择一个角色。' });
  return changeAccount(desk, userId, (u, at) => ({ row: { ...u, roles: next, updatedAt: at }, action: '角色变更', detail: { loginName: u.loginName, before: u.roles, after: next } }));
}

/** 停用 / 启用 an account (管理员). Accounts are never deleted: recorded acts name them. */
export function setActive(desk: Desk, userId: string, active: boolean): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  return changeAccount(desk, userId, (u, at) => ({ row: { ...u, active, updatedAt: at }, action: active ? '启用账户' : '停用账户', detail: { loginName: u.loginName } }));
}

/** 重设密码 (管理员): also lifts a lock-out. */
export async function resetPassword(desk: Desk, userId: string, newPassword: string): Promise<{ ok: true; user: AccountView } | DeskRefused> {
  const denied = refusedFor(desk, 'users');
  if (denied) return denied;
  const target = await desk.db.users.get(userId);
  if (!target) return { ok: false, code: 'user_unknown', reason: '找不到该账户，请刷新后重试。' };
  const problem = passwordProblem(newPassword, target.loginName);
  if (problem) return { ok: false, code: 'password_weak', field: 'password', reason: problem };
  const password = await hashPassword(newPassword);
  return changeAccount(desk, userId, (u, at) => ({ row: { ...u, password, ...AFTER_SUCCESSFUL_LOGIN, updatedAt: at }, action: '重设密码', detail: { loginName: u.loginName } }));
}

/** 修改密码 of the logged-in person (the old password is checked; the vault re-wraps its key). */
export async function changeOwnPassword(desk: Desk, oldPassword: string, newPassword: string): Promise<{ ok: true } | DeskRefused> {
  const me = currentUser();
  if (!me) return { ok: false, code: 'not_signed_in', reason: '请先登录。' };
  const row = await desk.db.users.get(me.userId);
  if (!row || !(await verifyPassword(row.password, oldPassword))) return { ok: false, code: 'password_wrong', field: 'oldPassword', reason: '原密码不正确，请重新输入。' };
  const problem = passwordProblem(newPassword, row.loginName);
  if (problem) return { ok: false, code: 'password_weak', field: 'password', reason: problem };
  const password = await hashPassword(newPassword);
  const written = await deskWrite(desk, ['users'], async (w) => {
    const fresh = await desk.db.users.get(me.userId);
    if (!fresh) refuseWrite('user_unknown', '找不到该账户。');
    await desk.db.users.put({ ...fresh, password, updatedAt: w.at });
    await w.audit('修改密码', 'user', me.userId, { loginName: fresh.loginName });
    return { ok: true as const };
  });
  if (isRefused(written)) return written;
  await emitPasswordChanged({ userId: me.userId, oldPassword, newPassword });
  return written;
}
