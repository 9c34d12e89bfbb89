import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateToExcelSerial, excelSerialToDate, parseDateInput, parseDateOrNull, DATE_FORMAT_HINT } from '../../shared/util/parse-date';
import { parseDateInput as fromIndex } from '../../shared';
import { fromEpochDay, parseIsoDate, toEpochDay } from '../../shared/util/dates';

const FIRST = toEpochDay('1900-01-01');
const LAST = toEpochDay('2100-12-31');

const CN = '〇一二三四五六七八九';
function cnSmall(n: number): string {
  const units = n % 10;
  const tens = Math.floor(n / 10);
  if (tens === 0) return CN.charAt(units);
  return `${tens === 1 ? '' : CN.charAt(tens)}十${units === 0 ? '' : CN.charAt(units)}`;
}
const fullWidth = (s: string): string => s.replace(/[0-9./-]/g, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0));

/** Every accepted way of writing the day. */
function writings(iso: string): string[] {
  const { year, month, day } = parseIsoDate(iso);
  const y = String(year);
  return [
    iso,
    `${y}-${month}-${day}`,
    `${y}/${month}/${day}`,
    `${y}.${month}.${day}`,
    `${y}年${month}月${day}日`,
    `${y}年${String(month).padStart(2, '0')}月${String(day).padStart(2, '0')}日`,
    `${y}年${month}月${day}号`,
    iso.replace(/-/g, ''),
    fullWidth(iso),
    fullWidth(`${y}/${month}/${day}`),
    `${[...y].map((d) => CN.charAt(Number(d))).join('')}年${cnSmall(month)}月${cnSmall(day)}日`,
    `${y}/${month}/${day} 0:00`,
  ];
}

describe('parseDateInput: the forms offices type', () => {
  it.each([
    ['2026-11-04', '2026-11-04'],
    ['2026-11-4', '2026-11-04'],
    ['2026/11/4', '2026-11-04'],
    ['2026.11.4', '2026-11-04'],
    ['2026年11月4日', '2026-11-04'],
    ['2026年11月4号', '2026-11-04'],
    ['20261104', '2026-11-04'],
    ['２０２６－１１－０４', '2026-11-04'],
    ['２０２６年１１月４日', '2026-11-04'],
    ['2026。11。4', '2026-11-04'],
    ['2026—11—04', '2026-11-04'],
    ['  2026-11-04\u00a0', '2026-11-04'],
    ['\ufeff2026-11-04', '2026-11-04'],
    ['2026\u200b-11-\u200d04', '2026-11-04'],
    ['2026 年 11 月 4 日', '2026-11-04'],
    ['\u30002026/11/4\u3000', '2026-11-04'],
    ['2026/11/4 0:00', '2026-11-04'],
    ['2026-11-04 00:00:00', '2026-11-04'],
    ['二〇二六年十一月四日', '2026-11-04'],
    ['二〇二六年十二月三十一日', '2026-12-31'],
    ['2024年2月29日', '2024-02-29'],
  ])('%j → %s', (input, expected) => {
    const parsed = parseDateInput(input);
    expect(parsed).toMatchObject({ ok: true, date: expected });
  });

  it('reports whether the input was already the ISO form', () => {
    expect(parseDateInput('2026-11-04')).toEqual({ ok: true, date: '2026-11-04', form: 'iso', changed: false });
    expect(parseDateInput('2026/11/4')).toMatchObject({ ok: true, form: 'separated', changed: true });
    expect(parseDateInput('20261104')).toMatchObject({ form: 'compact' });
    expect(fromIndex('2026年11月4日')).toMatchObject({ form: 'chinese' });
  });

  it('the month example of the brief', () => {
    expect(parseDateInput('2026-13-01')).toEqual({ ok: false, code: 'date_bad_month', reason: `${DATE_FORMAT_HINT}；“2026-13-01”的月份不存在` });
    expect(parseDateInput('2026-13-01')).toMatchObject({ reason: '请按 2026-11-04 或 2026年11月4日 的格式填写日期；“2026-13-01”的月份不存在' });
  });

  it.each([
    ['2026-02-30', 'date_bad_day', '2026年2月没有30日'],
    ['2025-02-29', 'date_bad_day', '2025年2月没有29日'],
    ['1900-02-29', 'date_bad_day', '1900年2月没有29日'],
    ['2026-04-31', 'date_bad_day', '2026年4月没有31日'],
    ['2026-11-00', 'date_bad_day', '的日不存在'],
    ['2026-00-10', 'date_bad_month', '的月份不存在'],
    ['20261304', 'date_bad_month', '的月份不存在'],
    ['26-11-4', 'date_two_digit_year', '年份只有两位'],
    ['26年11月4日', 'date_two_digit_year', '年份只有两位'],
    ['11/4/2026', 'date_ambiguous_order', '看不出哪个是月、哪个是日'],
    ['4.11.2026', 'date_ambiguous_order', '请把四位年份写在最前面'],
    ['2026-11', 'date_incomplete', '缺少日'],
    ['2026年11月', 'date_incomplete', '缺少日'],
    ['2026', 'date_incomplete', '缺少月和日'],
    ['2026114', 'date_ambiguous_order', '写成8位'],
    ['2026-11/4', 'date_mixed_separators', '分隔符不一致'],
    ['2026-11-04T00:00:00Z', 'date_with_zone', '带有时区'],
    ['2026-11-04T08:00:00+08:00', 'date_with_zone', '带有时区'],
    ['2026-11-04 25:00', 'date_unrecognised', '时间不正确'],
    ['明天', 'date_unrecognised', '“明天”不是日期'],
    ['46330', 'date_unrecognised', '“46330”不是日期'],
    ['1899-12-31', 'date_out_of_range', '不在可填写的范围内'],
    ['2101-01-01', 'date_out_of_range', '1900-01-01至2100-12-31'],
  ])('refuses %j (%s)', (input, code, fragment) => {
    const parsed = parseDateInput(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.reason).toContain(fragment);
    expect(parsed.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a five-digit string is not a serial in a form, but is with serialText', () => {
    expect(parseDateInput('46330').ok).toBe(false);
    expect(parseDateInput('46330', { serialText: true })).toMatchObject({ ok: true, date: '2026-11-04' });
  });

  it('empty input says what to type', () => {
    for (const input of ['', '   ', '\u200b', null, undefined]) {
      expect(parseDateInput(input)).toMatchObject({ ok: false, code: 'date_empty', reason: expect.stringContaining('2026-11-04') });
    }
  });

  it('min and max narrow the range with a reason naming them', () => {
    expect(parseDateInput('2026-11-05', { max: '2026-11-04' })).toMatchObject({ ok: false, code: 'date_out_of_range', reason: expect.stringContaining('2026-11-04') });
    expect(parseDateInput('2026-11-04', { min: '2026-11-04', max: '2026-11-04' })).toMatchObject({ ok: true });
  });

  it('parseDateOrNull', () => {
    expect(parseDateOrNull('2026/1/2')).toBe('2026-01-02');
    expect(parseDateOrNull('2026/2/30')).toBeNull();
  });

  it('never throws and never creates a date that is not a real day', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日号 〇一二十三\u3000\u200b'.split('')) }), fc.double(), fc.integer()), (input) => {
        const parsed = parseDateInput(input);
        if (parsed.ok) {
          expect(parsed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(fromEpochDay(toEpochDay(parsed.date))).toBe(parsed.date);
        } else {
          expect(parsed.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Excel serial numbers', () => {
  it('1900 system: known serials', () => {
    expect(excelSerialToDate(1)).toMatchObject({ ok: true, date: '1900-01-01' });
    expect(excelSerialToDate(59)).toMatchObject({ ok: true, date: '1900-02-28' });
    expect(excelSerialToDate(61)).toMatchObject({ ok: true, date: '1900-03-01' });
    expect(excelSerialToDate(45658)).toMatchObject({ ok: true, date: '2025-01-01' });
    expect(parseDateInput(46330)).toMatchObject({ ok: true, date: '2026-11-04', form: 'excel_serial' });
    expect(parseDateInput(46330.75)).toMatchObject({ ok: true, date: '2026-11-04' });
  });

  it('1900 system: serial 60 is the fictitious 1900-02-29 and is refused', () => {
    expect(parseDateInput(60)).toMatchObject({ ok: false, code: 'date_serial_1900_leap_bug', reason: expect.stringContaining('1900年2月29日') });
    expect(dateToExcelSerial('1900-02-28')).toBe(59);
    expect(dateToExcelSerial('1900-03-01')).toBe(61);
  });

  it('1904 system when told', () => {
    expect(parseDateInput(0, { dateSystem: '1904' })).toMatchObject({ ok: true, date: '1904-01-01' });
    expect(parseDateInput(44868, { dateSystem: '1904' })).toMatchObject({ ok: true, date: '2026-11-04' });
    expect(dateToExcelSerial('1903-12-31', '1904')).toBeNull();
  });

  it.each([0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses serial %s', (serial) => {
    expect(parseDateInput(serial)).toMatchObject({ ok: false, code: 'date_serial_invalid' });
  });

  it('a serial beyond 2100 is out of range', () => {
    expect(parseDateInput(80000)).toMatchObject({ ok: false, code: 'date_out_of_range' });
  });
});

describe('round trip of every day 1900–2100', () => {
  it('every day, in the ISO form and as a 1900 and a 1904 serial', () => {
    for (let d = FIRST; d <= LAST; d += 1) {
      const iso = fromEpochDay(d);
      const p = parseDateInput(iso);
      if (!p.ok || p.date !== iso) throw new Error(`ISO round trip failed for ${iso}`);
      const serial = dateToExcelSerial(iso);
      if (serial === null) throw new Error(`no serial for ${iso}`);
      const s = parseDateInput(serial);
      if (!s.ok || s.date !== iso) throw new Error(`1900 serial round trip failed for ${iso}`);
      const serial1904 = dateToExcelSerial(iso, '1904');
      if (serial1904 !== null) {
        const s4 = parseDateInput(serial1904, { dateSystem: '1904' });
        if (!s4.ok || s4.date !== iso) throw new Error(`1904 serial round trip failed for ${iso}`);
      }
    }
    expect(parseDateInput(fromEpochDay(LAST))).toMatchObject({ ok: true, date: '2100-12-31' });
  });

  it('every accepted writing of a random day (with stray spaces and invisible characters) parses back', () => {
    const decorations = ['', ' ', '\u00a0', '\u200b', '\ufeff', '\u3000', '\u2060'];
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), fc.constantFrom(...decorations), fc.constantFrom(...decorations), (day, before, after) => {
        const iso = fromEpochDay(day);
        for (const text of writings(iso)) {
          const parsed = parseDateInput(`${before}${text}${after}`);
          expect(parsed, text).toMatchObject({ ok: true, date: iso });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every accepted writing of every day of 2024–2026 (leap year included)', () => {
    for (let d = toEpochDay('2024-01-01'); d <= toEpochDay('2026-12-31'); d += 1) {
      const iso = fromEpochDay(d);
      for (const text of writings(iso)) {
        const parsed = parseDateInput(text);
        if (!parsed.ok || parsed.date !== iso) throw new Error(`${text} did not parse to ${iso}`);
      }
    }
    expect(parseDateInput('2024年2月29日')).toMatchObject({ ok: true, date: '2024-02-29' });
  });
});
