/**
 * The vault of one open database: its holder set on the database (the middleware seals with it), key
 * custody started, and the login events followed (docs/encryption.md).
 */
import type { CreditDeskDb } from '../../db/database';
import { onLocked, onPasswordChanged, onPasswordVerified } from '../auth-events';
import { onLogin, onPasswordSet, passwordOnly, startVault, type CustodyDeps, type VaultState } from './custody';
import { createVaultHolder, type VaultHolder } from './vault';

export type AttachedVault = { holder: VaultHolder; state: VaultState; detach: () => void };

export async function attachVault(db: CreditDeskDb, deps: CustodyDeps, onUnlocked?: () => void): Promise<AttachedVault> {
  const holder = createVaultHolder();
  db.vault = holder;
  const state = await startVault(db, holder, deps);
  const offs = [
    onPasswordVerified(async ({ userId, password }) => {
      const wasLocked = !holder.unlocked;
      if ((await onLogin(db, holder, deps, userId, password)) && wasLocked) onUnlocked?.();
    }),
    onPasswordChanged(async ({ userId, newPassword }) => {
      await onPasswordSet(db, holder, deps, userId, newPassword);
    }),
    onLocked(() => {
      // Only a password brings the key back: forget it until the next login.
      void passwordOnly(db).then((only) => {
        if (only) holder.lock();
      });
    }),
  ];
  return { holder, state, detach: () => offs.forEach((off) => off()) };
}

export { createVaultHolder, keyedVault, PLAINTEXT_VAULT, type Vault, type VaultHolder } from './vault';
export { browserDeviceKeys, type VaultState } from './custody';
