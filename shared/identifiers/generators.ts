import { addDays, diffDays, type IsoDate } from '../util/dates';
import { computeCitizenIdCheckChar, PROVINCE_CODES } from './citizen-id';
import { computeUsccCheckChar, USCC_ALPHABET } from './uscc';

/**
 * Test-data generators. Randomness is a parameter (`random` returns a number in [0, 1)), so shared/
 * stays pure and tests are reproducible (e.g. fast-check supplies the numbers).
 */
export type RandomSource = () => number;

function pick(random: RandomSource, chars: string): string {
  return chars.charAt(Math.min(chars.length - 1, Math.floor(random() * chars.length)));
}

/** A valid USCC: position 1 from 1/5/9/Y, position 2 a class code, a digit region, a random body. */
export function generateUscc(random: RandomSource): string {
  let first17 = pick(random, '159Y') + pick(random, '123');
  for (let i = 0; i < 6; i += 1) first17 += pick(random, '0123456789');
  for (let i = 0; i < 9; i += 1) first17 += pick(random, USCC_ALPHABET);
  return first17 + (computeUsccCheckChar(first17) ?? '');
}

/** A valid 18-digit citizen ID born between 1920-01-01 and `latestBirth` (inclusive). */
export function generateCitizenId(random: RandomSource, latestBirth: IsoDate = '2008-12-31'): string {
  const province = PROVINCE_CODES[Math.floor(random() * PROVINCE_CODES.length)] ?? '11';
  const span = Math.max(0, diffDays('1920-01-01', latestBirth));
  const birth = addDays('1920-01-01', Math.floor(random() * (span + 1))).replace(/-/g, '');
  let rest = '';
  for (let i = 0; i < 4; i += 1) rest += pick(random, '0123456789');
  const seq = `${pick(random, '0123456789')}${pick(random, '0123456789')}${pick(random, '0123456789')}`;
  const first17 = `${province}${rest}${birth}${seq}`;
  return first17 + (computeCitizenIdCheckChar(first17) ?? '');
}

/** Replace the check character with a wrong one (for negative tests). */
export function corruptCheckChar(code: string, alphabet: string): string {
  const last = code.charAt(code.length - 1);
  const index = alphabet.indexOf(last);
  return code.slice(0, -1) + alphabet.charAt((index + 1) % alphabet.length);
}
