import { z } from 'zod';
import { isIsoDate } from '../util/dates';
import { ALL_SECTORS } from '../rules/types';
import { LEGACY_SERVED_KINDS, SERVED_DOCUMENT_KINDS } from '../documents/kinds';
import { CASE_EVENT_LABELS, CASE_EVENT_TYPES, type CaseEvent, type CaseEventType, type EventDraft } from './events';

/**
 * Runtime validation of case events arriving from outside the process (IndexedDB rows written by an
 * older version, sync pulls, imports) and of drafts built by the UI. The TypeScript types in events.ts
 * are the contract; these schemas mirror them, and a test asserts every event type has both a stored
 * and a draft payload schema. Messages are Chinese.
 */
const isoDate = z.string().refine(isIsoDate, { message: '日期必须是有效的 YYYY-MM-DD' });
const text = z.string();
const nonEmpty = z.string().min(1, { message: '不能为空' });
const severity = z.enum(['minor', 'general', 'severe']);
const listType = z.enum(['dishonesty_list', 'severe_dishonesty_list', 'joint_sanction_list', 'focus_list']);
const serviceMethod = z.enum(['direct', 'left_at_address', 'post', 'electronic', 'entrusted', 'public_notice']);
const person = z.object({ name: text, citizenId: text.optional(), role: text.optional() });
const ref = z.object({ id: nonEmpty, version: z.number().int() });

function servedSchema(kinds: readonly string[]) {
  return z.object({
    documentKind: z.enum(kinds as [string, ...string[]], { error: '不认识的文书种类' }),
    documentNo: text,
    recipients: z.array(text),
    method: serviceMethod,
    regardingId: text.nullable(),
  });
}

export const PAYLOAD_SCHEMAS: Record<CaseEventType, z.ZodType> = {
  determined: z.object({
    subject: z.object({
      subjectId: nonEmpty,
      kind: z.enum(['natural_person', 'legal_person', 'unincorporated_org', 'individual_business']),
      name: nonEmpty,
      uscc: text.optional(),
      citizenId: text.optional(),
      legalRepresentative: person.optional(),
      responsiblePersons: z.array(person).optional(),
    }),
    behaviourCode: text.nullable(),
    behaviourText: text,
    facts: text,
    severity,
    sector: z.enum(ALL_SECTORS as unknown as [string, ...string[]], { error: '不认识的领域' }).optional(),
    listType,
    basisDocuments: z.array(z.object({
      type: z.enum(['judgment', 'ruling', 'arbitration', 'penalty_decision', 'coercion', 'adjudication', 'dishonest_judgment_debtor', 'other']),
      documentNo: text,
      issuer: text,
      decidedOn: isoDate,
      effective: z.boolean(),
      attachmentId: text.optional(),
    })),
    determiningDept: text,
    ruleSet: ref.extend({ national: ref.nullable() }),
  }),
  exempted: z.object({ reason: text }),
  pre_notice_served: z.object({ documentNo: text, recipients: z.array(text), method: serviceMethod }),
  statement_received: z.object({ summary: text, accepted: z.boolean(), note: text.optional() }),
  listed: z.object({ decisionNo: text, listType, priorRepairCompletedOn: isoDate.nullable() }),
  served: servedSchema([...SERVED_DOCUMENT_KINDS, ...Object.keys(LEGACY_SERVED_KINDS)]),
  published: z.object({ channels: z.array(text), profile: z.enum(['masked', 'full', 'offline']), necessity: text.optional() }),
  objection_received: z.object({
    objectionId: nonEmpty,
    applicant: text,
    grounds: z.array(z.enum(['error', 'omission', 'overdue_publication', 'trade_secret', 'privacy', 'listing', 'other'])),
    reasons: text,
    concernsListing: z.boolean(),
    channel: z.enum(['written', 'credit_china', 'platform', 'other']),
  }),
  objection_referred: z.object({ objectionId: nonEmpty, toUnit: text, note: text.optional() }),
  objection_marked: z.object({ objectionId: nonEmpty }),
  assist_requested: z.object({ objectionId: nonEmpty, assistId: nonEmpty, toUnit: text }),
  assist_replied: z.object({ objectionId: nonEmpty, assistId: nonEmpty, result: text }),
  clock_paused: z.object({ pauseId: nonEmpty, kind: z.enum(['inspection', 'testing', 'quarantine', 'appraisal', 'expert_review']), scopeId: nonEmpty, note: text.optional() }),
  clock_resumed: z.object({ pauseId: nonEmpty }),
  objection_decided: z.object({ objectionId: nonEmpty, outcome: z.enum(['upheld_remove', 'upheld_correct', 'rejected']), reasons: text }),
  corrected: z.object({ objectionId: text.nullable(), changes: z.array(z.object({ field: text, before: text, after: text })), note: text.optional(), discoveredOn: isoDate.optional() }),
  correction_pushed: z.object({ correctedEventId: nonEmpty, targets: z.array(text) }),
  repair_applied: z.object({
    repairId: nonEmpty,
    methods: z.array(z.enum(['commitment', 'rectification', 'verification', 'training', 'credit_report', 'public_welfare', 'obligation_fulfilled'])),
    commitmentSigned: z.boolean(),
    note: text.optional(),
  }),
  repair_reviewed: z.object({ repairId: nonEmpty, accepted: z.boolean(), reasons: text }),
  repair_decided: z.object({ repairId: nonEmpty, approved: z.boolean(), reasons: text }),
  removed: z.object({ reason: z.enum(['fulfilled', 'other']), note: text }),
  expired_archived: z.object({ note: text.optional() }),
  basis_change_reported: z.object({ basisDocumentNo: text, basisChangedOn: isoDate, change: z.enum(['revoked', 'confirmed_illegal', 'confirmed_void', 'changed']) }),
  basis_revoked: z.object({ basisDocumentNo: text, kind: z.enum(['revoked', 'confirmed_illegal', 'confirmed_void']), basisChangedOn: isoDate }),
  basis_changed: z.object({ basisDocumentNo: text, basisChangedOn: isoDate, description: text }),
  measure_applied: z.object({ measureId: nonEmpty, measureCode: nonEmpty, implementingUnit: text, justification: text }),
  measure_lifted: z.object({ measureId: nonEmpty, reason: text }),
  platform_pushed: z.object({ platform: z.enum(['province', 'city', 'county', 'joint']), reference: text.nullable() }),
  joint_initiated: z.object({ platformRef: text.nullable() }),
  joint_units_assigned: z.object({ units: z.array(text) }),
  joint_responded: z.object({ unit: text, measureCodes: z.array(text) }),
  joint_feedback: z.object({ unit: text, summary: text }),
  joint_revoked: z.object({ reason: text }),
  decision_submitted: z.object({
    decisionId: nonEmpty,
    decision: z.discriminatedUnion('act', [
      z.object({ act: z.literal('listed'), payload: z.object({ listType }) }),
      z.object({ act: z.literal('removed'), payload: z.object({ reason: z.enum(['fulfilled', 'other']), note: text }) }),
      z.object({ act: z.literal('repair_decided'), payload: z.object({ repairId: nonEmpty, approved: z.boolean(), reasons: text }) }),
    ]),
  }),
  decision_approved: z.object({ decisionId: nonEmpty, note: text.optional() }),
  decision_returned: z.object({ decisionId: nonEmpty, reasons: text }),
  voided: z.object({ voidedEventId: nonEmpty, reason: text }),
};

/**
 * Schemas of new drafts: like stored events, but only current spellings (the served document kind in
 * kebab case); legacy spellings are accepted only from storage.
 */
export const DRAFT_PAYLOAD_SCHEMAS: Record<CaseEventType, z.ZodType> = { ...PAYLOAD_SCHEMAS, served: servedSchema(SERVED_DOCUMENT_KINDS) };

const actor = z.object({ userId: nonEmpty, name: text, unit: text.optional(), role: text.optional() });

const envelope = z.object({
  id: nonEmpty,
  caseId: nonEmpty,
  seq: z.number().int().min(1),
  type: z.string(),
  occurredOn: isoDate,
  recordedAt: nonEmpty,
  actor,
  payload: z.unknown(),
  prevHash: z.string().optional(),
  hash: z.string().optional(),
});

export type ParseEventResult = { ok: true; event: CaseEvent } | { ok: false; code: 'event_invalid'; reason: string; errors: string[] };

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((i) => `${prefix}${i.path.map(String).join('.')}：${i.message}`);
}

const draftEnvelope = z.object({
  type: z.enum(CASE_EVENT_TYPES as unknown as [CaseEventType, ...CaseEventType[]], { error: '未知的事件类型' }),
  occurredOn: isoDate,
  actor,
  payload: z.unknown(),
});

export type ParseDraftResult = { ok: true; draft: EventDraft } | { ok: false; code: 'draft_invalid'; reason: string; errors: string[] };

/**
 * Validate what the UI built before asking canPerform/appendEvent (shape only). Returns zod's parsed
 * copy: unknown fields are dropped, so nothing the form did not mean to write enters the hash chain.
 */
export function parseEventDraft(value: unknown): ParseDraftResult {
  const env = draftEnvelope.safeParse(value);
  if (!env.success) {
    const errors = describeIssues(env.error.issues, '');
    return { ok: false, code: 'draft_invalid', reason: `办理内容不正确：${errors[0] ?? ''}`, errors };
  }
  const payload = DRAFT_PAYLOAD_SCHEMAS[env.data.type].safeParse(env.data.payload);
  if (!payload.success) {
    const errors = describeIssues(payload.error.issues, 'payload.');
    return { ok: false, code: 'draft_invalid', reason: `"${CASE_EVENT_LABELS[env.data.type]}"的办理内容不正确：${errors[0] ?? ''}`, errors };
  }
  return { ok: true, draft: { type: env.data.type, occurredOn: env.data.occurredOn, actor: env.data.actor, payload: payload.data } as EventDraft };
}

/** Validate an unknown value as a CaseEvent (shape only; legality is appendEvent/replayEvents). */
export function parseCaseEvent(value: unknown): ParseEventResult {
  const env = envelope.safeParse(value);
  if (!env.success) {
    const errors = describeIssues(env.error.issues, '');
    return { ok: false, code: 'event_invalid', reason: `事件格式不正确：${errors[0] ?? ''}`, errors };
  }
  const schema = (PAYLOAD_SCHEMAS as Record<string, z.ZodType | undefined>)[env.data.type];
  if (!schema) return { ok: false, code: 'event_invalid', reason: `未知的事件类型"${env.data.type}"`, errors: [`type：未知的事件类型"${env.data.type}"`] };
  const payload = schema.safeParse(env.data.payload);
  if (!payload.success) {
    const errors = describeIssues(payload.error.issues, 'payload.');
    return { ok: false, code: 'event_invalid', reason: `事件"${env.data.type}"的内容不正确：${errors[0] ?? ''}`, errors };
  }
  // Return the value as given (not zod's stripped copy): unknown fields written by a newer version
  // are preserved, and the hash chain stays verifiable.
  return { ok: true, event: value as CaseEvent };
}
