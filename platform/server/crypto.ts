/** Platform-side crypto (WebCrypto, as in the desk): token hashing, file keys, sneaker-net opening. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { FILE_KEY_INFO, headerText, macInput, type SneakernetFile } from '../../shared/sync/sneakernet';

const subtle = globalThis.crypto.subtle;
const enc = new TextEncoder();

export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
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
