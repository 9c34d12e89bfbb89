import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../shared/documents/templates';
import type { ObjectionDecisionInput, RepairDecisionInput } from '../../shared/documents/types';
import { checkIssuable } from '../../shared/documents/validate';
import { COMPANY, listingInput, OFFICE } from './fixtures';

describe('issuing refuses a decision without its five required elements', () => {
  it('accepts a complete decision', () => {
    expect(checkIssuable(listingInput())).toEqual({ ok: true });
  });

  it.each([
    ['理由', { facts: '  ' }],
    ['依据', { basis: '' }],
    ['期限', { validity: { text: '', from: '2026-11-22', to: '2029-11-21' } }],
    ['期限', { validity: { text: '三年', from: '2026-11-22', to: 'bad' } }],
    ['移出条件', { removalConditions: '' }],
    ['救济途径', { remedies: { objectionTo: '某局', reviewBody: '', reviewDays: 60, court: '某法院', litigationMonths: 6 } }],
    ['救济途径', { remedies: { objectionTo: '某局', reviewBody: '某政府', reviewDays: 0, court: '某法院', litigationMonths: 6 } }],
  ])('names the missing element “%s”', (element, patch) => {
    const result = checkIssuable(listingInput(patch as never));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(`“${element}”`);
      expect(result.reason).toContain('不能签发《列入严重失信主体名单决定书》');
    }
  });

  it('names every missing element at once', () => {
    const result = checkIssuable(listingInput({ facts: '', basis: '', removalConditions: '' }));
    expect(!result.ok && result.reason).toMatch(/理由.*依据.*移出条件/);
  });

  it('refuses a measure without its period', () => {
    const result = checkIssuable(listingInput({ measures: [{ text: '限制招投标', period: ' ' }] }));
    expect(!result.ok && result.reason).toContain('惩戒措施“限制招投标”缺少实施期限');
  });

  it('refuses an office template that dropped the remedy periods', () => {
    const template = { ...DEFAULT_TEMPLATES['listing-decision'], version: 2, paragraphs: { ...DEFAULT_TEMPLATES['listing-decision'].paragraphs, remedies: '如不服，可依法申请复议或起诉。' } };
    const result = checkIssuable(listingInput(), template);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('第2版');
    expect(!result.ok && result.reason).toContain('【申请行政复议的期限】（日数）');
    // the paragraph and the fields are named in Chinese, not by their keys
    expect(!result.ok && result.reason).toContain('“救济途径段”删去了必备内容 【受理异议的机关】');
    expect(!result.ok && result.reason).not.toMatch(/reviewDays|\{\{/);
    expect(!result.ok && result.reason).not.toContain('“remedies”');
  });

  it('accepts an office template that rewords but keeps the required content', () => {
    const template = {
      ...DEFAULT_TEMPLATES['listing-decision'],
      version: 3,
      paragraphs: { ...DEFAULT_TEMPLATES['listing-decision'].paragraphs, intro: '本局依法认定你单位存在失信行为，决定列入{{listName}}。' },
    };
    expect(checkIssuable(listingInput(), template)).toEqual({ ok: true });
  });
});

describe('objection and repair decisions need reasons', () => {
  const objection: ObjectionDecisionInput = {
    kind: 'objection-decision',
    office: OFFICE,
    subject: COMPANY,
    date: '2026-12-01',
    receivedDate: '2026-11-25',
    objectionSummary: '认为罚款已缴纳',
    findings: '罚款于2026年11月20日缴纳，但责令改正事项未完成',
    outcome: 'rejected',
    reasons: '',
  };

  it('refuses a not-adopted objection decision without reasons', () => {
    const result = checkIssuable(objection);
    expect(!result.ok && result.reason).toContain('必须说明理由');
  });

  it('accepts it with reasons', () => {
    expect(checkIssuable({ ...objection, reasons: '责令改正事项尚未完成。' })).toEqual({ ok: true });
  });

  it('refuses a refused repair without reasons', () => {
    const repair: RepairDecisionInput = { kind: 'repair-decision', office: OFFICE, subject: COMPANY, date: '2027-12-01', applicationDate: '2027-11-25', outcome: 'refused', reasons: '' };
    const result = checkIssuable(repair);
    expect(!result.ok && result.reason).toContain('不予信用修复的，必须说明理由');
  });
});
