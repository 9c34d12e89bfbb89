import { describe, expect, it } from 'vitest';
import {
  applyOfficeSettings,
  behaviourCategoryOf,
  buildCreditReport,
  caseFactsFrom,
  filterStats,
  gradeHebei,
  overdueRates,
  recordFromCase,
  statsRowsForCase,
  PRESET_CY_RE_2020,
  publicationEntryFrom,
  type CaseFacts,
  type RuleSet,
} from '../../shared';
import { publicationView } from '../../shared/masking/mask';
import { calendar, caseBuilder, company, determinedPayload, pinOf, serveListing } from './case-helpers';

function office(preset: RuleSet): RuleSet {
  const r = applyOfficeSettings(preset, { periods: { repair_decision: { amount: 10 } }, decidedBy: '市住建局', decisionReference: '局务会纪要〔2020〕1号', effectiveFrom: preset.effectiveFrom });
  if (!r.ok) throw new Error(r.reason);
  return r.ruleSet;
}
const CY = office(PRESET_CY_RE_2020);
const TODAY = '2026-11-22';

const objection = (objectionId: string) => ({ objectionId, applicant: '某某房地产开发有限公司', grounds: ['error' as const], reasons: '处罚决定金额有误', concernsListing: false, channel: 'written' as const });

/** A 朝阳 case through listing, a late and an on-time objection, joint sanction and repair. */
function repairedCase() {
  const b = caseBuilder(CY, { today: TODAY });
  b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
  b.add('listed', '2024-03-04', { decisionNo: '朝住建信〔2024〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
  b.add('served', '2024-03-06', serveListing());
  b.add('published', '2024-03-07', { channels: ['信用中国（辽宁朝阳）'], profile: 'masked' });
  b.add('joint_initiated', '2024-03-08', { platformRef: null });
  b.add('objection_received', '2024-04-01', objection('o1'));
  b.add('objection_decided', '2024-06-03', { objectionId: 'o1', outcome: 'rejected', reasons: '认定事实清楚' });
  b.add('objection_received', '2024-07-01', objection('o2'));
  b.add('objection_decided', '2024-07-05', { objectionId: 'o2', outcome: 'rejected', reasons: '证据充分' });
  b.add('repair_applied', '2025-03-05', { repairId: 'r1', methods: ['commitment'], commitmentSigned: true });
  b.add('repair_decided', '2025-03-10', { repairId: 'r1', approved: true, reasons: '信用确已修复' });
  return b;
}

function factsOf(b: ReturnType<typeof caseBuilder>): CaseFacts {
  return caseFactsFrom(b.state(TODAY), b.events);
}

describe('CaseFacts adapter', () => {
  it('takes the determination from the events and the rest from the fold', () => {
    const f = factsOf(repairedCase());
    expect(f).toMatchObject({
      caseId: 'case-1',
      stage: 'D8',
      ended: true,
      endReason: 'repair',
      endedOn: '2025-03-10',
      behaviourCode: 'CY-RE-6-2',
      determiningDept: '朝阳市住房和城乡建设局',
      listedOn: '2024-03-04',
      ruleSet: { id: CY.id, version: CY.version },
      jointStage: 'J0',
      basisDocuments: [{ type: 'penalty_decision', documentNo: '朝住建罚〔2024〕1号', decidedOn: '2024-02-20', effective: true }],
    });
    expect(f.objections.map((o) => [o.id, o.decidedOn])).toEqual([['o1', '2024-06-03'], ['o2', '2024-07-05']]);
    expect(f.history.map((h) => h.label)).toEqual(['认定', '列入', '送达', '公示', '联合奖惩发起', '异议受理', '异议决定', '异议受理', '异议决定', '修复申请', '修复决定']);
  });

  it('a voided event stays in the history, marked, and is not a fact', () => {
    const b = caseBuilder(CY, { today: TODAY });
    b.add('determined', '2024-03-01', determinedPayload(pinOf(CY)));
    const listed = b.add('listed', '2024-03-04', { decisionNo: '错号', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    b.add('voided', '2024-03-05', { voidedEventId: listed.id, reason: '文号录错' });
    const f = factsOf(b);
    expect(f.listedOn).toBeNull();
    expect(f.history.map((h) => [h.label, h.voided])).toEqual([['认定', false], ['列入', true], ['作废', false]]);
  });

  it('the publication-list entry of a case', () => {
    const listed = caseBuilder(CY, { today: TODAY });
    listed.add('determined', '2026-03-02', determinedPayload(pinOf(CY)));
    listed.add('listed', '2026-03-03', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    listed.add('served', '2026-03-04', serveListing());
    listed.add('published', '2026-03-05', { channels: ['信用中国（辽宁朝阳）'], profile: 'masked' });
    listed.add('joint_initiated', '2026-03-06', { platformRef: null });
    expect(publicationEntryFrom(factsOf(listed))).toEqual({
      caseId: 'case-1',
      subject: company,
      listType: 'dishonesty_list',
      behaviour: '未取得商品房预售许可证预售商品房',
      facts: '2023年10月起以认购方式变相预售商品房',
      determiningDept: '朝阳市住房和城乡建设局',
      basis: '行政处罚决定 朝住建罚〔2024〕1号',
      determinedOn: '2026-03-02',
      listedOn: '2026-03-03',
      validUntil: '2029-03-02',
      publicationActive: true,
      otherInformation: '联合奖惩：已发起',
    });
    const ended = publicationEntryFrom(factsOf(repairedCase()));
    expect(ended).toMatchObject({ publicationActive: false, otherInformation: '联合奖惩：已发起；信用修复：2025-03-10准予修复；信用修复后移出：2025-03-10' });
  });

  it('the credit record of a case, for grading and incentives', () => {
    const f = factsOf(repairedCase());
    const r = recordFromCase(f);
    expect(r).toMatchObject({ kind: 'severe', category: 'dishonesty_list', date: '2024-03-01', endedOn: '2025-03-10', source: { department: '朝阳市住房和城乡建设局', document: '行政处罚决定 朝住建罚〔2024〕1号' } });
    // 河北 grading of 2024-06-30: the severe case (in the year) decides C, with its source.
    const g = gradeHebei({ records: r ? [r] : [], asOf: '2024-06-30' });
    expect(g).toMatchObject({ grade: 'C' });
    expect(g.ok && g.explanation.join()).toContain('朝住建罚〔2024〕1号');
    expect(recordFromCase({ ...f, endReason: 'objection' })).toBeNull();
    expect(recordFromCase({ ...f, endReason: 'revoked' })).toBeNull();
  });
});

describe('statistics contributions of one case', () => {
  const b = repairedCase();
  const facts = factsOf(b);
  const ctx = { ruleSet: CY, calendar, today: TODAY, township: '城关镇', disclosures: [{ documentNo: '朝住建罚〔2024〕1号', disclosedOn: '2024-02-29' }] };
  const rows = statsRowsForCase(facts, ctx);
  const by = (metric: string) => rows.filter((r) => r.metric === metric);

  it('listing and removal months', () => {
    expect(by('listing').map((r) => [r.month, r.date])).toEqual([['2024-03', '2024-03-04']]);
    expect(by('removal').map((r) => [r.month, r.key])).toEqual([['2025-03', 'repair']]);
  });

  it('objection handling days vs the 15-working-day limit (朝阳房地产规定 第二十条)', () => {
    const [late, onTime] = by('objection');
    expect(late).toMatchObject({ key: 'objection_processing', limitDays: 15, outcome: 'overdue', month: '2024-04' });
    expect(late?.days).toBe(calendar.countWorkingDays('2024-04-01', '2024-06-03'));
    expect(late?.days ?? 0).toBeGreaterThan(15);
    expect(onTime).toMatchObject({ outcome: 'within', days: 4, limitDays: 15 });
  });

  it('repair handling days vs the office-set limit', () => {
    expect(by('repair')).toMatchObject([{ key: 'repair_decision', days: 3, limitDays: 10, outcome: 'within', month: '2025-03' }]);
  });

  it('each deadline kind: met on time, met late, still open', () => {
    const outcomes = Object.fromEntries(by('deadline').map((r) => [`${r.key}|${r.id.split('|').at(-1) ?? ''}`, r.outcome]));
    // 朝阳房地产规定 has no 书面决定 period, so that kind contributes nothing.
    expect(Object.keys(outcomes).some((k) => k.startsWith('written_decision'))).toBe(false);
    expect(outcomes).toMatchObject({ 'listing_notice|': 'within', 'objection_processing|o1': 'overdue', 'objection_processing|o2': 'within', 'repair_decision|r1': 'within' });
    const rates = overdueRates(rows);
    expect(rates.objection_processing).toEqual({ overdue: 1, total: 2, rate: 0.5 });
    expect(rates.listing_notice).toEqual({ overdue: 0, total: 1, rate: 0 });
  });

  it('双公示 within 7 working days, and the joint-sanction state', () => {
    // Decided 2024-02-20: the 7th working day is 2024-02-29.
    expect(by('disclosure')).toMatchObject([{ key: 'penalty', outcome: 'within', days: 7, limitDays: 7, month: '2024-02' }]);
    const late = statsRowsForCase(facts, { ...ctx, disclosures: [{ documentNo: '朝住建罚〔2024〕1号', disclosedOn: '2024-04-01' }] });
    expect(late.find((r) => r.metric === 'disclosure')?.outcome).toBe('overdue');
    const none = statsRowsForCase(facts, { ...ctx, disclosures: [] });
    expect(none.find((r) => r.metric === 'disclosure')?.outcome).toBe('open_overdue');
    expect(by('joint_sanction')).toMatchObject([{ key: 'J0' }]);
  });

  it('filter dimensions on every row; ids stable and unique so one case’s rows can be rewritten', () => {
    for (const r of rows) expect(r).toMatchObject({ caseId: 'case-1', township: '城关镇', behaviourCategory: 'CY-RE-6-2', ruleSetId: CY.id, listType: 'dishonesty_list', count: 1 });
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(statsRowsForCase(facts, ctx)).toEqual(rows);
    expect(filterStats(rows, { from: '2024-04', to: '2024-12' }).every((r) => r.month >= '2024-04' && r.month <= '2024-12')).toBe(true);
    expect(filterStats(rows, { township: '别的镇' })).toEqual([]);
    expect(behaviourCategoryOf('CY-RE-6-16-3')).toBe('CY-RE-6-16');
    expect(behaviourCategoryOf(null)).toBe('free_text');
    expect(statsRowsForCase(facts, { ...ctx, township: null })[0]?.township).toBe('未填写');
  });

  it('an open objection past its limit is open_overdue', () => {
    const open = caseBuilder(CY, { today: TODAY });
    open.add('determined', '2026-09-01', determinedPayload(pinOf(CY)));
    open.add('listed', '2026-09-02', { decisionNo: 'x', listType: 'dishonesty_list', priorRepairCompletedOn: null });
    open.add('objection_received', '2026-10-08', objection('o9'));
    const r = statsRowsForCase(factsOf(open), ctx).filter((x) => x.metric === 'objection');
    expect(r).toMatchObject([{ outcome: 'open_overdue', limitDays: 15 }]);
  });
});

describe('a subject’s own report', () => {
  const facts = factsOf(repairedCase());
  const input = {
    subject: { ...company, township: '城关镇' },
    cases: [facts],
    otherRecords: [{ id: 'x1', kind: 'general' as const, category: 'tax_arrears' as const, date: '2025-01-10', description: '欠缴税款', source: { department: '国家税务总局朝阳市税务局', document: '朝税通〔2025〕3号' } }],
    awards: [{ id: 'a1', title: '守合同重信用企业', grantor: '朝阳市市场监督管理局', grantorKind: 'government_department' as const, grantorLevel: 'city' as const, local: true, date: '2026-01-05', document: null }],
    optedOutOfPositivePublication: true,
    mask: (s: Parameters<typeof publicationView>[0]) => publicationView(s, 'masked'),
    office: '朝阳市社会信用体系建设工作领导小组办公室',
    generatedOn: TODAY,
  };

  it('for the subject: every item with its source and every change with its date; positive info shown', () => {
    const report = buildCreditReport({ ...input, audience: 'subject' });
    expect(report.title).toBe('信用信息报告（本人查询）');
    const dishonesty = report.sections.find((s) => s.key === 'dishonesty');
    const item = dishonesty?.items[0];
    expect(item?.source).toEqual({ department: '朝阳市住房和城乡建设局', documents: ['行政处罚决定 朝住建罚〔2024〕1号（朝阳市住房和城乡建设局，2024-02-20）'] });
    expect(item?.changes.map((c) => c.date)).toEqual(facts.history.map((h) => h.date));
    expect(item?.fields).toContainEqual({ label: '当前状态', value: '信用修复后移出（2025-03-10）' });
    expect(report.sections.find((s) => s.key === 'other_records')?.items[0]?.source.department).toBe('国家税务总局朝阳市税务局');
    expect(report.sections.find((s) => s.key === 'positive')?.items).toHaveLength(1);
    expect(report.sections[0]?.items[0]?.fields).toContainEqual({ label: '统一社会信用代码', value: company.uscc });
    expect(report.notes.join()).toContain('免费');
    expect(JSON.stringify(report)).not.toMatch(/费用|收费/);
  });

  it('for anyone else: identity masked, positive info withheld when the subject opted out', () => {
    const report = buildCreditReport({ ...input, audience: 'other' });
    const identity = report.sections[0]?.items[0]?.fields ?? [];
    expect(identity).toContainEqual({ label: '法定代表人（负责人）', value: '欧阳**' });
    expect(JSON.stringify(report)).not.toContain('11010519491231002X');
    const positive = report.sections.find((s) => s.key === 'positive');
    expect(positive?.items).toEqual([]);
    expect(positive?.emptyText).toContain('第三十七条');
    expect(buildCreditReport({ ...input, audience: 'other', optedOutOfPositivePublication: false }).sections.find((s) => s.key === 'positive')?.items).toHaveLength(1);
  });

  it('a natural person under the offline profile is not reported to others at all', () => {
    const person = { subjectId: 'p1', kind: 'natural_person' as const, name: '李四', citizenId: '11010519491231002X' };
    const report = buildCreditReport({ ...input, subject: person, cases: [{ ...facts, subject: person }], audience: 'other', mask: (s) => publicationView(s, 'offline') });
    expect(report.sections.slice(1).every((s) => s.items.length === 0)).toBe(true);
    expect(report.sections[1]?.emptyText).toContain('十六（二十六）');
    expect(JSON.stringify(report)).not.toContain('李四');
  });
});
