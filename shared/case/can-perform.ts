import type { WorkingCalendar } from '../calendar/types';
import type { IsoDate } from '../util/dates';
import { assertNever } from '../util/assert-never';
import { refuse, type Refusal } from '../util/result';
import { checkBehaviourAllowed, findBehaviour, BEHAVIOUR_CATALOGUES } from '../rules/catalogues';
import { findMeasure } from '../rules/measures';
import { describeUnsetPeriods, unsetPeriods } from '../rules/office';
import { findPeriod, formatPeriod } from '../rules/periods';
import { isInForce } from '../rules/select';
import type { RuleSet, Severity } from '../rules/types';
import { SEVERITY_LABELS } from '../rules/types';
import { PROFILE_PROTECTION, PUBLICATION_PROFILE_LABELS } from '../masking/types';
import { isListingDocument } from '../documents/kinds';
import { CASE_EVENT_FILER, CASE_EVENT_LABELS, DECISION_ACTS, LIST_TYPE_LABELS, type CaseAction, type DecisionAct, type DecisionDraft, type ListType } from './events';
import { approvedDecisionFor, expiredOn, isListedStage, isTerminal, listedWithinRepairBar } from './fold';
import { prematureRepairReason, proportionalityBasisOf } from './explain';
import { CASE_STAGE_LABELS, DECISION_STATUS_LABELS, isRepairOpen, type CaseState, type DecisionState, type RepairState } from './state';

/**
 * Things outside the case that decide whether an act is allowed now.
 *  - `today`: the office's date (acts cannot be dated in the future);
 *  - `previousRepairCompletedOn`: the subject's last completed repair in ANY case (朝阳房地产规定
 *    第十九条); the store looks it up across the subject's cases.
 */
export type PerformContext = {
  today: IsoDate;
  ruleSet: RuleSet;
  calendar: WorkingCalendar;
  previousRepairCompletedOn?: IsoDate | null;
  /**
   * 'required': 列入、移出 and 修复决定 are recorded only after an approved decision (four-eyes). The
   * desk always requires it for new acts; a replay of recorded history (and imports of decisions
   * taken on paper before the desk) leaves it unset.
   */
  approvals?: 'required';
};

export type PerformCheck = { ok: true } | Refusal;

const OK: PerformCheck = { ok: true };


/** Acts still allowed after the listing ended (wind-down and record-keeping). */
const AFTER_END = new Set<CaseAction['type']>(['decision_returned', 'voided', 'joint_revoked', 'measure_lifted', 'correction_pushed', 'served', 'platform_pushed', 'objection_decided', 'objection_marked', 'assist_replied', 'clock_resumed', 'corrected']);

function endedRefusal(state: CaseState, action: CaseAction['type']): Refusal {
  const when = state.endedOn ? `（${state.endedOn}）` : '';
  return refuse('case_ended', `案件已${CASE_STAGE_LABELS[state.stage]}${when}，不能再办理"${CASE_EVENT_LABELS[action]}"`);
}

/**
 * An act of the office that opens a period unset in the rule set is refused (the document it produces
 * must state the date). Filings of the subject and of other bodies are always registered: the period
 * they open shows as 期限未设置 and the act that needs the number (e.g. the 受理通知书) stays blocked.
 */
function unsetRefusal(ctx: PerformContext, action: CaseAction, state: CaseState): Refusal | null {
  if (CASE_EVENT_FILER[action.type] !== 'office') return null;
  const determined = action.type === 'determined' ? action.payload : undefined;
  const severity = determined?.severity ?? state.severity;
  const sector = determined ? (determined.sector ?? null) : state.sector;
  const unset = unsetPeriods(ctx.ruleSet, action.type, severity, action.payload, sector);
  return unset.length > 0 ? refuse('period_unset', describeUnsetPeriods(unset, ctx.ruleSet)) : null;
}

/** The rule set's allowed severities for a list type (e.g. 黑龙江 严重失信主体名单 = 严重 only). */
function severityRefusal(ruleSet: RuleSet, listType: ListType, severity: Severity | null): Refusal | null {
  const rule = ruleSet.severitiesByListType?.[listType];
  if (!rule || severity === null || rule.severities.includes(severity)) return null;
  return refuse(
    'severity_not_allowed',
    `${SEVERITY_LABELS[severity]}失信信息不能列入${LIST_TYPE_LABELS[listType]}：该名单只适用于${rule.severities.map((x) => SEVERITY_LABELS[x]).join('、')}失信信息（${rule.basis}）`,
  );
}

function nonEmpty(text: string | undefined | null): boolean {
  return typeof text === 'string' && text.trim().length > 0;
}

/**
 * Whether `action` may be recorded now. Payload-dependent checks run only when a payload is given;
 * without one the answer says whether the act is available at all (for enabling a button).
 */
export function canPerform(state: CaseState, action: CaseAction, ctx: PerformContext): PerformCheck {
  const check = checkAct(state, action, ctx);
  if (!check.ok) return check;
  return approvalRefusal(state, action, ctx) ?? unsetRefusal(ctx, action, state) ?? OK;
}

const DECISION_NAMES: Record<DecisionAct, string> = { listed: '列入决定', removed: '移出决定', repair_decided: '信用修复决定' };

/** The act a decision proposes, as canPerform checks it. */
export function actOfDecision(decision: DecisionDraft, occurredOn?: IsoDate): CaseAction {
  const on = occurredOn === undefined ? {} : { occurredOn };
  switch (decision.act) {
    case 'listed':
      return { type: 'listed', ...on, payload: { decisionNo: '', listType: decision.payload.listType, priorRepairCompletedOn: null } };
    case 'removed':
      return { type: 'removed', ...on, payload: decision.payload };
    case 'repair_decided':
      return { type: 'repair_decided', ...on, payload: decision.payload };
    default:
      return assertNever(decision);
  }
}

/** Four-eyes: a decision act needs an approved decision that proposed exactly it. */
function approvalRefusal(state: CaseState, action: CaseAction, ctx: PerformContext): Refusal | null {
  if (ctx.approvals !== 'required' || !(DECISION_ACTS as readonly string[]).includes(action.type)) return null;
  if (approvedDecisionFor(state, action)) return null;
  const name = DECISION_NAMES[action.type as DecisionAct];
  const waiting = state.decisions.find((d) => d.status === 'submitted' && d.decision.act === action.type);
  if (waiting) return refuse('approval_pending', `${name}已于${waiting.submittedOn}由${waiting.submittedBy.name}提交，尚待审核人审核通过，通过后方可办理（两人审核）`);
  const other = state.decisions.find((d) => d.status === 'approved' && d.decision.act === action.type);
  if (other) return refuse('approval_mismatch', `办理内容与审核通过的${name}不一致，请按审核通过的内容办理，或重新提交审核`);
  return refuse('approval_required', `${name}须先由经办人提交审核，经另一名审核人审核通过后方可办理（两人审核）`);
}

/** Whether a decision of this kind (for this repair application) is already waiting or approved. */
function pendingDecision(state: CaseState, decision: DecisionDraft): DecisionState | undefined {
  return state.decisions.find(
    (d) => (d.status === 'submitted' || d.status === 'approved') && d.decision.act === decision.act && (decision.act !== 'repair_decided' || (d.decision.act === 'repair_decided' && d.decision.payload.repairId === decision.payload.repairId)),
  );
}

function checkAct(state: CaseState, action: CaseAction, ctx: PerformContext): PerformCheck {
  const on = action.occurredOn ?? ctx.today;
  if (on > ctx.today) return refuse('date_in_future', `办理日期${on}晚于今天（${ctx.today}），不能预先登记`);
  const type = action.type;

  if (state.stage === 'D0' && type !== 'determined') {
    return refuse('not_determined', `案件尚未认定失信行为，不能办理"${CASE_EVENT_LABELS[type]}"`);
  }
  if (type === 'published' && (state.stage === 'D11' || expiredOn(state, on))) {
    return refuse('publish_expired', `失信信息公示期限已于${state.publicationUntil ?? state.validUntil ?? ''}届满，期满的失信信息不得再行公示（黑龙江省社会信用条例 第三十七条）`);
  }
  if (type === 'published' && isTerminal(state.stage)) {
    return refuse('publish_removed', `失信信息已${CASE_STAGE_LABELS[state.stage]}${state.endedOn ? `（${state.endedOn}）` : ''}，应当停止公示，不得再行公示（黑龙江省社会信用条例 第三十五、四十条）`);
  }
  if (isTerminal(state.stage) && !AFTER_END.has(type)) return endedRefusal(state, type);
  if (state.determinedOn && on < state.determinedOn && type !== 'voided') {
    return refuse('date_before_determination', `办理日期${on}早于认定日期${state.determinedOn}`);
  }
  if (state.lastOccurredOn && on < state.lastOccurredOn && type !== 'voided') {
    return refuse('date_out_of_order', `办理日期${on}早于上一环节的日期${state.lastOccurredOn}，请核对日期`);
  }

  switch (action.type) {
    case 'determined': {
      if (state.stage !== 'D0') return refuse('already_determined', `本案已于${state.determinedOn ?? ''}认定，不能重复认定`);
      if (!isInForce(ctx.ruleSet, on)) {
        return refuse('rule_set_not_in_force', `规则集《${ctx.ruleSet.shortTitle}》在${on}不生效（${ctx.ruleSet.effectiveFrom}起施行），请选择认定日生效的规则集`);
      }
      const p = action.payload;
      if (p) {
        if (p.ruleSet.id !== ctx.ruleSet.id || p.ruleSet.version !== ctx.ruleSet.version) {
          return refuse('rule_set_mismatch', '认定记录的规则集与当前使用的规则集不一致');
        }
        if (p.basisDocuments.length === 0) return refuse('basis_missing', '认定失信行为须有认定依据文书（黑龙江省社会信用条例 第二十七条）');
        const notEffective = p.basisDocuments.find((d) => !d.effective);
        if (notEffective) return refuse('basis_not_effective', `认定依据"${notEffective.documentNo}"尚未生效，须以生效的法律文书为依据（黑龙江省社会信用条例 第二十七条）`);
        // 朝阳2020方案 十七(二十七): a catalogue code is law; free text is screened against the deny-list.
        if (ctx.ruleSet.enforcesDenyList) {
          const check = checkBehaviourAllowed(p.behaviourCode ?? p.behaviourText);
          if (!check.ok) return check;
        }
        if (p.behaviourCode !== null) {
          const found = findBehaviour(p.behaviourCode);
          if (!found || !ctx.ruleSet.behaviourCatalogues.includes(found.catalogue.id)) {
            const names = BEHAVIOUR_CATALOGUES.filter((c) => ctx.ruleSet.behaviourCatalogues.includes(c.id)).map((c) => c.title).join('、');
            return refuse('behaviour_not_in_catalogue', `失信行为代码"${p.behaviourCode}"不在本规则集的失信行为目录中（${names || '无目录'}）`);
          }
        }
        if (!nonEmpty(p.facts)) return refuse('facts_missing', '请填写认定的失信事实');
        const severity = severityRefusal(ctx.ruleSet, p.listType, p.severity);
        if (severity) return severity;
      }
      return OK;
    }
    case 'exempted':
      if (state.stage !== 'D1' && state.stage !== 'D2') return refuse('exempt_wrong_stage', '只有在认定后、列入前才能决定免于惩戒（黑龙江省社会信用条例 第三十条）');
      if (action.payload && !nonEmpty(action.payload.reason)) return refuse('reason_missing', '免于惩戒须写明理由（轻微偶发、及时改正、未造成危害后果）');
      return OK;
    case 'pre_notice_served':
      if (state.stage !== 'D1') return refuse('pre_notice_wrong_stage', state.stage === 'D2' ? '事先告知书已送达，不能重复送达' : `当前阶段（${state.stageLabel}）不能送达事先告知书`);
      return OK;
    case 'statement_received':
      if (state.stage !== 'D2') return refuse('statement_wrong_stage', '只有在事先告知后、列入前才能登记陈述申辩');
      return OK;
    case 'listed': {
      if (state.stage !== 'D1' && state.stage !== 'D2') {
        return refuse('list_wrong_stage', isListedStage(state.stage) ? `已于${state.listedOn ?? ''}列入，不能重复列入` : `当前阶段（${state.stageLabel}）不能列入`);
      }
      if (ctx.ruleSet.requiresPreNotice) {
        if (state.preNoticeServedOn === null) {
          return refuse('pre_notice_required', `列入前应当事先告知当事人并听取陈述申辩（${ctx.ruleSet.preNoticeBasis ?? ctx.ruleSet.shortTitle}），请先送达事先告知书`);
        }
        // The window as the fold computed it (one computation for the deadline list and this refusal).
        const window = state.statementReceivedOn === null ? state.periods.find((d) => d.key === 'pre_notice_statement') : undefined;
        const rule = findPeriod(ctx.ruleSet.periods, 'pre_notice_statement');
        if (window?.unset && rule) return refuse('period_unset', describeUnsetPeriods([rule], ctx.ruleSet));
        if (window && (window.dueOn === null || on <= window.dueOn)) {
          const length = window.amount !== null ? `（${formatPeriod(window.amount, window.unit)}）` : '';
          return refuse('statement_window_open', `陈述申辩期限至${window.dueOn ?? '（计时中止）'}届满${length}，届满后或收到陈述申辩后方可列入`);
        }
      }
      if (action.payload) {
        const severity = severityRefusal(ctx.ruleSet, action.payload.listType, state.severity);
        if (severity) return severity;
      }
      return OK;
    }
    case 'served':
      if (action.payload && isListingDocument(action.payload.documentKind) && state.listedOn === null) {
        return refuse('serve_before_listing', '尚未列入，不能送达列入决定书或告知书');
      }
      if (action.payload && action.payload.recipients.length === 0) return refuse('recipients_missing', '请填写受送达人');
      return OK;
    case 'published': {
      if (state.stage === 'D11' || expiredOn(state, on)) {
        return refuse('publish_expired', `失信信息公示期限已于${state.publicationUntil ?? state.validUntil ?? ''}届满，期满的失信信息不得再行公示（黑龙江省社会信用条例 第三十七条）`);
      }
      if (state.stage !== 'D4' && state.stage !== 'D5') {
        return refuse('publish_wrong_stage', state.stage === 'D3' ? '列入决定尚未送达当事人，送达后方可公示' : `当前阶段（${state.stageLabel}）不能公示`);
      }
      if (action.payload && PROFILE_PROTECTION[action.payload.profile] < PROFILE_PROTECTION[ctx.ruleSet.publicationProfile]) {
        return refuse('publish_profile_too_open', `公示方式"${PUBLICATION_PROFILE_LABELS[action.payload.profile]}"低于规则集要求的"${PUBLICATION_PROFILE_LABELS[ctx.ruleSet.publicationProfile]}"`);
      }
      // 36号令: 轻微失信信息原则上不予公示 — only with the 行业主管部门's "确有必要" reasons, capped by the tier maximum.
      const tier = ctx.ruleSet.publicationTiers.find((t) => t.severity === state.severity);
      if (tier && !tier.publishedByDefault && action.payload && !nonEmpty(action.payload.necessity)) {
        const cap = tier.maximum?.amount != null ? `，公示期最长${formatPeriod(tier.maximum.amount, tier.maximum.unit)}` : '';
        return refuse('publish_not_by_default', `${SEVERITY_LABELS[tier.severity]}失信信息原则上不予公示；行业主管部门认为确有必要公示的，须写明理由${cap}（${tier.basis}）`);
      }
      return OK;
    }
    case 'objection_received': {
      const p = action.payload;
      if (p) {
        if (!nonEmpty(p.reasons)) return refuse('objection_reasons_missing', '异议申请应当书面提出并说明理由（黑龙江省社会信用条例 第三十九条）');
        if (state.objections.some((o) => o.objectionId === p.objectionId)) return refuse('objection_duplicate', `异议编号${p.objectionId}已存在`);
      }
      return OK;
    }
    case 'objection_referred':
    case 'objection_marked':
    case 'assist_requested':
    case 'objection_decided': {
      const p = action.payload;
      if (!p) return state.objections.some((o) => o.decidedOn === null) ? OK : refuse('no_open_objection', '没有待处理的异议');
      const o = state.objections.find((x) => x.objectionId === p.objectionId);
      if (!o) return refuse('objection_unknown', `找不到异议${p.objectionId}`);
      if (o.decidedOn !== null) {
        const what = o.stage === 'OX' ? '已告知有权处理的单位' : `已于${o.decidedOn}作出决定`;
        return refuse('objection_already_decided', `该异议${what}，不能重复${action.type === 'objection_decided' ? '决定' : '办理'}`);
      }
      if (action.type === 'objection_marked' && o.markedOn !== null) return refuse('objection_already_marked', `该异议已于${o.markedOn}标注`);
      if (action.type === 'objection_decided') {
        const dp = action.payload;
        if (dp && dp.outcome === 'rejected' && !nonEmpty(dp.reasons)) {
          return refuse('objection_rejection_reasons', '决定不予采纳异议的，应当说明理由（黑龙江省社会信用条例 第三十五、三十九条）');
        }
        if (dp && dp.outcome === 'upheld_remove' && isTerminal(state.stage)) return endedRefusal(state, action.type);
      }
      if (action.type === 'objection_referred' && action.payload && !nonEmpty(action.payload.toUnit)) {
        return refuse('referral_unit_missing', '请填写有权处理的单位（黑龙江省社会信用条例 第三十九条）');
      }
      if (action.type === 'assist_requested') {
        if (action.payload && o.assists.some((a) => a.assistId === action.payload?.assistId)) return refuse('assist_duplicate', '协助核查编号已存在');
        return OK;
      }
      return OK;
    }
    case 'assist_replied': {
      const p = action.payload;
      if (!p) return OK;
      const o = state.objections.find((x) => x.objectionId === p.objectionId);
      const a = o?.assists.find((x) => x.assistId === p.assistId);
      if (!o || !a) return refuse('assist_unknown', '找不到对应的协助核查请求');
      if (a.repliedOn !== null) return refuse('assist_already_replied', `协助单位已于${a.repliedOn}反馈`);
      return OK;
    }
    case 'clock_paused': {
      const p = action.payload;
      if (!p) return OK;
      const o = state.objections.find((x) => x.objectionId === p.scopeId);
      const r = state.repairs.find((x) => x.repairId === p.scopeId);
      if (!o && !r) return refuse('pause_scope_unknown', '计时中止须指明对应的异议或修复申请');
      if (o && o.decidedOn !== null) return refuse('pause_closed_scope', '该异议已处理完毕，不能中止计时');
      if (o && o.openPauseIds.length > 0) return refuse('pause_already_open', '该异议的计时已中止，请先恢复计时');
      return OK;
    }
    case 'clock_resumed': {
      const p = action.payload;
      if (!p) return OK;
      const open = state.objections.some((o) => o.openPauseIds.includes(p.pauseId));
      return open ? OK : refuse('pause_not_open', '没有对应的计时中止，或已恢复计时');
    }
    case 'corrected': {
      const p = action.payload;
      if (p && p.changes.length === 0) return refuse('correction_empty', '请填写更正的内容（更正前、更正后）');
      if (p && p.objectionId) {
        const o = state.objections.find((x) => x.objectionId === p.objectionId);
        if (!o || o.outcome !== 'upheld_correct') return refuse('correction_without_decision', '只有决定采纳并更正的异议才能据以更正');
      }
      if (isTerminal(state.stage) && !(p && p.objectionId)) return endedRefusal(state, action.type);
      return OK;
    }
    case 'correction_pushed':
      return OK;
    case 'repair_applied': {
      if (!isListedStage(state.stage)) return refuse('repair_not_listed', `当前阶段（${state.stageLabel}）不能申请信用修复`);
      const prior = state.priorRepairCompletedOn ?? ctx.previousRepairCompletedOn ?? null;
      const bar = findPeriod(ctx.ruleSet.periods, 'relisting_repair_bar');
      const barred = state.flags.includes('NO_REPAIR') || (state.listedOn !== null && prior !== null && listedWithinRepairBar(state.listedOn, prior, ctx.ruleSet, ctx.calendar));
      if (barred) {
        return refuse('repair_barred', `该主体于${prior ?? ''}完成信用修复后一年内再次被列入失信名单（${state.listedOn ?? ''}），在新的失信记录有效期内${state.validUntil ? `（至${state.validUntil}）` : ''}不得申请信用修复（${bar?.basis ?? '朝阳市治理房地产领域失信行为若干规定(试行) 第十九条'}）`);
      }
      // An early application is registered (it is the subject's filing): the fold marks it premature and
      // the lawful answer is 不予受理 with the date it becomes possible (prematureRepairReason).
      if (state.repairs.some(isRepairOpen)) return refuse('repair_open', '已有尚未办结的信用修复申请');
      return OK;
    }
    case 'repair_reviewed':
    case 'repair_decided': {
      const p = action.payload;
      const open = state.repairs.filter(isRepairOpen);
      if (!p) return open.length > 0 ? OK : refuse('no_open_repair', '没有待办理的信用修复申请');
      const r = state.repairs.find((x) => x.repairId === p.repairId);
      if (!r) return refuse('repair_unknown', `找不到修复申请${p.repairId}`);
      if (r.stage === 'P4' || r.stage === 'P4R' || r.stage === 'P2R') return refuse('repair_already_decided', `该修复申请已办结（${r.decidedOn ?? r.reviewedOn ?? ''}），不能重复办理`);
      if (!repairAwaits(r, action.type, ctx.ruleSet)) {
        return action.type === 'repair_reviewed'
          ? refuse('repair_already_reviewed', `该修复申请已于${r.reviewedOn ?? ''}完成初审`)
          : refuse('repair_not_reviewed', '信用修复申请尚未完成初审');
      }
      if (action.type === 'repair_reviewed') {
        if (!action.payload?.accepted && !nonEmpty(action.payload?.reasons)) return refuse('repair_review_reasons', '初审不予受理的，应当说明理由');
        if (action.payload?.accepted && r.premature) return refuse('repair_premature', prematureRepairReason(r));
        return OK;
      }
      if (action.payload?.approved && r.premature) return refuse('repair_premature', prematureRepairReason(r));
      if (action.payload && !action.payload.approved && !nonEmpty(action.payload.reasons)) {
        return refuse('repair_refusal_reasons', '决定不予修复的，应当说明理由（比照异议处理，黑龙江省社会信用条例 第三十九条）');
      }
      return OK;
    }
    case 'removed':
      if (!isListedStage(state.stage)) return refuse('remove_wrong_stage', `当前阶段（${state.stageLabel}）不能移出`);
      if (action.payload && !nonEmpty(action.payload.note)) return refuse('reason_missing', '移出须写明理由（如已履行法定义务、纠正失信行为、消除不良影响）');
      return OK;
    case 'expired_archived': {
      if (!isListedStage(state.stage)) return refuse('archive_wrong_stage', `当前阶段（${state.stageLabel}）不能期满转档案`);
      if (state.validUntil === null && state.publicationUntil === null) return refuse('archive_no_period', '本案没有有效期或公示期限，不能按期满处理');
      if (!expiredOn(state, on)) {
        return refuse('archive_not_expired', `有效期（公示期限）至${[state.validUntil, state.publicationUntil].filter((d): d is string => d !== null).sort()[0] ?? ''}，尚未届满`);
      }
      return OK;
    }
    case 'basis_change_reported':
      return OK;
    case 'basis_revoked':
    case 'basis_changed':
      if (action.payload && !nonEmpty(action.payload.basisDocumentNo)) return refuse('basis_missing', '请填写被撤销或变更的依据文书文号');
      return OK;
    case 'measure_applied': {
      if (!isListedStage(state.stage)) return refuse('measure_not_listed', '只能对列入名单期间的主体实施惩戒措施（朝阳市治理房地产领域失信行为若干规定(试行) 第十二条）');
      const p = action.payload;
      if (!p) return OK;
      const m = findMeasure(p.measureCode);
      if (!m || !ctx.ruleSet.measureCodes.includes(p.measureCode)) {
        return refuse('measure_not_published', `措施"${p.measureCode}"不在规则集《${ctx.ruleSet.shortTitle}》公布的措施清单中；不得实施清单以外的失信约束和惩戒措施（${proportionalityBasisOf(ctx.ruleSet)}）`);
      }
      if (m.duration.kind === 'fixed' && m.duration.amount === null) {
        return refuse('period_unset', `措施"${m.label}"须规定期限（${m.basis}；黑龙江省社会信用条例 第三十一条），原文未给出期限，请由办公室在"设置"中确定后再实施`);
      }
      if (!nonEmpty(p.justification)) return refuse('measure_justification', `请说明措施与失信行为的关联和适度理由（${proportionalityBasisOf(ctx.ruleSet)}）`);
      if (state.measures.some((x) => x.measureId === p.measureId)) return refuse('measure_duplicate', '措施编号已存在');
      return OK;
    }
    case 'measure_lifted': {
      const p = action.payload;
      if (!p) return state.measures.some((m) => m.liftedOn === null) ? OK : refuse('no_active_measure', '没有正在实施的措施');
      const m = state.measures.find((x) => x.measureId === p.measureId);
      if (!m) return refuse('measure_unknown', '找不到该措施');
      if (m.liftedOn !== null) return refuse('measure_already_lifted', `该措施已于${m.liftedOn}解除`);
      return OK;
    }
    case 'platform_pushed':
      return OK;
    case 'joint_initiated':
      if (!isListedStage(state.stage)) return refuse('joint_not_listed', '列入名单后方可发起联合奖惩');
      if (state.jointStage !== 'none') return refuse('joint_already_initiated', '本案已发起联合奖惩');
      return OK;
    case 'joint_units_assigned':
      if (state.jointStage !== 'J0' && state.jointStage !== 'J1') return refuse('joint_wrong_stage', '须先发起联合奖惩，方可确定实施部门');
      if (action.payload && action.payload.units.length === 0) return refuse('joint_units_missing', '请至少填写一个实施部门');
      return OK;
    case 'joint_responded':
      if (!['J1', 'J2', 'J3'].includes(state.jointStage)) return refuse('joint_wrong_stage', '须先确定实施部门，方可登记响应');
      if (action.payload && !state.jointUnits.includes(action.payload.unit)) return refuse('joint_unit_unknown', `"${action.payload.unit}"不是本案确定的实施部门`);
      return OK;
    case 'joint_feedback':
      if (state.jointStage !== 'J2' && state.jointStage !== 'J3') return refuse('joint_wrong_stage', '实施部门响应后方可登记反馈');
      return OK;
    case 'joint_revoked':
      if (state.jointStage === 'none') return refuse('joint_wrong_stage', '本案未发起联合奖惩');
      if (state.jointStage === 'J4') return refuse('joint_already_revoked', '联合奖惩已撤销');
      if (action.payload && !nonEmpty(action.payload.reason)) return refuse('reason_missing', '撤销联合奖惩须写明理由');
      return OK;
    case 'decision_submitted': {
      const p = action.payload;
      if (!p) return OK;
      if (state.decisions.some((d) => d.decisionId === p.decisionId)) return refuse('decision_duplicate', `审核编号${p.decisionId}已存在`);
      const pending = pendingDecision(state, p.decision);
      if (pending) return refuse('decision_pending', `已有${DECISION_STATUS_LABELS[pending.status]}的${DECISION_NAMES[pending.decision.act]}（${pending.submittedOn}，${pending.submittedBy.name}提交），不能重复提交`);
      if (p.decision.act === 'removed' && !nonEmpty(p.decision.payload.note)) return refuse('reason_missing', '移出须写明理由（如已履行法定义务、纠正失信行为、消除不良影响）');
      // The proposed act must be possible as the case stands (it is checked again when carried out).
      const inner = checkAct(state, actOfDecision(p.decision, on), ctx);
      return inner.ok ? OK : inner;
    }
    case 'decision_approved':
    case 'decision_returned': {
      const p = action.payload;
      if (!p) return state.decisions.some((d) => d.status === 'submitted') ? OK : refuse('no_pending_decision', '没有待审核的决定');
      const d = state.decisions.find((x) => x.decisionId === p.decisionId);
      if (!d) return refuse('decision_unknown', '找不到该待审核的决定');
      if (d.status !== 'submitted') return refuse('decision_not_pending', `该${DECISION_NAMES[d.decision.act]}${DECISION_STATUS_LABELS[d.status]}，不能再审核`);
      if (action.actor && action.actor.userId === d.submittedBy.userId) {
        return refuse('approver_is_drafter', `该${DECISION_NAMES[d.decision.act]}由您（${d.submittedBy.name}）起草提交，不能由本人审核。请由另一名审核人审核（两人审核）`);
      }
      if (action.type === 'decision_returned') return nonEmpty(action.payload?.reasons) ? OK : refuse('return_reasons_missing', '退回须写明理由，以便经办人修改后重新提交');
      if (d.submittedOn > on) return refuse('date_out_of_order', `审核日期${on}早于提交日期${d.submittedOn}`);
      const inner = checkAct(state, actOfDecision(d.decision, on), ctx);
      return inner.ok ? OK : inner;
    }
    case 'voided':
      if (action.payload && !nonEmpty(action.payload.reason)) return refuse('void_reason_missing', '作废须写明理由（不得违规删除，黑龙江省社会信用条例 第三十六条）');
      return OK;
    default:
      return assertNever(action);
  }
}

/**
 * Whether this repair application is the one the act answers: 初审 answers an application (已申请);
 * the decision answers one that passed 初审 (审查中), or an application where the rule set has no 初审.
 */
export function repairAwaits(r: Pick<RepairState, 'stage'>, act: 'repair_reviewed' | 'repair_decided', ruleSet: Pick<RuleSet, 'periods'>): boolean {
  if (act === 'repair_reviewed') return r.stage === 'P1';
  const hasInitialReview = findPeriod(ruleSet.periods, 'repair_initial_review') !== undefined;
  return r.stage === 'P3' || (!hasInitialReview && r.stage === 'P1');
}

/** The repair applications this act can answer now. */
export function repairsAwaiting(state: CaseState, act: 'repair_reviewed' | 'repair_decided', ruleSet: Pick<RuleSet, 'periods'>): RepairState[] {
  return state.repairs.filter((r) => repairAwaits(r, act, ruleSet));
}
