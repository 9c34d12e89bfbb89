import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addYears, compareDates, dayOfWeek, diffDays, eachDate, fromEpochDay, isIsoDate, toEpochDay } from '../../shared/util/dates';
import { sha256Hex } from '../../shared/util/sha256';
import { canonicalJson } from '../../shared/util/canonical-json';
import { assertNever } from '../../shared/util/assert-never';

describe('dates', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-29')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
  });
  it('day of week (ISO) and arithmetic', () => {
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(eachDate('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
  it('民法典 第二百零二条: corresponding day, or the month\'s last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-15', 3)).toBe('2024-06-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2020-01-15', 3)).toBe('2023-01-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
  it('epoch-day round trip', () => {
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
      expect(toEpochDay(fromEpochDay(n))).toBe(n);
    }));
  });
  it('parse refuses bad input', () => {
    expect(() => addDays('2024-13-01', 1)).toThrow();
  });
});

describe('sha256', () => {
  it('matches known vectors and node:crypto', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 100 },
    );
    expect(sha256Hex(new Uint8Array([0, 1, 2]))).toBe(createHash('sha256').update(Buffer.from([0, 1, 2])).digest('hex'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: '中' }], e: null })).toBe('{"a":[3,{"c":"中"}],"b":1,"e":null}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson(() => 1)).toThrow();
  });
});

describe('assertNever', () => {
  it('throws', () => {
    expect(() => assertNever('x' as never)).toThrow();
  });
});
