/**
 * The day's-end sync protocol between a desk (device) and the city platform, version 1.
 * Spec: docs/sync-protocol.md. Types and zod schemas here are the single source for both sides.
 *
 * Invariants:
 *  - Every message carries `v: 1`. A server answers 426 to a version it does not speak.
 *  - Operations are immutable and identified by a device-made `id`; the server decides
 *    duplicate (same id, same payloadHash and the same identity fields: deviceId, deviceSeq,
 *    kind, entityId, payloadSchemaVersion, recordedAt) versus conflict (same id, anything else).
 *  - Ordering and checkpoints use server numbers only (receipt.serverSeq, the pull cursor);
 *    device clocks are evidence (`recordedAt`, `sentAt`), never order.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1 as const;

/** The kinds of operation a desk pushes (one outbox row each). */
export const OUTBOX_KINDS = [
  'case-event', // one appended procedural event of a case (payload: the event)
  'subject-upsert', // a credit subject registered or corrected (payload: the subject record)
  'document-issued', // an issued formal document's metadata (payload: number, kind, hash)
  'commitment', // one recorded act on a credit commitment (payload: commitment id, subject, type, the act)
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Lowest and highest payload schema version per kind the reference platform accepts (N-1 stays
 * accepted). Look kinds up with `payloadSchemaVersionsOf`, never by indexing: a kind named like an
 * Object.prototype member (`constructor`, `__proto__`, `toString`) must not find anything.
 */
export const PAYLOAD_SCHEMA_VERSIONS: Readonly<Record<OutboxKind, { min: number; max: number }>> = {
  'case-event': { min: 1, max: 1 },
  'subject-upsert': { min: 1, max: 1 },
  'document-issued': { min: 1, max: 1 },
  commitment: { min: 1, max: 1 },
};

export function isOutboxKind(kind: string): kind is OutboxKind {
  return (OUTBOX_KINDS as readonly string[]).includes(kind);
}

export function payloadSchemaVersionsOf(kind: string): { min: number; max: number } | undefined {
  return isOutboxKind(kind) ? PAYLOAD_SCHEMA_VERSIONS[kind] : undefined;
}

/**
 * Deepest nesting of arrays and objects accepted in one request body (a push envelope adds 3
 * levels above a payload). Deeper JSON is refused with 400 before it is parsed, so that no
 * recursive step (validation, canonical JSON) can overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;
export const MAX_OPS_PER_BATCH = 1000;
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MEDIA_CHUNK_BYTES = 512 * 1024;
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;
/** Above this absolute skew between the device clock and the server clock, the desk warns. */
export const CLOCK_SKEW_WARN_MS = 5 * 60 * 1000;

export const IdSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'id: 1–64 characters of [0-9A-Za-z_-]');
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lower-case hex digits');
export const IsoTimeSchema = z.iso.datetime({ offset: true });

export const AttachmentRefSchema = z.object({
  sha256: Sha256HexSchema,
  size: z.number().int().nonnegative().max(MAX_MEDIA_BYTES),
  name: z.string().max(255).optional(),
  mime: z.string().max(128).optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** One immutable operation as sent. */
export const PushOperationSchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  deviceSeq: z.number().int().nonnegative(),
  kind: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  payloadSchemaVersion: z.number().int().positive(),
  payload: z.unknown(),
  payloadHash: Sha256HexSchema,
  recordedAt: IsoTimeSchema,
  attachments: z.array(AttachmentRefSchema).max(50).optional(),
  /** An earlier operation this one corrects (corrections are new operations, never edits). */
  supersedes: IdSchema.optional(),
});
export type PushOperation = z.infer<typeof PushOperationSchema>;

/**
 * A push batch. The envelope is checked strictly; each operation is checked on its own so that one
 * malformed operation is rejected alone (with field errors) instead of failing the batch.
 */
export const PushRequestSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  batchId: IdSchema,
  deviceId: IdSchema,
  /** Device clock when the batch left (evidence for skew; never used for order). */
  sentAt: IsoTimeSchema,
  // Each operation is validated on its own (PushOperationSchema), so a malformed one is rejected alone.
  ops: z.array(z.unknown()).min(1).max(MAX_OPS_PER_BATCH),
});
export type PushRequest = { v: 1; batchId: string; deviceId: string; sentAt: string; ops: PushOperation[] };

export const ReceiptSchema = z.object({
  opId: z.string(),
  /** The platform's own order number (per office, increasing). */
  serverSeq: z.number().int(),
  /** Server clock when the operation was first stored. */
  receivedAt: IsoTimeSchema,
  batchId: z.string(),
  payloadHash: Sha256HexSchema,
  /** Attachments named by the operation that the platform does not (yet) have in full. */
  mediaMissing: z.array(Sha256HexSchema),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const FieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messageZh: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const OpResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), receipt: ReceiptSchema }),
  z.object({ id: z.string(), status: z.literal('duplicate'), receipt: ReceiptSchema }),
  z.object({
    id: z.string(),
    status: z.literal('conflict'),
    /** What the platform already holds under this id. */
    existing: z.object({ payloadHash: Sha256HexSchema, receipt: ReceiptSchema }),
    /** Which identity fields differ from what the platform holds (payloadHash, entityId, deviceSeq …). */
    differs: z.array(z.string()).optional(),
    messageZh: z.string(),
  }),
  z.object({ id: z.string(), status: z.literal('rejected'), errors: z.array(FieldErrorSchema).min(1) }),
  z.object({ id: z.string(), status: z.literal('retry-later'), retryAfterMs: z.number().int().nonnegative(), reason: z.string() }),
]);
export type OpResult = z.infer<typeof OpResultSchema>;
export type OpStatus = OpResult['status'];

export const PushResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  batchId: z.string(),
  serverTime: IsoTimeSchema,
  results: z.array(OpResultSchema),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const PingResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  serverTime: IsoTimeSchema,
  officeId: z.string(),
  officeName: z.string(),
});
export type PingResponse = z.infer<typeof PingResponseSchema>;

export const MediaStatusSchema = z.object({
  sha256: Sha256HexSchema,
  size: z.number().int().nonnegative(),
  /** Bytes received so far: the offset of the next chunk. */
  received: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type MediaStatus = z.infer<typeof MediaStatusSchema>;

/** What the platform sends down. */
export const PULLED_KINDS = [
  'objection', // 异议 filed online (e.g. 信用中国)
  'repair-application', // 信用修复申请 filed online
  'correction', // 更正 of data the office sent
  'case-decision', // a decision on a shared (jointly handled) case
  'holiday-calendar', // 节假日安排
  'rule-set', // rule-set update
  'number-block', // a block of official document numbers reserved for the office
] as const;
export type PulledKind = (typeof PULLED_KINDS)[number];

export const ObjectionPayloadSchema = z.object({
  caseId: z.string().min(1),
  /** Date the platform received the filing (China local date, YYYY-MM-DD): the deadline counts from it. */
  filedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.string().min(1),
  applicant: z.string().min(1),
  summary: z.string(),
});
export type ObjectionPayload = z.infer<typeof ObjectionPayloadSchema>;

export const NumberBlockPayloadSchema = z.object({
  docKind: z.string().min(1),
  /** The device the block is reserved for (blocks are per device, so offline devices never collide). */
  deviceId: z.string().min(1).optional(),
  year: z.number().int(),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const PulledItemSchema = z.object({
  id: z.string(),
  kind: z.enum(PULLED_KINDS),
  caseId: z.string().optional(),
  /** Server clock when the platform published it. */
  publishedAt: IsoTimeSchema,
  payload: z.unknown(),
});
export type PulledItem = z.infer<typeof PulledItemSchema>;

export const PullResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  items: z.array(PulledItemSchema),
  /** Opaque: pass it back as is. Never derived from a device clock. */
  cursor: z.string(),
  hasMore: z.boolean(),
  serverTime: IsoTimeSchema,
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const ErrorResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  error: z.object({ code: z.string(), message: z.string(), messageZh: z.string() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Result of importing a sneaker-net file on the platform (same idempotent path as a push). */
export const ImportResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  fileId: z.string(),
  officeId: z.string(),
  counts: z.object({ accepted: z.number(), duplicate: z.number(), conflict: z.number(), rejected: z.number(), retryLater: z.number() }),
  results: z.array(OpResultSchema),
});
export type ImportResponse = z.infer<typeof ImportResponseSchema>;

/** Endpoint paths (all under the platform base URL). */
export const ENDPOINTS = {
  ping: '/v1/ping',
  push: '/v1/push',
  pull: '/v1/pull',
  media: (sha256: string) => `/v1/media/${sha256}`,
  mediaStatus: (sha256: string) => `/v1/media/${sha256}/status`,
  importFile: '/v1/sneakernet/import',
} as const;
