import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../helpers/dexie';

describe('migration 0020: written documents', () => {
  it('adds the document tables and keeps the case desk’s issued documents', async () => {
    const db = await openTestDb(10);
    await seed(db, 'issuedDocuments', [{ id: 'old-1', caseId: 'c1', note: 'before 0020' }]);
    const next = await migrateTo(db, 20);
    const tables = Object.fromEntries(next.tables.map((t) => [t.name, t.schema]));
    for (const name of ['numberBlocks', 'numberLedger', 'documentTemplates', 'documentPrintLog']) {
      expect(tables[name], name).toBeDefined();
      expect(tables[name]!.primKey.auto).toBe(false);
    }
    expect(tables.issuedDocuments!.indexes.find((i) => i.name === 'numberKey')?.unique).toBe(true);
    expect(tables.numberLedger!.indexes.map((i) => i.name)).toContain('[officeId+kind+year]');
    expect(tables.issuedDocuments!.indexes.map((i) => i.name)).not.toContain('pdf');
    expect(await dump(next, 'issuedDocuments')).toEqual([{ id: 'old-1', caseId: 'c1', note: 'before 0020' }]);
    next.close();
  });
});
