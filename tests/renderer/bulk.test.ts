/**
 * The bulk write path (importBatch): all or nothing per batch with per-item refusals, and rows of
 * exactly the shape the single-item use cases write.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../renderer/src/desk/bulk';
import { ruleSetForCase } from '../../renderer/src/desk/rules';
import { FIXTURE_COMPANY, LISTING_STEPS, OFFICE, appendSteps, newCase, officeDesk } from './fixtures';

const TABLES = ['subjects', 'cases', 'caseEvents', 'deadlines', 'caseList', 'caseTerms', 'documentNumbers', 'basisDocuments', 'outbox', 'auditLog'] as const;

async function counts(desk: Awaited<ReturnType<typeof officeDesk>>) {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await desk.db.table(t).count()] as const)));
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  return typeof value;
}

describe('importBatch', () => {
  it('writes nothing when one item is refused, and names every refused item', async () => {
    const desk = await officeDesk();
    const before = await counts(desk);
    const r = await importBatch(desk, {
      subjects: [
        { key: 'ok', subject: { kind: 'legal_person', name: '示例县甲有限公司', uscc: FIXTURE_COMPANY.uscc } },
        { key: 'bad-code', subject: { kind: 'legal_person', name: '示例县乙有限公司', uscc: '91210000MA0000001C' } },
        { key: 'same-code', subject: { kind: 'legal_person', name: '示例县丙有限公司', uscc: FIXTURE_COMPANY.uscc } },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusals.find((x) => x.key === 'same-code')).toMatchObject({ code: 'code_registered', field: 'uscc' });
    expect(r.refusals.find((x) => x.key === 'bad-code')).toMatchObject({ field: 'uscc' });
    expect(r.refusals.map((x) => x.key).sort()).toEqual(['bad-code', 'same-code']);
    expect(r.refusals.every((x) => /[\u4e00-\u9fff]/.test(x.reason))).toBe(true);
    expect(await counts(desk)).toEqual(before);
  });

  it('writes a case with its acts in the same shape as openCase + recordAct', async () => {
    const single = await officeDesk();
    const { result } = await newCase(single);
    if (!result.ok) throw new Error(result.reason);
    await appendSteps(single, result.caseRow.id, LISTING_STEPS, '2026-10-12');
    const bulk = await officeDesk();
    const sel = await ruleSetForCase(bulk, OFFICE, 'CY-RE-6-2', '2025-11-03');
    if (!sel.ok) throw new Error(sel.reason);
    const written = await importBatch(bulk, {
      subjects: [{ key: 's', subject: { ...FIXTURE_COMPANY } }],
      cases: [
        {
          key: 'c',
          subject: { key: 's' },
          casePrefix: '示信案',
          behaviourLabel: '未取得商品房预售许可证预售商品房',
          proportionalityNote: '情节与后果相当',
          determined: {
            occurredOn: '2025-11-03',
            payload: { behaviourCode: 'CY-RE-6-2', behaviourText: '未取得商品房预售许可证预售商品房', facts: '2025年在示例县擅自预售', severity: 'severe', listType: 'dishonesty_list', basisDocuments: [{ type: 'penalty_decision', documentNo: '示住建罚〔2025〕12号', issuer: '示例县住房和城乡建设局', decidedOn: '2025-10-20', effective: true }], determiningDept: '示例县住房和城乡建设局', ruleSet: sel.pin },
          },
          acts: LISTING_STEPS.map(({ type, occurredOn, payload }) => ({ type, occurredOn, payload })),
        },
      ],
    });
    if (!written.ok) throw new Error(JSON.stringify(written.refusals));
    expect(written.counts).toMatchObject({ subjects: 1, cases: 1, events: 4 });
    const caseId = written.cases.c!.id;
    expect(written.cases.c!.caseNo).toBe(result.caseRow.caseNo);
    for (const t of ['subjects', 'cases', 'caseEvents', 'deadlines', 'caseList', 'caseTerms', 'documentNumbers', 'basisDocuments', 'outbox', 'stats', 'statsBuckets', 'creditRecords'] as const) {
      const a = await single.db.table(t).toArray();
      const b = await bulk.db.table(t).toArray();
      expect(b.length, t).toBe(a.length);
      expect(shape(b), t).toEqual(shape(a));
    }
    const a = await single.db.cases.get(result.caseRow.id);
    const b = await bulk.db.cases.get(caseId);
    expect({ ...b, id: '', subjectId: '', lastHash: '', createdAt: '', updatedAt: '' }).toEqual({ ...a, id: '', subjectId: '', lastHash: '', createdAt: '', updatedAt: '' });
    // the 统计 buckets and the subject's credit record are the same (ids name metric and month, not the case)
    const buckets = async (d: typeof bulk) => (await d.db.table('statsBuckets').toArray()).map((r: { id: string; count: number }) => [r.id, r.count]).sort();
    expect(await buckets(bulk)).toEqual(await buckets(single));
    expect((await bulk.db.table('statsBuckets').count()) > 0).toBe(true);
    const seqs = (await bulk.db.outbox.toArray()).map((r) => r.deviceSeq).sort((x, y) => x - y);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const actions = async (d: typeof bulk) => (await d.db.auditLog.toArray()).map((r) => r.action).sort();
    expect(await actions(bulk)).toEqual(await actions(single));
  });
});
