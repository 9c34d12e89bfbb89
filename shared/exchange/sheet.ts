import type { IsoDate } from '../util/dates';
import { dateToExcelSerial } from '../util/parse-date';
import { cellToText, neutraliseFormula, type CellValue } from './cells';

/**
 * The export model: workbooks as plain data, independent of SheetJS. The renderer's worker turns an
 * ExportWorkbook into a file (see docs/excel-exchange.md for the exact SheetJS mapping):
 *  - 'text'  → { t: 's', v } — `value` is already neutralised against formula injection;
 *  - 'code'  → { t: 's', v, z: '@' } — a code (统一社会信用代码, 身份证号) written as a TEXT cell, so
 *               Excel and WPS never show 1.1E+17 or drop digits;
 *  - 'number'→ { t: 'n', v, z? };
 *  - 'date'  → { t: 'n', v: serial, z: 'yyyy-mm-dd' } — a real Excel date (1900 system);
 *  - 'blank' → no cell.
 * Build cells only with the constructors below, so no text reaches a file un-neutralised.
 */
export type ExportCell =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string; numberFormat: '@' }
  | { type: 'number'; value: number; numberFormat: string | null }
  | { type: 'date'; value: IsoDate; serial: number; numberFormat: 'yyyy-mm-dd' }
  | { type: 'blank' };

export function textCell(value: string | null | undefined): ExportCell {
  if (value === null || value === undefined || value === '') return { type: 'blank' };
  return { type: 'text', value: neutraliseFormula(value) };
}

/** A code as a text cell ('@'). Codes never start with a formula character; neutralised all the same. */
export function codeCell(value: string | null | undefined): ExportCell {
  if (value === null || value === undefined || value === '') return { type: 'blank' };
  return { type: 'code', value: neutraliseFormula(value), numberFormat: '@' };
}

export function numberCell(value: number | null | undefined, numberFormat: string | null = null): ExportCell {
  if (value === null || value === undefined || !Number.isFinite(value)) return { type: 'blank' };
  return { type: 'number', value, numberFormat };
}

export function dateCell(value: IsoDate | null | undefined): ExportCell {
  if (value === null || value === undefined || value === '') return { type: 'blank' };
  const serial = dateToExcelSerial(value);
  return serial === null ? textCell(value) : { type: 'date', value, serial, numberFormat: 'yyyy-mm-dd' };
}

export const BLANK: ExportCell = { type: 'blank' };

/** A cell copied back from an import (rejected rows): numbers stay numbers, everything else text. */
export function cellFromImport(value: CellValue): ExportCell {
  if (typeof value === 'number') return numberCell(value);
  return textCell(cellToText(value));
}

/** The text a cell shows (tests, CSV, previews). */
export function cellDisplay(cell: ExportCell): string {
  switch (cell.type) {
    case 'blank':
      return '';
    case 'number':
      return String(cell.value);
    default:
      return cell.value;
  }
}

/** A drop-down list: the column's cells from `firstRow` to `lastRow` (0-based) take values of a range on another sheet. */
export type ListValidation = { column: number; firstRow: number; lastRow: number; listSheet: string; listRange: string; title: string };

export type ExportSheet = {
  name: string;
  /** Title and basis rows above the header (each a row of cells; usually one text cell). */
  preamble: ExportCell[][];
  /** Header texts; empty for free-form sheets (instructions). */
  header: string[];
  rows: ExportCell[][];
  /** Widths in characters (SheetJS `!cols[i].wch`). */
  columnWidths: number[];
  /** Rows to freeze at the top (preamble + header). */
  frozenRows: number;
  validations: ListValidation[];
  /** Columns whose empty cells should be pre-formatted as text ('@') for `textRows` rows (template code columns). */
  textColumns: number[];
  textRows: number;
  /** Merged ranges, 0-based, e.g. a title across all columns. */
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  hidden?: boolean;
};

export type ExportWorkbook = { fileName: string; sheets: ExportSheet[] };

export function emptySheet(name: string): ExportSheet {
  return { name, preamble: [], header: [], rows: [], columnWidths: [], frozenRows: 0, validations: [], textColumns: [], textRows: 0, merges: [] };
}

/** A title row merged across `width` columns. */
export function titleRow(sheet: ExportSheet, text: string, width: number): void {
  const r = sheet.preamble.length;
  sheet.preamble.push([textCell(text)]);
  if (width > 1) sheet.merges.push({ s: { r, c: 0 }, e: { r, c: width - 1 } });
}

/** 0-based row index of the header row in the written sheet. */
export function headerRowIndex(sheet: ExportSheet): number {
  return sheet.preamble.length;
}

/** All rows as written, top to bottom: preamble, header, data (for tests and CSV). */
export function sheetGrid(sheet: ExportSheet): string[][] {
  return [...sheet.preamble.map((r) => r.map(cellDisplay)), ...(sheet.header.length > 0 ? [sheet.header.map((h) => neutraliseFormula(h))] : []), ...sheet.rows.map((r) => r.map(cellDisplay))];
}

/** Illegal characters in Excel sheet names are removed and the name cut to 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, '').trim();
  return [...(cleaned === '' ? 'Sheet1' : cleaned)].slice(0, 31).join('');
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]/g, '_').trim() || '导出';
}
