import { findMeasure } from '../rules/measures';
import type { IsoDate } from '../util/dates';
import { CASE_EVENT_LABELS, type Actor, type CaseEventType, type EventDraft } from './events';
import { isTerminal } from './fold';
import { JOINT_STAGE_LABELS, type CaseState, type JointUnitProgress } from './state';

/**
 * 联合奖惩 发起 → 响应 → 反馈 → 撤销 as the case page shows it, read from the folded state (the fold
 * records what each 实施部门 did), and the wind-down an ended listing requires (凌源联合奖惩 六(一);
 * 庄河实施意见 四(十二); 黑龙江条例 第四十条 "即时终止实施约束和惩戒措施").
 */
export const JOINT_EVENT_TYPES = ['joint_initiated', 'joint_units_assigned', 'joint_responded', 'joint_feedback', 'joint_revoked'] as const satisfies readonly CaseEventType[];

export type JointUnitView = JointUnitProgress & { measureLabels: string[] };

export type JointProgress = {
  stage: CaseState['jointStage'];
  stageLabel: string;
  initiatedOn: IsoDate | null;
  platformRef: string | null;
  revokedOn: IsoDate | null;
  revokeReason: string | null;
  units: JointUnitView[];
};

export function jointProgress(state: CaseState): JointProgress {
  const j = state.joint;
  return {
    stage: state.jointStage,
    stageLabel: JOINT_STAGE_LABELS[state.jointStage],
    initiatedOn: j.initiatedOn,
    platformRef: j.platformRef,
    revokedOn: j.revokedOn,
    revokeReason: j.revokeReason,
    units: j.units.map((u) => ({ ...u, measureCodes: [...u.measureCodes], measureLabels: u.measureCodes.map((code) => findMeasure(code)?.label ?? code) })),
  };
}

export type WindDownPrompt = {
  key: 'joint_revoke' | 'measures_lift' | 'expired_joint';
  /** error: the listing has ended and something still runs; warning: it is about to. */
  level: 'error' | 'warning';
  title: string;
  description: string;
  /** The act that resolves it. */
  action: CaseEventType;
};

function endedText(state: CaseState): string {
  return `案件已${state.stageLabel}${state.endedOn ? `（${state.endedOn}）` : ''}`;
}

const JOINT_RUNNING: readonly CaseState['jointStage'][] = ['J0', 'J1', 'J2', 'J3'];

/** What must stop once a listing has ended (移出、修复、异议成立、撤销、期满), from the fold's flags. */
export function windDownPrompts(state: CaseState): WindDownPrompt[] {
  const prompts: WindDownPrompt[] = [];
  const units = state.jointUnits.length > 0 ? `（实施部门：${state.jointUnits.join('、')}）` : '';
  if (state.flags.includes('JOINT_REVOKE_PENDING')) {
    prompts.push({
      key: 'joint_revoke',
      level: 'error',
      title: `${endedText(state)}，联合惩戒尚未撤销：请及时撤销联合惩戒`,
      description: `联合奖惩当前为"${JOINT_STAGE_LABELS[state.jointStage]}"${units}。请由发起单位办理"${CASE_EVENT_LABELS.joint_revoked}"，写明理由，并通知实施部门停止实施惩戒措施；未及时撤销可能被追究责任。`,
      action: 'joint_revoked',
    });
  }
  if (state.flags.includes('MEASURES_PENDING_LIFT')) {
    const open = state.measures.filter((m) => m.liftedOn === null).map((m) => findMeasure(m.measureCode)?.label ?? m.measureCode);
    prompts.push({
      key: 'measures_lift',
      level: 'error',
      title: `${endedText(state)}，仍有${open.length}项惩戒措施未解除：请即时终止实施`,
      description: `未解除的措施：${open.join('；')}。请逐项办理"${CASE_EVENT_LABELS.measure_lifted}"。`,
      action: 'measure_lifted',
    });
  }
  if (state.flags.includes('EXPIRED_PENDING_ARCHIVE') && JOINT_RUNNING.includes(state.jointStage)) {
    prompts.push({
      key: 'expired_joint',
      level: 'warning',
      title: '有效期已届满，联合惩戒仍在实施',
      description: `请办理"${CASE_EVENT_LABELS.expired_archived}"，并撤销联合惩戒${units}。`,
      action: 'expired_archived',
    });
  }
  return prompts;
}

/**
 * The acts that must be recorded together with the act that ended the listing (in the same
 * transaction): 撤销 of a running joint sanction and 解除 of every measure still applied. `state` is the
 * state AFTER the ending act; an empty list when the listing has not ended or nothing runs.
 */
export function followUpActs(state: CaseState, at: { occurredOn: IsoDate; actor: Actor }): EventDraft[] {
  if (!isTerminal(state.stage)) return [];
  const why = `${state.stageLabel}${state.endedOn ? `（${state.endedOn}）` : ''}`;
  const drafts: EventDraft[] = [];
  if (JOINT_RUNNING.includes(state.jointStage)) {
    drafts.push({ type: 'joint_revoked', occurredOn: at.occurredOn, actor: at.actor, payload: { reason: `案件已${why}，撤销联合惩戒并通知实施部门停止实施` } });
  }
  for (const m of state.measures) {
    if (m.liftedOn === null) drafts.push({ type: 'measure_lifted', occurredOn: at.occurredOn, actor: at.actor, payload: { measureId: m.measureId, reason: `案件已${why}，即时终止实施` } });
  }
  return drafts;
}
