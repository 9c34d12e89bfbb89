import { daysInMonth, formatIsoDate, fromEpochDay, toEpochDay, type IsoDate } from './dates';

/**
 * THE date parser of the app: every form field and every imported cell that holds a legal date goes
 * through `parseDateInput`. A legal date is a day (no time zone), so the result is an `IsoDate`.
 *
 * Accepted (after cleaning, see below):
 *  - 2026-11-04, 2026-11-4, 2026/11/4, 2026.11.4 (year first, one separator kind throughout);
 *  - 2026年11月4日 (also …4号, or without 日), 二〇二六年十一月四日 (Chinese numerals, as in older
 *    official documents);
 *  - 20261104 (eight digits);
 *  - an Excel serial number (a `number`, e.g. a cell SheetJS read with `raw: true`): the 1900 date
 *    system by default, with Excel's fictitious 1900-02-29 (serial 60) refused; the 1904 system when
 *    told (`dateSystem: '1904'`, a workbook flag SheetJS reports as `wb.Workbook.WBProps.date1904`).
 *    A fractional part (time of day) is dropped. Digit strings are serials only with `serialText`.
 *  - a trailing time "0:00", "00:00:00" (WPS/Excel CSV of a date-time cell) is dropped.
 * Cleaning: NFKC (full-width digits ０-９ and separators －／．become ASCII), the ideographic full stop
 * 。 and dash variants (‐ ‑ ‒ – — − ﹣) become separators, zero-width and other invisible characters
 * (U+200B–U+200F, U+2060, U+FEFF BOM, U+00AD, bidi controls) are removed, then all white space
 * (incl. NBSP, U+3000) is removed.
 * Refused, each with a Chinese reason that says what to type: two-digit years (26-11-4), day- or
 * month-first orders (11/4/2026, which cannot be told apart), incomplete dates (2026-11), mixed
 * separators (2026-11/4), impossible dates (2026-02-30, 2026-13-01), dates outside `min`–`max`
 * (default 1900-01-01 to 2100-12-31), time stamps with a zone (2026-11-04T00:00:00Z: the day depends
 * on the zone) and anything else. No `Date` object is ever created or accepted (see docs/excel-exchange.md).
 */
export type DateSystem = '1900' | '1904';

export type ParseDateOptions = {
  /** Excel workbook date system for numeric cells; default '1900'. */
  dateSystem?: DateSystem;
  /** Treat a plain digit string of 1–5 digits (optionally with a fraction) as an Excel serial. */
  serialText?: boolean;
  /** Earliest accepted date (inclusive); default 1900-01-01. */
  min?: IsoDate;
  /** Latest accepted date (inclusive); default 2100-12-31. */
  max?: IsoDate;
};

/** Which accepted form the input was in (for the import's normalisation report). */
export type DateInputForm = 'iso' | 'separated' | 'chinese' | 'chinese_numerals' | 'compact' | 'excel_serial';

export type ParsedDate =
  | { ok: true; date: IsoDate; form: DateInputForm; /** true when the input was not already exactly `date`. */ changed: boolean }
  | { ok: false; code: DateRefusalCode; reason: string };

export type DateRefusalCode =
  | 'date_empty'
  | 'date_two_digit_year'
  | 'date_ambiguous_order'
  | 'date_incomplete'
  | 'date_mixed_separators'
  | 'date_bad_month'
  | 'date_bad_day'
  | 'date_out_of_range'
  | 'date_with_zone'
  | 'date_serial_invalid'
  | 'date_serial_1900_leap_bug'
  | 'date_unrecognised';

export const DATE_FORMAT_HINT = '请按 2026-11-04 或 2026年11月4日 的格式填写日期';
const DEFAULT_MIN: IsoDate = '1900-01-01';
const DEFAULT_MAX: IsoDate = '2100-12-31';

// Characters that carry nothing visible and only break matching (copied from web pages, Word, WPS).
const INVISIBLE_RE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const DASH_RE = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

/** Input cleaning shared with the Excel exchange (shared/exchange/cells.ts reports what it did). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

function clean(raw: string): string {
  return stripInvisible(raw.normalize('NFKC')).replace(DASH_RE, '-').replace(/\u3002/g, '.');
}

function refusal(code: DateRefusalCode, detail: string): ParsedDate {
  return { ok: false, code, reason: `${DATE_FORMAT_HINT}；${detail}` };
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九, 十, 十一 … 十九, 二十 … 三十一; null when not such a number. */
function chineseSmallNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? (CN_DIGITS[tens] ?? null) : null;
  return (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (units ? (CN_DIGITS[units] ?? 0) : 0);
}

function checkParts(year: number, month: number, day: number, shown: string, options: ParseDateOptions): ParsedDate | IsoDate {
  if (month < 1 || month > 12) return refusal('date_bad_month', `“${shown}”的月份不存在`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return day < 1 ? refusal('date_bad_day', `“${shown}”的日不存在`) : refusal('date_bad_day', `${year}年${month}月没有${day}日`);
  }
  const date = formatIsoDate({ year, month, day });
  const min = options.min ?? DEFAULT_MIN;
  const max = options.max ?? DEFAULT_MAX;
  if (date < min || date > max) return refusal('date_out_of_range', `“${shown}”不在可填写的范围内（${min}至${max}）`);
  return date;
}

function fromParts(year: number, month: number, day: number, shown: string, form: DateInputForm, original: string, options: ParseDateOptions): ParsedDate {
  const checked = checkParts(year, month, day, shown, options);
  if (typeof checked !== 'string') return checked;
  return { ok: true, date: checked, form, changed: original !== checked };
}

// Excel 1900 system: serial 1 = 1900-01-01 … serial 59 = 1900-02-28; serial 60 is Excel's
// non-existent 1900-02-29 (kept for Lotus 1-2-3 compatibility); serial 61 = 1900-03-01, so from 61 on
// serial n = 1899-12-30 + n days. 1904 system: serial 0 = 1904-01-01.
const EPOCH_1899_12_30 = toEpochDay('1899-12-30');
const EPOCH_1899_12_31 = toEpochDay('1899-12-31');
const EPOCH_1904_01_01 = toEpochDay('1904-01-01');

/** The date of an Excel serial, or a refusal. */
export function excelSerialToDate(serial: number, dateSystem: DateSystem = '1900', options: ParseDateOptions = {}): ParsedDate {
  const shown = String(serial);
  if (!Number.isFinite(serial) || serial < 0 || (dateSystem === '1900' && serial < 1)) {
    return { ok: false, code: 'date_serial_invalid', reason: `表格中的日期数值“${shown}”不是有效日期，请把该单元格改为 2026-11-04 格式的日期` };
  }
  const whole = Math.floor(serial);
  if (dateSystem === '1900' && whole === 60) {
    return {
      ok: false,
      code: 'date_serial_1900_leap_bug',
      reason: '表格中的日期数值60对应“1900年2月29日”，这一天并不存在（Excel 1900 日期系统的已知错误），请把该单元格改为正确的日期',
    };
  }
  const epochDay = dateSystem === '1904' ? EPOCH_1904_01_01 + whole : whole < 60 ? EPOCH_1899_12_31 + whole : EPOCH_1899_12_30 + whole;
  const min = options.min ?? DEFAULT_MIN;
  const max = options.max ?? DEFAULT_MAX;
  // Compare as day numbers: a huge serial has no four-digit year and must not reach fromEpochDay.
  if (epochDay < toEpochDay(min) || epochDay > toEpochDay(max)) {
    return { ok: false, code: 'date_out_of_range', reason: `表格中的日期数值“${shown}”不在可填写的日期范围内（${min}至${max}），请核对该单元格` };
  }
  return { ok: true, date: fromEpochDay(epochDay), form: 'excel_serial', changed: true };
}

/** The Excel serial of a date (for writing date cells), or null when the system cannot hold it. */
export function dateToExcelSerial(date: IsoDate, dateSystem: DateSystem = '1900'): number | null {
  const day = toEpochDay(date);
  if (dateSystem === '1904') return day >= EPOCH_1904_01_01 ? day - EPOCH_1904_01_01 : null;
  if (date < '1900-01-01') return null;
  return date < '1900-03-01' ? day - EPOCH_1899_12_31 : day - EPOCH_1899_12_30;
}

const TRAILING_TIME_RE = /[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONE_RE = /\d(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parse what a user typed or a cell held into a legal date. `input` is a string (form field, text
 * cell) or a number (an Excel serial). Never throws.
 */
export function parseDateInput(input: string | number | null | undefined, options: ParseDateOptions = {}): ParsedDate {
  if (input === null || input === undefined) return { ok: false, code: 'date_empty', reason: `请填写日期（如 2026-11-04 或 2026年11月4日）` };
  if (typeof input === 'number') return excelSerialToDate(input, options.dateSystem ?? '1900', options);
  if (typeof input !== 'string') return refusal('date_unrecognised', '无法识别的日期');
  const original = input;
  let text = clean(input).trim();
  const shownOriginal = stripInvisible(input).trim();
  if (text === '') return { ok: false, code: 'date_empty', reason: `请填写日期（如 2026-11-04 或 2026年11月4日）` };
  if (ZONE_RE.test(text)) return refusal('date_with_zone', `“${shownOriginal}”带有时区的时间，请只填写日期`);
  const time = TRAILING_TIME_RE.exec(text);
  if (time) {
    const [hh, mm, ss] = [Number(time[1]), Number(time[2]), time[3] === undefined ? 0 : Number(time[3])];
    if (hh > 23 || mm > 59 || ss > 59) return refusal('date_unrecognised', `“${shownOriginal}”中的时间不正确，请只填写日期`);
    text = text.slice(0, time.index).trim();
  }
  text = text.replace(/\s+/g, '');
  const shown = shownOriginal;

  if (options.serialText && /^\d{1,5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text), options.dateSystem ?? '1900', options);

  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), shown, 'chinese', original, options);
  m = /^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})[日号]?$/.exec(text);
  if (m) {
    const year = [...(m[1] ?? '')].reduce((acc, ch) => acc * 10 + (CN_DIGITS[ch] ?? 0), 0);
    const month = chineseSmallNumber(m[2] ?? '');
    const day = chineseSmallNumber(m[3] ?? '');
    if (month === null || day === null) return refusal('date_unrecognised', `“${shown}”不是日期`);
    return fromParts(year, month, day, shown, 'chinese_numerals', original, options);
  }
  if (/^\d{2}年\d{1,2}月\d{1,2}[日号]?$/.test(text)) return refusal('date_two_digit_year', `“${shown}”的年份只有两位，请写全四位年份（如2026）`);
  if (/^\d{4}年(\d{1,2}月?)?$/.test(text)) return refusal('date_incomplete', `“${shown}”缺少${text.includes('月') ? '日' : '月和日'}`);

  m = /^(\d+)([-/.])(\d+)\2(\d+)$/.exec(text);
  if (m) {
    const [a, sep, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''];
    if (a.length === 4 && b.length <= 2 && c.length <= 2) {
      const form: DateInputForm = sep === '-' && b.length === 2 && c.length === 2 ? 'iso' : 'separated';
      return fromParts(Number(a), Number(b), Number(c), shown, form, original, options);
    }
    if (a.length <= 2 && c.length === 4 && b.length <= 2) return refusal('date_ambiguous_order', `“${shown}”看不出哪个是月、哪个是日，请把四位年份写在最前面`);
    if (a.length === 2 && b.length <= 2 && c.length <= 2) return refusal('date_two_digit_year', `“${shown}”的年份只有两位，请写全四位年份（如2026）`);
    return refusal('date_unrecognised', `“${shown}”不是日期`);
  }
  if (/^\d+[-/.]\d+[-/.]\d+$/.test(text)) return refusal('date_mixed_separators', `“${shown}”中的分隔符不一致，请统一使用“-”`);
  if (/^\d{4}[-/.]\d{1,2}$/.test(text)) return refusal('date_incomplete', `“${shown}”缺少日`);
  if (/^\d{4}$/.test(text)) return refusal('date_incomplete', `“${shown}”缺少月和日`);
  if (/^\d{8}$/.test(text)) return fromParts(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)), shown, 'compact', original, options);
  if (/^\d{6,7}$/.test(text)) return refusal('date_ambiguous_order', `“${shown}”位数不足，请写成8位（如20261104）或 2026-11-04`);
  return refusal('date_unrecognised', `“${shown}”不是日期`);
}

/** Shorthand for forms: the IsoDate or null (use parseDateInput to show the reason). */
export function parseDateOrNull(input: string | number | null | undefined, options: ParseDateOptions = {}): IsoDate | null {
  const parsed = parseDateInput(input, options);
  return parsed.ok ? parsed.date : null;
}
