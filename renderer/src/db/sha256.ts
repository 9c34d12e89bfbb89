/** Keyed lookup hashes for personal identifiers: HMAC-SHA-256 under the device's hex lookup key. */
import { fromHex, hmacSha256Hex as hmacOfBytes } from '../../../shared/util/sha256';

export function hmacSha256Hex(keyHex: string, text: string): string {
  return hmacOfBytes(fromHex(keyHex), text);
}
