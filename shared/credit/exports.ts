import type { IsoDate } from '../util/dates';
import { codeCell, emptySheet, numberCell, safeFileName, safeSheetName, textCell, titleRow, type ExportCell, type ExportWorkbook } from '../exchange/sheet';
import { DRAW_ALGORITHM_LABEL, type SampleDraw } from './sampling';

/**
 * Excel models (shared/exchange ExportWorkbook: formula-injection neutralised, codes as text cells)
 * for what the credit pages export: a chart's data, and a recorded 双随机 draw.
 */
export type ChartValue = string | number | null;

export type ChartTable = {
  title: string;
  /** What the figures cover (period and filters, in Chinese). */
  scope: string;
  header: string[];
  rows: ChartValue[][];
  /** Columns holding codes (written as text). */
  codeColumns?: number[];
  notes?: string[];
};

function cellOf(value: ChartValue, code: boolean): ExportCell {
  if (typeof value === 'number') return numberCell(value, Number.isInteger(value) ? null : '0.00');
  return code ? codeCell(value) : textCell(value);
}

/** One chart's data as a workbook of one sheet: title, scope, header, rows, notes. */
export function chartWorkbook(table: ChartTable, generatedOn: IsoDate): ExportWorkbook {
  const sheet = emptySheet(safeSheetName(table.title));
  titleRow(sheet, table.title, Math.max(1, table.header.length));
  sheet.preamble.push([textCell(`统计范围：${table.scope}`)], [textCell(`生成日期：${generatedOn}`)]);
  sheet.header = table.header;
  const codes = new Set(table.codeColumns ?? []);
  sheet.rows = [...table.rows.map((r) => r.map((v, i) => cellOf(v, codes.has(i)))), ...(table.notes ?? []).map((n) => [textCell(n)])];
  sheet.columnWidths = table.header.map((h, i) => Math.min(40, Math.max(10, [...h].length + 4, ...table.rows.map((r) => [...String(r[i] ?? '')].length + 2))));
  sheet.frozenRows = sheet.preamble.length + 1;
  return { fileName: safeFileName(`${table.title}（${generatedOn}）.xlsx`), sheets: [sheet] };
}

export type DrawRecord = {
  at: string;
  by: string;
  asOf: IsoDate;
  policy: { id: string; version: number; title: string };
  seed: string;
  candidates: readonly { id: string; label: string; code: string; grade: string }[];
  tiers: readonly { tierKey: string; label: string; ratio: number | null; draw: SampleDraw }[];
};

/**
 * A recorded draw as a workbook: 抽取结果 (who was drawn, per tier, in rank order) and 抽取记录 (seed,
 * algorithm, policy version, the digest of each tier's candidate list, who drew and when), so anyone
 * can recompute the draw (shared/credit/sampling verifyDraw). `atText` is the local time of `at`.
 */
export function sampleDrawWorkbook(record: DrawRecord, atText: string): ExportWorkbook {
  const byId = new Map(record.candidates.map((c) => [c.id, c]));
  const result = emptySheet('抽取结果');
  titleRow(result, `双随机抽查对象（${record.policy.title}）`, 6);
  result.header = ['档次', '抽查比例', '序号', '主体名称', '统一社会信用代码', '信用等级'];
  for (const t of record.tiers) {
    t.draw.drawn.forEach((d, i) => {
      const c = byId.get(d.id);
      result.rows.push([textCell(t.label), t.ratio === null ? textCell('未设置') : numberCell(t.ratio, '0%'), numberCell(i + 1), textCell(c?.label ?? d.id), codeCell(c?.code ?? ''), textCell(c?.grade ?? '')]);
    });
  }
  result.columnWidths = [22, 10, 6, 36, 22, 10];
  result.frozenRows = 2;

  const log = emptySheet('抽取记录');
  titleRow(log, '抽取记录', 2);
  log.header = ['项目', '内容'];
  const line = (k: string, v: string) => [textCell(k), textCell(v)];
  log.rows = [
    line('抽取时间', atText),
    line('抽取人', record.by),
    line('评价日期', record.asOf),
    line('抽查方案', `${record.policy.title}（第${record.policy.version}版）`),
    line('抽取种子', record.seed),
    line('抽取方法', DRAW_ALGORITHM_LABEL),
    ...record.tiers.map((t) => line(`${t.label}`, `候选${t.draw.candidateCount}个，抽取${t.draw.count}个；候选名单校验值 ${t.draw.candidatesDigest}；本档种子 ${t.draw.seed}`)),
  ];
  log.columnWidths = [20, 100];
  log.frozenRows = 2;
  const stamp = atText.replace(/[^0-9]/g, '').slice(0, 12);
  return { fileName: safeFileName(`双随机抽查对象-${stamp}.xlsx`), sheets: [result, log] };
}
