/** Main-side secrets over a fake safeStorage: wrapping, basic_text refused, backend change detected. */
import { describe, expect, it, vi } from 'vitest';
import { createKeyring, KeyringError } from '../../electron/secrets/keyring';
import { fakeSafeStorage, memoryFiles } from './fakes';

const KEY = new Uint8Array(32).map((_, i) => i * 7);

function keyringOn(platform: NodeJS.Platform, backend: string, available = true) {
  const safeStorage = fakeSafeStorage(backend, available);
  const files = memoryFiles();
  const log = vi.fn();
  return { keyring: createKeyring({ safeStorage, platform, files, log }), safeStorage, files, log };
}

async function refusal(promise: Promise<unknown>): Promise<KeyringError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyringError);
  return error as KeyringError;
}

describe('keyring', () => {
  it('wraps a data key with safeStorage and unwraps it; the wrapped form holds no key bytes', async () => {
    const { keyring } = keyringOn('win32', 'ignored');
    const { wrapped, backend } = await keyring.wrapDataKey(KEY);
    expect(backend).toBe('dpapi');
    expect(Buffer.from(wrapped, 'base64').includes(Buffer.from(KEY))).toBe(false);
    expect(await keyring.unwrapDataKey(wrapped)).toEqual(KEY);
    expect(await keyring.status()).toMatchObject({ usable: true, backend: 'dpapi', recordedBackend: 'dpapi' });
  });

  it('keeps named secrets wrapped in files, never in plaintext', async () => {
    const { keyring, files } = keyringOn('linux', 'gnome_libsecret');
    await keyring.putSecret('sync-token', 'tok-0123456789abcdef');
    const stored = files.files.get('sync-token.bin')!;
    expect(Buffer.from(stored).toString('utf8')).not.toContain('tok-0123456789abcdef');
    expect(await keyring.getSecret('sync-token')).toBe('tok-0123456789abcdef');
    expect(await keyring.getSecret('offline-file-key')).toBeUndefined();
    expect(await keyring.deleteSecret('sync-token')).toBe(true);
    expect(await keyring.getSecret('sync-token')).toBeUndefined();
  });

  it('treats the basic_text backend as unavailable, with a Chinese explanation', async () => {
    const { keyring, files } = keyringOn('linux', 'basic_text');
    expect(await keyring.status()).toMatchObject({ usable: false, reason: 'basic-text', backend: 'basic_text' });
    const error = await refusal(keyring.wrapDataKey(KEY));
    expect(error.code).toBe('basic-text');
    expect(error.messageZh).toMatch(/密钥环.*登录密码/);
    await refusal(keyring.putSecret('sync-token', 'tok-0123456789abcdef'));
    expect(files.files.size).toBe(0);
  });

  it('says so when encryption is unavailable', async () => {
    const { keyring } = keyringOn('linux', 'gnome_libsecret', false);
    expect((await refusal(keyring.wrapDataKey(KEY))).code).toBe('encryption-unavailable');
    expect((await keyring.status()).messageZh).toMatch(/系统密钥服务不可用/);
  });

  it('detects a backend change since the key was wrapped and refuses to unwrap', async () => {
    const t = keyringOn('linux', 'kwallet5');
    const { wrapped } = await t.keyring.wrapDataKey(KEY);
    t.safeStorage.backend = 'gnome_libsecret';
    expect(await t.keyring.status()).toMatchObject({ usable: false, reason: 'backend-changed', recordedBackend: 'kwallet5', backend: 'gnome_libsecret' });
    const error = await refusal(t.keyring.unwrapDataKey(wrapped));
    expect(error.code).toBe('backend-changed');
    expect(error.messageZh).toContain('kwallet5');
  });

  it('turns an undecryptable key into an explicit error, logged in English', async () => {
    const t = keyringOn('win32', 'x');
    await t.keyring.wrapDataKey(KEY);
    const error = await refusal(t.keyring.unwrapDataKey(Buffer.from('not from this machine').toString('base64')));
    expect(error.code).toBe('unwrap-failed');
    expect(error.messageZh).toMatch(/换了电脑/);
    expect(t.log).toHaveBeenCalledWith(expect.stringContaining('could not decrypt'));
  });

  it('refuses a data key of the wrong length', async () => {
    expect((await refusal(keyringOn('win32', 'x').keyring.wrapDataKey(new Uint8Array(16)))).code).toBe('bad-wrapped-key');
  });
});
