import { normalizeIdentifierInput } from './normalize';

/**
 * Whether two organisation names are likely the same subject. Names of one county share the place
 * name ("示例县…") and the organisational form ("…有限公司"), so comparing whole names flags any two
 * local companies; the comparison is made on the distinctive part of the name (字号 and 行业), after
 * removing
 *  - a leading place name: the office's own region names when given (示例省、示例市、示例县), else any
 *    2–6 character name ending in 省/自治区/市/自治州/地区/盟/县/自治县/旗/区/镇/乡/街道, and a place in
 *    brackets (（北京）);
 *  - the organisational suffix (股份有限公司, 有限责任公司, 有限公司, 合作社, 个体工商户 …) and a trailing
 *    branch marker (分公司, 分店 …);
 * and two names whose 字号 (the first two characters of what is left) share no character count half.
 * Pure; the renderer finds candidates in its index and asks this module for the score and the reason.
 */

/** Longest first: the first that ends the name is removed, then the search starts again. */
const ORGANISATION_SUFFIXES: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '分公司',
  '公司',
  '农民专业合作社联合社',
  '农民专业合作社',
  '专业合作社',
  '股份经济合作社',
  '经济合作社',
  '合作社',
  '个体工商户',
  '个人独资企业',
  '普通合伙',
  '有限合伙',
  '合伙企业',
  '集团',
  '分店',
  '分部',
];

const PLACE_PREFIX_RE = /^[\u4e00-\u9fa5]{2,6}?(?:自治区|自治州|自治县|特别行政区|街道|地区|省|市|盟|县|旗|区|镇|乡)/;
const BRACKETED_PLACE_RE = /[(（][\u4e00-\u9fa5]{2,8}[)）]/g;
const PUNCTUATION_RE = /[()（）·,，.。、\-—_"“”'‘’《》〈〉【】[\]:：#\s]/g;

export type NameCoreOptions = {
  /** The office's region names, e.g. ['示例省', '示例市', '示例县'] (or one string 示例省示例市示例县). */
  placeNames?: readonly string[];
};

/** Split "示例省示例市示例县" into its administrative parts. */
export function splitRegion(region: string): string[] {
  return region.match(/[\u4e00-\u9fa5]+?(?:自治区|自治州|自治县|特别行政区|街道|地区|省|市|盟|县|旗|区|镇|乡)/g) ?? (region ? [region] : []);
}

function stripPlaces(name: string, placeNames: readonly string[]): string {
  let text = name;
  const known = [...new Set(placeNames.flatMap((p) => [p, ...splitRegion(p)]).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    const hit = known.find((p) => text.startsWith(p) && text.length > p.length);
    if (hit) {
      text = text.slice(hit.length);
      changed = true;
      continue;
    }
    const generic = PLACE_PREFIX_RE.exec(text);
    // Keep at least two characters: a name that is only a place keeps it.
    if (generic && text.length - generic[0].length >= 2) {
      text = text.slice(generic[0].length);
      changed = true;
    }
  }
  return text;
}

function stripSuffixes(name: string): string {
  let text = name;
  for (let changed = true; changed; ) {
    changed = false;
    const hit = ORGANISATION_SUFFIXES.find((s) => text.endsWith(s) && text.length > s.length);
    if (hit) {
      text = text.slice(0, -hit.length);
      changed = true;
    }
  }
  return text;
}

/** The distinctive part of an organisation name (what the comparison looks at). */
export function nameCore(name: string, options: NameCoreOptions = {}): string {
  const cleaned = normalizeIdentifierInput(name).replace(BRACKETED_PLACE_RE, '').replace(PUNCTUATION_RE, '');
  const core = stripSuffixes(stripPlaces(cleaned, options.placeNames ?? []));
  return core || cleaned;
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length <= 1) return chars.length ? [chars.join('')] : [];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

export type NameSimilarity = {
  /** 0 … 1: shared bigrams of the two cores over the larger core's bigrams (halved for different 字号). */
  score: number;
  coreA: string;
  coreB: string;
};

/** The two names compared on their cores. */
export function compareNames(a: string, b: string, options: NameCoreOptions = {}): NameSimilarity {
  const coreA = nameCore(a, options);
  const coreB = nameCore(b, options);
  if (coreA === coreB) return { score: 1, coreA, coreB };
  const ga = bigrams(coreA);
  const gb = bigrams(coreB);
  const shared = ga.filter((g) => gb.includes(g)).length;
  const overlap = ga.length === 0 || gb.length === 0 ? 0 : shared / Math.max(ga.length, gb.length);
  // The 字号 comes first in the core: two names whose first two characters share none (样板物业服务 /
  // 测试物业服务) are two businesses of one trade, not one subject written twice.
  const [a0, a1] = [...coreA];
  const [b0, b1] = [...coreB];
  const differentTradeName = [...coreA].length >= 4 && [...coreB].length >= 4 && ![a0, a1].some((ch) => ch === b0 || ch === b1);
  return { score: differentTradeName ? overlap / 2 : overlap, coreA, coreB };
}

/** From this score on, the desk asks the officer to make sure it is not the same subject. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/** The warning's sentence: which registered subject the new name resembles, and why. */
export function similarNameReason(newName: string, existingName: string, similarity: NameSimilarity): string {
  const percent = Math.round(similarity.score * 100);
  if (similarity.coreA === similarity.coreB) {
    return `与已登记的“${existingName}”相近：去掉地名和组织形式后都是“${similarity.coreA}”`;
  }
  return `与已登记的“${existingName}”相近：去掉地名和组织形式后，“${similarity.coreA}”与“${similarity.coreB}”相似度${percent}%`;
}
