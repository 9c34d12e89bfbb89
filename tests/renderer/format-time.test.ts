import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  displayTimeZone,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatDateTimeZh,
  formatDateZh,
  formatLegalDateZh,
  localDayOf,
  machineTimeZone,
  setDisplayTimeZone,
} from '../../renderer/src/format/time';
import { localDateOf } from '../../renderer/src/desk/desk';

// 19:43 UTC on 1 December is 03:43 on 2 December in Beijing.
const EVENING_UTC = '2026-12-01T19:43:45.474Z';

describe('local times on screen', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  it('shows a device time in Beijing time, never the UTC day or the raw string', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(formatDateTime(EVENING_UTC)).toBe('2026-12-02 03:43');
    expect(formatDateTimeSeconds(EVENING_UTC)).toBe('2026-12-02 03:43:45');
    expect(formatDate(EVENING_UTC)).toBe('2026-12-02');
    expect(formatDateTimeZh(EVENING_UTC)).toBe('2026年12月2日 03:43');
    expect(formatDateZh(EVENING_UTC)).toBe('2026年12月2日');
    expect(formatDateTime(Date.parse(EVENING_UTC))).toBe('2026-12-02 03:43');
    expect(formatDateTime(new Date(EVENING_UTC))).toBe('2026-12-02 03:43');
  });

  it('today is the local day: 03:43 in Beijing is already 2 December', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(localDayOf(Date.parse(EVENING_UTC))).toBe('2026-12-02');
    // the desk's clock (SYSTEM_CLOCK.today) reads the same
    expect(localDateOf(Date.parse(EVENING_UTC))).toBe('2026-12-02');
    setDisplayTimeZone('UTC');
    expect(localDayOf(Date.parse(EVENING_UTC))).toBe('2026-12-01');
  });

  it('follows the machine zone, Asia/Shanghai when the machine names none', () => {
    expect(displayTimeZone()).toBe(machineTimeZone());
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    setDisplayTimeZone('America/New_York');
    expect(formatDateTime(EVENING_UTC)).toBe('2026-12-01 14:43');
  });

  it('an empty or unreadable time shows a dash, not "Invalid Date"', () => {
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });

  it('a legal date stays the day it is, in any zone', () => {
    setDisplayTimeZone('America/New_York');
    expect(formatLegalDateZh('2026-11-04')).toBe('2026年11月4日');
    expect(formatLegalDateZh('2026-01-31')).toBe('2026年1月31日');
  });
});
