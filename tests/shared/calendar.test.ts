import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinCalendar, unpackBuiltinSchedules, makeCalendar } from '../../shared/calendar/calendar';
import { parseHolidaySchedule } from '../../shared/calendar/schedule-schema';
import { parseHolidaySchedule as parseFromIndex, builtinCalendar as builtinFromIndex } from '../../shared';
import { addDays, dayOfWeek } from '../../shared/util/dates';

const cal = builtinCalendar();
const schedules = unpackBuiltinSchedules();
const daysOf = (years: number[]) => schedules.filter((s) => years.includes(s.year)).flatMap((s) => s.days);

describe('builtin calendar: every 2024–2026 holiday and 调休 day (table from the carried data)', () => {
  const days = daysOf([2024, 2025, 2026]);
  it('has the expected number of listed days', () => {
    expect(days.length).toBe(36 + 33 + 39);
  });
  it.each(days.filter((d) => d.isOffDay).map((d) => [d.date, d.name] as const))('%s (%s) is not a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(false);
    expect(cal.dayInfo(date).kind).toBe('holiday');
    expect(cal.dayInfo(date).provisional).toBe(false);
  });
  it.each(days.filter((d) => !d.isOffDay).map((d) => [d.date, d.name] as const))('%s (%s 调休) is a working day', (date) => {
    expect(cal.isWorkingDay(date)).toBe(true);
    expect(cal.dayInfo(date).kind).toBe('adjusted_workday');
    expect([6, 7]).toContain(dayOfWeek(date));
  });
});

describe('2026 schedule cross-checked against the State Council notice', () => {
  const off = [
    ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
  ] as const;
  const work = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
  it('off-days', () => {
    for (const [from, to] of off) {
      for (let d: string = from; d <= to; d = addDays(d, 1)) expect(cal.isWorkingDay(d), d).toBe(false);
    }
  });
  it('调休 working days', () => {
    for (const d of work) expect(cal.isWorkingDay(d), d).toBe(true);
  });
  it('ordinary days follow Monday–Friday', () => {
    expect(cal.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal.dayInfo('2026-03-08').kind).toBe('weekend');
  });
});

describe('deadline arithmetic', () => {
  it('objection received 2026-09-30 + 3 working days = 2026-10-10 (a 调休 Saturday)', () => {
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(builtinFromIndex().addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });
  it('7-calendar-day notice from 2026-09-28 rolls from 2026-10-05 to 2026-10-08 (民事诉讼法 第八十五条)', () => {
    expect(cal.addCalendarDays('2026-09-28', 7, true)).toBe('2026-10-08');
    expect(cal.addCalendarDays('2026-09-28', 7, false)).toBe('2026-10-05');
  });
  it('start day is not counted; n = 0 returns the start day', () => {
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(cal.addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });
  it('negative n counts backwards', () => {
    expect(cal.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
  });
  it('Spring Festival 2026: 5 working days from 2026-02-13', () => {
    // 02-14 (Sat 调休) 1, 02-24 2, 02-25 3, 02-26 4, 02-27 5
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });
  it('countWorkingDays counts (from, to]', () => {
    expect(cal.countWorkingDays('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.countWorkingDays('2026-10-10', '2026-09-30')).toBe(0);
  });
});

describe('uncovered years are provisional, never silently trusted', () => {
  it('covers 2019–2026 only', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2019)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.coveredYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
  it('a 2027 computation falls back to Mon–Fri and is flagged', () => {
    const r = cal.addWorkingDaysDetailed('2027-03-01', 5);
    expect(r).toEqual({ date: '2027-03-08', provisional: true, uncoveredYears: [2027] });
    expect(cal.dayInfo('2027-01-01').provisional).toBe(true);
  });
  it('a computation crossing into 2027 is flagged', () => {
    const r = cal.addWorkingDaysDetailed('2026-12-20', 10);
    expect(r.provisional).toBe(true);
    expect(r.uncoveredYears).toEqual([2027]);
  });
  it('late December of the last covered year is provisional (the next notice may move it)', () => {
    expect(cal.isProvisional('2026-12-28')).toBe(true);
    expect(cal.isProvisional('2026-12-20')).toBe(false);
    expect(cal.isProvisional('2025-12-31')).toBe(false);
  });
  it('a computation inside covered years is not provisional', () => {
    expect(cal.addWorkingDaysDetailed('2026-09-30', 3)).toEqual({ date: '2026-10-10', provisional: false, uncoveredYears: [] });
    expect(cal.addCalendarDaysDetailed('2026-09-28', 7, true).provisional).toBe(false);
  });
  it('importing a 2027 schedule makes 2027 covered', () => {
    const parsed = parseHolidaySchedule({ year: 2027, papers: ['https://example.gov.cn/2027'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const c = builtinCalendar([parsed.schedule]);
    expect(c.covers(2027)).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.addWorkingDaysDetailed('2027-03-01', 5).provisional).toBe(false);
    expect(c.isProvisional('2026-12-28')).toBe(false);
  });
  it('a later schedule for the same year replaces the builtin one', () => {
    const c = makeCalendar([...schedules, { year: 2026, papers: [], days: [{ name: '测试', date: '2026-03-02', isOffDay: true }], source: 'imported' }]);
    expect(c.isWorkingDay('2026-03-02')).toBe(false);
    expect(c.isWorkingDay('2026-10-01')).toBe(true); // builtin 2026 days are gone, not merged
  });
  it('the 2019 notice lists 2018-12-29 (调休) — December of the previous year is read', () => {
    expect(cal.isWorkingDay('2018-12-29')).toBe(true);
    expect(cal.isWorkingDay('2018-12-31')).toBe(false);
  });
});

describe('parseHolidaySchedule (office import, Chinese errors)', () => {
  it('accepts a holiday-cn file as JSON text', () => {
    const r = parseFromIndex(JSON.stringify({ year: 2027, papers: [], days: [{ name: '春节', date: '2027-02-06', isOffDay: true }] }));
    expect(r.ok).toBe(true);
  });
  it('rejects non-JSON', () => {
    const r = parseHolidaySchedule('{oops');
    expect(r).toMatchObject({ ok: false, code: 'schedule_not_json' });
    if (!r.ok) expect(r.reason).not.toContain('JSON');
    expect(parseHolidaySchedule({ year: 'x', papers: [], days: [] })).toMatchObject({ ok: false, code: 'schedule_invalid' });
  });
  it('rejects a missing year with a Chinese message', () => {
    const r = parseHolidaySchedule({ papers: [], days: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('年份');
  });
  it('rejects bad dates, wrong years, duplicates and empty schedules', () => {
    const bad = parseHolidaySchedule({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-02-30', isOffDay: true }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('第1个日期：“2027-02-30”不是有效的日期');
    if (!bad.ok) expect(bad.reason).toContain('请向市平台或技术支持索取');
    // no field names or JSON jargon reach the officer
    if (!bad.ok) expect(bad.reason).not.toMatch(/days|JSON|YYYY/);
    const wrongYear = parseHolidaySchedule({ year: 2027, papers: [], days: [{ name: '元旦', date: '2025-05-01', isOffDay: true }] });
    expect(wrongYear.ok).toBe(false);
    if (!wrongYear.ok) expect(wrongYear.reason).toContain('不属于2027年');
    const dup = parseHolidaySchedule({ year: 2027, papers: [], days: [{ name: 'a', date: '2027-01-01', isOffDay: true }, { name: 'a', date: '2027-01-01', isOffDay: true }] });
    expect(dup.ok).toBe(false);
    const empty = parseHolidaySchedule({ year: 2027, papers: [], days: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.reason).toContain('没有任何日期');
    const badFlag = parseHolidaySchedule({ year: 2027, papers: [], days: [{ name: 'a', date: '2027-01-01', isOffDay: 'yes' }] });
    expect(badFlag.ok).toBe(false);
    if (!badFlag.ok) expect(badFlag.reason).toContain('第1个日期：没有写明放假还是调休上班');
  });
  it('accepts late December of the previous year', () => {
    expect(parseHolidaySchedule({ year: 2027, papers: [], days: [{ name: '元旦', date: '2026-12-31', isOffDay: true }] }).ok).toBe(true);
  });
});

describe('properties (fast-check)', () => {
  const dateArb = fc.integer({ min: 0, max: 365 * 9 }).map((n) => addDays('2019-01-01', n));
  it('addWorkingDays is monotonic in n and lands on a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (date, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dLo = cal.addWorkingDays(date, lo);
        const dHi = cal.addWorkingDays(date, hi);
        expect(dLo <= dHi).toBe(true);
        if (lo < hi) expect(dLo < dHi).toBe(true);
        expect(cal.isWorkingDay(dLo)).toBe(true);
        expect(cal.isWorkingDay(dHi)).toBe(true);
        expect(dLo > date).toBe(true);
        expect(cal.countWorkingDays(date, dLo)).toBe(lo);
      }),
      { numRuns: 300 },
    );
  });
  it('addCalendarDays with roll lands on a working day, never before the unrolled day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (date, n) => {
        const rolled = cal.addCalendarDays(date, n, true);
        const plain = cal.addCalendarDays(date, n, false);
        expect(cal.isWorkingDay(rolled)).toBe(true);
        expect(rolled >= plain).toBe(true);
        expect(plain).toBe(addDays(date, n));
      }),
      { numRuns: 300 },
    );
  });
});
