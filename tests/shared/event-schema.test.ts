import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, PAYLOAD_SCHEMAS, parseCaseEvent, PRESET_CY_RE_2020, applyOfficeSettings, verifyChain } from '../../shared';
import { caseBuilder, determinedPayload, pinOf, serveListing, TEST_CHAIN_KEY } from './case-helpers';

describe('parseCaseEvent', () => {
  it('has a payload schema for every event type', () => {
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });
  it('accepts events made by appendEvent and preserves unknown fields (hash stays valid)', () => {
    const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2020-01-01' });
    if (!r.ok) throw new Error();
    const b = caseBuilder(r.ruleSet);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(r.ruleSet)));
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('served', '2024-03-06', serveListing());
    const roundTripped = b.events.map((e) => {
      const parsed = parseCaseEvent(JSON.parse(JSON.stringify(e)));
      expect(parsed.ok).toBe(true);
      return parsed.ok ? parsed.event : e;
    });
    expect(verifyChain(roundTripped, TEST_CHAIN_KEY).ok).toBe(true);
    const withExtra = { ...b.events[0], payload: { ...b.events[0]!.payload, futureField: 1 } };
    const parsed = parseCaseEvent(withExtra);
    expect(parsed.ok && (parsed.event.payload as unknown as Record<string, unknown>).futureField).toBe(1);
  });
  it('rejects malformed events in Chinese', () => {
    expect(parseCaseEvent(null)).toMatchObject({ ok: false, code: 'event_invalid' });
    const bad = parseCaseEvent({ id: 'e1', caseId: 'c', seq: 1, type: 'listed', occurredOn: '2024-02-30', recordedAt: 't', actor: { userId: 'u', name: 'n' }, payload: {} });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('日期');
    const unknown = parseCaseEvent({ id: 'e1', caseId: 'c', seq: 1, type: 'teleported', occurredOn: '2024-02-01', recordedAt: 't', actor: { userId: 'u', name: 'n' }, payload: {} });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.reason).toContain('未知的事件类型');
    const badPayload = parseCaseEvent({ id: 'e1', caseId: 'c', seq: 1, type: 'objection_decided', occurredOn: '2024-02-01', recordedAt: 't', actor: { userId: 'u', name: 'n' }, payload: { objectionId: 'o', outcome: 'maybe', reasons: '' } });
    expect(badPayload.ok).toBe(false);
    if (!badPayload.ok) expect(badPayload.reason).toContain('objection_decided');
  });
});
