/** The worker's steps without the worker: open, prepare (mapping proposal), chunked validation with progress and cancel, rejects workbook. */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { importTemplate, printedHeader, EXAMPLE_USCC } from '../../../shared';
import { ImportEngine, VALIDATE_CHUNK } from '../../../renderer/src/exchange/import-engine';
import { openWorkbook, sheetInput } from '../../../renderer/src/exchange/xlsx-reader';
import type { ImportRules } from '../../../renderer/src/desk/imports';

const rules: ImportRules = { today: '2026-11-04', ruleSets: [], jurisdictionKey: null, behaviourCatalogues: [] };

function book(rows: unknown[][], name = '组织主体'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('ImportEngine', () => {
  const template = importTemplate('subjects_org');
  const header = ['序号', '企业名称', '主体 类别', '社会信用代码'];
  const bad = `${EXAMPLE_USCC.slice(0, 17)}${EXAMPLE_USCC.endsWith('0') ? '1' : '0'}`;

  it('proposes a mapping for header variants, validates in chunks with progress, and returns the rejected rows with 错误说明', async () => {
    const engine = new ImportEngine();
    const rows = [header, ...Array.from({ length: VALIDATE_CHUNK + 5 }, (_, i) => [String(i + 1), `示例县第${i}公司`, '法人', i === 3 ? bad : EXAMPLE_USCC])];
    const opened = engine.open(book(rows), '登记册.xlsx', 'subjects_org');
    expect(opened).toMatchObject({ ok: true, sheet: '组织主体' });
    const prepared = engine.prepare('组织主体');
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.proposal.missingRequired).toEqual([]);
    expect(prepared.proposal.mapping.fields).toMatchObject({ rowLabel: 0, name: 1, kind: 2, uscc: 3 });
    const progress: number[] = [];
    const result = await engine.validate(prepared.proposal.mapping, rules, (done) => progress.push(done));
    if (!result?.ok) throw new Error('validation failed');
    expect(progress).toEqual([VALIDATE_CHUNK, VALIDATE_CHUNK + 5]);
    expect(result.rows.filter((r) => r.status === 'invalid').map((r) => r.rowNumber)).toEqual([5]);
    const rejects = engine.rejectedWorkbook([{ rowNumber: 5, reason: result.rows[3]!.errorText }]);
    if (!rejects) throw new Error('no rejects');
    expect(rejects.fileName).toBe('登记册-未导入的行.xlsx');
    const back = openWorkbook(rejects.bytes, rejects.fileName);
    if (!back.ok) throw new Error(back.message);
    const sheet = sheetInput(back, back.sheetNames[0]!);
    if (!sheet.ok) throw new Error(sheet.message);
    expect(sheet.sheet.rows[0]).toEqual([...header, '错误说明']);
    expect(sheet.sheet.rows[1]?.[3]).toBe(bad);
    expect(String(sheet.sheet.rows[1]?.[4])).toMatch(/^D列“统一社会信用代码”/);
    // the rejects file goes back in: its 错误说明 column is ignored by the mapping
    const again = new ImportEngine();
    again.open(rejects.bytes, rejects.fileName, 'subjects_org');
    const p2 = again.prepare(back.sheetNames[0]!);
    if (!p2.ok) throw new Error(p2.message);
    expect(p2.proposal.columns[4]?.match).toBe('ignored');
  });

  it('stops at the next chunk when cancelled', async () => {
    const engine = new ImportEngine();
    engine.open(book([header, ...Array.from({ length: VALIDATE_CHUNK * 3 }, (_, i) => [String(i), `公司${i}`, '法人', EXAMPLE_USCC])]), 'a.xlsx', 'subjects_org');
    const prepared = engine.prepare('组织主体');
    if (!prepared.ok) throw new Error(prepared.message);
    let chunks = 0;
    const result = await engine.validate(prepared.proposal.mapping, rules, () => {
      chunks += 1;
      engine.cancel();
    });
    expect(result).toBeNull();
    expect(chunks).toBe(1);
  });

  it('refuses in Chinese: an empty sheet, a sheet without the template header, a renamed PDF', () => {
    const engine = new ImportEngine();
    expect(engine.open(new TextEncoder().encode('%PDF-1.7'), '登记册.xlsx', 'subjects_org')).toMatchObject({ ok: false });
    engine.open(book([[]]), 'a.xlsx', 'subjects_org');
    const empty = engine.prepare('组织主体');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toContain('是空的');
    engine.open(book([['甲', '乙'], ['1', '2']]), 'a.xlsx', 'subjects_org');
    const noHeader = engine.prepare('组织主体');
    if (noHeader.ok) throw new Error('expected a refusal');
    expect(noHeader.message).toContain('没有找到');
    expect(template.columns.map(printedHeader)[1]).toBe('*主体名称');
  });

  it('several data sheets: asks which one', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header]), '一月');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header]), '二月');
    const engine = new ImportEngine();
    const opened = engine.open(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'a.xlsx', 'subjects_org');
    expect(opened).toMatchObject({ ok: true, sheet: null, candidates: ['一月', '二月'] });
  });
});
