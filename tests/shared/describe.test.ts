import { describe, expect, it } from 'vitest';
import { availableActions, describeDeadline, PRESET_CY_RE_2020, foldCase } from '../../shared';
import type { Deadline } from '../../shared';
import { calendar, caseBuilder, determinedPayload, pinOf } from './case-helpers';

const base: Deadline = {
  key: 'objection_decision', label: '异议处理决定', dueOn: '2026-10-10', provisional: false, overdue: false, unset: false, paused: false,
  pausedDays: 0, outcome: 'overdue', sourceEventId: 'e1', scopeId: 'o1', basis: '黑龙江省社会信用条例 第三十九条',
};

describe('describeDeadline', () => {
  it('plain, overdue, provisional, paused, unset, eligibility', () => {
    expect(describeDeadline(base)).toBe('异议处理决定：2026-10-10前（黑龙江省社会信用条例 第三十九条）');
    expect(describeDeadline({ ...base, overdue: true }, '2026-10-12')).toContain('已逾期');
    expect(describeDeadline({ ...base, provisional: true })).toContain('暂定');
    expect(describeDeadline({ ...base, pausedDays: 4 })).toContain('已扣除中止计时4日');
    expect(describeDeadline({ ...base, paused: true, dueOn: null })).toBe('异议处理决定：计时中止中（黑龙江省社会信用条例 第三十九条）');
    expect(describeDeadline({ ...base, unset: true, dueOn: null })).toContain('期限未设置');
    expect(describeDeadline({ ...base, outcome: 'becomes_eligible', label: '列入满期方可申请信用修复' })).toContain('次日起可以申请');
    expect(describeDeadline({ ...base, outcome: 'listing_expires', label: '失信记录有效期' })).toBe('失信记录有效期：2026-10-10届满（黑龙江省社会信用条例 第三十九条）');
  });
});

describe('availableActions', () => {
  it('lists every event type with its availability and Chinese reason', () => {
    const b = caseBuilder(PRESET_CY_RE_2020);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(PRESET_CY_RE_2020)));
    const actions = availableActions(foldCase(b.events, PRESET_CY_RE_2020, calendar, { today: '2026-11-22' }), { today: '2026-11-22', ruleSet: PRESET_CY_RE_2020, calendar });
    expect(actions.find((a) => a.type === 'listed')?.check.ok).toBe(true);
    const repair = actions.find((a) => a.type === 'repair_applied');
    expect(repair?.label).toBe('修复申请');
    expect(repair?.check).toMatchObject({ ok: false, code: 'repair_not_listed' });
  });
});
