import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, DRAFT_PAYLOAD_SCHEMAS, PAYLOAD_SCHEMAS, parseCaseEvent, parseEventDraft, PRESET_CY_RE_2020, applyOfficeSettings, foldCase } from '../../shared';
import { actor, calendar, caseBuilder, determinedPayload, pinOf, serveListing } from './case-helpers';

describe('parseEventDraft: the store validates UI-built drafts with shared schemas', () => {
  it('every event type has a draft schema and a stored-event schema', () => {
    expect(Object.keys(DRAFT_PAYLOAD_SCHEMAS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });
  it('accepts a well-formed draft and drops fields the form did not mean to write', () => {
    const r = parseEventDraft({ type: 'served', occurredOn: '2024-03-06', actor, payload: { ...serveListing(), stray: 1 } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.draft.type).toBe('served');
      expect(r.draft.payload).toEqual(serveListing());
    }
  });
  it('refuses in Chinese: unknown type, bad date, bad payload, legacy spelling in a new draft', () => {
    const unknown = parseEventDraft({ type: 'teleported', occurredOn: '2024-03-06', actor, payload: {} });
    expect(unknown).toMatchObject({ ok: false, code: 'draft_invalid' });
    if (!unknown.ok) expect(unknown.reason).toContain('未知的事件类型');
    const badDate = parseEventDraft({ type: 'listed', occurredOn: '2024-02-30', actor, payload: { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
    expect(!badDate.ok && badDate.reason).toContain('日期');
    const badPayload = parseEventDraft({ type: 'objection_decided', occurredOn: '2024-03-06', actor, payload: { objectionId: 'o1', outcome: 'adopted', reasons: '' } });
    expect(!badPayload.ok && badPayload.reason).toContain('"异议决定"的办理内容不正确');
    const legacy = parseEventDraft({ type: 'served', occurredOn: '2024-03-06', actor, payload: { ...serveListing(), documentKind: 'listing_decision' } });
    expect(legacy).toMatchObject({ ok: false, code: 'draft_invalid' });
  });
});

describe('one DocumentKind: stored events with the legacy snake-case spelling still fold', () => {
  it('parseCaseEvent accepts a stored legacy `served` and the fold normalises it', () => {
    const r = applyOfficeSettings(PRESET_CY_RE_2020, { periods: { repair_decision: { amount: 10 } }, decidedBy: 'x', decisionReference: 'y', effectiveFrom: '2020-01-01' });
    if (!r.ok) throw new Error();
    const b = caseBuilder(r.ruleSet);
    b.add('determined', '2024-03-01', determinedPayload(pinOf(r.ruleSet)));
    b.add('listed', '2024-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    const legacy = { id: 'old-1', caseId: 'case-1', seq: 3, type: 'served', occurredOn: '2024-03-06', recordedAt: '2024-03-06T00:00:00Z', actor, payload: { ...serveListing(), documentKind: 'listing_decision' } };
    const parsed = parseCaseEvent(legacy);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event).toBe(legacy);
    const s = foldCase([...b.events, parsed.event], r.ruleSet, calendar, { today: '2024-03-07' });
    expect(s.stage).toBe('D4');
    expect(s.deadlines.some((d) => d.key === 'listing_notice')).toBe(false);
  });
});
