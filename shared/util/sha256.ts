/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) over bytes or a UTF-8 string, lower-case hex.
 * Backed by @noble/hashes: audited, synchronous (safe inside an IndexedDB transaction, where an
 * awaited WebCrypto call would commit it) and pure, so the same code hashes in the renderer, in
 * main, on the platform and in tests.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export function utf8Encode(text: string): Uint8Array {
  return utf8ToBytes(text);
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Bytes of an even-length hex string (either case); throws on anything else. */
export function fromHex(hex: string): Uint8Array {
  return hexToBytes(hex);
}

function bytesOf(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? utf8ToBytes(input) : input;
}

/** SHA-256 digest (32 bytes) of bytes or of a string's UTF-8 encoding. */
export function sha256(input: Uint8Array | string): Uint8Array {
  return nobleSha256(bytesOf(input));
}

/** SHA-256 as lower-case hex. */
export function sha256Hex(input: Uint8Array | string): string {
  return bytesToHex(sha256(input));
}

/** HMAC-SHA-256 of a message (bytes or UTF-8 text) under a key (bytes), as lower-case hex. */
export function hmacSha256Hex(key: Uint8Array, message: Uint8Array | string): string {
  return bytesToHex(hmac(nobleSha256, key, bytesOf(message)));
}
