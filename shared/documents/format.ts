/** Number and date formatting for official documents (GB/T 9704-2012《党政机关公文格式》). */
import { parseIsoDate, type IsoDate } from '../util/dates';
import type { DocNumber } from './types';

/** 发文字号: 机关代字〔2026〕15号 — year in 六角括号, no 第, no padded zeros. */
export function formatDocNumber(n: DocNumber): string {
  if (!Number.isInteger(n.year) || n.year < 1000 || n.year > 9999) throw new Error(`bad year in document number: ${n.year}`);
  if (!Number.isInteger(n.seq) || n.seq < 1) throw new Error(`bad sequence in document number: ${n.seq}`);
  return `${n.prefix}〔${n.year}〕${n.seq}号`;
}

/** 成文日期 in Arabic numerals, month and day not padded: 2026年4月1日. */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Small Chinese numerals for headings and periods: 1→一, 10→十, 15→十五, 60→六十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CN_DIGITS[tens]!}十${ones ? CN_DIGITS[ones]! : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${CN_DIGITS[hundreds]!}百`;
  return `${CN_DIGITS[hundreds]!}百${rest < 10 ? '零' : ''}${rest < 10 ? CN_DIGITS[rest]! : chineseNumber(rest).replace(/^十/, '一十')}`;
}

/** Fill {{name}} placeholders; unknown placeholders are kept visible so a bad template is noticed. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(/\{\{(\w+)\}\}/g), (m) => m[1]!);
}
