/** Whatever leaves the office applies the case's publication profile (default masked). */
import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, applyOfficeSettings, caseExportRow, caseFactsFrom, caseProfile, maskEventForTransfer, publicationEntryFrom, publicationListSheet, publicationView } from '../../shared';
import type { RuleSet, SubjectRef } from '../../shared';
import { caseBuilder, company, determinedPayload, pinOf, serveListing } from './case-helpers';

const person: SubjectRef = { subjectId: 'p1', kind: 'natural_person', name: '欧阳娜娜', citizenId: '11010519491231002X' };

function office(preset: RuleSet, publicationProfile?: 'full'): RuleSet {
  const r = applyOfficeSettings(preset, { periods: { repair_decision: { amount: 10 } }, ...(publicationProfile ? { publicationProfile } : {}), decidedBy: '市住建局', decisionReference: '局务会纪要〔2026〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}

function published(ruleSet: RuleSet, subject: SubjectRef, profile: 'masked' | 'full' | 'offline') {
  const b = caseBuilder(ruleSet);
  b.add('determined', '2026-03-02', determinedPayload(pinOf(ruleSet), { subject }));
  b.add('listed', '2026-03-04', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  b.add('served', '2026-03-05', { ...serveListing(), recipients: [subject.name, '张三（主要责任人）'] });
  b.add('published', '2026-03-06', { channels: ['信用中国（辽宁朝阳）'], profile });
  return b;
}

/** The one publication list (shared/exchange), each row masked with its case's profile. */
function publicationRow(b: ReturnType<typeof published>, ruleSet: RuleSet) {
  const state = b.state();
  const entry = publicationEntryFrom(caseFactsFrom(state, b.events));
  const { sheet, excluded } = publicationListSheet({
    listType: 'dishonesty_list',
    office: '示例县信用办',
    basis: '朝阳房地产规定 第十二条（一）',
    maskingNote: '个人信息已脱敏',
    asOf: '2026-06-01',
    entries: entry ? [entry] : [],
    mask: (subject) => publicationView(subject, caseProfile(state, ruleSet)),
  });
  const row = sheet.rows[0];
  const v = (i: number) => { const c = row?.[i]; return c && c.type !== 'blank' ? c.value : undefined; };
  return row ? { name: v(1), code: v(2), determinedOn: v(10), validUntil: v(12) } : { excluded: excluded[0]?.reason ?? 'no entry' };
}

describe('publication list, export and sync views apply the case profile', () => {
  const masked = office(PRESET_CY_RE_2020);
  it('publication list: masked by default (a natural person\'s name and ID number de-identified)', () => {
    const b = published(masked, person, 'masked');
    expect(caseProfile(b.state(), masked)).toBe('masked');
    expect(publicationRow(b, masked)).toMatchObject({ name: '欧阳**', code: '110105********002X', determinedOn: '2026-03-02', validUntil: '2029-03-02' });
  });
  it('publication list: full only where the office decided it', () => {
    const full = office(PRESET_CY_RE_2020, 'full');
    const b = published(full, person, 'full');
    expect(publicationRow(b, full)).toMatchObject({ name: '欧阳娜娜', code: '11010519491231002X' });
  });
  it('publication list: nothing about natural persons under offline (朝阳2020方案 十六(二十六)); nothing once ended', () => {
    const plan = office(PRESET_CY_PLAN_2020);
    const b = published(plan, person, 'offline');
    expect(publicationRow(b, plan)).toEqual({ excluded: expect.stringContaining('自然人信息不予公示') });
    const c = published(masked, company, 'masked');
    expect(publicationRow(c, masked)).toMatchObject({ name: company.name });
    c.add('removed', '2026-06-01', { reason: 'fulfilled', note: '已履行' });
    expect(publicationRow(c, masked)).toMatchObject({ excluded: expect.stringContaining('不再公示') });
  });
  it('export rows follow the profile', () => {
    const b = published(masked, company, 'masked');
    const row = caseExportRow(b.state(), masked);
    expect(row).toMatchObject({ subjectName: company.name, subjectCode: '91110000600037341L', legalRepresentative: '欧阳**', responsiblePersons: '张*' });
    expect(caseExportRow(b.state(), masked, 'full').legalRepresentative).toBe('欧阳娜娜');
    const p = published(masked, person, 'masked');
    expect(caseExportRow(p.state(), masked)).toMatchObject({ subjectName: '欧阳**', subjectCode: '110105********002X' });
  });
  it('sync payloads: the subject and every repetition of its persons\' names are masked', () => {
    const b = published(masked, company, 'masked');
    const [determined, , served] = b.events;
    const d = maskEventForTransfer(determined!, company, 'masked');
    expect(d.type === 'determined' && d.payload.subject).toMatchObject({ name: company.name, legalRepresentative: { name: '欧阳**', citizenId: '110105********002X' }, responsiblePersons: [{ name: '张*' }] });
    const s = maskEventForTransfer(served!, company, 'masked');
    expect(s.type === 'served' && s.payload.recipients).toEqual([company.name, '张*（主要责任人）']);
    expect(maskEventForTransfer(served!, company, 'full')).toBe(served);
    const off = maskEventForTransfer(served!, company, 'offline');
    expect(off.type === 'served' && off.payload.recipients[1]).toBe('（不予公开）（主要责任人）');
  });
});
