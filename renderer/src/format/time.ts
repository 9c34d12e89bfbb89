/**
 * Times as the office reads them — the one formatter every screen uses for a device time.
 *
 * The desk stores device times as ISO-8601 UTC strings (recordedAt, createdAt, audit and print-log
 * `at`, sync reports). On screen they are always shown in the machine's time zone (Asia/Shanghai
 * when the machine names none), never as the raw string:
 *
 *   formatDateTime('2026-12-01T19:43:45.120Z')    // '2026-12-02 03:43'
 *   formatDate('2026-12-01T19:43:45.120Z')        // '2026-12-02'  (the local day it happened)
 *   formatDateTimeZh('2026-12-01T19:43:45.120Z')  // '2026年12月2日 03:43'
 *   localDayOf(Date.now())                        // today's local day, e.g. '2026-12-02'
 *
 * Legal dates (送达日, 认定日, deadlines) are days, not times: they are never shifted by a zone;
 * `formatLegalDateZh('2026-11-04')` writes '2026年11月4日'.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { isIsoDate, type IsoDate } from '../../../shared/util/dates';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A device time: an ISO-8601 string, epoch milliseconds or a Date. */
export type DeviceTime = string | number | Date;

/** The machine's IANA time zone, or Asia/Shanghai when it names none. */
export function machineTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && zone !== 'Etc/Unknown' ? zone : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

let zone = machineTimeZone();

/** The zone times are shown in. */
export function displayTimeZone(): string {
  return zone;
}

/** Tests (and a future 设置 option) pick the zone; `undefined` goes back to the machine's. */
export function setDisplayTimeZone(next: string | undefined): void {
  zone = next ?? machineTimeZone();
}

/** What an empty or unreadable time shows. */
export const NO_TIME = '—';

function inZone(t: DeviceTime | null | undefined): dayjs.Dayjs | null {
  if (t === null || t === undefined || t === '') return null;
  const d = dayjs(t);
  return d.isValid() ? d.tz(zone) : null;
}

/** 'YYYY-MM-DD HH:mm' in the local zone (lists, timelines, logs, reports). */
export function formatDateTime(t: DeviceTime | null | undefined): string {
  return inZone(t)?.format('YYYY-MM-DD HH:mm') ?? NO_TIME;
}

/** 'YYYY-MM-DD HH:mm:ss' where seconds matter (audit and integrity records). */
export function formatDateTimeSeconds(t: DeviceTime | null | undefined): string {
  return inZone(t)?.format('YYYY-MM-DD HH:mm:ss') ?? NO_TIME;
}

/** 'YYYY-MM-DD': the local day a device time fell on. */
export function formatDate(t: DeviceTime | null | undefined): string {
  return inZone(t)?.format('YYYY-MM-DD') ?? NO_TIME;
}

/** 'YYYY年M月D日 HH:mm' (prose, reports). */
export function formatDateTimeZh(t: DeviceTime | null | undefined): string {
  return inZone(t)?.format('YYYY年M月D日 HH:mm') ?? NO_TIME;
}

/** 'YYYY年M月D日' of the local day a device time fell on. */
export function formatDateZh(t: DeviceTime | null | undefined): string {
  return inZone(t)?.format('YYYY年M月D日') ?? NO_TIME;
}

/** The local calendar day of a device time — "today" is `localDayOf(Date.now())`, never the UTC day. */
export function localDayOf(t: DeviceTime): IsoDate {
  const d = inZone(t);
  if (!d) throw new Error(`localDayOf: not a time: ${String(t)}`);
  return d.format('YYYY-MM-DD') as IsoDate;
}

/** A legal date (a day, no zone) written the way a document writes it: '2026年11月4日'. */
export function formatLegalDateZh(day: string | null | undefined): string {
  if (!day || !isIsoDate(day)) return day || NO_TIME;
  const [y, m, d] = day.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
