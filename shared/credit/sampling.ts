import { refuse, type Refusal } from '../util/result';
import { sha256Hex } from '../util/sha256';
import { checkOfficeDecision, type OfficeDecision } from '../util/versioned';
import { nameKey } from '../exchange/cells';

/**
 * Graded lists and the seeded draw of 双随机、一公开.
 *  - 黑龙江条例 第四十八条: (一) 信用较好、风险较低 → 合理降低抽查比例和频次; (二) 信用风险一般 → 常规比例
 *    和频次; (三) 违法失信、风险较高 → 适当提高抽查比例和频次 (the same three tiers: 凌源新型监管 二(二)).
 *  - 河北分级分类 六(二): A lower (一般不主动实施现场检查), B regular, C higher (重点监管对象, 定向和随机
 *    抽查相结合), D 依法依规严格执行限制措施.
 * No text gives a ratio: every ratio is unset (null) until the office sets it (applySamplingRatios).
 * The draw ranks candidates by SHA-256(seed ‖ 0x00 ‖ id) and takes the first n, so the same seed and
 * the same list always give the same draw, anyone can recompute it (verifyDraw), and the seed and a
 * digest of the list are returned for the record.
 */
export type SamplingTreatment = 'lower' | 'regular' | 'higher' | 'strict';

export const SAMPLING_TREATMENT_LABELS: Record<SamplingTreatment, string> = {
  lower: '降低抽查比例和频次',
  regular: '常规比例和频次抽查',
  higher: '提高抽查比例和频次',
  strict: '严格监管',
};

export type SamplingTier = {
  key: string;
  label: string;
  treatment: SamplingTreatment;
  /** Share of the tier to draw, 0–1; null = unset. */
  ratio: number | null;
  basis: string;
  note?: string;
};

export type SamplingPolicy = {
  id: string;
  version: number;
  title: string;
  tiers: readonly SamplingTier[];
  /** Grade code (e.g. 河北 'A') → tier key. */
  gradeToTier: Readonly<Record<string, string>>;
  derivedFrom: { id: string; version: number } | null;
  notes: readonly string[];
};

const HLJ48 = '黑龙江省社会信用条例 第四十八条';
const HB = '河北省人民政府办公厅关于推进企业信用分级分类监管工作的实施意见 六（二）';

export const SAMPLING_HLJ_48: SamplingPolicy = {
  id: 'HLJ-48',
  version: 1,
  title: '分级分类监管抽查（黑龙江条例第四十八条）',
  tiers: [
    { key: 'low_risk', label: '信用较好、风险较低', treatment: 'lower', ratio: null, basis: `${HLJ48}（一）` },
    { key: 'regular', label: '信用风险一般', treatment: 'regular', ratio: null, basis: `${HLJ48}（二）` },
    { key: 'high_risk', label: '违法失信、风险较高', treatment: 'higher', ratio: null, basis: `${HLJ48}（三）`, note: '依法依规实行严格监督管理' },
  ],
  // 河北 classes as the commonest input; an office using another grading maps its own grades.
  gradeToTier: { A: 'low_risk', B: 'regular', C: 'high_risk', D: 'high_risk' },
  derivedFrom: null,
  notes: ['条例未规定具体抽查比例，须由办公室设置'],
};

export const SAMPLING_HEBEI: SamplingPolicy = {
  id: 'HEBEI-6-2',
  version: 1,
  title: '企业信用分级分类差异化监管（河北六（二））',
  tiers: [
    { key: 'A', label: 'A类', treatment: 'lower', ratio: null, basis: HB, note: '除投诉举报、大数据监测发现问题、转办交办案件线索及法律、法规另有规定外，一般不主动实施现场检查' },
    { key: 'B', label: 'B类', treatment: 'regular', ratio: null, basis: HB, note: '对有投诉举报和确有必要的，可适当提高抽查比例和频次' },
    { key: 'C', label: 'C类', treatment: 'higher', ratio: null, basis: HB, note: '列为重点监管对象，定向和随机抽查相结合' },
    { key: 'D', label: 'D类', treatment: 'strict', ratio: null, basis: HB, note: '依法依规严格执行限制措施' },
  ],
  gradeToTier: { A: 'A', B: 'B', C: 'C', D: 'D' },
  derivedFrom: null,
  notes: ['实施意见未规定具体抽查比例，须由省级部门或办公室设置'],
};

export const SAMPLING_PRESETS: readonly SamplingPolicy[] = [SAMPLING_HLJ_48, SAMPLING_HEBEI];

/** A new version with the office's ratios (0–1) per tier key. */
export function applySamplingRatios(policy: SamplingPolicy, ratios: Readonly<Record<string, number>>, decision: OfficeDecision): { ok: true; policy: SamplingPolicy } | Refusal {
  const decided = checkOfficeDecision(decision);
  if (!decided.ok) return decided;
  for (const [key, ratio] of Object.entries(ratios)) {
    if (!policy.tiers.some((t) => t.key === key)) return refuse('sampling_unknown_tier', `抽查方案中没有“${key}”这一档`);
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) return refuse('sampling_bad_ratio', '抽查比例须在0%至100%之间');
  }
  const tiers = policy.tiers.map((t) => (ratios[t.key] === undefined ? t : { ...t, ratio: ratios[t.key] ?? t.ratio }));
  const byTreatment = (treatment: SamplingTreatment): number[] => tiers.filter((t) => t.treatment === treatment && t.ratio !== null).map((t) => t.ratio ?? 0);
  const lower = byTreatment('lower');
  const regular = byTreatment('regular');
  const higher = byTreatment('higher');
  // 第四十八条: "降低" below the regular ratio, "提高" above it.
  if (regular.length > 0 && (lower.some((r) => r > Math.min(...regular)) || higher.some((r) => r < Math.max(...regular)))) {
    return refuse('sampling_ratio_order', '信用较好一档的抽查比例不应高于常规比例，风险较高一档的抽查比例不应低于常规比例');
  }
  return {
    ok: true,
    policy: { ...policy, version: policy.version + 1, tiers, derivedFrom: { id: policy.id, version: policy.version }, notes: [...policy.notes, `抽查比例由${decision.decidedBy}设置（${decision.decisionReference}）`] },
  };
}

export type GradedSubject = { id: string; grade: string };

export type TierPlan = { tier: SamplingTier; candidates: string[]; count: number };

/** How many of each tier to draw: ceil(ratio × candidates); refuses while a needed ratio is unset. */
export function planSampling(policy: SamplingPolicy, subjects: readonly GradedSubject[]): { ok: true; tiers: TierPlan[] } | Refusal {
  const byTier = new Map<string, string[]>();
  for (const s of subjects) {
    const tierKey = policy.gradeToTier[s.grade];
    if (tierKey === undefined) return refuse('sampling_unmapped_grade', `等级“${s.grade}”未对应抽查档次，请在抽查方案中设置`);
    byTier.set(tierKey, [...(byTier.get(tierKey) ?? []), s.id]);
  }
  const tiers: TierPlan[] = [];
  for (const tier of policy.tiers) {
    const candidates = byTier.get(tier.key) ?? [];
    if (candidates.length === 0) {
      tiers.push({ tier, candidates, count: 0 });
      continue;
    }
    if (tier.ratio === null) return refuse('sampling_ratio_unset', `“${tier.label}”的抽查比例未设置（${tier.basis}未规定具体比例），请由办公室在“统计—分级分类设置”中确定`);
    tiers.push({ tier, candidates, count: Math.min(candidates.length, Math.ceil(tier.ratio * candidates.length - 1e-9)) });
  }
  return { ok: true, tiers };
}

export const DRAW_ALGORITHM = 'SHA-256 rank v1: sort by sha256(seed || 0x00 || id) ascending, take the first n';

/** The same method in Chinese, for records and exports people read. */
export const DRAW_ALGORITHM_LABEL = '对每个候选主体计算 SHA-256（种子、0x00、主体编号依次相连），按结果由小到大排序，取前n个（SHA-256 rank v1）';

export type SampleDraw = {
  algorithm: string;
  seed: string;
  candidateCount: number;
  /** SHA-256 of the sorted candidate ids joined by "\n": proves which list was drawn from. */
  candidatesDigest: string;
  count: number;
  /** In rank order. */
  drawn: { id: string; digest: string }[];
};

function rankDigest(seed: string, id: string): string {
  return sha256Hex(`${seed}\u0000${id}`);
}

export function candidatesDigestOf(candidates: readonly string[]): string {
  return sha256Hex([...candidates].sort().join('\n'));
}

/** The seeded, reproducible draw of `count` of `candidates`. */
export function drawSample(seed: string, candidates: readonly string[], count: number): { ok: true; draw: SampleDraw } | Refusal {
  if (seed.trim() === '') return refuse('draw_no_seed', '请填写抽取种子（如当天的公开随机数或现场摇号结果），并予以记录');
  if (!Number.isInteger(count) || count < 0) return refuse('draw_bad_count', '抽取数量须为不小于0的整数');
  if (count > candidates.length) return refuse('draw_too_many', `抽取数量${count}超过候选数${candidates.length}`);
  const seen = new Set<string>();
  for (const id of candidates) {
    if (seen.has(id)) return refuse('draw_duplicate_candidate', `候选名单中“${id}”重复，请去重后再抽取`);
    seen.add(id);
  }
  const ranked = candidates.map((id) => ({ id, digest: rankDigest(seed, id) })).sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  return { ok: true, draw: { algorithm: DRAW_ALGORITHM, seed, candidateCount: candidates.length, candidatesDigest: candidatesDigestOf(candidates), count, drawn: ranked.slice(0, count) } };
}

/** Whether a recorded draw is what the seed and the candidate list give. */
export function verifyDraw(draw: SampleDraw, candidates: readonly string[]): boolean {
  const again = drawSample(draw.seed, candidates, draw.count);
  return again.ok && again.draw.candidatesDigest === draw.candidatesDigest && JSON.stringify(again.draw.drawn) === JSON.stringify(draw.drawn);
}

/** The graded draw: one draw per tier with the seed "seed|tierKey", recorded together. */
export function drawGradedSample(policy: SamplingPolicy, subjects: readonly GradedSubject[], seed: string): { ok: true; policy: { id: string; version: number }; seed: string; tiers: { tierKey: string; label: string; ratio: number | null; draw: SampleDraw }[] } | Refusal {
  if (nameKey(seed) === '') return refuse('draw_no_seed', '请填写抽取种子（如当天的公开随机数或现场摇号结果），并予以记录');
  const plan = planSampling(policy, subjects);
  if (!plan.ok) return plan;
  const tiers: { tierKey: string; label: string; ratio: number | null; draw: SampleDraw }[] = [];
  for (const t of plan.tiers) {
    const draw = drawSample(`${seed}|${t.tier.key}`, t.candidates, t.count);
    if (!draw.ok) return draw;
    tiers.push({ tierKey: t.tier.key, label: t.tier.label, ratio: t.tier.ratio, draw: draw.draw });
  }
  return { ok: true, policy: { id: policy.id, version: policy.version }, seed, tiers };
}
