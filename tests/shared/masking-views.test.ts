/** Whatever leaves the office applies the case's publication profile (default masked). */
import { describe, expect, it } from 'vitest';
import { PRESET_CY_RE_2020, PRESET_CY_PLAN_2020, applyOfficeSettings, caseExportRow, caseProfile, maskEventForTransfer, publicationListEntry } from '../../shared';
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

describe('publication list, export and sync views apply the case profile', () => {
  const masked = office(PRESET_CY_RE_2020);
  it('publication list: masked by default (a natural person\'s name and ID number de-identified)', () => {
    const b = published(masked, person, 'masked');
    const entry = publicationListEntry(b.state(), masked);
    expect(caseProfile(b.state(), masked)).toBe('masked');
    expect(entry?.subject).toMatchObject({ name: '欧阳**', code: '110105********002X' });
    expect(entry).toMatchObject({ listName: '失信名单', determinedOn: '2026-03-02', validUntil: '2029-03-02' });
  });
  it('publication list: full only where the office decided it', () => {
    const full = office(PRESET_CY_RE_2020, 'full');
    const b = published(full, person, 'full');
    expect(publicationListEntry(b.state(), full)?.subject).toMatchObject({ name: '欧阳娜娜', code: '11010519491231002X' });
  });
  it('publication list: nothing about natural persons under offline (朝阳2020方案 十六(二十六)); nothing once ended', () => {
    const plan = office(PRESET_CY_PLAN_2020);
    const b = published(plan, person, 'offline');
    expect(publicationListEntry(b.state(), plan)).toBeNull();
    const c = published(masked, company, 'masked');
    expect(publicationListEntry(c.state(), masked)?.subject.name).toBe(company.name);
    c.add('removed', '2026-06-01', { reason: 'fulfilled', note: '已履行' });
    expect(publicationListEntry(c.state(), masked)).toBeNull();
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
