import type { CaseEventType } from '../case/events';
import type { PeriodKey } from './types';

/**
 * Which periods an act OPENS (starts counting). An act is refused while one of these periods is
 * present in the case's rule set but unset, because the document it produces must state the date
 * (e.g. 事先告知书 states the 陈述申辩 deadline) and the deadline list must show it.
 */
export const ACTION_OPENS_PERIODS: Record<CaseEventType, readonly PeriodKey[]> = {
  determined: ['written_decision', 'platform_push', 'validity'],
  exempted: [],
  pre_notice_served: ['pre_notice_statement'],
  statement_received: [],
  listed: ['listing_notice', 'repair_eligibility'],
  served: [],
  published: ['publication_max', 'publication_min'],
  objection_received: ['objection_processing', 'objection_marking', 'objection_decision', 'objection_listing_review'],
  objection_referred: [],
  objection_marked: [],
  assist_requested: ['assist_reply', 'objection_decision_assisted'],
  assist_replied: [],
  clock_paused: [],
  clock_resumed: [],
  objection_decided: ['objection_correction'],
  corrected: ['downstream_correction'],
  correction_pushed: [],
  repair_applied: ['repair_initial_review', 'repair_decision'],
  repair_reviewed: [],
  repair_decided: [],
  removed: [],
  expired_archived: [],
  basis_change_reported: ['basis_change_action'],
  basis_revoked: [],
  basis_changed: [],
  measure_applied: [],
  measure_lifted: [],
  platform_pushed: [],
  joint_initiated: ['joint_push'],
  joint_units_assigned: [],
  joint_responded: [],
  joint_feedback: [],
  joint_revoked: [],
  voided: [],
};
