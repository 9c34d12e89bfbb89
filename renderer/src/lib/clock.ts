/**
 * The app's notion of "today" and "now". Read once at start-up: `?today=YYYY-MM-DD` in the
 * page URL fixes the legal date (e2e tests, demonstrations); otherwise the local calendar date.
 * Device timestamps (`recordedAt`) always use the real clock: they are evidence, not legal dates.
 */
import { isIsoDate, type IsoDate } from '../../../shared/util/dates';

function localToday(): IsoDate {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function readInjectedToday(): IsoDate | null {
  if (typeof window === 'undefined') return null;
  const fromQuery = new URLSearchParams(window.location.search).get('today');
  return fromQuery && isIsoDate(fromQuery) ? fromQuery : null;
}

let fixedToday: IsoDate | null = readInjectedToday();

export function today(): IsoDate {
  return fixedToday ?? localToday();
}

export function isTodayInjected(): boolean {
  return fixedToday !== null;
}

/** Tests only. */
export function setTodayForTests(date: IsoDate | null): void {
  fixedToday = date;
}

export function nowIso(): string {
  return new Date().toISOString();
}
