import { describe, expect, it } from 'vitest';
import { describeDeadline, formatDeadlineDate } from '../../shared';
import type { Deadline } from '../../shared';

const base: Deadline = {
  key: 'objection_decision', label: '异议处理决定', startsOn: '2026-09-30', amount: 3, unit: 'working_days', dueOn: '2026-10-10', eligibleFrom: null, provisional: false, overdue: false, unset: false, paused: false,
  pausedDays: 0, outcome: 'overdue', sourceEventId: 'e1', scope: 'objection', scopeId: 'o1', basis: '黑龙江省社会信用条例 第三十九条', certainty: 'stated', holder: 'office',
};

describe('describeDeadline', () => {
  it('plain, overdue, provisional, paused, unset, eligibility', () => {
    expect(describeDeadline(base)).toBe('异议处理决定：2026-10-10前（黑龙江省社会信用条例 第三十九条）');
    expect(describeDeadline({ ...base, overdue: true }, '2026-10-12')).toContain('已逾期');
    expect(describeDeadline({ ...base, provisional: true })).toContain('暂定');
    expect(describeDeadline({ ...base, pausedDays: 4 })).toContain('已扣除中止计时4日');
    expect(describeDeadline({ ...base, paused: true, dueOn: null })).toBe('异议处理决定：计时中止中（黑龙江省社会信用条例 第三十九条）');
    expect(describeDeadline({ ...base, unset: true, dueOn: null })).toContain('期限未设置');
    const eligibility: Deadline = { ...base, outcome: 'becomes_eligible', label: '列入满期方可申请信用修复', dueOn: '2027-12-02', eligibleFrom: '2027-12-03' };
    expect(formatDeadlineDate(eligibility)).toBe('自2027-12-03起可以申请');
    expect(describeDeadline(eligibility)).toBe('列入满期方可申请信用修复：自2027-12-03起可以申请（黑龙江省社会信用条例 第三十九条，等待期至2027-12-02届满）');
    expect(describeDeadline({ ...base, outcome: 'listing_expires', label: '失信记录有效期' })).toBe('失信记录有效期：2026-10-10届满（黑龙江省社会信用条例 第三十九条）');
    expect(describeDeadline({ ...base, certainty: 'uncertain' })).toContain('中等可信度，待办公室核实');
  });
});
