/**
 * Authentication events: the users module emits, other desk modules listen (the vault derives the
 * browser-mode key-encryption key from the password at login and re-wraps on a password change; it
 * forgets keys on lock). Listeners run in registration order and are awaited one after another, so
 * a listener may do async work (key derivation) before login completes. A listener that throws does
 * not stop the others; the first error is rethrown after all have run.
 */

export type PasswordVerifiedEvent = { userId: string; password: string };
export type PasswordChangedEvent = { userId: string; oldPassword: string; newPassword: string };

type Listener<E> = (event: E) => void | Promise<void>;

function channel<E>() {
  const listeners = new Set<Listener<E>>();
  return {
    on(listener: Listener<E>): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async emit(event: E): Promise<void> {
      let firstError: unknown = null;
      for (const listener of [...listeners]) {
        try {
          await listener(event);
        } catch (error) {
          firstError ??= error;
        }
      }
      if (firstError !== null) throw firstError;
    },
  };
}

const passwordVerified = channel<PasswordVerifiedEvent>();
const passwordChanged = channel<PasswordChangedEvent>();
const locked = channel<undefined>();

export function onPasswordVerified(listener: (e: PasswordVerifiedEvent) => void | Promise<void>): () => void {
  return passwordVerified.on(listener);
}

export function onPasswordChanged(listener: (e: PasswordChangedEvent) => void | Promise<void>): () => void {
  return passwordChanged.on(listener);
}

export function onLocked(listener: () => void): () => void {
  return locked.on(() => listener());
}

export function emitPasswordVerified(event: PasswordVerifiedEvent): Promise<void> {
  return passwordVerified.emit(event);
}

export function emitPasswordChanged(event: PasswordChangedEvent): Promise<void> {
  return passwordChanged.emit(event);
}

export function emitLocked(): Promise<void> {
  return locked.emit(undefined);
}
