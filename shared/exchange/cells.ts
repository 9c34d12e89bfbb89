import { normalizeIdentifierInput } from '../identifiers/normalize';
import { stripInvisible } from '../util/parse-date';

/**
 * Cell values as the renderer's worker hands them over (SheetJS `sheet_to_json(ws, { header: 1,
 * raw: true })` with `cellDates: false`): strings, numbers (dates stay Excel serials), booleans, empty.
 * Never `Date` objects: the legal day of a date is decided by shared/util/parse-date.ts alone.
 */
export type CellValue = string | number | boolean | null | undefined;

/** What cleaning did to a cell, reported to the user in the import preview. */
export type NormalisationKind =
  | 'trimmed' // spaces around the value
  | 'invisible_removed' // zero-width characters, BOM, soft hyphen, bidi marks
  | 'full_width' // full-width digits/letters in a code
  | 'inner_spaces_removed' // spaces inside a code ("9111 0000 …")
  | 'upper_cased' // lower-case letters in a code, incl. the x of an ID number
  | 'formula_guard_removed' // the leading ' our own export added before = + - @ (see neutraliseFormula)
  | 'number_as_text' // a code stored by Excel as a number, read back as its digits
  | 'date_reformatted'; // 2026/11/4 → 2026-11-04

export const NORMALISATION_LABELS: Record<NormalisationKind, string> = {
  trimmed: '去除首尾空格',
  invisible_removed: '去除不可见字符',
  full_width: '全角字符改为半角',
  inner_spaces_removed: '去除代码中间的空格',
  upper_cased: '小写字母改为大写',
  formula_guard_removed: '去除导出时为防止公式注入添加的单引号',
  number_as_text: '数字格式的代码按文本读取',
  date_reformatted: '日期改为标准格式',
};

export type CleanText = { text: string; kinds: NormalisationKind[] };

// OWASP "CSV Injection": a cell that begins with = + - @, a tab or a carriage return is read as a
// formula by Excel, WPS, LibreOffice; OWASP ASVS 1.2.10 adds NUL. We prefix such a text with a single
// quote, the neutralisation OWASP recommends, so the cell is shown as text and never evaluated.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/** Whether a text would be taken for a formula by a spreadsheet program. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text.charAt(0));
}

/** The text an exported cell must carry: formula-like texts get a leading single quote (OWASP). */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The inverse on re-import: our own guard quote before a formula trigger is removed. */
export function restoreFormulaGuard(text: string): { text: string; restored: boolean } {
  if (text.length > 1 && text.charAt(0) === "'" && FORMULA_TRIGGERS.has(text.charAt(1))) return { text: text.slice(1), restored: true };
  return { text, restored: false };
}

const EXCEL_ERROR_RE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

/** Excel error values ("#N/A", "#REF!" …) that a formula left in a cell. */
export function isExcelErrorValue(text: string): boolean {
  return EXCEL_ERROR_RE.test(text.trim());
}

/** A cell as text: numbers without exponent where exact, booleans as 是/否, empty as ''. */
export function cellToText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return Number.isFinite(value) ? (Number.isSafeInteger(value) ? value.toFixed(0) : String(value)) : '';
  return value;
}

// White space JS `trim` removes (incl. NBSP, U+3000); we also drop invisible characters.
export function isBlankCell(value: CellValue): boolean {
  return cleanText(value).text === '';
}

/**
 * Free text (names, facts, departments): invisible characters removed, white space around removed,
 * line breaks inside kept (facts may have paragraphs). Full-width characters are KEPT: Chinese names
 * are written with （） and they are part of the registered name.
 */
export function cleanText(value: CellValue): CleanText {
  const raw = cellToText(value);
  const kinds: NormalisationKind[] = [];
  let text = stripInvisible(raw);
  if (text !== raw) kinds.push('invisible_removed');
  const guarded = restoreFormulaGuard(text);
  if (guarded.restored) {
    text = guarded.text;
    kinds.push('formula_guard_removed');
  }
  const trimmed = text.trim();
  if (trimmed !== text) kinds.push('trimmed');
  return { text: trimmed, kinds };
}

/**
 * A comparison key for names: full-width/half-width folded (NFKC), white space removed. Two names
 * with the same key are the same name ("示例县（城关）有限公司" = "示例县(城关)有限公司").
 */
export function nameKey(name: string): string {
  return stripInvisible(name.normalize('NFKC')).replace(/\s+/g, '');
}

export type CleanCode =
  | { ok: true; text: string; kinds: NormalisationKind[] }
  | { ok: false; code: 'code_stored_as_number'; reason: string };

/**
 * A code cell (统一社会信用代码, 公民身份号码): cleaned with the identifiers' own normalisation
 * (normalizeIdentifierInput: full-width → half-width, all white space removed, upper case), after the
 * invisible characters the identifiers module does not know about. A number cell is read as its
 * digits only while exact: Excel keeps 15 significant digits, so an 18-digit ID typed into a General
 * cell has already lost its last digits (1.10105E+17) and is refused with a reason saying so.
 */
export function cleanCode(value: CellValue): CleanCode {
  const kinds: NormalisationKind[] = [];
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0 || value.toFixed(0).length > 15) {
      return {
        ok: false,
        code: 'code_stored_as_number',
        reason: '该单元格被Excel存成了数字，超过15位的号码末几位已经丢失，请把该列设置为“文本”格式后重新填写号码',
      };
    }
    kinds.push('number_as_text');
  }
  const base = cleanText(value);
  kinds.push(...base.kinds);
  if (/^\d(\.\d+)?E\+\d+$/i.test(base.text)) {
    return { ok: false, code: 'code_stored_as_number', reason: `“${base.text}”是科学计数法显示的数字，号码已经丢失，请把该列设置为“文本”格式后重新填写号码` };
  }
  const normalized = normalizeIdentifierInput(base.text);
  const folded = base.text.normalize('NFKC');
  if (folded !== base.text && /[\uFF01-\uFF5E]/.test(base.text)) kinds.push('full_width');
  if (/\s/.test(folded)) kinds.push('inner_spaces_removed');
  if (folded.replace(/\s+/g, '') !== folded.replace(/\s+/g, '').toUpperCase()) kinds.push('upper_cased');
  return { ok: true, text: normalized, kinds: [...new Set(kinds)] };
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
