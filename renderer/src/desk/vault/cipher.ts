/**
 * AES-256-GCM over bytes and over JSON values, with @noble/ciphers: synchronous, so a value can be
 * sealed or opened inside an IndexedDB transaction (an awaited WebCrypto call would commit it).
 *
 *  - Bytes:  'CDV1' | 12-byte random nonce | ciphertext+tag (attachments, backups).
 *  - Values: 'cdv1.' + base64(nonce | ciphertext+tag) of the value's JSON (personal fields of rows).
 *  - `context` is bound as additional data (e.g. 'subjects.pii'): a sealed value moved to another
 *    field does not open.
 */
import { gcm } from '@noble/ciphers/aes';

export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const MAGIC = new Uint8Array([0x43, 0x44, 0x56, 0x31]);
export const SEALED_TEXT_PREFIX = 'cdv1.';

export class VaultError extends Error {
  constructor(
    readonly code: 'locked' | 'tampered' | 'bad-key',
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  crypto.getRandomValues(out);
  return out;
}

function checkKey(key: Uint8Array): void {
  if (key.length !== DATA_KEY_BYTES) throw new VaultError('bad-key', `key must be ${DATA_KEY_BYTES} bytes`, '数据密钥长度不正确。');
}

export function isSealedBytes(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length + NONCE_BYTES + 16 && MAGIC.every((b, i) => bytes[i] === b);
}

export function sealBytes(key: Uint8Array, plain: Uint8Array, context: string): Uint8Array {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = gcm(key, nonce, encoder.encode(context)).encrypt(plain);
  const out = new Uint8Array(MAGIC.length + NONCE_BYTES + sealed.length);
  out.set(MAGIC, 0);
  out.set(nonce, MAGIC.length);
  out.set(sealed, MAGIC.length + NONCE_BYTES);
  return out;
}

export function openBytes(key: Uint8Array, sealed: Uint8Array, context: string): Uint8Array {
  checkKey(key);
  if (!isSealedBytes(sealed)) throw new VaultError('tampered', 'not a sealed value', '数据已损坏或不是本机加密的数据。');
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  try {
    return gcm(key, nonce, encoder.encode(context)).decrypt(sealed.subarray(MAGIC.length + NONCE_BYTES));
  } catch {
    throw new VaultError('tampered', `sealed value of ${context} does not open (wrong key or altered)`, '加密数据无法解开：密钥不对或数据被改动。请从备份恢复，或联系技术支持。');
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function isSealedText(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_TEXT_PREFIX);
}

/** A JSON value sealed into one string (undefined stays undefined: nothing to hide). */
export function sealValue(key: Uint8Array, value: unknown, context: string): string {
  const sealed = sealBytes(key, encoder.encode(JSON.stringify(value)), context);
  return SEALED_TEXT_PREFIX + toBase64(sealed.subarray(MAGIC.length));
}

export function openValue(key: Uint8Array, text: string, context: string): unknown {
  const body = fromBase64(text.slice(SEALED_TEXT_PREFIX.length));
  const bytes = new Uint8Array(MAGIC.length + body.length);
  bytes.set(MAGIC, 0);
  bytes.set(body, MAGIC.length);
  return JSON.parse(decoder.decode(openBytes(key, bytes, context))) as unknown;
}
