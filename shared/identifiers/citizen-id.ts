import { isIsoDate, type IsoDate } from '../util/dates';
import { normalizeIdentifierInput, type IdentifierCheck } from './normalize';

/**
 * 公民身份号码 per GB 11643-1999: 地址码(6) + 出生日期码(8, YYYYMMDD) + 顺序码(3) + 校验码(1).
 * Check character: ISO 7064 MOD 11-2, weights 2^(18−i) mod 11 for positions 1..17,
 * check = "10X98765432"[Σ mod 11].
 *
 * Decisions (docs/identifiers.md):
 *  - lower-case "x" is accepted and normalised to "X"; full-width digits and spaces are normalised;
 *  - 15-digit numbers (GB 11643-1989) are REFUSED with a reason that tells the user to enter the
 *    18-digit number and shows the computed 18-digit form (upgradeCitizenId15), because the 18-digit
 *    number is the legal 关联匹配 key (黑龙江条例 第十九条) and an upgrade is not proof of identity;
 *  - the address code must start with a known province-level code (shape only: county codes change);
 *  - the birth date must exist, be 1900-01-01 or later, and not lie after `today` when given.
 */
export const CITIZEN_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level codes (GB/T 2260) that can begin an address code; 71 台湾, 81 香港, 82 澳门. */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];

export function computeCitizenIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (CITIZEN_ID_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** The 18-digit form of a 15-digit number (born 19YY): insert "19", append the check character. */
export function upgradeCitizenId15(id: string): IdentifierCheck {
  const normalized = normalizeIdentifierInput(id);
  if (!/^\d{15}$/.test(normalized)) {
    return { ok: false, code: 'citizen_id_not_15', reason: '15位旧身份证号码应由15位数字组成' };
  }
  const first17 = `${normalized.slice(0, 6)}19${normalized.slice(6)}`;
  const upgraded = `${first17}${computeCitizenIdCheckChar(first17) ?? ''}`;
  const check = checkCitizenId(upgraded);
  return check.ok ? { ok: true, normalized: upgraded } : check;
}

export function birthDateOfCitizenId(id: string): IsoDate | null {
  const n = normalizeIdentifierInput(id);
  if (!/^\d{17}[\dX]$/.test(n)) return null;
  const date = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  return isIsoDate(date) ? date : null;
}

export function checkCitizenId(id: string, options: { today?: IsoDate } = {}): IdentifierCheck {
  const normalized = normalizeIdentifierInput(id);
  if (normalized.length === 0) return { ok: false, code: 'citizen_id_empty', reason: '请输入18位公民身份号码' };
  if (normalized.length === 15 && /^\d{15}$/.test(normalized)) {
    const upgraded = upgradeCitizenId15(normalized);
    const hint = upgraded.ok ? `（按此号码换算应为${upgraded.normalized}，请与证件核对）` : '';
    return { ok: false, code: 'citizen_id_15_digit', reason: `这是15位旧身份证号码，请输入18位公民身份号码${hint}` };
  }
  if (normalized.length !== 18) {
    return { ok: false, code: 'citizen_id_length', reason: `公民身份号码应为18位，实际为${normalized.length}位` };
  }
  for (let i = 0; i < 17; i += 1) {
    const ch = normalized.charAt(i);
    if (!/\d/.test(ch)) return { ok: false, code: 'citizen_id_not_digit', reason: `第${i + 1}位字符"${ch}"无效（前17位只能是数字）` };
  }
  const last = normalized.charAt(17);
  if (!/[\dX]/.test(last)) return { ok: false, code: 'citizen_id_bad_check_char', reason: `第18位字符"${last}"无效（只能是数字或X）` };
  if (!PROVINCE_CODES.includes(normalized.slice(0, 2))) {
    return { ok: false, code: 'citizen_id_address', reason: `前两位"${normalized.slice(0, 2)}"不是有效的省级行政区划代码，请核对地址码` };
  }
  const birth = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01') {
    return { ok: false, code: 'citizen_id_birth_date', reason: `第7至14位出生日期"${normalized.slice(6, 14)}"不是有效日期` };
  }
  if (options.today !== undefined && birth > options.today) {
    return { ok: false, code: 'citizen_id_birth_future', reason: `第7至14位出生日期${birth}晚于今天，请核对` };
  }
  const expected = computeCitizenIdCheckChar(normalized.slice(0, 17));
  if (expected !== last) {
    return { ok: false, code: 'citizen_id_check_char', reason: `第18位校验码应为${expected ?? '?'}，请核对号码是否录入有误` };
  }
  return { ok: true, normalized };
}
