/**
 * Pure calendar arithmetic on 'YYYY-MM-DD' strings. No time zones: a legal date is a day, not an instant.
 *
 * Period rules implemented here:
 *  - 民法典 第二百零一条: a period counted in years, months or days starts on the day after the
 *    start day ("开始的当日不计入，自下一日开始计算").
 *  - 民法典 第二百零二条: a period in months or years ends on the corresponding day of the last month;
 *    if that month has no such day, on its last day ("没有对应日的，月末日为期间的最后一日").
 * So `addMonths('2024-01-31', 1) === '2024-02-29'` is the LAST DAY of a one-month period starting
 * 2024-01-31; the period has fully elapsed ("满") at the end of that day.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParts = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written exactly as YYYY-MM-DD (years 1000–9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDate(date: IsoDate): DateParts {
  if (!isIsoDate(date)) throw new Error(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatIsoDate(parts: DateParts): IsoDate {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  const d = ((toEpochDay(date) + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday (ISO 4)
  return d + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** Negative if a < b, 0 if equal, positive if a > b. ISO strings compare lexicographically. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Whole days from a to b (b − a). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Last day of a period of `n` months starting on `date` (民法典 第二百零一、二百零二条):
 * the corresponding day of the n-th following month, clamped to that month's last day.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Last day of a period of `n` years starting on `date` (29 Feb → 28 Feb in a common year). */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, n * 12);
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toEpochDay(from), end = toEpochDay(to); d <= end; d += 1) out.push(fromEpochDay(d));
  return out;
}
