import type { IsoDate } from '../util/dates';
import { certaintyMarker } from '../rules/periods';
import type { Deadline } from './state';

/**
 * The date column of a deadline, the same everywhere (期限 table, work list, reminders, prints):
 *   overdue-type: "2026-10-10前"; eligibility: "自2027-12-03起可以申请" (the first possible day, never the
 *   last day of the waiting period); expiry: "2029-03-01届满"; "期限未设置"; "计时中止".
 */
export function formatDeadlineDate(d: Deadline): string {
  if (d.unset) return '期限未设置';
  if (d.paused || d.dueOn === null) return '计时中止';
  switch (d.outcome) {
    case 'overdue':
      return `${d.dueOn}前`;
    case 'becomes_eligible':
      return `自${d.eligibleFrom ?? d.dueOn}起可以申请`;
    default:
      return `${d.dueOn}届满`;
  }
}

/**
 * One Chinese line for a deadline, the same wording for the 期限 list, reminders and printed notes:
 *   "异议处理决定：2026-10-10前（黑龙江省社会信用条例 第三十九条）"
 * plus the qualifiers that must never be hidden: 已逾期, 暂定 (uncovered calendar year), 计时中止,
 * 期限未设置 (the office must set it) and the uncertainty marker of a number not yet confirmed.
 */
export function describeDeadline(d: Deadline, today?: IsoDate): string {
  if (d.unset) return `${d.label}：期限未设置，请在"设置"中确定（${d.basis}）`;
  if (d.paused || d.dueOn === null) return `${d.label}：计时中止中（${d.basis}）`;
  const notes: string[] = [];
  if (d.outcome === 'becomes_eligible') notes.push(`等待期至${d.dueOn}届满`);
  if (d.overdue && (today === undefined || today > d.dueOn)) notes.push('已逾期');
  if (d.provisional) notes.push('暂定：所涉年份的节假日安排尚未公布');
  if (d.pausedDays > 0) notes.push(`已扣除中止计时${d.pausedDays}日`);
  const marker = certaintyMarker(d.certainty);
  if (marker) notes.push(marker);
  const suffix = notes.length > 0 ? `，${notes.join('，')}` : '';
  return `${d.label}：${formatDeadlineDate(d)}（${d.basis}${suffix}）`;
}
