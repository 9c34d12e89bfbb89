import { z } from 'zod';
import { isIsoDate } from '../util/dates';
import type { CommitmentEventPayloads, CommitmentEventType } from './commitments';

/**
 * Runtime validation of commitment acts arriving from forms (and later from sync): one schema per
 * event type, mirroring CommitmentEventPayloads. Messages are Chinese.
 */
const isoDate = z.string().refine(isIsoDate, { message: '日期必须是有效的日期' });
const required = (what: string) => z.string().trim().min(1, { message: `请填写${what}` });

export const COMMITMENT_TYPES = ['public_disclosure', 'approval_substitute', 'industry_self_discipline', 'credit_repair', 'deficiency_acceptance'] as const;

export const COMMITMENT_PAYLOAD_SCHEMAS: { [T in CommitmentEventType]: z.ZodType<CommitmentEventPayloads[T]> } = {
  committed: z.object({
    commitmentId: required('承诺编号'),
    type: z.enum(COMMITMENT_TYPES),
    subjectId: required('信用主体'),
    matter: required('承诺事项'),
    text: required('承诺内容'),
    materialsDueOn: isoDate.nullable(),
  }),
  published: z.object({ channels: z.array(z.string().trim().min(1)).min(1, { message: '请填写公示渠道' }) }),
  licence_decided: z.object({ decisionNo: required('许可决定文号') }),
  materials_completed: z.object({ note: z.string() }),
  verification_started: z.object({ note: z.string() }),
  verified: z.object({ result: z.enum(['fulfilled', 'not_fulfilled', 'false_commitment']), findings: required('核查情况') }),
  rectification_ordered: z.object({ documentNo: required('整改通知文号'), dueOn: isoDate }),
  rectification_checked: z.object({ rectified: z.boolean(), findings: required('整改核查情况') }),
  consequence_applied: z.object({
    code: z.enum(['guidance_or_rectification', 'revoke_licence_or_penalty', 'revoke_licence_and_fine', 'blacklist', 'credit_record', 'commitment_bar', 'lose_incentive']),
    documentNo: z.string(),
    caseId: z.string().nullable(),
  }),
};

export const COMMITMENT_EVENT_TYPES = Object.keys(COMMITMENT_PAYLOAD_SCHEMAS) as CommitmentEventType[];
