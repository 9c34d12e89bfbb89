import type { IsoDate } from '../util/dates';

/**
 * One State Council schedule (国务院办公厅关于XXXX年部分节假日安排的通知), the same shape as the
 * public holiday-cn files. `isOffDay: true` = 放假; `isOffDay: false` = 调休上班 on a weekend day.
 * Days not listed follow Monday–Friday. The file's `year` is the notice year: a late-December date of
 * year Y may be listed in the schedule of Y+1 (e.g. 2018-12-29..31 are in the 2019 notice).
 */
export type HolidayDay = { date: IsoDate; name: string; isOffDay: boolean };

export type HolidayScheduleSource = 'builtin' | 'imported' | 'platform';

export type HolidaySchedule = {
  year: number;
  /** URLs of the State Council notices the schedule was taken from. */
  papers: string[];
  days: HolidayDay[];
  /** Where this copy came from; an office import or a platform push may override the builtin copy. */
  source?: HolidayScheduleSource;
};

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export type DayInfo = {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** Holiday name for 'holiday' and 'adjusted_workday' (e.g. 国庆节). */
  name?: string;
  /**
   * True when no published schedule covers the date: the answer is the Monday–Friday fallback and may
   * change when the State Council publishes the year. Never trust a provisional answer silently.
   */
  provisional: boolean;
};

/** A computed date plus whether any day it depended on lies in an uncovered year. */
export type DatedResult = {
  date: IsoDate;
  provisional: boolean;
  /** The years (ascending) whose schedule was missing for the computation. */
  uncoveredYears: number[];
};

export type WorkingCalendar = {
  isWorkingDay(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  /**
   * The n-th working day after `date` (the start day is not counted). n = 0 returns `date` itself.
   * Negative n counts backwards (the n-th working day before `date`).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  addWorkingDaysDetailed(date: IsoDate, n: number): DatedResult;
  /**
   * `date` + n calendar days (start day not counted). If `rollToWorkingDay` and the last day is a rest
   * day, the period ends on the next working day (民事诉讼法 第八十五条).
   */
  addCalendarDays(date: IsoDate, n: number, rollToWorkingDay: boolean): IsoDate;
  addCalendarDaysDetailed(date: IsoDate, n: number, rollToWorkingDay: boolean): DatedResult;
  /** `date` if it is a working day, otherwise the next working day. */
  nextWorkingDayOnOrAfter(date: IsoDate): DatedResult;
  /** Working days in (from, to]: from excluded, to included; 0 when to <= from. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /** True when a published schedule for `year` is loaded. */
  covers(year: number): boolean;
  coveredYears(): number[];
  /** Whether the answer for this date is the Mon–Fri fallback (see DayInfo.provisional). */
  isProvisional(date: IsoDate): boolean;
  schedules(): HolidaySchedule[];
};
