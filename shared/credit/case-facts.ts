import type { BasisDocumentType, CaseEvent, ListType, SubjectRef } from '../case/events';
import { CASE_EVENT_LABELS } from '../case/events';
import type { CaseState } from '../case/state';
import { JOINT_STAGE_LABELS } from '../case/state';
import type { Severity } from '../rules/types';
import type { IsoDate } from '../util/dates';
import { LIST_TYPE_LABELS } from '../case/events';
import { BASIS_TYPE_LABELS } from '../case/labels';
import { OBJECTION_OUTCOME_LABELS } from '../case/events';
import type { PublicationListEntry } from '../exchange/publication-list';
import type { CreditRecord } from './records';

/**
 * CaseFacts: the few facts of a case the credit functions (report, statistics, grading records) and
 * the exports need, in one plain shape. `caseFactsFrom` is the ONLY place that reads CaseState and
 * CaseEvent for them, so a refactor of shared/case changes this adapter and nothing else.
 */
export type CaseEndReason = 'repair' | 'fulfilled' | 'objection' | 'revoked' | 'expired' | 'exempted';

export const CASE_END_REASON_LABELS: Record<CaseEndReason, string> = {
  repair: '信用修复后移出',
  fulfilled: '履行义务后移出',
  objection: '异议成立移出',
  revoked: '依据被撤销',
  expired: '期满停止公示',
  exempted: '免于惩戒',
};

export type FactsBasisDocument = { type: BasisDocumentType; documentNo: string; issuer: string; decidedOn: IsoDate; effective: boolean };

export type FactsChange = { eventId: string; date: IsoDate; label: string; detail: string; voided: boolean };

export type CaseFacts = {
  caseId: string;
  subject: SubjectRef | null;
  stage: string;
  stageLabel: string;
  ended: boolean;
  endedOn: IsoDate | null;
  endReason: CaseEndReason | null;
  listType: ListType | null;
  severity: Severity | null;
  behaviourCode: string | null;
  behaviourText: string;
  facts: string;
  determiningDept: string;
  basisDocuments: FactsBasisDocument[];
  determinedOn: IsoDate | null;
  listedOn: IsoDate | null;
  servedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  validUntil: IsoDate | null;
  publicationUntil: IsoDate | null;
  publicationActive: boolean;
  ruleSet: { id: string; version: number } | null;
  objections: {
    id: string;
    receivedOn: IsoDate;
    markedOn: IsoDate | null;
    decidedOn: IsoDate | null;
    referred: boolean;
    outcome: string | null;
    concernsListing: boolean;
    assists: { id: string; requestedOn: IsoDate; repliedOn: IsoDate | null }[];
  }[];
  repairs: { id: string; appliedOn: IsoDate; reviewedOn: IsoDate | null; decidedOn: IsoDate | null; approved: boolean | null }[];
  jointStage: string;
  jointStageLabel: string;
  measures: { code: string; appliedOn: IsoDate; liftedOn: IsoDate | null }[];
  openDeadlines: { key: string; label: string; dueOn: IsoDate | null; overdue: boolean; unset: boolean; actionable: boolean; scopeId: string | null; basis: string }[];
  lateActs: { key: string; label: string; dueOn: IsoDate; actedOn: IsoDate; scopeId: string | null; basis: string }[];
  /** Every recorded act with its legal date, oldest first (voided ones marked). */
  history: FactsChange[];
};

const END_REASON_BY_STAGE: Partial<Record<string, CaseEndReason>> = { D8: 'repair', D8F: 'fulfilled', D9: 'objection', D10: 'revoked', D11: 'expired', X0: 'exempted' };

function detailOf(e: CaseEvent): string {
  switch (e.type) {
    case 'determined':
      return `${e.payload.behaviourText}（${e.payload.determiningDept}）`;
    case 'listed':
      return `列入${LIST_TYPE_LABELS[e.payload.listType]}，决定书${e.payload.decisionNo}`;
    case 'served':
      return `送达${e.payload.documentNo}`;
    case 'published':
      return `公示渠道：${e.payload.channels.join('、')}`;
    case 'objection_received':
      return `收到异议申请：${e.payload.reasons}`;
    case 'objection_decided':
      return `${OBJECTION_OUTCOME_LABELS[e.payload.outcome]}：${e.payload.reasons}`;
    case 'corrected':
      return e.payload.changes.map((c) => `${c.field}由“${c.before}”更正为“${c.after}”`).join('；');
    case 'repair_applied':
      return '申请信用修复';
    case 'repair_reviewed':
      return e.payload.accepted ? '初审通过' : `初审未通过：${e.payload.reasons}`;
    case 'repair_decided':
      return e.payload.approved ? `准予修复：${e.payload.reasons}` : `不予修复：${e.payload.reasons}`;
    case 'removed':
      return e.payload.note;
    case 'basis_revoked':
    case 'basis_changed':
    case 'basis_change_reported':
      return `依据文书${e.payload.basisDocumentNo}`;
    case 'measure_applied':
      return `${e.payload.measureCode}（${e.payload.implementingUnit}）`;
    case 'measure_lifted':
      return e.payload.reason;
    case 'joint_revoked':
      return e.payload.reason;
    case 'voided':
      return `作废原因：${e.payload.reason}`;
    default:
      return '';
  }
}

/** The facts of one case, from its folded state and its events. */
export function caseFactsFrom(state: CaseState, events: readonly CaseEvent[]): CaseFacts {
  const voided = new Set(state.voidedEventIds);
  const live = [...events].filter((e) => !voided.has(e.id) && e.type !== 'voided').sort((a, b) => a.seq - b.seq);
  const determined = live.find((e) => e.type === 'determined');
  const d = determined && determined.type === 'determined' ? determined.payload : null;
  const revokedBasis = new Set(live.flatMap((e) => (e.type === 'basis_revoked' ? [e.payload.basisDocumentNo] : [])));
  return {
    caseId: state.caseId ?? determined?.caseId ?? '',
    subject: state.subject,
    stage: state.stage,
    stageLabel: state.stageLabel,
    ended: END_REASON_BY_STAGE[state.stage] !== undefined,
    endedOn: state.endedOn,
    endReason: END_REASON_BY_STAGE[state.stage] ?? null,
    listType: state.listType,
    severity: state.severity,
    behaviourCode: d?.behaviourCode ?? null,
    behaviourText: d?.behaviourText ?? '',
    facts: d?.facts ?? '',
    determiningDept: d?.determiningDept ?? '',
    basisDocuments: (d?.basisDocuments ?? []).map((b) => ({ type: b.type, documentNo: b.documentNo, issuer: b.issuer, decidedOn: b.decidedOn, effective: b.effective && !revokedBasis.has(b.documentNo) })),
    determinedOn: state.determinedOn,
    listedOn: state.listedOn,
    servedOn: state.servedOn,
    publishedOn: state.publishedOn,
    validUntil: state.validUntil,
    publicationUntil: state.publicationUntil,
    publicationActive: state.publicationActive,
    ruleSet: state.ruleSetPin ? { id: state.ruleSetPin.id, version: state.ruleSetPin.version } : null,
    objections: state.objections.map((o) => ({
      id: o.objectionId,
      receivedOn: o.receivedOn,
      markedOn: o.markedOn,
      decidedOn: o.decidedOn,
      referred: o.stage === 'OX',
      outcome: o.outcome,
      concernsListing: o.concernsListing,
      assists: o.assists.map((a) => ({ id: a.assistId, requestedOn: a.requestedOn, repliedOn: a.repliedOn })),
    })),
    repairs: state.repairs.map((r) => ({ id: r.repairId, appliedOn: r.appliedOn, reviewedOn: r.reviewedOn, decidedOn: r.decidedOn, approved: r.stage === 'P4' ? true : r.stage === 'P4R' ? false : null })),
    jointStage: state.jointStage,
    jointStageLabel: JOINT_STAGE_LABELS[state.jointStage],
    measures: state.measures.map((m) => ({ code: m.measureCode, appliedOn: m.appliedOn, liftedOn: m.liftedOn })),
    openDeadlines: state.deadlines.map((x) => ({ key: x.key, label: x.label, dueOn: x.dueOn, overdue: x.overdue, unset: x.unset, actionable: x.outcome === 'overdue', scopeId: x.scopeId, basis: x.basis })),
    lateActs: state.lateActs.map((x) => ({ key: x.key, label: x.label, dueOn: x.dueOn, actedOn: x.actedOn, scopeId: x.scopeId, basis: x.basis })),
    history: [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ eventId: e.id, date: e.occurredOn, label: CASE_EVENT_LABELS[e.type], detail: detailOf(e), voided: voided.has(e.id) })),
  };
}

/** "行政处罚决定 示应急罚〔2026〕1号" */
export function describeBasisDocument(b: FactsBasisDocument): string {
  return `${BASIS_TYPE_LABELS[b.type]} ${b.documentNo}`;
}

/**
 * The credit record a case contributes to grading and incentives: severe for a severe case or a
 * 严重失信主体名单 listing (unremoved while the case is listed), general otherwise. Cases that were
 * exempted, revoked or removed on an upheld objection contribute nothing (the record was wrong or
 * never a sanction); other ended cases stay records with the day they ended.
 */
export function recordFromCase(facts: CaseFacts): CreditRecord | null {
  if (facts.determinedOn === null) return null;
  if (facts.endReason === 'exempted' || facts.endReason === 'revoked' || facts.endReason === 'objection') return null;
  const severeList = facts.listType === 'severe_dishonesty_list';
  const document = facts.basisDocuments.map(describeBasisDocument).join('；') || null;
  return {
    id: `case:${facts.caseId}`,
    kind: facts.severity === 'severe' || severeList ? 'severe' : 'general',
    category: severeList ? 'severe_list' : 'dishonesty_list',
    date: facts.determinedOn,
    description: facts.behaviourText,
    source: { department: facts.determiningDept, document },
    severeListing: severeList && facts.listedOn ? { listedOn: facts.listedOn, removedOn: facts.ended ? facts.endedOn : null } : null,
    endedOn: facts.ended ? facts.endedOn : null,
    withdrawn: null,
    caseId: facts.caseId,
  };
}

/**
 * The publication-list entry of a case (exchange/publication-list.ts): 列入事由, 认定部门, 认定依据, dates,
 * and 其他信息 worded from the joint-sanction, repair and removal facts (朝阳房地产规定 第十二条(一)).
 */
export function publicationEntryFrom(facts: CaseFacts): PublicationListEntry | null {
  if (facts.subject === null || facts.listType === null || facts.determinedOn === null) return null;
  const other: string[] = [];
  if (facts.jointStage !== 'none') other.push(`联合奖惩：${facts.jointStageLabel}`);
  const repair = facts.repairs.at(-1);
  if (repair) other.push(`信用修复：${repair.approved === true ? `${repair.decidedOn ?? ''}准予修复` : repair.approved === false ? `${repair.decidedOn ?? ''}不予修复` : `${repair.appliedOn}申请，办理中`}`);
  if (facts.endReason && facts.endedOn) other.push(`${CASE_END_REASON_LABELS[facts.endReason]}：${facts.endedOn}`);
  return {
    caseId: facts.caseId,
    subject: facts.subject,
    listType: facts.listType,
    behaviour: facts.behaviourText,
    facts: facts.facts,
    determiningDept: facts.determiningDept,
    basis: facts.basisDocuments.map(describeBasisDocument).join('；'),
    determinedOn: facts.determinedOn,
    listedOn: facts.listedOn,
    validUntil: facts.validUntil,
    publicationActive: facts.publicationActive,
    ...(other.length > 0 ? { otherInformation: other.join('；') } : {}),
  };
}
