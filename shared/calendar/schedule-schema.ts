import { z } from 'zod';
import { isIsoDate } from '../util/dates';
import type { HolidaySchedule, HolidayScheduleSource } from './types';

/**
 * Validates an imported holiday schedule in the holiday-cn shape (schema.json):
 * `{ year, papers: string[], days: [{ name, date, isOffDay }] }`, so an office can add a year (e.g. 2027)
 * when the State Council publishes it. Errors are Chinese and name the offending entry.
 */
const daySchema = z.object({
  name: z.string({ error: '节日名称(name)必须是文字' }).min(1, { error: '节日名称(name)不能为空' }),
  date: z.string({ error: '日期(date)必须是 YYYY-MM-DD 格式的文字' }),
  isOffDay: z.boolean({ error: 'isOffDay 必须是 true(放假)或 false(调休上班)' }),
});

const scheduleSchema = z.object({
  year: z.number({ error: '年份(year)必须是数字' }).int({ error: '年份(year)必须是整数' }).min(2000, { error: '年份(year)不早于2000年' }).max(2100, { error: '年份(year)不晚于2100年' }),
  papers: z.array(z.string({ error: '文件网址(papers)必须是文字' }), { error: '缺少国务院通知网址列表(papers)' }),
  days: z.array(daySchema, { error: '缺少日期列表(days)' }),
});

export type ParseScheduleResult = { ok: true; schedule: HolidaySchedule } | { ok: false; code: string; reason: string; errors: string[] };

export function parseHolidaySchedule(json: unknown, source: HolidayScheduleSource = 'imported'): ParseScheduleResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, code: 'schedule_not_json', reason: '文件不是有效的 JSON 格式', errors: ['文件不是有效的 JSON 格式'] };
    }
  }
  const parsed = scheduleSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}：` : '';
      return `${where}${issue.message}`;
    });
    return { ok: false, code: 'schedule_invalid', reason: `节假日安排文件格式不正确：${errors[0] ?? ''}`, errors };
  }
  const { year, papers, days } = parsed.data;
  const errors: string[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!isIsoDate(d.date)) {
      errors.push(`days.${i}：日期"${d.date}"不是有效的 YYYY-MM-DD 日期`);
      return;
    }
    const y = Number(d.date.slice(0, 4));
    // A notice may list late-December days of the previous year (2019 notice: 2018-12-29..31).
    if (y !== year && !(y === year - 1 && d.date.slice(5, 7) === '12')) {
      errors.push(`days.${i}：日期${d.date}不属于${year}年的节假日安排`);
    }
    if (seen.has(d.date)) errors.push(`days.${i}：日期${d.date}重复出现`);
    seen.add(d.date);
  });
  if (days.length === 0) errors.push(`${year}年的安排没有任何日期；国务院通知发布后再导入`);
  if (errors.length > 0) {
    return { ok: false, code: 'schedule_invalid', reason: `节假日安排文件内容有误：${errors[0] ?? ''}`, errors };
  }
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, schedule: { year, papers: [...papers], days: sorted, source } };
}
