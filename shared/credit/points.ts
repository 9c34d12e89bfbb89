import { addDays, addYears, isIsoDate, yearOf, type IsoDate } from '../util/dates';
import { refuse, type Refusal } from '../util/result';
import { checkOfficeDecision, inForceOn, latestInForce, type OfficeDecision } from '../util/versioned';
import type { Certainty } from '../rules/types';
import type { RecordSource } from './records';

/**
 * A configurable points scheme (信用分计分制), versioned like rule sets: a scheme is data — base score,
 * the incentive and constraint categories with their caps, items with points and article references,
 * one-vote-veto items, grade bands, the evaluation period. A number no text gives is null (unset) and
 * the engine refuses to grade until the office sets it (applySchemeSettings → a new version).
 */
export type PointsDirection = 'incentive' | 'constraint';

export type PointsCategory = { direction: PointsDirection; label: string; /** Largest total of the category (points), null = unset. */ cap: number | null; basis: string };

export type PointsItem = {
  code: string;
  label: string;
  direction: PointsDirection;
  /** Points per occurrence (positive; constraints are subtracted), null = unset. */
  points: number | null;
  /** Occurrences counted per period at most (null = no limit). */
  maxOccurrences: number | null;
  basis: string;
};

export type VetoItem = { code: string; label: string; basis: string };

/** A grade band: min ≤ score < below (null = open end). */
export type GradeBand = { code: string; label: string; min: number | null; below: number | null };

export type SchemePeriod = 'calendar_year' | 'rolling_year';

export type PointsScheme = {
  id: string;
  version: number;
  /** The family this is a version of (schemeEffectiveOn picks by it). */
  schemeKey: string;
  title: string;
  shortTitle: string;
  issuer: string;
  basis: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  base: number | null;
  period: SchemePeriod | null;
  categories: readonly PointsCategory[];
  items: readonly PointsItem[];
  vetoItems: readonly VetoItem[];
  /** Bands from best to worst; null = unset. */
  bands: readonly GradeBand[] | null;
  /** Band code a veto forces (null = unset). */
  vetoGrade: string | null;
  /** How sure each part is ('stated' in the text, 'unset', 'office'). */
  certainty: { base: Certainty; bands: Certainty; caps: Certainty; items: Certainty };
  derivedFrom: { id: string; version: number } | null;
  notes: readonly string[];
};

const CX = '长兴县会计从业人员信用管理办法（试行）';
const CX_READING = `《${CX}》政策解读`;

/**
 * 长兴 accounting scheme (《长兴县会计从业人员信用管理办法(试行)》政策解读 三(一)(三)): base 1000,
 * 激励性指标总分值340分, 约束性指标总分值1000分, 一票否决指标; 优秀(A≥850)、良好(800≤A<850)、
 * 中等(750≤A<800)、较差(700≤A<750)、差(A<700); 评价期为每年1月1日至12月31日. The individual
 * indicators are in the 办法's own table, which the reading does not reproduce: items are unset.
 */
export const SCHEME_CHANGXING_ACCOUNTING: PointsScheme = {
  id: 'ZJ-CX-ACC-2021',
  version: 1,
  schemeKey: 'ZJ-CX-ACC',
  title: CX,
  shortTitle: '长兴会计信用评价',
  issuer: '长兴县财政局',
  basis: `${CX_READING} 三（一）`,
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  base: 1000,
  period: 'calendar_year',
  categories: [
    { direction: 'incentive', label: '激励性指标', cap: 340, basis: `${CX_READING} 三（一）` },
    { direction: 'constraint', label: '约束性指标', cap: 1000, basis: `${CX_READING} 三（一）` },
  ],
  items: [],
  vetoItems: [],
  bands: [
    { code: 'excellent', label: '优秀', min: 850, below: null },
    { code: 'good', label: '良好', min: 800, below: 850 },
    { code: 'fair', label: '中等', min: 750, below: 800 },
    { code: 'poor', label: '较差', min: 700, below: 750 },
    { code: 'bad', label: '差', min: null, below: 700 },
  ],
  vetoGrade: 'bad',
  certainty: { base: 'stated', bands: 'stated', caps: 'stated', items: 'unset' },
  derivedFrom: null,
  notes: [
    '评价期为每年1月1日至12月31日（三（三））',
    '具体评价指标和一票否决指标见办法原文，政策解读未列明，须由办公室录入后方可评分',
    '评价实行属地管理，调出人员信用分依调入地区评分规则实施（五）',
    '施行日期政策解读未载明，按2021-01-01起适用；请办公室核对',
  ],
};

const CS = '长沙市市场主体信用分级分类管理办法（试行）';

/**
 * 长沙 scheme (《长沙市市场主体信用分级分类管理办法(试行)》解读, 2022-06-02, 二、四): information is graded
 * by 失信行为性质、处罚结果及社会危害程度 and subjects are classified by 信用分计分制; three evaluation
 * kinds (公共信用综合评价、行业信用评价、市场信用评价). The reading gives no number: everything is unset.
 */
export const SCHEME_CHANGSHA: PointsScheme = {
  id: 'HN-CS-2022',
  version: 1,
  schemeKey: 'HN-CS',
  title: CS,
  shortTitle: '长沙信用分级分类',
  issuer: '长沙市发展和改革委员会',
  basis: `《${CS}》解读 二、四`,
  effectiveFrom: '2022-06-02',
  effectiveTo: null,
  base: null,
  period: null,
  categories: [
    { direction: 'incentive', label: '守信激励信息', cap: null, basis: `《${CS}》解读 四（第三章 信用分级分类）` },
    { direction: 'constraint', label: '失信信息（按失信行为性质、处罚结果及社会危害程度分级）', cap: null, basis: `《${CS}》解读 二、四（第三章 信用分级分类）` },
  ],
  items: [],
  vetoItems: [],
  bands: null,
  vetoGrade: null,
  certainty: { base: 'unset', bands: 'unset', caps: 'unset', items: 'unset' },
  derivedFrom: null,
  notes: ['信用评价分为公共信用综合评价、行业信用评价和市场信用评价（解读 四，第二章）', '解读未载明基础分、分值和等级分数线，须由办公室按办法原文设置后方可评分', '施行日期按解读发布日2022-06-02计；请办公室核对'],
};

export const POINTS_SCHEME_PRESETS: readonly PointsScheme[] = [SCHEME_CHANGXING_ACCOUNTING, SCHEME_CHANGSHA];

/** Whether the scheme is in force on `date`. */
export function schemeInForce(scheme: PointsScheme, date: IsoDate): boolean {
  return inForceOn(scheme, date);
}

/** The version of `schemeKey` in force on `date` (latest effectiveFrom, then highest version). */
export function schemeEffectiveOn(schemes: readonly PointsScheme[], schemeKey: string, date: IsoDate): PointsScheme | null {
  return latestInForce(schemes.filter((s) => s.schemeKey === schemeKey), date);
}

/** The unset numbers of a scheme as Chinese phrases (empty = complete). */
export function unsetSchemeParts(scheme: PointsScheme): string[] {
  const parts: string[] = [];
  if (scheme.base === null) parts.push('基础分');
  if (scheme.period === null) parts.push('评价期间');
  for (const c of scheme.categories) if (c.cap === null) parts.push(`“${c.label}”的总分值`);
  if (scheme.items.length === 0) parts.push('评价指标');
  for (const i of scheme.items) if (i.points === null) parts.push(`“${i.label}”的分值`);
  if (scheme.bands === null || scheme.bands.length === 0) parts.push('等级分数线');
  if (scheme.vetoItems.length > 0 && scheme.vetoGrade === null) parts.push('一票否决时的等级');
  return parts;
}

/**
 * Bands from what an office writes down: grades from best to worst, each with the lowest score it
 * takes (the worst takes none) → min ≤ score < below, codes 'band-1' … in order.
 */
export function bandsFromThresholds(rows: readonly { label: string; min?: number | null }[]): GradeBand[] {
  return rows.map((r, i) => ({ code: `band-${i + 1}`, label: r.label, min: i === rows.length - 1 ? null : (r.min ?? null), below: i === 0 ? null : (rows[i - 1]?.min ?? null) }));
}

/** Bands must run from best to worst without gap or overlap, open at both ends. */
function checkBands(bands: readonly GradeBand[]): string | null {
  for (let i = 0; i < bands.length; i += 1) {
    const band = bands[i];
    const next = bands[i + 1];
    if (!band) continue;
    if (i === 0 && band.below !== null) return `最高等级“${band.label}”应没有上限`;
    if (!next) {
      if (band.min !== null) return `最低等级“${band.label}”应没有下限`;
      continue;
    }
    if (band.min === null || next.below !== band.min) return `等级“${band.label}”与“${next.label}”的分数线不衔接`;
  }
  return null;
}

/** Whether the scheme can grade: every number set and the bands consistent. Chinese reason. */
export function checkSchemeComplete(scheme: PointsScheme): { ok: true } | Refusal {
  const unset = unsetSchemeParts(scheme);
  if (unset.length > 0) {
    return refuse('scheme_unset', `评分方案《${scheme.shortTitle}》的${unset.join('、')}未设置（${scheme.basis}未载明），请由办公室在“统计—分级分类设置”中按原文确定后再评分`);
  }
  const bandProblem = checkBands(scheme.bands ?? []);
  if (bandProblem) return refuse('scheme_bands', `评分方案《${scheme.shortTitle}》：${bandProblem}`);
  return { ok: true };
}

/** One scored fact: an item (or veto item) that occurred, with its source. */
export type PointsEntry = { id: string; itemCode: string; date: IsoDate; occurrences?: number; source: RecordSource; note?: string };

export type ScoredItem = { item: PointsItem; entries: PointsEntry[]; occurrences: number; points: number };

export type PointsGrading = {
  ok: true;
  scheme: { id: string; version: number };
  period: { from: IsoDate; to: IsoDate };
  score: number;
  grade: { code: string; label: string };
  vetoed: { item: VetoItem; entries: PointsEntry[] }[];
  incentive: { raw: number; counted: number; cap: number };
  constraint: { raw: number; counted: number; cap: number };
  items: ScoredItem[];
  ignored: { entry: PointsEntry; reason: string }[];
  explanation: string[];
};

/** The period the scheme evaluates for `asOf`: the calendar year of asOf, or the year ending on it. */
export function schemePeriodOf(period: SchemePeriod, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  if (period === 'calendar_year') return { from: `${yearOf(asOf)}-01-01`, to: `${yearOf(asOf)}-12-31` };
  return { from: addDays(addYears(asOf, -1), 1), to: asOf };
}

function bandOf(bands: readonly GradeBand[], score: number): GradeBand | null {
  return bands.find((b) => (b.min === null || score >= b.min) && (b.below === null || score < b.below)) ?? null;
}

/**
 * Score a subject for the period containing `asOf` (entries after asOf are not counted yet). Refuses
 * while the scheme has unset numbers, and for entries naming an item the scheme does not have.
 */
export function scoreSubject(scheme: PointsScheme, entries: readonly PointsEntry[], asOf: IsoDate): PointsGrading | Refusal {
  if (!isIsoDate(asOf)) return refuse('grading_bad_date', '评价日期不是有效日期');
  const complete = checkSchemeComplete(scheme);
  if (!complete.ok) return complete;
  const base = scheme.base ?? 0;
  const bands = scheme.bands ?? [];
  const period = schemePeriodOf(scheme.period ?? 'calendar_year', asOf);
  const ignored: { entry: PointsEntry; reason: string }[] = [];
  const byItem = new Map<string, PointsEntry[]>();
  const vetoHits = new Map<string, PointsEntry[]>();
  for (const entry of entries) {
    const item = scheme.items.find((i) => i.code === entry.itemCode);
    const veto = scheme.vetoItems.find((v) => v.code === entry.itemCode);
    if (!item && !veto) return refuse('scheme_unknown_item', `评分项目“${entry.itemCode}”不在评分方案《${scheme.shortTitle}》第${scheme.version}版中`);
    if (entry.date < period.from || entry.date > period.to || entry.date > asOf) {
      ignored.push({ entry, reason: `不在评价期间（${period.from}至${period.to < asOf ? period.to : asOf}）内` });
      continue;
    }
    const target = veto ? vetoHits : byItem;
    target.set(entry.itemCode, [...(target.get(entry.itemCode) ?? []), entry]);
  }
  const items: ScoredItem[] = [];
  for (const item of scheme.items) {
    const list = byItem.get(item.code);
    if (!list) continue;
    const total = list.reduce((n, e) => n + Math.max(1, Math.floor(e.occurrences ?? 1)), 0);
    const occurrences = item.maxOccurrences === null ? total : Math.min(total, item.maxOccurrences);
    items.push({ item, entries: list, occurrences, points: occurrences * (item.points ?? 0) });
  }
  const sum = (direction: PointsDirection): number => items.filter((i) => i.item.direction === direction).reduce((n, i) => n + i.points, 0);
  const capOf = (direction: PointsDirection): number => scheme.categories.find((c) => c.direction === direction)?.cap ?? 0;
  const incentive = { raw: sum('incentive'), cap: capOf('incentive'), counted: 0 };
  incentive.counted = Math.min(incentive.raw, incentive.cap);
  const constraint = { raw: sum('constraint'), cap: capOf('constraint'), counted: 0 };
  constraint.counted = Math.min(constraint.raw, constraint.cap);
  const score = base + incentive.counted - constraint.counted;
  const vetoed = scheme.vetoItems.filter((v) => vetoHits.has(v.code)).map((item) => ({ item, entries: vetoHits.get(item.code) ?? [] }));
  const band = vetoed.length > 0 ? bands.find((b) => b.code === scheme.vetoGrade) ?? bandOf(bands, score) : bandOf(bands, score);
  const grade = band ? { code: band.code, label: band.label } : { code: 'none', label: '无' };
  const explanation = [
    `评价期间：${period.from}至${period.to}`,
    `基础分${base}分，激励加分${incentive.counted}分${incentive.raw > incentive.cap ? `（合计${incentive.raw}分，超过上限${incentive.cap}分）` : ''}，约束扣分${constraint.counted}分${constraint.raw > constraint.cap ? `（合计${constraint.raw}分，超过上限${constraint.cap}分）` : ''}，得分${score}分`,
    ...items.map((i) => `${i.item.direction === 'incentive' ? '加分' : '扣分'}：${i.item.label} ${i.occurrences}次×${i.item.points ?? 0}分（${i.item.basis}）`),
  ];
  if (vetoed.length > 0) explanation.push(`一票否决：${vetoed.map((v) => `${v.item.label}（${v.item.basis}）`).join('、')}，等级为“${grade.label}”`);
  else explanation.push(`得分${score}分，等级为“${grade.label}”（${scheme.basis}）`);
  return { ok: true, scheme: { id: scheme.id, version: scheme.version }, period, score, grade, vetoed, incentive, constraint, items, ignored, explanation };
}

/** An office's settings for a scheme's unset parts (or, with allowOverrideStated, stated ones). */
export type SchemeSettings = OfficeDecision & {
  base?: number;
  period?: SchemePeriod;
  caps?: Partial<Record<PointsDirection, number>>;
  /** Items to add or replace (by code). */
  items?: readonly PointsItem[];
  vetoItems?: readonly VetoItem[];
  bands?: readonly GradeBand[];
  vetoGrade?: string;
  effectiveFrom: IsoDate;
};

/**
 * A new version (+1) of the scheme with the office's settings. Stated numbers (base, caps, bands of
 * 长兴) cannot be changed unless `allowOverrideStated`; who decided and by which document go into notes.
 */
export function applySchemeSettings(scheme: PointsScheme, settings: SchemeSettings, options: { allowOverrideStated?: boolean } = {}): { ok: true; scheme: PointsScheme } | Refusal {
  const decision = checkOfficeDecision(settings);
  if (!decision.ok) return decision;
  if (settings.effectiveFrom < scheme.effectiveFrom) return refuse('settings_before_scheme', `设置的生效日期${settings.effectiveFrom}早于评分方案生效日期${scheme.effectiveFrom}`);
  const stated = (part: keyof PointsScheme['certainty']): boolean => scheme.certainty[part] === 'stated' && !options.allowOverrideStated;
  if (settings.base !== undefined && stated('base')) return refuse('settings_override_stated', `基础分已由${scheme.basis}规定为${scheme.base ?? ''}分，不能在设置中修改`);
  if (settings.bands !== undefined && stated('bands')) return refuse('settings_override_stated', `等级分数线已由${scheme.basis}规定，不能在设置中修改`);
  if (settings.caps !== undefined && stated('caps')) return refuse('settings_override_stated', `指标总分值已由${scheme.basis}规定，不能在设置中修改`);
  for (const item of settings.items ?? []) {
    if (item.points === null || !Number.isFinite(item.points) || item.points < 0) return refuse('settings_bad_points', `“${item.label}”的分值必须是不小于0的数`);
    if (item.basis.trim() === '') return refuse('settings_item_without_basis', `“${item.label}”须注明依据条款`);
  }
  if (settings.bands) {
    const problem = checkBands(settings.bands);
    if (problem) return refuse('scheme_bands', problem);
  }
  const replaceByCode = <T extends { code: string }>(old: readonly T[], added: readonly T[] = []): T[] => [...old.filter((i) => !added.some((n) => n.code === i.code)), ...added];
  const items = replaceByCode(scheme.items, settings.items);
  const vetoItems = replaceByCode(scheme.vetoItems, settings.vetoItems);
  const categories = scheme.categories.map((c) => (settings.caps?.[c.direction] === undefined ? c : { ...c, cap: settings.caps[c.direction] ?? c.cap }));
  const office = (part: keyof PointsScheme['certainty'], changed: boolean): Certainty => (changed ? 'office' : scheme.certainty[part]);
  return {
    ok: true,
    scheme: {
      ...scheme,
      version: scheme.version + 1,
      effectiveFrom: settings.effectiveFrom,
      base: settings.base ?? scheme.base,
      period: settings.period ?? scheme.period,
      categories,
      items,
      vetoItems,
      bands: settings.bands ?? scheme.bands,
      vetoGrade: settings.vetoGrade ?? scheme.vetoGrade,
      certainty: {
        base: office('base', settings.base !== undefined),
        bands: office('bands', settings.bands !== undefined),
        caps: office('caps', settings.caps !== undefined),
        items: office('items', settings.items !== undefined || settings.vetoItems !== undefined),
      },
      derivedFrom: { id: scheme.id, version: scheme.version },
      notes: [...scheme.notes, `${settings.effectiveFrom} 起由${settings.decidedBy}设置（${settings.decisionReference}）`],
    },
  };
}
