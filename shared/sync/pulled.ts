/**
 * What the platform sends down, turned into case events (pure). Objections and repair applications
 * filed online (e.g. at 信用中国) become `objection_received` / `repair_applied` events of their case,
 * dated by the platform's filing date (the legal date periods count from), so their deadlines appear
 * in the work list like any other.
 */
import { z } from 'zod';
import type { Actor, EventDraft, ObjectionGround, RepairMethod } from '../case/events';
import type { PulledItem } from './protocol';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GROUNDS = ['error', 'omission', 'overdue_publication', 'trade_secret', 'privacy', 'listing', 'other'] as const;
const METHODS = ['commitment', 'rectification', 'verification', 'training', 'credit_report', 'public_welfare', 'obligation_fulfilled'] as const;

export const PulledObjectionSchema = z.object({
  objectionId: z.string().min(1),
  filedOn: z.string().regex(DATE),
  applicant: z.string().min(1),
  reasons: z.string().min(1),
  grounds: z.array(z.enum(GROUNDS)).min(1).default(['other']),
  concernsListing: z.boolean().default(false),
  channel: z.enum(['credit_china', 'platform']).default('credit_china'),
});

export const PulledRepairSchema = z.object({
  repairId: z.string().min(1),
  filedOn: z.string().regex(DATE),
  methods: z.array(z.enum(METHODS)).min(1),
  commitmentSigned: z.boolean().default(false),
  note: z.string().optional(),
});

/** The actor recorded for events that came from the platform. */
export const PLATFORM_ACTOR: Actor = { userId: 'city-platform', name: '市公共信用信息平台', role: 'platform' };

export type PulledDraft = { caseId: string; draft: EventDraft } | { caseId?: string; error: string };

/** The case event a pulled item becomes, or undefined for kinds that are not case events. */
export function caseEventFromPulled(item: PulledItem): PulledDraft | undefined {
  if (item.kind !== 'objection' && item.kind !== 'repair-application') return undefined;
  if (!item.caseId) return { error: 'pulled item has no caseId' };
  if (item.kind === 'objection') {
    const parsed = PulledObjectionSchema.safeParse(item.payload);
    if (!parsed.success) return { caseId: item.caseId, error: `bad objection payload: ${parsed.error.message}` };
    const p = parsed.data;
    return {
      caseId: item.caseId,
      draft: {
        type: 'objection_received',
        occurredOn: p.filedOn,
        actor: PLATFORM_ACTOR,
        payload: { objectionId: p.objectionId, applicant: p.applicant, grounds: p.grounds as ObjectionGround[], reasons: p.reasons, concernsListing: p.concernsListing, channel: p.channel },
      },
    };
  }
  const parsed = PulledRepairSchema.safeParse(item.payload);
  if (!parsed.success) return { caseId: item.caseId, error: `bad repair payload: ${parsed.error.message}` };
  const p = parsed.data;
  return {
    caseId: item.caseId,
    draft: {
      type: 'repair_applied',
      occurredOn: p.filedOn,
      actor: PLATFORM_ACTOR,
      payload: { repairId: p.repairId, methods: p.methods as RepairMethod[], commitmentSigned: p.commitmentSigned, ...(p.note ? { note: p.note } : {}) },
    },
  };
}
