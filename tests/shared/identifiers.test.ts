import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkUscc, checkCitizenId } from '../../shared';
import { computeUsccCheckChar, USCC_ALPHABET, USCC_WEIGHTS } from '../../shared/identifiers/uscc';
import { birthDateOfCitizenId, computeCitizenIdCheckChar, upgradeCitizenId15 } from '../../shared/identifiers/citizen-id';
import { corruptCheckChar, generateCitizenId, generateUscc } from '../../shared/identifiers/generators';
import { normalizeIdentifierInput } from '../../shared/identifiers/normalize';

/** A deterministic random source for the generators, fed by fast-check. */
const randomFrom = (seed: number) => {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return (x % 1_000_000) / 1_000_000;
  };
};

describe('checkUscc (GB 32100-2015)', () => {
  it.each(['91110000600037341L', '9144030071526726XG'])('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, normalized: code });
  });
  it('weights are 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
  it('computes the check character', () => {
    expect(computeUsccCheckChar('91110000600037341')).toBe('L');
    expect(computeUsccCheckChar('9144030071526726X')).toBe('G');
    expect(computeUsccCheckChar('short')).toBeNull();
  });
  it('normalises lower case, spaces and full-width characters', () => {
    expect(checkUscc(' 91110000600037341l ')).toEqual({ ok: true, normalized: '91110000600037341L' });
    expect(checkUscc('９１１１００００６０００３７３４１Ｌ')).toEqual({ ok: true, normalized: '91110000600037341L' });
    expect(checkUscc('9111 0000 6000 3734 1L').ok).toBe(true);
  });
  it('names the right check character', () => {
    expect(checkUscc('91110000600037341M')).toEqual({ ok: false, code: 'uscc_check_char', reason: '第18位校验码应为L，请核对代码是否录入有误' });
  });
  it('refuses forbidden letters with their position', () => {
    const r = checkUscc('9111I000600037341L');
    expect(r).toMatchObject({ ok: false, code: 'uscc_forbidden_letter' });
    if (!r.ok) expect(r.reason).toBe('第5位字符"I"不允许使用（统一社会信用代码不含I、O、S、V、Z）');
    for (const ch of 'OSVZ') expect(checkUscc(`91110000600037${ch}41L`).ok).toBe(false);
  });
  it('refuses other characters and wrong lengths', () => {
    expect(checkUscc('91110000-00037341L')).toMatchObject({ ok: false, code: 'uscc_invalid_char' });
    expect(checkUscc('91110000600037341')).toMatchObject({ ok: false, code: 'uscc_length', reason: '统一社会信用代码应为18位，实际为17位' });
    expect(checkUscc('91110000600037341LL')).toMatchObject({ ok: false, code: 'uscc_length' });
    expect(checkUscc('')).toMatchObject({ ok: false, code: 'uscc_empty' });
  });
  it('allows letters in positions 1–2 but requires digits in 3–8', () => {
    const first17 = 'Y1110000600037341';
    expect(checkUscc(first17 + (computeUsccCheckChar(first17) ?? '')).ok).toBe(true);
    const lettersInRegion = 'Y1A10000600037341';
    expect(checkUscc(lettersInRegion + (computeUsccCheckChar(lettersInRegion) ?? ''))).toMatchObject({ ok: false, code: 'uscc_region_not_digits' });
  });
  it('generated codes are valid; a corrupted check character is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const code = generateUscc(randomFrom(seed));
        expect(checkUscc(code).ok).toBe(true);
        expect(checkUscc(corruptCheckChar(code, USCC_ALPHABET))).toMatchObject({ ok: false, code: 'uscc_check_char' });
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkCitizenId (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '360426199101010071'])('accepts the real number %s', (id) => {
    expect(checkCitizenId(id)).toEqual({ ok: true, normalized: id });
  });
  it('accepts lower-case x and full-width input', () => {
    expect(checkCitizenId('11010519491231002x')).toEqual({ ok: true, normalized: '11010519491231002X' });
    expect(checkCitizenId('１１０１０５１９４９１２３１００２Ｘ').ok).toBe(true);
  });
  it('names the right check character', () => {
    expect(computeCitizenIdCheckChar('11010519491231002')).toBe('X');
    expect(checkCitizenId('110105194912310021')).toEqual({ ok: false, code: 'citizen_id_check_char', reason: '第18位校验码应为X，请核对号码是否录入有误' });
  });
  it('refuses impossible and future birth dates', () => {
    const feb30 = '1101051991023000' + '1';
    const id = feb30 + (computeCitizenIdCheckChar(feb30) ?? '');
    expect(checkCitizenId(id)).toMatchObject({ ok: false, code: 'citizen_id_birth_date' });
    const future = '11010520300101001';
    const fid = future + (computeCitizenIdCheckChar(future) ?? '');
    expect(checkCitizenId(fid, { today: '2026-11-22' })).toMatchObject({ ok: false, code: 'citizen_id_birth_future' });
    expect(checkCitizenId(fid).ok).toBe(true); // without today only the calendar is checked
    const old = '11010518991231001';
    expect(checkCitizenId(old + (computeCitizenIdCheckChar(old) ?? ''))).toMatchObject({ ok: false, code: 'citizen_id_birth_date' });
  });
  it('refuses unknown province codes', () => {
    const body = '99010519491231002';
    expect(checkCitizenId(body + (computeCitizenIdCheckChar(body) ?? ''))).toMatchObject({ ok: false, code: 'citizen_id_address' });
  });
  it('refuses wrong lengths and non-digits', () => {
    expect(checkCitizenId('1101051949123100')).toMatchObject({ ok: false, code: 'citizen_id_length', reason: '公民身份号码应为18位，实际为16位' });
    expect(checkCitizenId('11010519491231002XX')).toMatchObject({ ok: false, code: 'citizen_id_length' });
    expect(checkCitizenId('1101051949123100AX')).toMatchObject({ ok: false, code: 'citizen_id_not_digit' });
    expect(checkCitizenId('11010519491231002A')).toMatchObject({ ok: false, code: 'citizen_id_bad_check_char' });
    expect(checkCitizenId('  ')).toMatchObject({ ok: false, code: 'citizen_id_empty' });
  });
  it('refuses 15-digit numbers and shows the 18-digit form', () => {
    const r = checkCitizenId('110105491231002');
    expect(r).toMatchObject({ ok: false, code: 'citizen_id_15_digit' });
    if (!r.ok) expect(r.reason).toContain('11010519491231002X');
    expect(upgradeCitizenId15('110105491231002')).toEqual({ ok: true, normalized: '11010519491231002X' });
    expect(upgradeCitizenId15('11010549123100')).toMatchObject({ ok: false, code: 'citizen_id_not_15' });
  });
  it('reads the birth date', () => {
    expect(birthDateOfCitizenId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateOfCitizenId('bad')).toBeNull();
  });
  it('generated numbers are valid; corrupted ones are not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const id = generateCitizenId(randomFrom(seed), '2008-12-31');
        expect(checkCitizenId(id, { today: '2026-11-22' }).ok).toBe(true);
        expect(checkCitizenId(corruptCheckChar(id, '0123456789X'))).toMatchObject({ ok: false, code: 'citizen_id_check_char' });
        expect(checkCitizenId(id.slice(0, 17)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalizeIdentifierInput', () => {
  it('maps full-width ASCII and the ideographic space, drops whitespace, upper-cases', () => {
    expect(normalizeIdentifierInput('\u3000ａｂ１ \t2\n')).toBe('AB12');
  });
});
