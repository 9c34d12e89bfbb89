/**
 * Who is logged in on this window. The desk's session (`loginSession`) reads it, so every event and
 * audit row names the logged-in person; nothing is written while nobody is logged in (deskWrite
 * refuses). Locking (idle time-out or 锁定 in the header) forgets the person and tells the listeners
 * of ../auth-events.ts (the vault forgets its keys).
 */
import type { Actor } from '../../../../shared/case/events';
import { roleLabels, type Role } from '../../../../shared/users/roles';
import type { DeskSession } from '../desk';

export type SignedInUser = Readonly<{ userId: string; loginName: string; name: string; roles: readonly Role[] }>;

/** The actor of writes made while nobody is logged in (deskWrite refuses them). */
export const NOBODY: Actor = { userId: 'nobody', name: '未登录' };

let current: SignedInUser | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of [...listeners]) l();
}

export function currentUser(): SignedInUser | null {
  return current;
}

/** The logged-in person as events and audit rows name them, or null. */
export function currentActor(): { userId: string; name: string; role: string } | null {
  return current ? { userId: current.userId, name: current.name, role: roleLabels(current.roles) } : null;
}

/** Called by the login use case only (./accounts.ts) once the password is verified. */
export function setSignedIn(user: SignedInUser | null): void {
  current = user;
  changed();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The desk session of the app: the logged-in person (or NOBODY) and their roles. */
export const loginSession: DeskSession = {
  actor: () => currentActor() ?? NOBODY,
  roles: () => current?.roles ?? [],
};
