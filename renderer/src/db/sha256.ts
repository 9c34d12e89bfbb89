/** Keyed lookup hashes for personal identifiers (HMAC-SHA256 over shared/'s synchronous SHA-256). */
import { sha256, toHex, utf8Encode } from '../../../shared/sync/hash';

export function hmacSha256Hex(keyHex: string, text: string): string {
  let key = Uint8Array.from((keyHex.match(/../g) ?? []).map((b) => parseInt(b, 16)));
  if (key.length > 64) key = Uint8Array.from(sha256(key));
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  const msg = utf8Encode(text);
  const innerData = new Uint8Array(64 + msg.length);
  innerData.set(inner);
  innerData.set(msg, 64);
  const outerData = new Uint8Array(96);
  outerData.set(outer);
  outerData.set(sha256(innerData), 64);
  return toHex(sha256(outerData));
}
