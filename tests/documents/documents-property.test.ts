/**
 * Property: for every document kind under every preset (composed with the national regime of the
 * date), every printed date equals the fold's period or fact for the key the kind declares
 * (shared/documents/case-fields.ts), the document is issuable against the case, and the date is in the
 * built text. The expected values are read from the folded state here, not through case-fields.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESET_CY_PLAN_2020, PRESET_CY_RE_2020, PRESET_HLJ_2022, PRESET_LY_2020, PRESET_ZH_2017, RULE_SET_PRESETS, applyOfficeSettings, selectRuleSet } from '../../shared';
import type { CaseState, EventDraft, RuleSet } from '../../shared';
import { addDays, type IsoDate } from '../../shared/util/dates';
import { buildDocument } from '../../shared/documents/build';
import { DOCUMENT_DATE_FIELDS, type CaseDateSource } from '../../shared/documents/case-fields';
import { formatChineseDate } from '../../shared/documents/format';
import { documentFromCase } from '../../shared/documents/from-case';
import type { DocumentKind } from '../../shared/documents/kinds';
import type { DocumentInput } from '../../shared/documents/types';
import { checkIssuable } from '../../shared/documents/validate';
import { caseBuilder, determinedPayload } from '../shared/case-helpers';
import { OFFICE } from './fixtures';

const TODAY = '2026-11-22';
const SET = { written_decision: { amount: 5 }, pre_notice_statement: { amount: 5 }, repair_decision: { amount: 10 } } as const;

/** An office version of each local preset with every unset period set and 事先告知 required. */
const LOCAL = [PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, PRESET_LY_2020, PRESET_ZH_2017, PRESET_HLJ_2022].map((preset) => {
  const periods = Object.fromEntries(Object.entries(SET).filter(([key]) => preset.periods.some((p) => p.key === key && p.amount === null) || key === 'pre_notice_statement' && !preset.periods.some((p) => p.key === key)));
  const r = applyOfficeSettings(preset, { periods, requiresPreNotice: true, decidedBy: '县信用办', decisionReference: '县信用办〔2026〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
});
const ALL = [...RULE_SET_PRESETS, ...LOCAL];
const CODES: Record<string, string> = { 'CY-RE-6': 'CY-RE-6-2', 'HLJ-29': 'HLJ-29-4', 'ZH-6': 'ZH-6-2' };

function expectedOf(state: CaseState, source: CaseDateSource, scopeId: string | undefined): IsoDate | null | undefined {
  switch (source.kind) {
    case 'fact': {
      const o = state.objections.find((x) => x.objectionId === scopeId);
      const r = state.repairs.find((x) => x.repairId === scopeId);
      return { listedOn: state.listedOn, endedOn: state.endedOn, objectionReceivedOn: o?.receivedOn, repairAppliedOn: r?.appliedOn, repairDecidedOn: r?.decidedOn }[source.fact];
    }
    case 'repair_eligibility':
      return state.repairEligibility?.possibleFrom;
    case 'period': {
      const scope = source.scope === 'case' ? null : scopeId;
      const p = source.keys.map((k) => state.periods.find((x) => x.key === k && x.scopeId === scope)).find((x) => x !== undefined);
      return p ? (source.take === 'startsOn' ? p.startsOn : p.dueOn) : undefined;
    }
  }
}

function officerFilled(input: DocumentInput): DocumentInput {
  switch (input.kind) {
    case 'objection-decision':
      return { ...input, findings: input.findings || '经核实，认定事实清楚。', reasons: input.reasons || '理由充分。', ...(input.outcome === 'upheld_correct' ? { correction: '已更正' } : {}) };
    case 'repair-acceptance':
      return { ...input, materials: ['信用承诺书'] };
    default:
      return input;
  }
}

function checkDocument(state: CaseState, ruleSet: RuleSet, kind: DocumentKind, date: IsoDate): void {
  const input = officerFilled(documentFromCase(state, kind, OFFICE, { ruleSet, date }).input);
  const printedDates: IsoDate[] = [];
  let missing = false;
  for (const f of DOCUMENT_DATE_FIELDS[kind]) {
    const printed = f.read(input);
    if (printed === undefined) continue;
    const expected = expectedOf(state, f.source, input.regardingId);
    if (expected === undefined || (expected === null && f.source.kind !== 'repair_eligibility')) {
      missing = true;
      continue;
    }
    expect(printed, `${ruleSet.id} ${kind} ${f.field}`).toBe(expected);
    if (printed) printedDates.push(printed);
  }
  const check = checkIssuable(input, undefined, state);
  if (missing) {
    // The rule set has no period for the date (e.g. no objection period in 庄河实施意见): never issued with an invented date.
    expect(check.ok, `${ruleSet.id} ${kind} without its period`).toBe(false);
    return;
  }
  expect(check, `${ruleSet.id} ${kind}`).toEqual({ ok: true });
  const text = JSON.stringify(buildDocument(input, { prefix: '示信决', year: 2026, seq: 1 }).content);
  for (const d of printedDates) expect(text, `${kind} prints ${d}`).toContain(formatChineseDate(d));
}

describe('every printed date equals the fold for its declared key, for every kind under every preset', () => {
  it.each(LOCAL.map((r) => [r.id, r] as const))('%s', (_id, local) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2200 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('general' as const, 'severe' as const),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (offset, penaltyBefore, severity, objectionAfter, repairAfter) => {
          const decidedOn = addDays(local.effectiveFrom > '2020-01-01' ? local.effectiveFrom : '2020-01-01', offset);
          if (decidedOn > '2026-06-01') return;
          const sel = selectRuleSet(ALL, local.jurisdictionKey, decidedOn);
          if (!sel.ok) throw new Error(sel.reason);
          const { ruleSet, pin } = sel;
          const b = caseBuilder(ruleSet, { today: TODAY });
          const listType = severity === 'severe' ? 'severe_dishonesty_list' : 'dishonesty_list';
          b.add('determined', decidedOn, determinedPayload(pin, {
            severity, listType, behaviourCode: CODES[ruleSet.behaviourCatalogues[0]!] ?? null, behaviourText: '恶意拖欠工程款',
            basisDocuments: [{ type: 'penalty_decision', documentNo: '某罚〔2020〕1号', issuer: '某局', decidedOn: addDays(decidedOn, -penaltyBefore), effective: true }],
          }));
          const add = (d: Omit<EventDraft, 'actor'>) => b.add(d.type, d.occurredOn, d.payload as never);
          add({ type: 'pre_notice_served', occurredOn: decidedOn, payload: { documentNo: '告知', recipients: ['某某公司'], method: 'direct' } });
          checkDocument(b.state(decidedOn), ruleSet, 'prior-notice', decidedOn);
          add({ type: 'statement_received', occurredOn: decidedOn, payload: { summary: '无', accepted: false } });
          add({ type: 'listed', occurredOn: decidedOn, payload: { decisionNo: '决定', listType, priorRepairCompletedOn: null } });
          checkDocument(b.state(decidedOn), ruleSet, 'listing-decision', decidedOn);
          const served = addDays(decidedOn, 1);
          add({ type: 'served', occurredOn: served, payload: { documentKind: 'listing-decision', documentNo: '决定', recipients: ['某某房地产开发有限公司', '张三'], method: 'direct', regardingId: null } });
          add({ type: 'published', occurredOn: served, payload: { channels: ['信用中国'], profile: ruleSet.publicationProfile } });
          const received = addDays(served, objectionAfter);
          add({ type: 'objection_received', occurredOn: received, payload: { objectionId: 'o1', applicant: 'a', grounds: ['error'], reasons: '信息有误', concernsListing: objectionAfter % 2 === 0, channel: 'written' } });
          checkDocument(b.state(received), ruleSet, 'objection-acceptance', received);
          const decided = addDays(received, 1);
          add({ type: 'objection_decided', occurredOn: decided, payload: { objectionId: 'o1', outcome: 'rejected', reasons: '理由充分' } });
          checkDocument(b.state(decided), ruleSet, 'objection-decision', decided);
          const eligible = b.state(decided).repairEligibleFrom;
          if (eligible === null) return;
          const applied = addDays(eligible > decided ? eligible : decided, repairAfter);
          if (addDays(applied, 2) > TODAY) return;
          add({ type: 'repair_applied', occurredOn: applied, payload: { repairId: 'r1', methods: ['commitment'], commitmentSigned: true } });
          checkDocument(b.state(applied), ruleSet, 'repair-acceptance', applied);
          if (ruleSet.periods.some((p) => p.key === 'repair_initial_review')) add({ type: 'repair_reviewed', occurredOn: applied, payload: { repairId: 'r1', accepted: true, reasons: '材料齐全' } });
          const granted = addDays(applied, 1);
          add({ type: 'repair_decided', occurredOn: granted, payload: { repairId: 'r1', approved: true, reasons: '已纠正失信行为' } });
          checkDocument(b.state(granted), ruleSet, 'repair-decision', granted);
          checkDocument(b.state(granted), ruleSet, 'removal-decision', granted);
        },
      ),
      { numRuns: 30 },
    );
  });
});
