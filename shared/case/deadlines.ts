import type { WorkingCalendar } from '../calendar/types';
import { addDays, addMonths, toEpochDay, fromEpochDay, type IsoDate } from '../util/dates';
import { assertNever } from '../util/assert-never';
import type { PeriodUnit } from '../rules/types';

/** A clock pause: days d with from <= d < to do not count; `to` null = still paused. */
export type PauseInterval = { from: IsoDate; to: IsoDate | null };

export type PeriodEnd = {
  /** Last day of the period (the act is due ON or BEFORE it); null while an open pause stops it. */
  dueOn: IsoDate | null;
  provisional: boolean;
  paused: boolean;
  /** Calendar days excluded by closed pauses that fell inside the period. */
  pausedDays: number;
};

function inPause(date: IsoDate, pauses: readonly PauseInterval[]): PauseInterval | undefined {
  return pauses.find((p) => p.from <= date && (p.to === null || date < p.to));
}

/**
 * The last day of a period of `amount` `unit`s counted from `start` (start day not counted, 民法典
 * 第二百零一条), skipping paused days (黑龙江条例 第三十九条 T18), rolled to the next working day when
 * `roll` and the last day is a rest day (民法典 第二百零三条, 民事诉讼法 第八十五条).
 * Month/year periods end on the corresponding day (民法典 第二百零二条); pauses extend them by the
 * paused calendar days.
 */
export function computePeriodEnd(
  start: IsoDate,
  amount: number,
  unit: PeriodUnit,
  calendar: WorkingCalendar,
  options: { roll: boolean; pauses?: readonly PauseInterval[] } ,
): PeriodEnd {
  const pauses = options.pauses ?? [];
  let provisional = false;
  let pausedDays = 0;
  switch (unit) {
    case 'working_days':
    case 'calendar_days': {
      let remaining = amount;
      let day = toEpochDay(start);
      let current = start;
      let guard = 0;
      while (remaining > 0) {
        day += 1;
        current = fromEpochDay(day);
        const pause = inPause(current, pauses);
        if (pause) {
          if (pause.to === null) return { dueOn: null, provisional, paused: true, pausedDays };
          pausedDays += 1;
          continue;
        }
        if (unit === 'working_days') {
          const info = calendar.dayInfo(current);
          if (info.provisional) provisional = true;
          if (info.working) remaining -= 1;
        } else {
          remaining -= 1;
        }
        guard += 1;
        if (guard > 366 * 50) throw new Error('computePeriodEnd: period too long');
      }
      if (unit === 'calendar_days' && options.roll && amount > 0) {
        const rolled = calendar.nextWorkingDayOnOrAfter(current);
        return { dueOn: rolled.date, provisional: provisional || rolled.provisional, paused: false, pausedDays };
      }
      return { dueOn: current, provisional, paused: false, pausedDays };
    }
    case 'months':
    case 'years': {
      const months = unit === 'years' ? amount * 12 : amount;
      let end = addMonths(start, months);
      for (const p of pauses) {
        if (p.from > end) continue;
        if (p.to === null) return { dueOn: null, provisional, paused: true, pausedDays };
        const overlapFrom = p.from > start ? p.from : addDays(start, 1);
        if (p.to > overlapFrom) pausedDays += toEpochDay(p.to) - toEpochDay(overlapFrom);
      }
      end = addDays(end, pausedDays);
      if (options.roll) {
        const rolled = calendar.nextWorkingDayOnOrAfter(end);
        return { dueOn: rolled.date, provisional: rolled.provisional, paused: false, pausedDays };
      }
      return { dueOn: end, provisional, paused: false, pausedDays };
    }
    default:
      return assertNever(unit);
  }
}
