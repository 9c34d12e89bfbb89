import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESET_CY_RE_2020, applyOfficeSettings, replayEvents, verifyChain, foldCase, computePeriodEnd, builtinCalendar } from '../../shared';
import type { CaseEventPayloads, CaseEventType, RuleSet } from '../../shared';
import { addDays } from '../../shared/util/dates';
import { calendar, caseBuilder, determinedPayload, pinOf, serveListing, TEST_CHAIN_KEY } from './case-helpers';

const CY: RuleSet = (() => {
  const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2020-01-01' });
  if (!r.ok) throw new Error();
  return r.ruleSet;
})();

type Step = { [T in CaseEventType]: { type: T; payload: CaseEventPayloads[T] } }[CaseEventType];

/** A pool of plausible steps; many will be refused depending on the state — that is the point. */
const steps: Step[] = [
  { type: 'listed', payload: { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
  { type: 'served', payload: serveListing() },
  { type: 'published', payload: { channels: ['x'], profile: 'full' } },
  { type: 'objection_received', payload: { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: 'r', concernsListing: false, channel: 'written' } },
  { type: 'objection_marked', payload: { objectionId: 'o1' } },
  { type: 'clock_paused', payload: { pauseId: 'p1', kind: 'testing', scopeId: 'o1' } },
  { type: 'clock_resumed', payload: { pauseId: 'p1' } },
  { type: 'objection_decided', payload: { objectionId: 'o1', outcome: 'rejected', reasons: '理由' } },
  { type: 'objection_decided', payload: { objectionId: 'o1', outcome: 'upheld_correct', reasons: '理由' } },
  { type: 'corrected', payload: { objectionId: 'o1', changes: [{ field: 'a', before: 'b', after: 'c' }] } },
  { type: 'repair_applied', payload: { repairId: 'r1', methods: ['commitment'], commitmentSigned: true } },
  { type: 'repair_decided', payload: { repairId: 'r1', approved: true, reasons: '已修复' } },
  { type: 'repair_decided', payload: { repairId: 'r1', approved: false, reasons: '未修复' } },
  { type: 'measure_applied', payload: { measureId: 'm1', measureCode: 'CY-12-4', implementingUnit: 'x', justification: 'y' } },
  { type: 'measure_lifted', payload: { measureId: 'm1', reason: 'x' } },
  { type: 'joint_initiated', payload: { platformRef: null } },
  { type: 'joint_units_assigned', payload: { units: ['县发改局'] } },
  { type: 'joint_responded', payload: { unit: '县发改局', measureCodes: [] } },
  { type: 'joint_revoked', payload: { reason: 'x' } },
  { type: 'removed', payload: { reason: 'fulfilled', note: '已履行' } },
  { type: 'expired_archived', payload: {} },
];

describe('life-cycle properties', () => {
  it('whatever appendEvent accepts replays cleanly, chains correctly and folds deterministically', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: steps.length - 1 }), fc.integer({ min: 0, max: 400 })), { maxLength: 25 }), (plan) => {
        const b = caseBuilder(CY);
        b.add('determined', '2022-01-10', determinedPayload(pinOf(CY)));
        let date = '2022-01-10';
        for (const [i, gap] of plan) {
          date = addDays(date, gap);
          if (date > '2026-11-22') break;
          const step = steps[i]!;
          b.attempt(step.type, date, step.payload as never);
        }
        expect(verifyChain(b.events, TEST_CHAIN_KEY).ok).toBe(true);
        const replay = replayEvents(b.events, CY, calendar, { today: '2026-11-22', ruleSet: CY, calendar });
        expect(replay.ok).toBe(true);
        const s1 = foldCase(b.events, CY, calendar, { today: '2026-11-22' });
        expect(replay.ok && replay.state).toEqual(s1);
        // a terminal listing never shows as actively published
        if (['D8', 'D8F', 'D9', 'D10', 'D11'].includes(s1.stage)) expect(s1.publicationActive).toBe(false);
        for (const d of s1.deadlines) expect(d.unset || d.paused || d.dueOn !== null).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a closed pause never brings a working-day deadline forward', () => {
    const cal = builtinCalendar();
    const dateArb = fc.integer({ min: 0, max: 365 * 7 }).map((n) => addDays('2019-01-01', n));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (start, n, offset, length) => {
        const plain = computePeriodEnd(start, n, 'working_days', cal, { roll: true });
        const from = addDays(start, offset + 1);
        const paused = computePeriodEnd(start, n, 'working_days', cal, { roll: true, pauses: [{ from, to: addDays(from, length) }] });
        expect(plain.dueOn !== null && paused.dueOn !== null && paused.dueOn >= plain.dueOn).toBe(true);
        expect(cal.isWorkingDay(paused.dueOn ?? '')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('computePeriodEnd: months/years per 民法典, pauses extend, open pause stops', () => {
    expect(computePeriodEnd('2024-01-31', 1, 'months', calendar, { roll: false }).dueOn).toBe('2024-02-29');
    expect(computePeriodEnd('2024-01-31', 1, 'months', calendar, { roll: false, pauses: [{ from: '2024-02-10', to: '2024-02-12' }] })).toMatchObject({ dueOn: '2024-03-02', pausedDays: 2 });
    expect(computePeriodEnd('2024-01-31', 1, 'years', calendar, { roll: false, pauses: [{ from: '2024-02-10', to: null }] })).toMatchObject({ dueOn: null, paused: true });
    expect(computePeriodEnd('2026-09-28', 7, 'calendar_days', calendar, { roll: true }).dueOn).toBe('2026-10-08');
    expect(computePeriodEnd('2026-09-28', 0, 'calendar_days', calendar, { roll: true }).dueOn).toBe('2026-09-28');
    expect(computePeriodEnd('2026-09-30', 3, 'working_days', calendar, { roll: true }).dueOn).toBe('2026-10-10');
    expect(computePeriodEnd('2026-10-03', 1, 'years', calendar, { roll: true }).provisional).toBe(true);
  });
});
