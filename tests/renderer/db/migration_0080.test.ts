import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0080: search terms', () => {
  it('replaces name bigrams by suffix terms, keeps persons to keyed hashes, and backfills case terms and 文号', async () => {
    const db72 = await openTestDb(72);
    await seed(db72, 'subjects', [
      { id: 'S1', kind: 'legal_person', codeKey: 'U:91219900MA0000001X', uscc: '91219900MA0000001X', name: '示例县新锐商贸有限公司', searchGrams: ['示例', '例县'], categoryFlags: [], createdAt: '', createdBy: '' },
      { id: 'S2', kind: 'natural_person', codeKey: 'P:abc', pii: { name: '王喆', idType: '居民身份证', idNumber: 'x' }, searchGrams: ['N:hash1'], categoryFlags: [], createdAt: '', createdBy: '' },
    ]);
    await seed(db72, 'cases', [{ id: 'C1', caseNo: '示信案〔2026〕0001号', subjectId: 'S1', docNos: [], state: 'D2', updatedAt: '' }]);
    await seed(db72, 'caseEvents', [{ id: 'E1', caseId: 'C1', seq: 2, type: 'pre_notice_served', payload: { documentNo: '示信告〔2026〕1号', recipients: [], method: 'direct' } }]);
    const db = await migrateTo(db72, 80);
    const subjects = await dump<{ id: string; searchTerms: string[]; searchGrams?: unknown }>(db, 'subjects');
    expect(subjects[0]!.searchGrams).toBeUndefined();
    expect(subjects[0]!.searchTerms).toEqual(expect.arrayContaining(['新锐商贸有限公司', 'XRSMYXGS']));
    expect(subjects[1]!.searchTerms).toEqual(['#N:hash1']);
    expect(await db.subjects.where('searchTerms').startsWith('锐商').primaryKeys()).toEqual(['S1']);
    expect(await db.subjects.where('searchTerms').startsWith('N').primaryKeys()).toEqual([]);
    expect((await db.caseTerms.get('C1'))?.terms).toEqual(expect.arrayContaining(['XRSMYXGS', '#U:91219900MA0000001X']));
    expect(await dump(db, 'documentNumbers')).toEqual([{ id: 'C1|示信告〔2026〕1号', no: '示信告〔2026〕1号', caseId: 'C1' }]);
    db.close();
  });
});
