import type { RuleSet } from '../rules/types';
import type { RepairState } from './state';

/** 国办发〔2020〕49号 applies to every listing (依法依规实施失信惩戒、过惩相当) where a rule set names nothing more specific. */
const NATIONAL_PROPORTIONALITY = '国办发〔2020〕49号（依法依规实施失信惩戒，过惩相当）';

/** The article the case's rule set rests the 比例原则 of measures on (黑龙江条例 第三十条, 国办发〔2020〕49号 …). */
export function proportionalityBasisOf(ruleSet: Pick<RuleSet, 'proportionalityBasis'>): string {
  return ruleSet.proportionalityBasis ?? NATIONAL_PROPORTIONALITY;
}

/** The label of the measure's justification field, citing the case's own rule set. */
export function proportionalityLabel(ruleSet: Pick<RuleSet, 'proportionalityBasis'>): string {
  return `关联和适度理由（比例原则，${proportionalityBasisOf(ruleSet)}）`;
}

/**
 * The reason of the 不予受理 for an application filed before the subject could apply, naming the waiting
 * period, its article and the first possible day. Prefilled in the 初审/决定 form; also the refusal
 * text when someone tries to accept or grant the application.
 */
export function prematureRepairReason(repair: Pick<RepairState, 'appliedOn' | 'premature'>): string {
  const p = repair.premature;
  if (!p) return '';
  return `该信用修复申请于${repair.appliedOn}提出，尚未满足申请条件："${p.label}"（${p.basis}），自${p.possibleFrom}起方可申请。本申请不予受理，申请人可自${p.possibleFrom}起重新申请`;
}
