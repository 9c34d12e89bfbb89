/**
 * Every synced field with a stable numeric tag. The protocol is additive only:
 * fields are never removed or renamed while old desks or old outbox rows may still send them; a
 * retired field moves to retired.json and its name and tag are never reused. New fields must be
 * optional (or defaulted) on the receiving side. tests/sync/sync-schema.test.ts compares this
 * registry with a committed snapshot and with the zod schemas.
 */
export type SyncedField = { tag: number; name: string; since: number; note?: string };

export const SYNC_SCHEMA: Record<'PushOperation' | 'PushRequest' | 'Receipt' | 'PulledItem' | 'SneakernetHeader', SyncedField[]> = {
  PushOperation: [
    { tag: 1, name: 'id', since: 1 },
    { tag: 2, name: 'deviceId', since: 1 },
    { tag: 3, name: 'deviceSeq', since: 1 },
    { tag: 4, name: 'kind', since: 1 },
    { tag: 5, name: 'entityId', since: 1 },
    { tag: 6, name: 'payloadSchemaVersion', since: 1 },
    { tag: 7, name: 'payload', since: 1 },
    { tag: 8, name: 'payloadHash', since: 1 },
    { tag: 9, name: 'recordedAt', since: 1 },
    { tag: 10, name: 'attachments', since: 1, note: 'optional' },
    { tag: 11, name: 'supersedes', since: 1, note: 'optional' },
  ],
  PushRequest: [
    { tag: 1, name: 'v', since: 1 },
    { tag: 2, name: 'batchId', since: 1 },
    { tag: 3, name: 'deviceId', since: 1 },
    { tag: 4, name: 'sentAt', since: 1 },
    { tag: 5, name: 'ops', since: 1 },
  ],
  Receipt: [
    { tag: 1, name: 'opId', since: 1 },
    { tag: 2, name: 'serverSeq', since: 1 },
    { tag: 3, name: 'receivedAt', since: 1 },
    { tag: 4, name: 'batchId', since: 1 },
    { tag: 5, name: 'payloadHash', since: 1 },
    { tag: 6, name: 'mediaMissing', since: 1 },
  ],
  PulledItem: [
    { tag: 1, name: 'id', since: 1 },
    { tag: 2, name: 'kind', since: 1 },
    { tag: 3, name: 'caseId', since: 1, note: 'optional' },
    { tag: 4, name: 'publishedAt', since: 1 },
    { tag: 5, name: 'payload', since: 1 },
  ],
  SneakernetHeader: [
    { tag: 1, name: 'format', since: 1 },
    { tag: 2, name: 'v', since: 1 },
    { tag: 3, name: 'fileId', since: 1 },
    { tag: 4, name: 'officeId', since: 1 },
    { tag: 5, name: 'deviceId', since: 1 },
    { tag: 6, name: 'createdAt', since: 1 },
    { tag: 7, name: 'opCount', since: 1 },
    { tag: 8, name: 'maxDeviceSeq', since: 1 },
    { tag: 9, name: 'kdf', since: 1 },
    { tag: 10, name: 'cipher', since: 1 },
  ],
};
