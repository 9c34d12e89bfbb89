/** The synced schema is additive only; removed names and tags are never reused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PulledItemSchema, PushOperationSchema, PushRequestSchema, ReceiptSchema } from '../../shared/sync/protocol';
import { SYNC_SCHEMA, type SyncedField } from '../../shared/sync/schema-registry';
import { SneakernetHeaderSchema } from '../../shared/sync/sneakernet';

type Snapshot = Record<string, SyncedField[]>;
const snapshot = JSON.parse(readFileSync(join(import.meta.dirname, 'sync-schema.snapshot.json'), 'utf8')) as Snapshot;
const retired = (JSON.parse(readFileSync(join(import.meta.dirname, '../../shared/sync/retired.json'), 'utf8')) as { retired: { message: string; tag: number; name: string }[] }).retired;

describe('synced schema registry', () => {
  it('keeps every field of the committed snapshot with its tag (additive only)', () => {
    for (const [message, fields] of Object.entries(snapshot)) {
      const now = SYNC_SCHEMA[message as keyof typeof SYNC_SCHEMA];
      expect(now, `message ${message} removed`).toBeDefined();
      for (const f of fields) expect(now!.find((g) => g.name === f.name)?.tag, `${message}.${f.name}`).toBe(f.tag);
    }
  });

  it('never reuses a tag or a retired name', () => {
    for (const [message, fields] of Object.entries(SYNC_SCHEMA)) {
      expect(new Set(fields.map((f) => f.tag)).size, message).toBe(fields.length);
      expect(new Set(fields.map((f) => f.name)).size, message).toBe(fields.length);
      for (const r of retired.filter((x) => x.message === message)) {
        expect(fields.some((f) => f.tag === r.tag || f.name === r.name), `${message} reuses retired ${r.name}`).toBe(false);
      }
    }
  });

  it('matches the zod schemas exactly', () => {
    const shapes = { PushOperation: PushOperationSchema, PushRequest: PushRequestSchema, Receipt: ReceiptSchema, PulledItem: PulledItemSchema, SneakernetHeader: SneakernetHeaderSchema };
    for (const [message, schema] of Object.entries(shapes)) {
      expect(Object.keys(schema.shape).sort(), message).toEqual(SYNC_SCHEMA[message as keyof typeof SYNC_SCHEMA].map((f) => f.name).sort());
    }
  });

  it('adds new fields only as optional on the receiving side', () => {
    for (const [message, fields] of Object.entries(SYNC_SCHEMA)) {
      const known = new Set((snapshot[message] ?? []).map((f) => f.name));
      for (const f of fields.filter((g) => !known.has(g.name))) expect(f.note, `${message}.${f.name} is new: it must be optional`).toBe('optional');
    }
  });
});
