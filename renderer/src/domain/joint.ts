/**
 * 联合奖惩 (DOMAIN.md §4.4) as the case page shows it. The stage, the refusals and the wind-down
 * flags (JOINT_REVOKE_PENDING, MEASURES_PENDING_LIFT, EXPIRED_PENDING_ARCHIVE) all come from
 * shared/'s fold; this file only reads the recorded events to say which 实施部门 responded and
 * reported back, and turns shared/'s flags into prompts with Chinese wording.
 */
import type { CaseEvent, CaseEventType } from '../../../shared/case/events';
import { CASE_EVENT_LABELS } from '../../../shared/case/events';
import type { CaseState } from '../../../shared/case/state';
import { JOINT_STAGE_LABELS } from '../../../shared/case/state';
import { findMeasure } from '../../../shared/rules/measures';

/** The joint-sanction steps in their order (J0 … J4). */
export const JOINT_EVENT_TYPES = ['joint_initiated', 'joint_units_assigned', 'joint_responded', 'joint_feedback', 'joint_revoked'] as const satisfies readonly CaseEventType[];

export type JointUnitProgress = {
  unit: string;
  assignedOn: string;
  /** The last 响应 of this unit (null: not responded yet). */
  respondedOn: string | null;
  measureLabels: string[];
  /** The last 反馈 of this unit (null: no feedback yet). */
  feedbackOn: string | null;
  feedback: string | null;
};

export type JointProgress = {
  stage: CaseState['jointStage'];
  stageLabel: string;
  initiatedOn: string | null;
  platformRef: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  units: JointUnitProgress[];
};

/** Which 实施部门 were assigned, responded and reported back, from the non-voided events. */
export function jointProgress(state: CaseState, events: readonly CaseEvent[]): JointProgress {
  const voided = new Set(state.voidedEventIds);
  const live = events.filter((e) => !voided.has(e.id));
  const units = new Map<string, JointUnitProgress>();
  const progress: JointProgress = { stage: state.jointStage, stageLabel: JOINT_STAGE_LABELS[state.jointStage], initiatedOn: null, platformRef: null, revokedOn: null, revokeReason: null, units: [] };
  for (const e of live) {
    switch (e.type) {
      case 'joint_initiated':
        progress.initiatedOn = e.occurredOn;
        progress.platformRef = e.payload.platformRef;
        break;
      case 'joint_units_assigned':
        for (const unit of e.payload.units) {
          if (!units.has(unit)) units.set(unit, { unit, assignedOn: e.occurredOn, respondedOn: null, measureLabels: [], feedbackOn: null, feedback: null });
        }
        break;
      case 'joint_responded': {
        const u = units.get(e.payload.unit);
        if (u) {
          u.respondedOn = e.occurredOn;
          u.measureLabels = e.payload.measureCodes.map((code) => findMeasure(code)?.label ?? code);
        }
        break;
      }
      case 'joint_feedback': {
        const u = units.get(e.payload.unit);
        if (u) {
          u.feedbackOn = e.occurredOn;
          u.feedback = e.payload.summary;
        }
        break;
      }
      case 'joint_revoked':
        progress.revokedOn = e.occurredOn;
        progress.revokeReason = e.payload.reason;
        break;
      default:
        break;
    }
  }
  // Units shared/ knows of (state.jointUnits) are the reference list; keep its order.
  progress.units = state.jointUnits.map((unit) => units.get(unit) ?? { unit, assignedOn: '', respondedOn: null, measureLabels: [], feedbackOn: null, feedback: null });
  return progress;
}

export type WindDownPrompt = {
  key: 'joint_revoke' | 'measures_lift' | 'expired_joint';
  /** error: the listing has ended and something still runs; warning: it is about to. */
  level: 'error' | 'warning';
  title: string;
  description: string;
  /** The action that resolves it. */
  action: CaseEventType;
};

function endedText(state: CaseState): string {
  return `案件已${state.stageLabel}${state.endedOn ? `（${state.endedOn}）` : ''}`;
}

/**
 * Prompts for what must stop once a listing has ended (移出、修复、异议成立、撤销、期满). Driven only by
 * shared/'s flags; DOMAIN.md §4.1: "the software should warn on overdue removals".
 */
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
  if (state.flags.includes('EXPIRED_PENDING_ARCHIVE') && ['J0', 'J1', 'J2', 'J3'].includes(state.jointStage)) {
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
