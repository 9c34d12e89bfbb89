/**
 * Password hashing: scrypt from @noble/hashes (async, so the page stays responsive while it runs).
 * Each stored record carries its own parameters and salt, so the cost can be raised later without
 * touching accounts already made (the next login re-hashes with the current parameters).
 *
 * SCRYPT_PARAMS: N = 2^15, r = 8, p = 1 (32 MiB of memory), 32-byte key. Measured on the build
 * machine (2 cores shared with other jobs) with scripts/measure-scrypt.mjs: see docs/users.md for
 * the figures; the target is about 250 ms per check.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

export type ScryptParams = { N: number; r: number; p: number; dkLen: number };

export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };

export type PasswordRecord = { kdf: 'scrypt'; N: number; r: number; p: number; dkLen: number; salt: string; hash: string };

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  return scryptAsync(password.normalize('NFC'), salt, { ...params, asyncTick: 20 });
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS, salt: Uint8Array = randomBytes(16)): Promise<PasswordRecord> {
  const hash = await derive(password, salt, params);
  return { kdf: 'scrypt', ...params, salt: bytesToHex(salt), hash: bytesToHex(hash) };
}

/** Constant-time comparison of two byte strings of the same length. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(record: PasswordRecord, password: string): Promise<boolean> {
  const { N, r, p, dkLen } = record;
  const hash = await derive(password, hexToBytes(record.salt), { N, r, p, dkLen });
  return sameBytes(hash, hexToBytes(record.hash));
}

/** Whether a record was made with weaker parameters than today's (re-hash at the next login). */
export function needsRehash(record: PasswordRecord, params: ScryptParams = SCRYPT_PARAMS): boolean {
  return record.N < params.N || record.r < params.r || record.p < params.p || record.dkLen < params.dkLen;
}
