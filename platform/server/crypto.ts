/**
 * Platform-side crypto: token issuing and hashing, file keys (derived as on the desk, with
 * WebCrypto, and sealed at rest with AES-256-GCM), sneaker-net opening.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { FILE_KEY_INFO, headerText, macInput, type SneakernetFile } from '../../shared/sync/sneakernet';

const subtle = globalThis.crypto.subtle;
const enc = new TextEncoder();

export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new office token: 32 random bytes, base64url (43 characters). */
export function issueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Bytes of the secret that seals file keys at rest (PLATFORM_FILE_KEY): exactly 32. */
export const FILE_KEY_SECRET_BYTES = 32;
const SEALED_PREFIX = 'v1.';

/**
 * Seal an office's file key (hex) for the `offices.file_key` column: AES-256-GCM under the
 * platform's configured secret, with the office id as associated data so that a sealed key copied
 * onto another office's row does not open. Format `v1.<iv>.<ciphertext+tag>` (base64url).
 */
export function sealFileKey(fileKeyHex: string, officeId: string, secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(`credit-desk/file-key/${officeId}`, 'utf8'));
  const sealed = Buffer.concat([cipher.update(fileKeyHex, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

export function isSealedFileKey(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** Open a sealed file key; throws when the secret is not the one it was sealed with. */
export function openFileKey(stored: string, officeId: string, secret: Uint8Array): string {
  const [, ivText, sealedText] = stored.split('.');
  if (!isSealedFileKey(stored) || !ivText || !sealedText) throw new Error('file key is not sealed');
  const sealed = Buffer.from(sealedText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(`credit-desk/file-key/${officeId}`, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
}

async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string, bytes = 32): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: enc.encode(info) }, key, bytes * 8);
  return new Uint8Array(bits);
}

/** The office's sneaker-net file key, derived from its token at enrolment (the token itself is not stored). */
export async function deriveFileKeyHex(token: string, officeId: string): Promise<string> {
  const key = await hkdf(enc.encode(token), enc.encode(`credit-desk/${officeId}`), FILE_KEY_INFO);
  return Buffer.from(key).toString('hex');
}

export class SneakernetError extends Error {
  constructor(
    readonly code: 'bad-signature' | 'bad-ciphertext' | 'bad-format',
    message: string,
  ) {
    super(message);
    this.name = 'SneakernetError';
  }
}

/** Verify the MAC, then decrypt. Returns the plaintext JSON text. */
export async function openSneakernetFile(file: SneakernetFile, fileKeyHex: string): Promise<string> {
  const fileKey = new Uint8Array(Buffer.from(fileKeyHex, 'hex'));
  const salt = new Uint8Array(Buffer.from(file.header.kdf.salt, 'base64'));
  const macKeyBytes = await hkdf(fileKey, salt, 'mac');
  const macKey = await subtle.importKey('raw', macKeyBytes as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await subtle.sign('HMAC', macKey, enc.encode(macInput(file.header, file.ciphertext))));
  const given = new Uint8Array(Buffer.from(file.mac.value, 'base64'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SneakernetError('bad-signature', 'sneakernet file signature does not verify');
  }
  const encKeyBytes = await hkdf(fileKey, salt, 'enc');
  const encKey = await subtle.importKey('raw', encKeyBytes as BufferSource, 'AES-GCM', false, ['decrypt']);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(Buffer.from(file.header.cipher.iv, 'base64')), additionalData: enc.encode(headerText(file.header)) },
      encKey,
      new Uint8Array(Buffer.from(file.ciphertext, 'base64')),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SneakernetError('bad-ciphertext', 'sneakernet file does not decrypt');
  }
}
