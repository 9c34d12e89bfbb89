import type { IsoDate } from '../util/dates';
import { CASE_EVENT_TYPES, CASE_EVENT_LABELS, type CaseEventType } from './events';
import { canPerform, type PerformCheck, type PerformContext } from './can-perform';
import type { CaseState, Deadline } from './state';

/**
 * One Chinese line for a deadline, the same wording for the 期限 list, reminders and printed notes:
 *   "异议处理决定：2026-10-10前（黑龙江省社会信用条例 第三十九条）"
 * plus the qualifiers that must never be hidden: 已逾期, 暂定 (uncovered calendar year), 计时中止,
 * 期限未设置 (the office must set it).
 */
export function describeDeadline(d: Deadline, today?: IsoDate): string {
  if (d.unset) return `${d.label}：期限未设置，请在"设置"中确定（${d.basis}）`;
  if (d.paused || d.dueOn === null) return `${d.label}：计时中止中（${d.basis}）`;
  const verb = d.outcome === 'overdue' ? '前' : d.outcome === 'becomes_eligible' ? '届满，次日起可以申请' : '届满';
  const notes: string[] = [];
  if (d.overdue && (today === undefined || today > d.dueOn)) notes.push('已逾期');
  if (d.provisional) notes.push('暂定：所涉年份的节假日安排尚未公布');
  if (d.pausedDays > 0) notes.push(`已扣除中止计时${d.pausedDays}日`);
  const suffix = notes.length > 0 ? `，${notes.join('，')}` : '';
  return `${d.label}：${d.dueOn}${verb}（${d.basis}${suffix}）`;
}

export type AvailableAction = { type: CaseEventType; label: string; check: PerformCheck };

/**
 * Every event type with its payload-independent availability now (for an action panel). Refused
 * entries keep their Chinese reason so the UI can explain a disabled button.
 */
export function availableActions(state: CaseState, ctx: PerformContext): AvailableAction[] {
  return CASE_EVENT_TYPES.map((type) => ({ type, label: CASE_EVENT_LABELS[type], check: canPerform(state, { type } as never, ctx) }));
}
