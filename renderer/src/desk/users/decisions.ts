/**
 * Four-eyes approval of decisions (列入、移出、信用修复决定) as desk use cases. shared/ decides (the
 * approver must not be the drafter, the act waits for an approval: shared/case/can-perform.ts); the
 * desk adds the roles: a 经办人 submits, a 审核人 approves or returns. Each step is an event in the
 * case log (who, when) and an audit row, written by recordAct.
 */
import type { DecisionDraft } from '../../../../shared/case/events';
import type { DecisionState } from '../../../../shared/case/state';
import type { IsoDate } from '../../../../shared/util/dates';
import { recordAct, type ActResult } from '../cases';
import type { Desk } from '../desk';

/** 提交审核 (经办人): the decision as drafted; the drafter is the logged-in person. */
export function submitDecision(desk: Desk, caseId: string, decision: DecisionDraft, occurredOn: IsoDate = desk.clock.today()): Promise<ActResult> {
  return recordAct(desk, caseId, { type: 'decision_submitted', occurredOn, payload: { decisionId: desk.ids(), decision } });
}

/** 审核通过 (审核人, not the drafter). */
export function approveDecision(desk: Desk, caseId: string, decisionId: string, occurredOn: IsoDate = desk.clock.today(), note?: string): Promise<ActResult> {
  return recordAct(desk, caseId, { type: 'decision_approved', occurredOn, payload: { decisionId, ...(note?.trim() ? { note: note.trim() } : {}) } });
}

/** 审核退回 (审核人), with reasons for the drafter. */
export function returnDecision(desk: Desk, caseId: string, decisionId: string, reasons: string, occurredOn: IsoDate = desk.clock.today()): Promise<ActResult> {
  return recordAct(desk, caseId, { type: 'decision_returned', occurredOn, payload: { decisionId, reasons } });
}

/**
 * 办理 an approved 移出 or 修复决定: records the act exactly as approved. A listing is carried out by
 * issuing its 列入决定书 (documents/index.ts issueCaseDocument), which shared/ also holds to the approval.
 */
export async function carryOutDecision(desk: Desk, caseId: string, decision: DecisionState, occurredOn: IsoDate = desk.clock.today()): Promise<ActResult> {
  if (decision.status !== 'approved') return { ok: false, code: 'decision_not_approved', reason: '该决定尚未审核通过，不能办理。' };
  const d = decision.decision;
  if (d.act === 'listed') return { ok: false, code: 'listing_by_document', reason: '列入决定经审核通过后，请签发列入决定书（签发即列入）。' };
  return recordAct(desk, caseId, { type: d.act, occurredOn, payload: d.payload });
}
