import dayjs from 'dayjs';

/** A device time (ISO-8601 UTC) as the office reads it: local date and time, never the raw string. */
export function localTime(iso: string): string {
  return iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '';
}
