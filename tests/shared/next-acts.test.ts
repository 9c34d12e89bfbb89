import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, applyOfficeSettings, nextActs, CASE_EVENT_LABELS } from '../../shared';
import type { CaseEventType, RuleSet } from '../../shared';
import { calendar, caseBuilder, determinedPayload, pinOf, serveListing } from './case-helpers';

const CY = (() => {
  const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: '市住建局', decisionReference: '局务会纪要〔2020〕1号', effectiveFrom: PRESET_CY_RE_2020.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
})();
const ALL = Object.keys(CASE_EVENT_LABELS).filter((t) => t !== 'determined') as CaseEventType[];
const ctx = (ruleSet: RuleSet, today: string) => ({ today, ruleSet, calendar, previousRepairCompletedOn: null });

describe('nextActs: the next lawful acts of a case', () => {
  it('after 认定 the next act is the first step of the procedure (事先告知), and every other act says why not', () => {
    const b = caseBuilder(CY, { today: '2024-03-01' });
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    const r = nextActs(b.state('2024-03-01'), ctx(CY, '2024-03-01'), ALL);
    expect(r.next.map((n) => n.type)).toContain('pre_notice_served');
    expect(r.next.every((n) => !r.others.some((o) => o.type === n.type))).toBe(true);
    expect(r.next.length + r.others.length).toBe(ALL.length);
    const removed = r.others.find((o) => o.type === 'repair_decided');
    expect(removed?.check.ok).toBe(false);
    if (removed && !removed.check.ok) expect(removed.check.reason.length).toBeGreaterThan(0);
  });

  it('after 列入 the 送达 answering the written-notice deadline comes first, with that deadline', () => {
    const b = caseBuilder(CY, { today: '2024-03-05' });
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    const r = nextActs(b.state('2024-03-05'), ctx(CY, '2024-03-05'), ALL);
    const served = r.next.find((n) => n.type === 'served');
    expect(served?.deadline?.key).toBe('listing_notice');
    expect(served?.deadline?.dueOn).toBeTruthy();
    // Deadlines nearest first: no next act answers a later deadline before an earlier one.
    const dues = r.next.flatMap((n) => (n.deadline?.dueOn ? [n.deadline.dueOn] : []));
    expect([...dues].sort()).toEqual(dues);
  });

  it('an act shared/ refuses is never a next act, even when it would answer a deadline', () => {
    const b = caseBuilder(CY, { today: '2024-03-07' });
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('served', '2024-03-06', serveListing());
    const state = b.state('2024-03-07');
    const r = nextActs(state, ctx(CY, '2024-03-07'), ALL);
    expect(r.next.some((n) => n.type === 'served' && n.deadline?.key === 'listing_notice')).toBe(false);
    for (const n of r.next) expect(r.others.find((o) => o.type === n.type)).toBeUndefined();
    expect(r.next.length).toBeGreaterThan(0);
  });
});
