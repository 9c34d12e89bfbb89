import type { CaseEventType } from './events';
import type { CaseFlag, CaseState, Deadline } from './state';
import { canPerform, type PerformCheck, type PerformContext } from './can-perform';
import { findPeriod, resolvePeriodRule } from '../rules/periods';

/**
 * The next lawful acts of a case: what the 办理 panel offers first. An act is "next" when shared/
 * allows it now and it
 *  1. answers an open deadline of the office (an act due by a date: its period closes by this act, not
 *     merely lapses), nearest deadline first; or
 *  2. is what the end of the listing requires at once (撤销联合惩戒、解除惩戒措施, 黑龙江条例 第四十条;
 *     转档案 after the validity ran out); or
 *  3. is the next step of the listing procedure (事先告知 → 列入 → 送达 → 公示, 国办发〔2020〕49号),
 *     when nothing above applies.
 * Every other act is "other", with canPerform's answer (its refusal text when unavailable).
 */
export type NextAct = {
  type: CaseEventType;
  /** The open deadline this act answers (the nearest one when several), null for 2. and 3. above. */
  deadline: Deadline | null;
};

export type OtherAct = { type: CaseEventType; check: PerformCheck };

export type NextActs = { next: NextAct[]; others: OtherAct[] };

/** The listing procedure's main line, in order. */
const PROCEDURE_LINE: readonly CaseEventType[] = ['pre_notice_served', 'listed', 'served', 'published'];

const FLAG_ACTS: Partial<Record<CaseFlag, CaseEventType>> = {
  JOINT_REVOKE_PENDING: 'joint_revoked',
  MEASURES_PENDING_LIFT: 'measure_lifted',
  EXPIRED_PENDING_ARCHIVE: 'expired_archived',
};

/** The acts whose event answers the deadline (closes it without merely lapsing it). */
export function actsAnswering(deadline: Deadline, ruleSet: PerformContext['ruleSet']): CaseEventType[] {
  const rule = findPeriod(ruleSet.periods, deadline.key);
  if (!rule) return [];
  return resolvePeriodRule(rule)
    .closedBy.filter((t) => !t.lapses && t.event !== 'case_ended')
    .map((t) => t.event as CaseEventType);
}

const byDue = (a: Deadline, b: Deadline) => (a.dueOn ?? '\uffff').localeCompare(b.dueOn ?? '\uffff');

/**
 * Sorts `candidates` (the acts the caller can offer, in the caller's order) into the next lawful acts
 * and the others. Pure: today is `ctx.today`.
 */
export function nextActs(state: CaseState, ctx: PerformContext, candidates: readonly CaseEventType[]): NextActs {
  const checks = new Map(candidates.map((type) => [type, canPerform(state, { type } as never, ctx)] as const));
  const allowed = (type: CaseEventType) => checks.get(type)?.ok === true;
  const next: NextAct[] = [];
  const add = (type: CaseEventType, deadline: Deadline | null) => {
    if (allowed(type) && !next.some((n) => n.type === type)) next.push({ type, deadline });
  };
  const due = state.deadlines.filter((d) => d.holder === 'office' && d.outcome === 'overdue' && !d.unset).sort(byDue);
  for (const d of due) for (const type of actsAnswering(d, ctx.ruleSet)) add(type, d);
  for (const flag of state.flags) {
    const type = FLAG_ACTS[flag];
    if (type) add(type, null);
  }
  if (next.length === 0) {
    const step = PROCEDURE_LINE.find((type) => allowed(type));
    if (step) add(step, null);
  }
  const chosen = new Set(next.map((n) => n.type));
  const others = candidates.filter((type) => !chosen.has(type)).map((type) => ({ type, check: checks.get(type) ?? { ok: true as const } }));
  return { next, others };
}
