import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';

describe('migration 0081: case list', () => {
  it('backfills one case-list row per case with its township, list and nearest deadline', async () => {
    const db80 = await openTestDb(80);
    await seed(db80, 'subjects', [{ id: 'S1', kind: 'legal_person', codeKey: 'U:X', name: '示例县某公司', region: '东岗镇', searchTerms: [], categoryFlags: [], createdAt: '', createdBy: '' }]);
    await seed(db80, 'cases', [
      { id: 'C1', caseNo: 'N1', subjectId: 'S1', docNos: [], state: 'D3', severity: 'severe', ruleSetId: 'LN-CY-RE-2020', determinationDate: '2026-01-05', updatedAt: '' },
      { id: 'C2', caseNo: 'N2', subjectId: 'S1', docNos: [], state: 'D1', severity: 'general', ruleSetId: 'HLJ-2022', determinationDate: '2026-02-05', updatedAt: '' },
    ]);
    await seed(db80, 'caseEvents', [
      { id: 'E1', caseId: 'C1', seq: 1, type: 'determined', payload: { listType: 'dishonesty_list' } },
      { id: 'E2', caseId: 'C1', seq: 3, type: 'listed', payload: { listType: 'severe_dishonesty_list' } },
    ]);
    await seed(db80, 'deadlines', [
      { id: 'C1:a:', caseId: 'C1', dueDate: '2026-03-01', label: '告知', kind: 'listing_notice', attention: 1, flagged: 0 },
      { id: 'C1:b:', caseId: 'C1', dueDate: '2026-02-01', label: '公示', kind: 'publication', attention: 1, flagged: 0 },
    ]);
    const db = await migrateTo(db80, 81);
    const rows = await dump<Record<string, string>>(db, 'caseList');
    expect(rows.map((r) => [r.id, r.stage, r.listType, r.region, r.nextDue, r.nextDueLabel])).toEqual([
      ['C1', 'D3', 'severe_dishonesty_list', '东岗镇', '2026-02-01', '公示'],
      ['C2', 'D1', '', '东岗镇', '9999-12-31', ''],
    ]);
    expect(await db.caseList.where('[stage+dueSort]').between(['D3', ''], ['D3', '\uffff']).primaryKeys()).toEqual(['C1']);
    db.close();
  });
});
