import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb, openDatabase } from '../../../renderer/src/db/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, assertStrictlyIncreasing, type Migration } from '../../../renderer/src/db/migrations';
import { migration0010 } from '../../../renderer/src/db/migrations/0010-initial-case-desk';
import { dump, openTestDb, uniqueDbName } from '../../helpers/dexie';

describe('migration 0010: initial case-desk schema', () => {
  it('creates every case-desk table with its indexes', async () => {
    const db = await openTestDb(10);
    const tables = Object.fromEntries(db.tables.map((t) => [t.name, t.schema]));
    for (const name of [
      'settings', 'device', 'subjects', 'subjectLinks', 'cases', 'caseEvents', 'basisDocuments', 'attachments',
      'objections', 'repairs', 'issuedDocuments', 'deadlines', 'outbox', 'calendars', 'ruleSets', 'auditLog',
    ]) {
      expect(tables[name], name).toBeDefined();
      expect(tables[name]!.primKey.name).toBe(name === 'settings' ? 'key' : 'id');
      expect(tables[name]!.primKey.auto).toBe(false);
    }
    const outboxIdx = tables.outbox!.indexes.map((i) => i.name).sort();
    expect(outboxIdx).toEqual(['[state+deviceSeq]', 'deviceSeq', 'state']);
    expect(tables.subjects!.indexes.find((i) => i.name === 'codeKey')?.unique).toBe(true);
    expect(tables.cases!.indexes.find((i) => i.name === 'caseNo')?.unique).toBe(true);
    expect(tables.caseEvents!.indexes.find((i) => i.name === '[caseId+seq]')?.unique).toBe(true);
    expect(tables.attachments!.indexes.map((i) => i.name)).not.toContain('blob');
    expect(db.verno).toBe(10);
    db.close();
  });

  it('refuses a second subject with the same code key', async () => {
    const db = await openTestDb(10);
    const row = { id: 'A', kind: 'legal_person', codeKey: 'U:X', searchGrams: [], categoryFlags: [], createdAt: '', createdBy: '' };
    await db.table('subjects').add(row);
    await expect(db.table('subjects').add({ ...row, id: 'B' })).rejects.toThrow();
    expect(await dump(db, 'subjects')).toHaveLength(1);
    db.close();
  });
});

describe('migrations registry', () => {
  it('is strictly increasing and starts with 0010', () => {
    expect(() => assertStrictlyIncreasing(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS[0]).toBe(migration0010);
    expect(() => assertStrictlyIncreasing([{ ...migration0010 }, { ...migration0010 }])).toThrow(/out of order/);
  });

  it('aborts a failing upgrade: the stored version and data stay as they were', async () => {
    const name = uniqueDbName();
    const first = new CreditDeskDb(name, { migrations: [migration0010] });
    await first.settings.put({ key: 'office', value: { name: '示例县信用办' } });
    first.close();
    const broken: Migration = {
      version: 11,
      name: 'broken',
      stores: { settings: 'key, extra' },
      upgrade: async (tx) => {
        await tx.table('settings').toCollection().modify((r: { value: unknown }) => {
          r.value = 'changed';
        });
        throw new Error('step failed');
      },
    };
    const result = await openDatabase(name, { migrations: [migration0010, broken] });
    expect(result.ok).toBe(false);
    const again = new CreditDeskDb(name, { migrations: [migration0010] });
    await again.open();
    expect(again.verno).toBe(10);
    expect(await again.settings.get('office')).toEqual({ key: 'office', value: { name: '示例县信用办' } });
    again.close();
  });

  it('refuses data written by a newer version, with a Chinese explanation, and never wipes it', async () => {
    const name = uniqueDbName();
    const future: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'future', stores: { futureTable: 'id' } };
    const newer = new CreditDeskDb(name, { migrations: [...MIGRATIONS, future] });
    await newer.settings.put({ key: 'office', value: { name: '未来' } });
    newer.close();
    const result = await openDatabase(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('newer-version');
    expect(result.message).toMatch(/较新版本/);
    const check = new CreditDeskDb(name, { migrations: [...MIGRATIONS, future] });
    expect(await check.settings.get('office')).toBeDefined();
    check.close();
  });
});
