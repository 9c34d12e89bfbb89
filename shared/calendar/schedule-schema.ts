import { z } from 'zod';
import { isIsoDate } from '../util/dates';
import type { HolidaySchedule, HolidayScheduleSource } from './types';

/**
 * Validates an imported holiday schedule in the holiday-cn shape (schema.json):
 * `{ year, papers: string[], days: [{ name, date, isOffDay }] }`, so an office can add a year (e.g. 2027)
 * when the State Council publishes it. Errors are Chinese and name the offending entry.
 */
const daySchema = z.object({
  name: z.string({ error: '节日名称必须是文字' }).min(1, { error: '节日名称不能为空' }),
  date: z.string({ error: '日期必须写成 2027-01-01 这样的文字' }),
  isOffDay: z.boolean({ error: '没有写明放假还是调休上班' }),
});

/** What the officer does about a schedule file that cannot be used (the file is made by others). */
export const SCHEDULE_FIX_ZH = '请向市平台或技术支持索取正确的节假日安排文件后重新导入。';

/** `days.3.date` → `第4个日期`: where in the file, in words. */
function whereZh(path: readonly PropertyKey[]): string {
  if (path[0] === 'days' && typeof path[1] === 'number') return `第${path[1] + 1}个日期：`;
  if (path[0] === 'papers') return '通知网址列表：';
  return '';
}

const scheduleSchema = z.object({
  year: z.number({ error: '年份必须是数字' }).int({ error: '年份必须是整数' }).min(2000, { error: '年份不早于2000年' }).max(2100, { error: '年份不晚于2100年' }),
  papers: z.array(z.string({ error: '通知网址必须是文字' }), { error: '缺少国务院通知网址列表' }),
  days: z.array(daySchema, { error: '缺少放假和调休的日期列表' }),
});

export type ParseScheduleResult = { ok: true; schedule: HolidaySchedule } | { ok: false; code: string; reason: string; errors: string[] };

export function parseHolidaySchedule(json: unknown, source: HolidayScheduleSource = 'imported'): ParseScheduleResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, code: 'schedule_not_json', reason: `这个文件不是节假日安排文件，无法读取。${SCHEDULE_FIX_ZH}`, errors: ['无法读取文件内容'] };
    }
  }
  const parsed = scheduleSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      return `${whereZh(issue.path)}${issue.message}`;
    });
    return { ok: false, code: 'schedule_invalid', reason: `节假日安排文件格式不正确：${errors[0] ?? ''}。${SCHEDULE_FIX_ZH}`, errors };
  }
  const { year, papers, days } = parsed.data;
  const errors: string[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!isIsoDate(d.date)) {
      errors.push(`第${i + 1}个日期：“${d.date}”不是有效的日期`);
      return;
    }
    const y = Number(d.date.slice(0, 4));
    // A notice may list late-December days of the previous year (2019 notice: 2018-12-29..31).
    if (y !== year && !(y === year - 1 && d.date.slice(5, 7) === '12')) {
      errors.push(`第${i + 1}个日期：${d.date}不属于${year}年的节假日安排`);
    }
    if (seen.has(d.date)) errors.push(`第${i + 1}个日期：${d.date}重复出现`);
    seen.add(d.date);
  });
  if (days.length === 0) errors.push(`${year}年的安排没有任何日期；国务院通知发布后再导入`);
  if (errors.length > 0) {
    return { ok: false, code: 'schedule_invalid', reason: `节假日安排文件内容有误：${errors[0] ?? ''}${days.length === 0 ? '' : `。${SCHEDULE_FIX_ZH}`}`, errors };
  }
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, schedule: { year, papers: [...papers], days: sorted, source } };
}
