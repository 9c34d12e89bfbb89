import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';
import { parseOfficeProfile } from '../../../shared/office/profile';

const LEGACY_OFFICE = {
  name: '示例县社会信用体系建设领导小组办公室',
  uscc: '11210000MB0000001M',
  region: '示例县',
  level: '县级',
  assignments: [{ catalogueId: 'CY-RE-6', ruleSetId: 'LN-CY-RE-2020' }],
  periodSettings: {},
  decisionReference: '示信办〔2026〕1号',
  numbering: { casePrefix: '示信案', documentPrefix: '示信决' },
  staff: ['李办'],
  configuredAt: '2026-01-01T00:00:00.000Z',
};

describe('migration 0031: one office profile', () => {
  it('merges the documents’ office settings into the office profile, which then parses, and drops the old row', async () => {
    const db30 = await openTestDb(30);
    await seed(db30, 'settings', [
      { key: 'office', value: LEGACY_OFFICE },
      { key: 'documents.office', value: { numberPrefix: '示发改信用', letterhead: '示例县发展和改革局文件', court: '示例县人民法院（行政庭）', phone: '0421-0000000' } },
      { key: 'currentStaff', value: '李办' },
    ]);
    const db = await migrateTo(db30, 31);
    const rows = await dump<{ key: string; value: Record<string, unknown> }>(db, 'settings');
    expect(rows.map((r) => r.key).sort()).toEqual(['currentStaff', 'office']);
    const office = rows.find((r) => r.key === 'office')!.value;
    expect(office).toMatchObject({
      officeId: '11210000MB0000001M',
      name: LEGACY_OFFICE.name,
      reviewBody: '示例县人民政府',
      court: '示例县人民法院（行政庭）',
      letterhead: '示例县发展和改革局文件',
      phone: '0421-0000000',
      numbering: { casePrefix: '示信案', documentPrefix: '示发改信用' },
    });
    expect(parseOfficeProfile(office)).toMatchObject({ ok: true });
    db.close();
  });

  it('leaves a database without an office untouched', async () => {
    const db30 = await openTestDb(30);
    await seed(db30, 'settings', [{ key: 'currentStaff', value: '李办' }]);
    const db = await migrateTo(db30, 31);
    expect(await dump(db, 'settings')).toEqual([{ key: 'currentStaff', value: '李办' }]);
    db.close();
  });
});
