/**
 * Reads what offices actually have — .xlsx, .xls (BIFF8), WPS .et, CSV in UTF-8 (with or without
 * BOM) or GB18030/GBK — into shared/exchange's SheetInput (rows of plain cell values), following the
 * worker contract of docs/excel-exchange.md: `cellDates: false` (dates stay Excel serials; the legal
 * day is decided by shared's one date parser), the workbook's date system passed on, codes in CSV
 * kept as text (`raw: true`, so 18-digit numbers never lose digits).
 *
 * File-level problems (wrong type, a renamed PDF, an encrypted workbook, an unknown CSV encoding, too
 * many rows) become the Chinese messages of FILE_PROBLEM_MESSAGES — never a thrown error. Used by the
 * import worker (import.worker.ts) and by tests; SheetJS only, no DOM.
 */
import * as XLSX from '@e965/xlsx';
import { FILE_PROBLEM_MESSAGES, MAX_IMPORT_ROWS, type FileProblem, type SheetInput } from '../../../shared/exchange/import';
import type { CellValue } from '../../../shared/exchange/cells';
import type { DateSystem } from '../../../shared/util/parse-date';

export type FileFormat = 'xlsx' | 'xls' | 'et' | 'csv';

export type OpenedWorkbook = {
  ok: true;
  format: FileFormat;
  /** For CSV: the encoding the text was decoded with. */
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030' | null;
  dateSystem: DateSystem;
  sheetNames: string[];
  /** Sheets by name, each as SheetJS parsed it (dense). Read lazily into SheetInput by sheetInput(). */
  book: XLSX.WorkBook;
};

export type FileRefusal = { ok: false; problem: FileProblem | 'sheet_too_many_rows'; message: string; detail?: string };

const ACCEPTED_EXTENSIONS: Record<string, FileFormat> = { xlsx: 'xlsx', xlsm: 'xlsx', xls: 'xls', et: 'et', ett: 'et', csv: 'csv', txt: 'csv' };

function refusal(problem: FileProblem, detail?: string): FileRefusal {
  return { ok: false, problem, message: FILE_PROBLEM_MESSAGES[problem], ...(detail ? { detail } : {}) };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OTHER_BINARY: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x4d, 0x5a], // EXE
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

/** Whether bytes look like text (no NUL, few control characters) — a CSV, not a binary. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= n / 100;
}

/** A UTF-16LE string inside the bytes (CFB stream names are UTF-16LE). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= Math.min(bytes.length, 1 << 20); i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * CSV bytes to text: a BOM decides (UTF-8, UTF-16LE); otherwise strict UTF-8, else GB18030 (a superset
 * of GBK and GB2312, what Excel and WPS write as "CSV" on Chinese Windows).
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string; encoding: NonNullable<OpenedWorkbook['encoding']> } | FileRefusal {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: GB18030 below
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return refusal('csv_encoding');
  }
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Rows read per sheet at most: one more than the limit (plus room for a title and header) tells "too many". */
const READ_ROW_LIMIT = MAX_IMPORT_ROWS + 21;

// cellStyles: true is what makes SheetJS read `!rows` (hidden rows) and `!cols`.
const BASE_OPTIONS: XLSX.ParsingOptions = { type: 'array', dense: true, cellDates: false, cellText: false, cellHTML: false, cellNF: false, cellStyles: true, sheetRows: READ_ROW_LIMIT };

/** Opens a file's bytes; every failure is a Chinese refusal. */
export function openWorkbook(bytes: Uint8Array, fileName: string): OpenedWorkbook | FileRefusal {
  const ext = extensionOf(fileName);
  const declared = ACCEPTED_EXTENSIONS[ext];
  if (bytes.length === 0) return { ok: false, problem: 'no_sheets', message: '文件是空的（0字节），请确认选择了填好数据的表格文件' };
  if (startsWith(bytes, PDF)) return refusal('not_a_workbook', 'pdf');
  if (OTHER_BINARY.some((m) => startsWith(bytes, m))) return refusal(declared ? 'not_a_workbook' : 'unsupported_type', 'other binary');
  let format: FileFormat;
  if (startsWith(bytes, ZIP)) format = 'xlsx';
  else if (startsWith(bytes, CFB_MAGIC)) {
    // An encrypted .xlsx is a compound file with an EncryptionInfo stream (MS-OFFCRYPTO 2.3.4).
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) return refusal('encrypted');
    format = declared === 'et' ? 'et' : 'xls';
  } else if (looksLikeText(bytes)) {
    if (declared && declared !== 'csv') return refusal('not_a_workbook', 'text with a workbook extension');
    if (!declared) return refusal('unsupported_type');
    format = 'csv';
  } else return refusal(declared ? 'not_a_workbook' : 'unsupported_type', 'unknown binary');

  let book: XLSX.WorkBook;
  let encoding: OpenedWorkbook['encoding'] = null;
  try {
    if (format === 'csv') {
      const decoded = decodeCsv(bytes);
      if (!decoded.ok) return decoded;
      encoding = decoded.encoding;
      // raw: cells stay strings (an 18-digit ID never becomes 1.1E+17); dates go through shared's parser.
      book = XLSX.read(decoded.text, { ...BASE_OPTIONS, type: 'string', raw: true });
    } else {
      book = XLSX.read(bytes, BASE_OPTIONS);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) return refusal('encrypted', message);
    if (/zip|cfb|header signature|unsupported file|corrupt/i.test(message)) return refusal('not_a_workbook', message);
    return refusal('read_failed', message);
  }
  if (!book.SheetNames.length) return refusal('no_sheets');
  const dateSystem: DateSystem = book.Workbook?.WBProps?.date1904 ? '1904' : '1900';
  return { ok: true, format, encoding, dateSystem, sheetNames: [...book.SheetNames], book };
}

// SheetJS error cells carry the BIFF error code; we hand over the text Excel shows.
const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 'b':
      return cell.v === true;
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#N/A';
    case 'd':
      // Not produced with cellDates: false; kept as text so no time zone decides a day.
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

/** Rows of a sheet in the file (1-based as Excel counts, from the full range before any sheetRows cut). */
export function sheetRowCount(opened: OpenedWorkbook, name: string): number {
  const ws = opened.book.Sheets[name];
  const ref = ws?.['!fullref'] ?? ws?.['!ref'];
  if (!ref) return 0;
  return XLSX.utils.decode_range(ref).e.r + 1;
}

/**
 * One sheet as shared/exchange's SheetInput: plain cell values (never Date), merges, hidden rows.
 * Refuses a sheet with more rows than an import takes, before building any row.
 */
export function sheetInput(opened: OpenedWorkbook, name: string): { ok: true; sheet: SheetInput } | FileRefusal {
  const ws = opened.book.Sheets[name];
  if (!ws) return { ok: false, problem: 'no_sheets', message: `工作簿中没有名为“${name}”的工作表` };
  const total = sheetRowCount(opened, name);
  if (total > MAX_IMPORT_ROWS + 20) {
    return { ok: false, problem: 'sheet_too_many_rows', message: `工作表“${name}”有${total}行，一次最多导入${MAX_IMPORT_ROWS}行，请拆分为几个文件后分别导入` };
  }
  const dense = (ws as unknown as { '!data'?: (XLSX.CellObject[] | undefined)[] })['!data'] ?? [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < dense.length; r++) {
    const line = dense[r];
    if (!line) {
      rows.push([]);
      continue;
    }
    const out: CellValue[] = new Array<CellValue>(line.length);
    for (let c = 0; c < line.length; c++) out[c] = cellValue(line[c]);
    rows.push(out);
  }
  // Trailing empty rows (formatting only) are not data.
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null || v === '')) rows.pop();
  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((info, i) => {
    if (info?.hidden) hiddenRows.push(i);
  });
  return { ok: true, sheet: { name, rows, merges: (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })), hiddenRows } };
}
