import { normalizeIdentifierInput } from '../identifiers/normalize';
import type { PersonRef, SubjectRef } from '../case/events';
import type { PublicationProfile } from './types';
import { assertNever } from '../util/assert-never';

/**
 * De-identification for publication (黑龙江条例 第二十三条: 姓名、出生日期、公民身份号码 … "应当进行
 * 必要的脱敏处理"). Choices (docs/identifiers.md):
 *  - citizen ID: keep the first 6 characters (行政区划 address code) and the last 4, mask the 8 birth-date
 *    digits (the article names 出生日期 explicitly): 11010519491231002X → 110105********002X.
 *    Anything not 18 characters long is masked entirely except its last 2 characters.
 *  - person name: keep the surname (compound surnames from COMPOUND_SURNAMES when the name has 3+
 *    characters), mask each remaining character with "*": 张三 → 张*, 欧阳娜娜 → 欧阳**; a 1-character name
 *    → "*"; names with "·" keep only the first character of the first part, other characters masked.
 *  - USCC: organisation codes are public registration data and are published in full; maskUscc exists
 *    for 个体工商户 codes tied to a natural person under the 'masked' profile (keeps first 8 and last 2).
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '闾丘', '独孤', '南宫', '西门', '端木', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠',
];

export function maskCitizenId(id: string): string {
  const n = normalizeIdentifierInput(id);
  if (n.length === 18) return `${n.slice(0, 6)}********${n.slice(14)}`;
  if (n.length <= 2) return '*'.repeat(n.length);
  return `${'*'.repeat(n.length - 2)}${n.slice(-2)}`;
}

export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.includes('·') || chars.includes('•')) {
    return chars.map((ch, i) => (i === 0 || ch === '·' || ch === '•' ? ch : '*')).join('');
  }
  if (chars.length === 1) return '*';
  const two = chars.slice(0, 2).join('');
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.includes(two) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

export function maskUscc(code: string): string {
  const n = normalizeIdentifierInput(code);
  if (n.length !== 18) return '*'.repeat(Math.max(0, n.length - 2)) + n.slice(-2);
  return `${n.slice(0, 8)}********${n.slice(16)}`;
}

export type PublishedPerson = { name: string; citizenId: string | null; role: string | null };

export type PublicationView =
  | { published: false; reasonCode: 'natural_person_offline'; reason: string }
  | {
      published: true;
      profile: PublicationProfile;
      name: string;
      /** 统一社会信用代码 or masked/omitted citizen ID, per profile. */
      code: string | null;
      legalRepresentative: PublishedPerson | null;
      responsiblePersons: PublishedPerson[];
      /** Fields withheld because of the profile (for the officer's preview). */
      withheld: string[];
    };

function personView(p: PersonRef, profile: PublicationProfile): PublishedPerson | null {
  switch (profile) {
    case 'full':
      return { name: p.name, citizenId: p.citizenId ? normalizeIdentifierInput(p.citizenId) : null, role: p.role ?? null };
    case 'masked':
      return { name: maskPersonName(p.name), citizenId: p.citizenId ? maskCitizenId(p.citizenId) : null, role: p.role ?? null };
    case 'offline':
      return null;
    default:
      return assertNever(profile);
  }
}

/**
 * What may be published about `subject` under `profile`:
 *  - 'full' (朝阳房地产规定 第十二条(一)): names and ID numbers as recorded;
 *  - 'masked' (黑龙江条例 第二十三条, default): natural persons' names and ID numbers de-identified;
 *  - 'offline' (朝阳2020方案 十六(二十六)): a natural-person subject is not published at all, and
 *    personal data of an organisation's representatives is withheld.
 */
export function publicationView(subject: SubjectRef, profile: PublicationProfile = 'masked'): PublicationView {
  const isPerson = subject.kind === 'natural_person';
  if (isPerson && profile === 'offline') {
    return { published: false, reasonCode: 'natural_person_offline', reason: '涉及个人的信息公示已下线，自然人信息不予公示（朝阳市2020年社会信用体系建设工作方案 十六（二十六））' };
  }
  const withheld: string[] = [];
  let name = subject.name;
  let code: string | null = null;
  if (isPerson) {
    if (profile === 'masked') {
      name = maskPersonName(subject.name);
      withheld.push('姓名（已脱敏）');
    }
    if (subject.citizenId) {
      code = profile === 'full' ? normalizeIdentifierInput(subject.citizenId) : maskCitizenId(subject.citizenId);
      if (profile !== 'full') withheld.push('公民身份号码出生日期段');
    }
  } else if (subject.uscc) {
    const personal = subject.kind === 'individual_business' && profile !== 'full';
    code = personal ? maskUscc(subject.uscc) : normalizeIdentifierInput(subject.uscc);
    if (personal) withheld.push('统一社会信用代码（个体工商户，已脱敏）');
  }
  const legalRepresentative = subject.legalRepresentative ? personView(subject.legalRepresentative, profile) : null;
  if (subject.legalRepresentative && profile !== 'full') withheld.push(profile === 'offline' ? '法定代表人信息' : '法定代表人身份证号码（已脱敏）');
  const responsiblePersons = (subject.responsiblePersons ?? []).map((p) => personView(p, profile)).filter((p): p is PublishedPerson => p !== null);
  if ((subject.responsiblePersons ?? []).length > 0 && profile === 'offline') withheld.push('主要责任人信息');
  return { published: true, profile, name, code, legalRepresentative, responsiblePersons, withheld };
}
