import { describe, expect, it } from 'vitest';
import { emitLocked, emitPasswordChanged, emitPasswordVerified, onLocked, onPasswordChanged, onPasswordVerified } from '../../../renderer/src/desk/auth-events';

describe('auth events', () => {
  it('delivers the verified password to every listener in order and awaits async listeners', async () => {
    const seen: string[] = [];
    const offA = onPasswordVerified(async (e) => {
      await Promise.resolve();
      seen.push(`a:${e.userId}:${e.password}`);
    });
    const offB = onPasswordVerified((e) => {
      seen.push(`b:${e.userId}`);
    });
    await emitPasswordVerified({ userId: 'u1', password: 'pw' });
    expect(seen).toEqual(['a:u1:pw', 'b:u1']);
    offA();
    offB();
    await emitPasswordVerified({ userId: 'u2', password: 'x' });
    expect(seen).toHaveLength(2);
  });

  it('runs all listeners even when one throws, then rethrows the first error', async () => {
    const seen: string[] = [];
    const offA = onPasswordChanged(() => {
      throw new Error('boom');
    });
    const offB = onPasswordChanged((e) => {
      seen.push(e.newPassword);
    });
    await expect(emitPasswordChanged({ userId: 'u', oldPassword: 'o', newPassword: 'n' })).rejects.toThrow('boom');
    expect(seen).toEqual(['n']);
    offA();
    offB();
  });

  it('tells lock listeners, and unsubscribing stops it', async () => {
    let count = 0;
    const off = onLocked(() => {
      count += 1;
    });
    await emitLocked();
    off();
    await emitLocked();
    expect(count).toBe(1);
  });
});
