/**
 * Login lockout and password rules (pure: the time is a parameter). After MAX_FAILED_LOGINS wrong
 * passwords in a row the account is locked for LOCKOUT_MINUTES; a correct password after the
 * lock-out ends resets the count.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 8;
/** Idle lock: default and bounds of the setting (minutes). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 240;

export type LockoutState = { failedCount: number; lockedUntil: string | null };

/** Whether the account is locked at `nowIso` (ISO timestamps compare as strings). */
export function isLockedOut(state: LockoutState, nowIso: string): boolean {
  return state.lockedUntil !== null && nowIso < state.lockedUntil;
}

/** The state after a wrong password at `nowMs`; `locked` says whether this failure started a lock-out. */
export function afterFailedLogin(state: LockoutState, nowMs: number): LockoutState & { locked: boolean } {
  const count = state.failedCount + 1;
  if (count >= MAX_FAILED_LOGINS) return { failedCount: 0, lockedUntil: new Date(nowMs + LOCKOUT_MINUTES * 60_000).toISOString(), locked: true };
  return { failedCount: count, lockedUntil: state.lockedUntil, locked: false };
}

export const AFTER_SUCCESSFUL_LOGIN: LockoutState = { failedCount: 0, lockedUntil: null };

/** A refusal text for a new password, or null when it is acceptable. */
export function passwordProblem(password: string, loginName: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少${MIN_PASSWORD_LENGTH}位，请重新设置。`;
  if (password.trim() !== password) return '密码首尾不能是空格，请重新设置。';
  if (loginName.length >= 3 && password.toLowerCase().includes(loginName.toLowerCase())) return '密码不能包含登录名，请重新设置。';
  if (/^(.)\1*$/.test(password)) return '密码不能由同一个字符重复组成，请重新设置。';
  return null;
}

/** The idle-lock setting, clamped to its bounds (a missing or odd value gives the default). */
export function idleLockMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_IDLE_LOCK_MINUTES;
  return Math.min(MAX_IDLE_LOCK_MINUTES, Math.max(MIN_IDLE_LOCK_MINUTES, Math.round(value)));
}
