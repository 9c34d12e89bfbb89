/**
 * Reading what offices have (xlsx, xls, CSV in UTF-8 with/without BOM and GB18030) and refusing what
 * is not a workbook with a Chinese message; templates written and read back.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import {
  checkImport,
  importTemplate,
  printedHeader,
  proposeMapping,
  templateWorkbook,
  EXAMPLE_CITIZEN_ID,
  EXAMPLE_USCC,
  FILE_PROBLEM_MESSAGES,
  IMPORT_TEMPLATE_IDS,
  MAX_IMPORT_ROWS,
} from '../../../shared';
import { openWorkbook, sheetInput, type OpenedWorkbook } from '../../../renderer/src/exchange/xlsx-reader';
import { workbookBytesWith } from '../../../renderer/src/exchange/xlsx-writer';
import { encodeGbk } from './gbk';

const ctx = { today: '2026-11-04' };

function opened(bytes: Uint8Array, name: string): OpenedWorkbook {
  const o = openWorkbook(bytes, name);
  if (!o.ok) throw new Error(o.message);
  return o;
}

function rowsOf(o: OpenedWorkbook, name = o.sheetNames[0]!) {
  const s = sheetInput(o, name);
  if (!s.ok) throw new Error(s.message);
  return s.sheet;
}

function sheetXml(bytes: Uint8Array, index: number): string {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  const at = zip.FullPaths.findIndex((p: string) => p.endsWith(`xl/worksheets/sheet${index}.xml`));
  return new TextDecoder().decode(zip.FileIndex[at]!.content as Uint8Array);
}

const PERSON_CSV = `序号,姓名,公民身份号码,乡镇（街道）\r\n1,王五,${EXAMPLE_CITIZEN_ID.slice(0, 17)}${EXAMPLE_CITIZEN_ID.slice(17).toLowerCase()},城关镇\r\n`;

describe('templates', () => {
  for (const id of IMPORT_TEMPLATE_IDS) {
    it(`${id}: instruction sheet, data sheet with Chinese headers and an example row that is never imported, code table, widths, drop-downs, frozen header`, () => {
      const template = importTemplate(id);
      const bytes = workbookBytesWith(XLSX, templateWorkbook(template));
      const o = opened(bytes, `${template.title}.xlsx`);
      expect(o.sheetNames).toEqual(['填写说明', template.sheetName, '代码表']);
      const data = rowsOf(o, template.sheetName);
      expect(data.rows[0]).toEqual(template.columns.map(printedHeader));
      const ws = o.book.Sheets[template.sheetName]!;
      expect(ws['!cols']?.map((c) => c.wch)).toEqual(template.columns.map((c) => c.width));
      // the example row is recognised and never imported
      const mapping = proposeMapping(template, data.rows[0]!).mapping;
      const checked = checkImport(template, data, mapping, ctx, () => null);
      if (!checked.ok) throw new Error(checked.reason);
      expect(checked.summary.examples).toBe(1);
      expect(checked.summary.create + checked.summary.merge).toBe(0);
      // code columns are text cells, never numbers
      const codeColumns = template.columns.flatMap((c, i) => (c.kind === 'uscc' || c.kind === 'citizen_id' ? [i] : []));
      for (const c of codeColumns) {
        const cell = ws['!data']?.[1]?.[c];
        if (cell) expect(cell.t).toBe('s');
      }
      const xml = sheetXml(bytes, 2);
      expect(xml).toContain('state="frozen"');
      expect(xml).toContain('orientation="landscape"');
      if (template.columns.some((c) => c.table)) expect(xml).toMatch(/<dataValidations count="\d+"><dataValidation type="list"[^>]*sqref="[A-Z]+2:[A-Z]+2001"><formula1>&apos;|<dataValidations count="\d+"><dataValidation type="list"[^>]*><formula1>'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$\d+<\/formula1>/);
      const instructions = rowsOf(o, '填写说明');
      expect(instructions.rows.flat().join('')).toContain('示例');
    });
  }
});

describe('reading files', () => {
  it('reads .xls (BIFF8) written by older Excel/WPS', () => {
    const ws = XLSX.utils.aoa_to_sheet([['主体名称', '统一社会信用代码'], ['示例县乙公司', EXAMPLE_USCC]]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '组织主体');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const o = opened(bytes, '登记册.xls');
    expect(o.format).toBe('xls');
    expect(rowsOf(o).rows[1]).toEqual(['示例县乙公司', EXAMPLE_USCC]);
  });

  it('keeps Excel date serials as numbers (never Date) and reports the 1904 date system', () => {
    const ws = XLSX.utils.aoa_to_sheet([['认定日期'], [46330]]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const o = opened(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'a.xlsx');
    expect(o.dateSystem).toBe('1904');
    expect(rowsOf(o).rows[1]).toEqual([46330]);
  });

  it('reads CSV in UTF-8 without BOM, with BOM and in GB18030/GBK, keeping 18-digit codes as text', () => {
    const utf8 = new TextEncoder().encode(PERSON_CSV);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const gbk = encodeGbk(PERSON_CSV);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(PERSON_CSV);
    for (const [bytes, encoding] of [[utf8, 'utf-8'], [bom, 'utf-8-bom'], [gbk, 'gb18030']] as const) {
      const o = opened(bytes, '自然人.csv');
      expect(o.encoding).toBe(encoding);
      const sheet = rowsOf(o);
      expect(sheet.rows[0]).toEqual(['序号', '姓名', '公民身份号码', '乡镇（街道）']);
      expect(sheet.rows[1]?.[2]).toBe(`${EXAMPLE_CITIZEN_ID.slice(0, 17)}${EXAMPLE_CITIZEN_ID.slice(17).toLowerCase()}`);
      const template = importTemplate('subjects_person');
      const checked = checkImport(template, sheet, proposeMapping(template, sheet.rows[0]!).mapping, ctx, () => null);
      if (!checked.ok) throw new Error(checked.reason);
      expect(checked.summary.valid).toBe(1);
    }
  });

  it('refuses a renamed PDF, an image, an encrypted workbook, a text file named .xlsx, an unknown type and an empty file, in Chinese', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n');
    expect(openWorkbook(pdf, '登记册.xlsx')).toMatchObject({ ok: false, problem: 'not_a_workbook', message: FILE_PROBLEM_MESSAGES.not_a_workbook });
    expect(openWorkbook(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), '照片.xlsx')).toMatchObject({ ok: false, problem: 'not_a_workbook' });
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(64));
    const encrypted = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    expect(openWorkbook(encrypted, '加密.xlsx')).toMatchObject({ ok: false, problem: 'encrypted', message: FILE_PROBLEM_MESSAGES.encrypted });
    expect(openWorkbook(new TextEncoder().encode('hello'), 'a.xlsx')).toMatchObject({ ok: false, problem: 'not_a_workbook' });
    expect(openWorkbook(new TextEncoder().encode('hello'), 'a.docx')).toMatchObject({ ok: false, problem: 'unsupported_type', message: FILE_PROBLEM_MESSAGES.unsupported_type });
    expect(openWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]), '坏.xlsx')).toMatchObject({ ok: false, problem: 'not_a_workbook' });
    const empty = openWorkbook(new Uint8Array(0), '空.xlsx');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toMatch(/空/);
  });

  it('refuses a sheet with more rows than one import takes, without building the rows', () => {
    const lines = ['姓名,公民身份号码', ...Array.from({ length: MAX_IMPORT_ROWS + 30 }, () => '甲,1')].join('\n');
    const o = opened(new TextEncoder().encode(lines), '大.csv');
    const s = sheetInput(o, o.sheetNames[0]!);
    expect(s).toMatchObject({ ok: false, problem: 'sheet_too_many_rows' });
    if (!s.ok) expect(s.message).toContain(`最多导入${MAX_IMPORT_ROWS}行`);
  });

  it('hands over merged header cells and hidden rows', () => {
    const ws = XLSX.utils.aoa_to_sheet([['主体名称', '法定代表人', ''], ['', '姓名', '身份证号码'], ['甲公司', '张三', EXAMPLE_CITIZEN_ID]]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }];
    ws['!rows'] = [{}, {}, { hidden: true }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const sheet = rowsOf(opened(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'a.xlsx'));
    expect(sheet.merges).toHaveLength(2);
    expect(sheet.hiddenRows).toEqual([2]);
  });
});
