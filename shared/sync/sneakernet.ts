/**
 * Sneaker-net file format (USB handover when no network ever comes). Pure part only: the header
 * schema and the exact bytes that are authenticated. Encryption lives in renderer/src/sync
 * (sealing) and platform/server (opening), both with WebCrypto.
 *
 *   fileKey = HKDF-SHA256(ikm = office token, salt = "credit-desk/" + officeId, info = FILE_KEY_INFO)
 *   encKey  = HKDF-SHA256(fileKey, salt = header.kdf.salt, info = "enc")  → AES-256-GCM, AAD = header bytes
 *   macKey  = HKDF-SHA256(fileKey, salt = header.kdf.salt, info = "mac")  → HMAC-SHA256(header bytes + "\n" + ciphertext)
 *
 * The plaintext is the canonical JSON of a PushRequest whose batchId is the fileId, so importing
 * goes through the same idempotent path as a push and importing the same file twice changes nothing.
 */
import { z } from 'zod';
import { canonicalize } from './hash';

export const SNEAKERNET_FORMAT = 'credit-desk-sneakernet' as const;
export const FILE_KEY_INFO = 'credit-desk sneakernet file key v1';
export const SNEAKERNET_EXTENSION = '.cdsync';

export const SneakernetHeaderSchema = z.object({
  format: z.literal(SNEAKERNET_FORMAT),
  v: z.literal(1),
  fileId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
  officeId: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(64),
  /** Device clock at export (evidence only). */
  createdAt: z.string(),
  opCount: z.number().int().nonnegative(),
  /** Highest deviceSeq included: the desk's export watermark. */
  maxDeviceSeq: z.number().int(),
  kdf: z.object({ alg: z.literal('HKDF-SHA256'), salt: z.string() }),
  cipher: z.object({ alg: z.literal('AES-256-GCM'), iv: z.string() }),
});
export type SneakernetHeader = z.infer<typeof SneakernetHeaderSchema>;

export const SneakernetFileSchema = z.object({
  header: SneakernetHeaderSchema,
  ciphertext: z.string(),
  mac: z.object({ alg: z.literal('HMAC-SHA256'), value: z.string() }),
});
export type SneakernetFile = z.infer<typeof SneakernetFileSchema>;

/** The authenticated header text (AES-GCM additional data, and the first part of the MAC input). */
export function headerText(header: SneakernetHeader): string {
  return canonicalize(header);
}

export function macInput(header: SneakernetHeader, ciphertextB64: string): string {
  return `${headerText(header)}\n${ciphertextB64}`;
}
