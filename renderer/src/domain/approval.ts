/**
 * Four-eyes approval (DOMAIN.md §7 "Abuse of power": listing and removal need a second officer).
 * A later issue adds the approval step; decisions are drafted by the acting officer today.
 * The case desk calls `approvalGate` before appending these events — that is where it plugs in.
 */
import type { Actor, CaseEventType } from '../../../shared/case/events';

export const DECISIONS_NEEDING_APPROVAL: readonly CaseEventType[] = ['listed', 'removed', 'repair_decided', 'objection_decided', 'exempted'];

export type ApprovalGate = { ok: true; note: string | null } | { ok: false; reason: string };

export function approvalGate(type: CaseEventType, _drafter: Actor): ApprovalGate {
  if (!DECISIONS_NEEDING_APPROVAL.includes(type)) return { ok: true, note: null };
  return { ok: true, note: '本决定由经办人起草登记；第二名工作人员复核（双人审批）将在后续版本启用。' };
}
