import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ACTOR, appendSteps, determinedCaseId, LISTING_STEPS, officeDesk, on } from './fixtures';
import { recordAct } from '../../renderer/src/desk/cases';
import { caseCreditRowsBuilt, rebuildCaseCreditRows, recordPenaltyDisclosure, statisticsView, CREDIT_ROWS_BUILT_KEY } from '../../renderer/src/desk/stats';
import { statsBucketsTable, statsTable, creditRecordsTable } from '../../renderer/src/desk/credit/tables';
import type { StatsBucket } from '../../shared/credit/stats-buckets';

const sortBuckets = (b: StatsBucket[]) => [...b].sort((x, y) => x.id.localeCompare(y.id));

describe('statistics kept per case write', () => {
  it('a case write changes only that case’s rows; the page reads buckets; the 双公示 date moves one count', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk);
    await appendSteps(desk, caseId, LISTING_STEPS, '2026-10-12');
    const rows = await statsTable(desk.db).where('caseId').equals(caseId).toArray();
    expect(rows.map((r) => r.metric)).toEqual(expect.arrayContaining(['listing', 'disclosure', 'deadline']));
    const view = await statisticsView(on(desk, '2026-10-12'), {});
    expect(view.listings).toEqual([{ month: '2025-11', listings: 1, removals: 0, removalsByReason: {} }]);
    // Penalty decided 2025-10-20, not disclosed: late by today.
    expect(view.disclosures).toEqual([{ month: '2025-10', within: 0, overdue: 0, open: 0, openOverdue: 1, rate: 0 }]);
    expect(view.options.townships).toEqual(['未填写']);

    const refused = await recordPenaltyDisclosure(desk, caseId, '示住建罚〔2025〕12号', '2025-10-01');
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('不能早于处罚决定日期') });
    const ok = await recordPenaltyDisclosure(desk, caseId, '示住建罚〔2025〕12号', '2025-10-24');
    expect(ok.ok).toBe(true);
    const after = await statisticsView(on(desk, '2026-10-12'), {});
    expect(after.disclosures).toEqual([{ month: '2025-10', within: 1, overdue: 0, open: 0, openOverdue: 0, rate: 1 }]);
    const audit = await desk.db.auditLog.toArray();
    expect(audit.map((a) => a.action)).toContain('登记双公示日期');

    // An objection decided late moves the counts of its month.
    await recordAct(on(desk, '2026-10-12'), caseId, { type: 'objection_received', occurredOn: '2026-09-01', actor: ACTOR, payload: { objectionId: 'O1', applicant: '示例县虚构房地产开发有限公司', grounds: ['error'], reasons: '认为事实有误', concernsListing: false, channel: 'written' } });
    const open = await statisticsView(on(desk, '2026-10-12'), {});
    expect(open.objections).toEqual([expect.objectContaining({ month: '2026-09', openOverdue: 1, open: 0 })]);
    const early = await statisticsView(on(desk, '2026-09-02'), {});
    expect(early.objections[0]).toMatchObject({ open: 1, openOverdue: 0 });
  });

  it('the rebuild gives the same rows and buckets as the writes did, and marks them built', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk);
    await appendSteps(desk, caseId, LISTING_STEPS, '2026-10-12');
    const buckets = sortBuckets(await statsBucketsTable(desk.db).toArray());
    const record = await creditRecordsTable(desk.db).get(`case:${caseId}`);
    expect(record?.record).toMatchObject({ kind: 'severe', date: '2025-11-03' });
    expect(await caseCreditRowsBuilt(desk)).toBe(false);
    // As if the case had been written before the statistics existed.
    await desk.db.transaction('rw', [statsTable(desk.db), statsBucketsTable(desk.db), creditRecordsTable(desk.db)], async () => {
      await statsTable(desk.db).clear();
      await statsBucketsTable(desk.db).clear();
      await creditRecordsTable(desk.db).clear();
    });
    const progress: number[] = [];
    const rebuilt = await rebuildCaseCreditRows(desk, (done) => progress.push(done));
    expect(rebuilt).toEqual({ ok: true, cases: 1 });
    expect(progress).toEqual([1]);
    expect(sortBuckets(await statsBucketsTable(desk.db).toArray())).toEqual(buckets);
    expect(await creditRecordsTable(desk.db).get(`case:${caseId}`)).toMatchObject({ record: record?.record });
    // Running it again changes nothing (idempotent).
    await rebuildCaseCreditRows(desk);
    expect(sortBuckets(await statsBucketsTable(desk.db).toArray())).toEqual(buckets);
    expect(await caseCreditRowsBuilt(desk)).toBe(true);
    expect(await desk.db.settings.get(CREDIT_ROWS_BUILT_KEY)).toBeDefined();
  });
});
