/** Exports read back: publication list (basis in the header rows, listed only once published), 双公示 30 columns with codes as text, formula injection neutralised, case list and work list. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { PENALTY_DISCLOSURE_COLUMNS, type ExportWorkbook } from '../../../shared';
import { caseListExport, penaltyCandidates, penaltyDisclosureExport, publicationListExport, subjectRecordExport, workListExport } from '../../../renderer/src/desk/exports';
import { workbookBytesWith } from '../../../renderer/src/exchange/xlsx-writer';
import { recordAct } from '../../../renderer/src/desk/cases';
import { withToday } from '../../../renderer/src/desk/desk';
import { registerSubject } from '../../../renderer/src/desk/subjects';
import { ACTOR, FIXTURE_COMPANY, LISTING_STEPS, OFFICE, appendSteps, newCase, officeDesk } from '../fixtures';

function readBack(workbook: ExportWorkbook, sheet = 0) {
  const book = XLSX.read(workbookBytesWith(XLSX, workbook), { type: 'array', cellDates: false });
  const ws = book.Sheets[book.SheetNames[sheet]!]!;
  return { ws, rows: XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null }) };
}

describe('exports', () => {
  it('publication list: the legal basis above the header, a case listed once published, codes as text', async () => {
    const desk = await officeDesk();
    const { result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    await appendSteps(desk, result.caseRow.id, LISTING_STEPS, '2026-10-12');
    const before = await publicationListExport(desk, 'dishonesty_list');
    expect(before.listed).toBe(0);
    const published = await recordAct(withToday(desk, '2026-10-12'), result.caseRow.id, { type: 'published', occurredOn: '2025-11-24', actor: ACTOR, payload: { channels: ['信用中国（示例县）'], profile: 'masked' } });
    if (!published.ok) throw new Error(published.reason);
    const r = await publicationListExport(desk, 'dishonesty_list');
    expect(r.listed).toBe(1);
    const { ws, rows } = readBack(r.workbook);
    expect(String(rows[0]?.[0])).toContain('失信名单公示');
    expect(String(rows[1]?.[0])).toMatch(/^公示依据：《朝阳市治理房地产领域失信行为若干规定\(试行\)》/);
    expect(String(rows[2]?.[0])).toContain('脱敏');
    expect(rows[4]?.[1]).toBe(FIXTURE_COMPANY.name);
    expect(rows[4]?.[2]).toBe(FIXTURE_COMPANY.uscc);
    expect(ws['C5']?.t).toBe('s');
  });

  it('双公示: 30 columns in the national order; a decision without the details the desk lacks is refused with reasons; codes stay text', async () => {
    const desk = await officeDesk();
    const { result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    const candidates = await penaltyCandidates(desk);
    expect(candidates.length).toBeGreaterThan(0);
    const refused = await penaltyDisclosureExport(desk, [{ candidate: candidates[0]!, details: { basis: '', penaltyTypes: [], content: '', fineYuan: null, authorityUscc: '', validUntil: null } }]);
    expect(refused.refused[0]!.reasons.join('')).toContain('“处罚依据”必填');
    const ok = await penaltyDisclosureExport(desk, [{ candidate: candidates[0]!, details: { basis: '《城市房地产开发经营管理条例》第三十六条', penaltyTypes: ['罚款'], content: '罚款人民币五万元', fineYuan: 50000, authorityUscc: OFFICE.uscc, validUntil: '2026-11-03' } }]);
    expect(ok.refused).toEqual([]);
    const { ws, rows } = readBack(ok.workbook);
    expect(rows[0]).toEqual(PENALTY_DISCLOSURE_COLUMNS.map((c) => c.header));
    expect(rows[1]).toHaveLength(30);
    expect(rows[1]?.[2]).toBe(FIXTURE_COMPANY.uscc);
    expect(ws['C2']?.t).toBe('s');
    expect(rows[1]?.[19]).toBe(5);
    expect(rows[1]?.[28]).toBe(OFFICE.uscc);
  });

  it('formula injection: a name beginning with = is exported as text with a leading quote; the case list and work list carry the filter and the deadlines', async () => {
    const desk = await officeDesk();
    const s = await registerSubject(desk, { kind: 'legal_person', name: '=HYPERLINK("http://x","点此")有限公司', uscc: '91210000MA0000002E' });
    expect(s.ok || s.reason).toBe(true);
    const { result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    await appendSteps(desk, result.caseRow.id, LISTING_STEPS, '2026-10-12');
    expect(await desk.db.deadlines.count()).toBeGreaterThan(0);
    const record = await subjectRecordExport(desk, s.ok ? s.subject.id : '');
    const info = readBack(record!).rows;
    expect(info[2]?.[1]).toBe('\'=HYPERLINK("http://x","点此")有限公司');
    const list = readBack(await caseListExport(desk, { severity: 'severe' }));
    expect(String(list.rows[1]?.[0])).toContain('严重程度：严重');
    expect(list.rows[3]?.[0]).toBe(result.caseRow.caseNo);
    const work = readBack(await workListExport(desk));
    expect(work.rows[1]).toEqual(['到期日', '事项', '案件编号', '主体', '说明']);
    expect(work.rows.length).toBeGreaterThan(2);
  });
});
