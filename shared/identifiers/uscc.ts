import { normalizeIdentifierInput, type IdentifierCheck } from './normalize';

/**
 * 统一社会信用代码 per GB 32100-2015:
 *   登记管理部门代码(1) + 机构类别代码(1) + 登记管理机关行政区划码(6 digits) + 主体标识码(9) + 校验码(1).
 * Alphabet of 31 characters, value = index: 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z).
 * Weights for positions 1..17 are 3^(i-1) mod 31; check value = (31 − Σ mod 31) mod 31.
 * Positions 1–2 may be letters (e.g. registration authority codes A, N, Y), so they are checked only
 * against the alphabet; positions 3–8 must be digits.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_FORBIDDEN_LETTERS = 'IOSVZ';
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/** The check character for the first 17 characters (already normalised), or null if one is invalid. */
export function computeUsccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(code: string): IdentifierCheck {
  const normalized = normalizeIdentifierInput(code);
  if (normalized.length === 0) return { ok: false, code: 'uscc_empty', reason: '请输入18位统一社会信用代码' };
  if (normalized.length !== 18) {
    return { ok: false, code: 'uscc_length', reason: `统一社会信用代码应为18位，实际为${normalized.length}位` };
  }
  for (let i = 0; i < 18; i += 1) {
    const ch = normalized.charAt(i);
    if (USCC_FORBIDDEN_LETTERS.includes(ch)) {
      return { ok: false, code: 'uscc_forbidden_letter', reason: `第${i + 1}位字符"${ch}"不允许使用（统一社会信用代码不含I、O、S、V、Z）` };
    }
    if (!USCC_ALPHABET.includes(ch)) {
      return { ok: false, code: 'uscc_invalid_char', reason: `第${i + 1}位字符"${ch}"无效（统一社会信用代码只能由数字和大写字母组成）` };
    }
  }
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) {
    return { ok: false, code: 'uscc_region_not_digits', reason: '第3至8位（登记管理机关行政区划码）应全部为数字' };
  }
  const expected = computeUsccCheckChar(normalized.slice(0, 17));
  if (expected !== normalized.charAt(17)) {
    return { ok: false, code: 'uscc_check_char', reason: `第18位校验码应为${expected ?? '?'}，请核对代码是否录入有误` };
  }
  return { ok: true, normalized };
}
