import { describe, expect, it } from 'vitest';
import { chineseNumber, fillTemplate, formatChineseDate, formatDocNumber } from '../../shared/documents/format';
import { BODY_SIZE, CHAR, LINE, PAGE, SIZE, TEXT_HEIGHT, TEXT_WIDTH, MM } from '../../shared/documents/layout';

describe('official number and date formats (GB/T 9704-2012)', () => {
  it('writes 发文字号 with 六角括号 and no padded zeros', () => {
    expect(formatDocNumber({ prefix: '某发改信用', year: 2026, seq: 15 })).toBe('某发改信用〔2026〕15号');
    expect(formatDocNumber({ prefix: 'X', year: 2026, seq: 1 })).toBe('X〔2026〕1号');
    expect(() => formatDocNumber({ prefix: 'X', year: 2026, seq: 0 })).toThrow();
  });

  it('writes 成文日期 in Arabic numerals without padding', () => {
    expect(formatChineseDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatChineseDate('2026-04-01')).toBe('2026年4月1日');
  });

  it('writes small Chinese numerals', () => {
    expect([1, 6, 10, 12, 20, 60, 99].map(chineseNumber)).toEqual(['一', '六', '十', '十二', '二十', '六十', '九十九']);
  });

  it('keeps unknown placeholders visible', () => {
    expect(fillTemplate('{{a}}和{{b}}', { a: '甲' })).toBe('甲和{{b}}');
  });
});

describe('page geometry', () => {
  it('is A4 with margins 37/28/35/26 mm and a 156 × 225 mm type area', () => {
    expect(PAGE.width / MM).toBeCloseTo(210, 5);
    expect(PAGE.height / MM).toBeCloseTo(297, 5);
    expect(TEXT_WIDTH / MM).toBeCloseTo(156, 5);
    expect(TEXT_HEIGHT / MM).toBeCloseTo(225, 5);
  });

  it('fits 22 lines of 28 characters of 3号 text', () => {
    expect(LINE * 22).toBeCloseTo(TEXT_HEIGHT, 5);
    expect(SIZE.body).toBe(16);
    expect(28 * BODY_SIZE).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * BODY_SIZE).toBeGreaterThan(TEXT_WIDTH);
    expect(16 - BODY_SIZE).toBeLessThan(0.25); // 3号 on the 28-character grid
    expect(CHAR * 28).toBeCloseTo(TEXT_WIDTH, 5);
  });
});
