/**
 * A rule-set update pushed down by the platform (pulled item kind 'rule-set', docs/sync-protocol.md §5).
 *
 *   { ruleSet: RuleSet, note?: string }
 *
 * `ruleSet` is a whole rule set in the shape of shared/rules/types.ts. The desk never changes a stored
 * version (cases pin the rules in force when they were decided): an update is always stored as a NEW
 * version of its `id` (renderer/src/desk/sync/apply-reference.ts). Validation errors are Chinese and
 * name the offending field.
 */
import { z } from 'zod';
import { ALL_PAUSE_KINDS, ALL_SECTORS, type Certainty, type PeriodAnchor, type PeriodCondition, type PeriodHolder, type PeriodKey, type PeriodOutcome, type PeriodRule, type PeriodScope, type PeriodStart, type PeriodUnit, type RuleSet, type Sector, type Severity } from '../rules/types';
import { CASE_EVENT_TYPES, type CaseEventType, type ListType } from '../case/events';
import { PERIOD_TEMPLATES } from '../rules/periods';
import { isIsoDate } from '../util/dates';

const PERIOD_KEYS = Object.keys(PERIOD_TEMPLATES) as [PeriodKey, ...PeriodKey[]];
const UNITS = ['working_days', 'calendar_days', 'months', 'years'] as const satisfies readonly PeriodUnit[];
const ANCHORS = [
  'pre_notice_served',
  'determined',
  'listed',
  'published',
  'objection_received',
  'assist_requested',
  'objection_decided',
  'corrected',
  'repair_applied',
  'repair_reviewed',
  'repair_completed',
  'basis_changed_on',
  'basis_change_reported',
  'discovered',
  'joint_initiated',
] as const satisfies readonly PeriodAnchor[];
const OUTCOMES = ['overdue', 'listing_expires', 'publication_ends', 'becomes_eligible', 'bar_ends', 'window_closes'] as const satisfies readonly PeriodOutcome[];
const CERTAINTIES = ['stated', 'unit_as_written', 'uncertain', 'unset', 'office'] as const satisfies readonly Certainty[];
const SEVERITIES = ['minor', 'general', 'severe'] as const satisfies readonly Severity[];
const STARTS = ['event_date', 'basis_decision', 'scope_opened', 'basis_changed_on', 'discovered_on'] as const satisfies readonly PeriodStart[];
const SCOPES = ['case', 'objection', 'assist', 'repair', 'correction', 'basis_report'] as const satisfies readonly PeriodScope[];
const HOLDERS = ['office', 'subject', 'other_body'] as const satisfies readonly PeriodHolder[];
const CONDITIONS = ['concerns_listing', 'upheld_correct', 'provider_discovery', 'listing_notice_complete', 'joint_platform', 'other_platform', 'review_not_accepted'] as const satisfies readonly PeriodCondition[];
const LIST_TYPES = ['dishonesty_list', 'severe_dishonesty_list', 'joint_sanction_list', 'focus_list'] as const satisfies readonly ListType[];
const TRIGGER_EVENTS: [CaseEventType | 'case_ended', ...(CaseEventType | 'case_ended')[]] = ['case_ended', ...CASE_EVENT_TYPES];

// Compile-time: the lists above name every member of their union (a new member fails the build here).
type Exhaustive<L extends readonly string[], U extends string> = [U] extends [L[number]] ? true : never;
const _exhaustive: [
  Exhaustive<typeof ANCHORS, PeriodAnchor>,
  Exhaustive<typeof OUTCOMES, PeriodOutcome>,
  Exhaustive<typeof CERTAINTIES, Certainty>,
  Exhaustive<typeof STARTS, PeriodStart>,
  Exhaustive<typeof SCOPES, PeriodScope>,
  Exhaustive<typeof HOLDERS, PeriodHolder>,
  Exhaustive<typeof CONDITIONS, PeriodCondition>,
  Exhaustive<typeof LIST_TYPES, ListType>,
] = [true, true, true, true, true, true, true, true];
void _exhaustive;

const isoDate = (what: string) => z.string({ error: `${what}必须是 YYYY-MM-DD 日期` }).refine(isIsoDate, { error: `${what}不是有效的 YYYY-MM-DD 日期` });
const amount = z.number({ error: '期限数值(amount)必须是数字或 null（未设置）' }).int({ error: '期限数值(amount)必须是整数' }).nonnegative({ error: '期限数值(amount)不能为负数' }).nullable();
const tierAmount = z.object({ amount, certainty: z.enum(CERTAINTIES, { error: '确定性(certainty)不正确' }) });
const ref = z.object({ id: z.string().min(1), version: z.number().int().positive() });

const PeriodRuleSchema = z.object({
  key: z.enum(PERIOD_KEYS, { error: '不认识的期限种类(key)' }),
  label: z.string().min(1, { error: '期限名称(label)不能为空' }),
  amount,
  unit: z.enum(UNITS, { error: '期限单位(unit)必须是 working_days、calendar_days、months 或 years' }),
  countsFrom: z.enum(ANCHORS, { error: '不认识的起算事件(countsFrom)' }),
  pausedBy: z.array(z.enum(ALL_PAUSE_KINDS as unknown as [string, ...string[]], { error: '不认识的中止事由(pausedBy)' })),
  rollToWorkingDay: z.boolean({ error: 'rollToWorkingDay 必须是 true 或 false' }),
  onEnd: z.enum(OUTCOMES, { error: '不认识的期满后果(onEnd)' }),
  basis: z.string({ error: '依据(basis)必须是文字' }),
  certainty: z.enum(CERTAINTIES, { error: '确定性(certainty)不正确' }),
  bySeverity: z.partialRecord(z.enum(SEVERITIES), tierAmount).optional(),
  bySector: z.partialRecord(z.enum(ALL_SECTORS as unknown as [Sector, ...Sector[]]), tierAmount).optional(),
  note: z.string().optional(),
  countsFromWhen: z.enum(CONDITIONS, { error: '不认识的起算条件(countsFromWhen)' }).optional(),
  from: z.enum(STARTS, { error: '不认识的起算日期(from)' }).optional(),
  scope: z.enum(SCOPES, { error: '不认识的期限范围(scope)' }).optional(),
  closedBy: z
    .array(
      z.object({
        event: z.enum(TRIGGER_EVENTS, { error: '不认识的结束事件(event)' }),
        when: z.enum(CONDITIONS, { error: '不认识的结束条件(when)' }).optional(),
        lapses: z.boolean().optional(),
      }),
    )
    .optional(),
  supersededBy: z.array(z.enum(PERIOD_KEYS, { error: '不认识的期限种类(supersededBy)' })).optional(),
  holder: z.enum(HOLDERS, { error: '不认识的期限责任方(holder)' }).optional(),
  shownAfterEnd: z.boolean().optional(),
  shownFrom: z.enum(['listed', 'published'], { error: 'shownFrom 必须是 listed 或 published' }).optional(),
});

const span = z.object({ amount, unit: z.enum(UNITS) }).nullable();

export const RuleSetSchema = z
  .object({
    id: z.string({ error: '缺少规则集编号(id)' }).min(1, { error: '规则集编号(id)不能为空' }).regex(/^[A-Za-z0-9._-]+$/, { error: '规则集编号(id)只能包含字母、数字、点、下划线和连字符' }),
    version: z.number({ error: '版本号(version)必须是数字' }).int({ error: '版本号(version)必须是整数' }).positive({ error: '版本号(version)必须大于0' }),
    kind: z.enum(['local', 'national'], { error: '规则集类别(kind)必须是 local 或 national' }),
    jurisdictionKey: z.string({ error: '缺少适用范围(jurisdictionKey)' }).min(1, { error: '适用范围(jurisdictionKey)不能为空' }),
    title: z.string({ error: '缺少标题(title)' }).min(1, { error: '标题(title)不能为空' }),
    shortTitle: z.string({ error: '缺少简称(shortTitle)' }).min(1, { error: '简称(shortTitle)不能为空' }),
    issuer: z.string({ error: '缺少制定机关(issuer)' }),
    documentNumber: z.string().nullable(),
    effectiveFrom: isoDate('施行日期(effectiveFrom)'),
    effectiveTo: isoDate('失效日期(effectiveTo)').nullable(),
    periods: z.array(PeriodRuleSchema, { error: '缺少期限列表(periods)' }),
    publicationTiers: z.array(
      z.object({
        severity: z.enum(SEVERITIES),
        publishedByDefault: z.boolean(),
        minimum: span,
        maximum: span,
        certainty: z.enum(CERTAINTIES),
        basis: z.string(),
      }),
    ),
    publicationSource: z.enum(['own', 'national'], { error: '公示依据(publicationSource)必须是 own 或 national' }),
    publicationProfile: z.enum(['masked', 'full', 'offline'], { error: '公示方式(publicationProfile)必须是 masked、full 或 offline' }),
    listingNoticeRecipients: z.enum(['subject', 'subject_and_responsible']).optional(),
    severitiesByListType: z.partialRecord(z.enum(LIST_TYPES), z.object({ severities: z.array(z.enum(SEVERITIES)), basis: z.string() })).optional(),
    proportionalityBasis: z.string().optional(),
    requiresPreNotice: z.boolean({ error: 'requiresPreNotice 必须是 true 或 false' }),
    preNoticeBasis: z.string().nullable(),
    behaviourCatalogues: z.array(z.string()),
    measureCodes: z.array(z.string()),
    enforcesDenyList: z.boolean(),
    derivedFrom: ref.nullable(),
    notes: z.array(z.string()),
  })
  .superRefine((r, ctx) => {
    if (r.effectiveTo !== null && isIsoDate(r.effectiveTo) && isIsoDate(r.effectiveFrom) && r.effectiveTo < r.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `失效日期${r.effectiveTo}早于施行日期${r.effectiveFrom}` });
    }
    const seen = new Set<string>();
    r.periods.forEach((p, i) => {
      if (seen.has(p.key)) ctx.addIssue({ code: 'custom', path: ['periods', i, 'key'], message: `期限${p.key}重复出现` });
      seen.add(p.key);
    });
  });

// Compile-time: the schemas name every field of PeriodRule and RuleSet (a new field fails the build here,
// instead of being silently dropped from every rule set the platform pushes).
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
const _complete: [SameKeys<z.infer<typeof PeriodRuleSchema>, PeriodRule>, SameKeys<z.infer<typeof RuleSetSchema>, RuleSet>] = [true, true];
void _complete;

export const RuleSetUpdatePayloadSchema = z.object({
  ruleSet: RuleSetSchema,
  /** Why the platform sends it (e.g. the notice that changed the rules); kept in the stored version's notes. */
  note: z.string().max(500).optional(),
});
export type RuleSetUpdatePayload = { ruleSet: RuleSet; note?: string };

export type ParseRuleSetUpdateResult = { ok: true; update: RuleSetUpdatePayload } | { ok: false; reason: string; errors: string[] };

/** Validates a pulled 'rule-set' payload; the reason names the first bad field in Chinese. */
export function parseRuleSetUpdate(payload: unknown): ParseRuleSetUpdateResult {
  const parsed = RuleSetUpdatePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}：` : '';
      const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容不正确';
      return `${where}${message}`;
    });
    return { ok: false, reason: `平台下发的规则集格式不正确：${errors[0] ?? ''}`, errors };
  }
  const { ruleSet, note } = parsed.data;
  return { ok: true, update: { ruleSet: ruleSet as RuleSet, ...(note === undefined ? {} : { note }) } };
}
