/**
 * Hashing for the sync protocol: the payload hash of an operation is the SHA-256 (lower-case hex)
 * of the canonical JSON of its payload (shared/util/canonical-json.ts: keys sorted by UTF-16 code
 * units, no whitespace, `undefined` members dropped; non-finite numbers, bigints and functions are
 * refused, so two sides can never disagree silently about what was hashed). One implementation
 * serves the case hash chain, the documents and sync.
 */
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

export { sha256, sha256Hex, toHex, utf8Encode } from '../util/sha256';
export { canonicalJson as canonicalize, CanonicalJsonError } from '../util/canonical-json';

export function sha256HexOfText(text: string): string {
  return sha256Hex(text);
}

/** The payload hash of the protocol: SHA-256 (lower-case hex) of the canonical JSON. */
export function payloadHashOf(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
