import { z } from 'zod';
import type { PublicationProfile } from '../masking/types';
import { PERIOD_TEMPLATES } from '../rules/periods';
import type { PeriodKey, PeriodUnit } from '../rules/types';
import { isIsoDate, type IsoDate } from '../util/dates';

/**
 * The office: who it is (printed on every document), how it numbers, which rule set it applies to
 * which behaviour catalogue, and the settings it decided for the rule sets (each with the decision
 * it rests on). One type for the desk's settings and the documents.
 */
export type RuleSetAssignment = {
  /** Behaviour catalogue id (shared/rules/catalogues.ts). */
  catalogueId: string;
  /** Rule-set preset id that applies to cases with behaviour from this catalogue. */
  ruleSetId: string;
};

export type PeriodSetting = { amount: number; unit?: PeriodUnit; note?: string };

export type OfficeProfile = {
  /** Stable id of the office (document numbers are per office); the 统一社会信用代码 where there is one. */
  officeId: string;
  /** 发文机关全称, e.g. 某某县发展和改革局. */
  name: string;
  uscc: string;
  region: string;
  level: '县级' | '乡镇';
  /** Optional red 发文机关标志 (e.g. 某某县发展和改革局文件); omitted → no red header. */
  letterhead?: string;
  /** Where 行政复议 is applied for, e.g. 某某县人民政府. */
  reviewBody: string;
  /** Where 行政诉讼 is brought, e.g. 某某县人民法院. */
  court: string;
  address?: string;
  phone?: string;
  /** The office's own seal image (PNG/JPEG data URL); the seal area stays free otherwise. */
  sealImage?: string;
  /** 案号 and 文号 prefixes: 发文机关代字, e.g. 某发改信用 → 某发改信用〔2026〕15号. */
  numbering: { casePrefix: string; documentPrefix: string };
  assignments: RuleSetAssignment[];
  /** Office values for unset periods, per rule-set preset id. */
  periodSettings: Record<string, Partial<Record<PeriodKey, PeriodSetting>>>;
  /** Per preset id: whether 事先告知 is required before listing (office decision), when set. */
  preNotice?: Record<string, boolean>;
  /** Per preset id: a publication profile the office decided (e.g. 'full' under 朝阳房地产规定 第十二条(一)). */
  publicationProfiles?: Record<string, PublicationProfile>;
  /** Per preset id: periods of uncertain certainty the office checked and confirms. */
  confirmedPeriods?: Record<string, PeriodKey[]>;
  /** The internal document the settings rest on (文号 or 会议纪要). */
  decisionReference: string;
  /** From when the office's settings apply (default: the preset's own effective date). */
  settingsEffectiveFrom?: IsoDate;
  staff: string[];
  configuredAt: string;
};

/** What a printed document carries of the office (part of the issued snapshot). */
export type IssuingOffice = Pick<OfficeProfile, 'officeId' | 'name' | 'numbering' | 'letterhead' | 'reviewBody' | 'court' | 'address' | 'phone' | 'sealImage'>;

export function issuingOffice(profile: OfficeProfile): IssuingOffice {
  const { officeId, name, numbering, letterhead, reviewBody, court, address, phone, sealImage } = profile;
  return {
    officeId,
    name,
    numbering,
    reviewBody,
    court,
    ...(letterhead ? { letterhead } : {}),
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(sealImage ? { sealImage } : {}),
  };
}

const PERIOD_KEYS = Object.keys(PERIOD_TEMPLATES) as [PeriodKey, ...PeriodKey[]];
const text = (what: string) => z.string({ error: `${what}必须是文字` });
const required = (what: string) => text(what).trim().min(1, { error: `请填写${what}` });

const periodSetting = z.object({
  amount: z.number({ error: '期限必须是数字' }).int({ error: '期限必须是整数' }).nonnegative({ error: '期限不能为负数' }),
  unit: z.enum(['working_days', 'calendar_days', 'months', 'years'], { error: '期限单位不正确' }).optional(),
  note: text('说明').optional(),
});

export const OfficeProfileSchema = z.object({
  officeId: required('办公室编号'),
  name: required('发文机关名称'),
  uscc: text('统一社会信用代码'),
  region: text('行政区划'),
  level: z.enum(['县级', '乡镇'], { error: '层级必须是"县级"或"乡镇"' }),
  letterhead: text('发文机关标志').optional(),
  reviewBody: required('行政复议机关'),
  court: required('行政诉讼法院'),
  address: text('地址').optional(),
  phone: text('联系电话').optional(),
  sealImage: z.string().regex(/^data:image\/(png|jpeg);base64,/, { error: '印章图片必须是 PNG 或 JPEG' }).optional(),
  numbering: z.object({ casePrefix: text('案号前缀'), documentPrefix: required('发文机关代字（文号前缀）') }),
  assignments: z.array(z.object({ catalogueId: required('失信行为目录'), ruleSetId: required('规则集') })),
  periodSettings: z.record(z.string(), z.partialRecord(z.enum(PERIOD_KEYS), periodSetting)),
  preNotice: z.record(z.string(), z.boolean()).optional(),
  publicationProfiles: z.record(z.string(), z.enum(['masked', 'full', 'offline'], { error: '公示方式不正确' })).optional(),
  confirmedPeriods: z.record(z.string(), z.array(z.enum(PERIOD_KEYS, { error: '不认识的期限种类' }))).optional(),
  decisionReference: text('决定文件'),
  settingsEffectiveFrom: z.string().refine(isIsoDate, { error: '设置生效日期必须是 YYYY-MM-DD' }).optional(),
  staff: z.array(text('工作人员')),
  configuredAt: text('设置时间'),
});

export type ParseOfficeResult = { ok: true; profile: OfficeProfile } | { ok: false; code: 'office_invalid'; reason: string; errors: string[] };

/** Validates an office profile (settings form, storage, import); the reason names the first bad field. */
export function parseOfficeProfile(value: unknown): ParseOfficeResult {
  const parsed = OfficeProfileSchema.safeParse(value);
  if (parsed.success) return { ok: true, profile: parsed.data as OfficeProfile };
  const errors = parsed.error.issues.map((i) => (/[\u4e00-\u9fff]/.test(i.message) ? i.message : `${i.path.map(String).join('.')}：内容不正确`));
  return { ok: false, code: 'office_invalid', reason: `办公室设置不完整：${errors[0] ?? ''}`, errors };
}
