import { describe, expect, it } from 'vitest';
import { chartWorkbook, sampleDrawWorkbook } from '../../shared/credit/exports';
import { drawSample } from '../../shared/credit/sampling';
import { sheetGrid } from '../../shared/exchange/sheet';

describe('credit exports (shared/exchange model)', () => {
  it("a chart's data: title, scope, header, numbers as numbers, formula-like text neutralised, codes as text", () => {
    const wb = chartWorkbook({ title: '列入与移出（按月）', scope: '全部月份', header: ['月份', '乡镇', '代码', '列入（件）'], rows: [['2026-01', '=HYPERLINK("x")', '91210000MA00000030', 3]], codeColumns: [2], notes: ['说明'] }, '2026-10-12');
    expect(wb.fileName).toBe('列入与移出（按月）（2026-10-12）.xlsx');
    const sheet = wb.sheets[0]!;
    expect(sheetGrid(sheet).slice(0, 3)).toEqual([['列入与移出（按月）'], ['统计范围：全部月份'], ['生成日期：2026-10-12']]);
    expect(sheet.rows[0]).toEqual([
      { type: 'text', value: '2026-01' },
      { type: 'text', value: `'=HYPERLINK("x")` },
      { type: 'code', value: '91210000MA00000030', numberFormat: '@' },
      { type: 'number', value: 3, numberFormat: null },
    ]);
    expect(sheet.rows.at(-1)).toEqual([{ type: 'text', value: '说明' }]);
  });

  it('a recorded draw: who was drawn per tier, and the seed, method and list digests to recompute it', () => {
    const drawn = drawSample('seed|A', ['s1', 's2', 's3'], 2);
    if (!drawn.ok) throw new Error(drawn.reason);
    const wb = sampleDrawWorkbook(
      {
        at: '2026-10-12T02:00:00.000Z',
        by: '李办',
        asOf: '2026-10-12',
        policy: { id: 'HEBEI-6-2', version: 2, title: '企业信用分级分类差异化监管' },
        seed: 'seed',
        candidates: ['s1', 's2', 's3'].map((id, i) => ({ id, label: `企业${i + 1}`, code: `9121000000000000${i}X`, grade: 'A' })),
        tiers: [{ tierKey: 'A', label: 'A类', ratio: 0.5, draw: drawn.draw }],
      },
      '2026年10月12日 10:00',
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['抽取结果', '抽取记录']);
    expect(wb.sheets[0]!.rows).toHaveLength(2);
    expect(wb.sheets[0]!.rows[0]?.[4]).toMatchObject({ type: 'code' });
    const log = sheetGrid(wb.sheets[1]!);
    expect(log).toContainEqual(['抽取种子', 'seed']);
    expect(log).toContainEqual(['抽取时间', '2026年10月12日 10:00']);
    expect(log.find((r) => r[0] === 'A类')?.[1]).toContain(drawn.draw.candidatesDigest);
    expect(log.find((r) => r[0] === '抽取方法')?.[1]).toMatch(/^对每个候选主体计算 SHA-256/);
  });
});
