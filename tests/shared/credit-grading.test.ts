import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applySamplingRatios,
  applySchemeSettings,
  candidatesDigestOf,
  checkSchemeComplete,
  drawGradedSample,
  drawSample,
  gradeHebei,
  hebeiWindowStart,
  planSampling,
  schemeEffectiveOn,
  scoreSubject,
  verifyDraw,
  HEBEI_SEVERE_PENALTIES,
  POINTS_SCHEME_PRESETS,
  SAMPLING_HEBEI,
  SAMPLING_HLJ_48,
  SCHEME_CHANGSHA,
  SCHEME_CHANGXING_ACCOUNTING,
  type CreditRecord,
  type PointsEntry,
  type PointsScheme,
} from '../../shared';
import { sha256Hex } from '../../shared/util/sha256';

const asOf = '2026-11-04';
let n = 0;
function record(over: Partial<CreditRecord> = {}): CreditRecord {
  n += 1;
  return {
    id: `r${n}`,
    kind: 'general',
    category: 'penalty',
    date: '2026-06-01',
    description: `一般失信${n}`,
    source: { department: '示例县市场监督管理局', document: `示市监罚〔2026〕${n}号` },
    ...over,
  };
}
const generals = (count: number): CreditRecord[] => Array.from({ length: count }, () => record());

describe('河北 A/B/C/D (四(三), 六(二))', () => {
  it('the 1-year window ends on the evaluation day and starts the day after a year earlier', () => {
    expect(hebeiWindowStart('2026-11-04')).toBe('2025-11-05');
    expect(hebeiWindowStart('2024-02-29')).toBe('2023-03-01');
  });

  it('A: no record in the year', () => {
    const g = gradeHebei({ records: [record({ date: '2025-11-04' })], asOf });
    expect(g).toMatchObject({ ok: true, grade: 'A', label: 'A类（守信）', decidingRecords: [] });
    expect(g.ok && g.ignored[0]?.reason).toContain('不在评价期间');
    expect(g.ok && g.supervision).toContain('一般不主动实施现场检查');
  });

  it.each([1, 2, 3, 4, 5])('B: %i general records (5 included)', (count) => {
    const records = generals(count);
    const g = gradeHebei({ records, asOf });
    expect(g).toMatchObject({ ok: true, grade: 'B' });
    if (!g.ok) return;
    expect(g.decidingRecords.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(g.explanation.join('\n')).toContain(`一般失信行为记录${count}次（5次以下，含5次）`);
  });

  it.each([6, 7, 12])('C: %i general records (more than 5)', (count) => {
    const g = gradeHebei({ records: generals(count), asOf });
    expect(g).toMatchObject({ ok: true, grade: 'C' });
    expect(g.ok && g.explanation.join()).toContain('超过5次');
  });

  it('the boundary day: a record on the first day of the window counts, one day earlier does not', () => {
    const inside = generals(5).map((r) => ({ ...r, date: '2025-11-05' }));
    expect(gradeHebei({ records: [...inside, record({ date: '2025-11-05' })], asOf })).toMatchObject({ grade: 'C' });
    expect(gradeHebei({ records: [...inside, record({ date: '2025-11-04' })], asOf })).toMatchObject({ grade: 'B' });
    expect(gradeHebei({ records: [record({ date: asOf })], asOf })).toMatchObject({ grade: 'B' });
    expect(gradeHebei({ records: [record({ date: '2026-11-05' })], asOf })).toMatchObject({ grade: 'A' });
  });

  it.each(HEBEI_SEVERE_PENALTIES)('C: one 行政处罚 of %s', (penaltyType) => {
    const severe = record({ kind: 'general', penaltyType });
    const g = gradeHebei({ records: [severe, ...generals(2)], asOf });
    expect(g).toMatchObject({ ok: true, grade: 'C' });
    expect(g.ok && g.decidingRecords.map((r) => r.id)).toEqual([severe.id]);
    expect(g.ok && g.explanation.join()).toContain(`被处以${penaltyType}的行政处罚`);
  });

  it('C: an unremoved 严重失信主体名单 listing counts even when listed before the year', () => {
    const listing = record({ kind: 'severe', category: 'severe_list', date: '2024-01-10', severeListing: { listedOn: '2024-01-10', removedOn: null } });
    expect(gradeHebei({ records: [listing], asOf })).toMatchObject({ grade: 'C', decidingRecords: [listing] });
    // Removed before asOf: no longer severe; dated before the year: not counted at all.
    expect(gradeHebei({ records: [{ ...listing, severeListing: { listedOn: '2024-01-10', removedOn: '2026-01-01' } }], asOf })).toMatchObject({ grade: 'A' });
    // Removed, but within the year: a general record.
    const recent = { ...listing, date: '2026-03-01', severeListing: { listedOn: '2026-03-01', removedOn: '2026-09-01' } };
    const g = gradeHebei({ records: [recent], asOf });
    expect(g).toMatchObject({ grade: 'B' });
    expect(g.ok && g.explanation.join()).toContain('按一般失信行为记录计');
    // Removed only after asOf: still listed on asOf.
    expect(gradeHebei({ records: [{ ...listing, severeListing: { listedOn: '2024-01-10', removedOn: '2026-12-01' } }], asOf })).toMatchObject({ grade: 'C' });
  });

  it('C: a general record with serious consequences (B needs "未造成严重后果")', () => {
    expect(gradeHebei({ records: [record({ seriousConsequence: true })], asOf })).toMatchObject({ grade: 'C' });
  });

  it('D: business licence revoked — 吊销许可证件 of the licence is D, not C', () => {
    const revocation = record({ penaltyType: '吊销许可证件', revokesBusinessLicence: true, description: '吊销营业执照' });
    expect(gradeHebei({ records: [revocation], asOf })).toMatchObject({ grade: 'D', decidingRecords: [revocation] });
    expect(gradeHebei({ records: [record({ penaltyType: '吊销许可证件' })], asOf })).toMatchObject({ grade: 'C' });
    expect(gradeHebei({ records: [], asOf, businessLicenceRevokedOn: '2026-01-01' })).toMatchObject({ grade: 'D', label: 'D类（“黑名单”）' });
    expect(gradeHebei({ records: [], asOf, businessLicenceRevokedOn: '2026-12-01' })).toMatchObject({ grade: 'A' });
  });

  it('withdrawn records and records after the evaluation day never count', () => {
    const g = gradeHebei({ records: [record({ withdrawn: { on: '2026-07-01', reason: '依据被撤销' } }), record({ date: '2026-12-01' })], asOf });
    expect(g).toMatchObject({ grade: 'A' });
    expect(g.ok && g.ignored.map((i) => i.reason)).toEqual([expect.stringContaining('依据被撤销'), expect.stringContaining('晚于评价日')]);
  });

  it('the explanation names every deciding record with its source', () => {
    const records = generals(2);
    const g = gradeHebei({ records, asOf });
    for (const r of records) expect(g.ok && g.explanation.join()).toContain(r.source.document ?? '');
    expect(gradeHebei({ records, asOf: '2026-02-30' })).toMatchObject({ ok: false, code: 'grading_bad_date' });
  });

  it('property: the grade is a monotone function of the general-record count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (count) => {
        const g = gradeHebei({ records: generals(count), asOf });
        expect(g.ok && g.grade).toBe(count === 0 ? 'A' : count <= 5 ? 'B' : 'C');
      }),
    );
  });
});

const changxing = (over: Partial<PointsScheme> = {}): PointsScheme => {
  const set = applySchemeSettings(
    SCHEME_CHANGXING_ACCOUNTING,
    {
      items: [
        { code: 'award', label: '获得先进会计工作者表彰', direction: 'incentive', points: 100, maxOccurrences: null, basis: '长兴县会计从业人员信用管理办法（试行）附表（办公室录入）' },
        { code: 'late-report', label: '未按时报送会计报表', direction: 'constraint', points: 50, maxOccurrences: null, basis: '长兴县会计从业人员信用管理办法（试行）附表（办公室录入）' },
      ],
      vetoItems: [{ code: 'fraud', label: '伪造、变造会计凭证', basis: '中华人民共和国会计法' }],
      decidedBy: '县财政局',
      decisionReference: '长财会〔2026〕1号',
      effectiveFrom: '2026-01-01',
    },
  );
  if (!set.ok) throw new Error(set.reason);
  return { ...set.scheme, ...over };
};

const entry = (itemCode: string, date: string, occurrences = 1): PointsEntry => ({ id: `${itemCode}-${date}-${occurrences}`, itemCode, date, occurrences, source: { department: '长兴县财政局', document: null } });

describe('points schemes', () => {
  it('长兴 preset: stated base, caps and bands; refuses to grade until the items are entered', () => {
    expect(SCHEME_CHANGXING_ACCOUNTING.base).toBe(1000);
    expect(SCHEME_CHANGXING_ACCOUNTING.categories.map((c) => [c.direction, c.cap])).toEqual([['incentive', 340], ['constraint', 1000]]);
    expect(scoreSubject(SCHEME_CHANGXING_ACCOUNTING, [], asOf)).toMatchObject({ ok: false, code: 'scheme_unset', reason: expect.stringContaining('评价指标') });
  });

  it.each([
    [850, '优秀'],
    [849, '良好'],
    [849.5, '良好'],
    [800, '良好'],
    [799, '中等'],
    [750, '中等'],
    [749, '较差'],
    [700, '较差'],
    [699, '差'],
    [0, '差'],
  ])('长兴 band boundary: %s → %s', (score, label) => {
    // base 1000 − deductions = score: deduction points 1000 − score, one entry of a 1-point item.
    const scheme = changxing();
    const tuned = applySchemeSettings(scheme, {
      items: [{ code: 'unit', label: '扣分单位', direction: 'constraint', points: 1000 - score, maxOccurrences: null, basis: '测试' }],
      decidedBy: '县财政局', decisionReference: '测试', effectiveFrom: '2026-01-01',
    });
    if (!tuned.ok) throw new Error(tuned.reason);
    const g = scoreSubject(tuned.scheme, 1000 - score > 0 ? [entry('unit', '2026-03-01')] : [], asOf);
    expect(g).toMatchObject({ ok: true, score, grade: { label } });
  });

  it('incentives are capped at +340 and constraints at −1000; the period is the calendar year', () => {
    const g = scoreSubject(changxing(), [entry('award', '2026-02-01', 5), entry('late-report', '2026-05-01', 2), entry('late-report', '2025-12-31')], asOf);
    expect(g).toMatchObject({ ok: true, score: 1000 + 340 - 100, incentive: { raw: 500, counted: 340, cap: 340 }, constraint: { raw: 100, counted: 100 }, period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(g.ok && g.ignored.map((i) => i.entry.date)).toEqual(['2025-12-31']);
    expect(g.ok && g.explanation.join()).toContain('超过上限340分');
    const floor = scoreSubject(changxing(), [entry('late-report', '2026-05-01', 40)], asOf);
    expect(floor).toMatchObject({ ok: true, score: 0, constraint: { raw: 2000, counted: 1000 } });
  });

  it('一票否决 forces 差 whatever the score', () => {
    const g = scoreSubject(changxing(), [entry('award', '2026-02-01', 3), entry('fraud', '2026-04-01')], asOf);
    expect(g).toMatchObject({ ok: true, score: 1300, grade: { code: 'bad', label: '差' } });
    expect(g.ok && g.vetoed.map((v) => v.item.code)).toEqual(['fraud']);
  });

  it('an entry of an item the scheme lacks is refused', () => {
    expect(scoreSubject(changxing(), [entry('nope', '2026-02-01')], asOf)).toMatchObject({ ok: false, code: 'scheme_unknown_item' });
  });

  it('长沙 preset: structure only, every number unset, grading refused', () => {
    expect(SCHEME_CHANGSHA.base).toBeNull();
    expect(SCHEME_CHANGSHA.bands).toBeNull();
    const check = checkSchemeComplete(SCHEME_CHANGSHA);
    expect(check).toMatchObject({ ok: false, code: 'scheme_unset' });
    expect(!check.ok && check.reason).toContain('基础分');
    expect(!check.ok && check.reason).toContain('等级分数线');
    expect(scoreSubject(SCHEME_CHANGSHA, [], asOf)).toMatchObject({ ok: false, code: 'scheme_unset' });
  });

  it('长沙 once the office sets the numbers: grades, as a new version', () => {
    const set = applySchemeSettings(SCHEME_CHANGSHA, {
      base: 100,
      period: 'rolling_year',
      caps: { incentive: 20, constraint: 100 },
      items: [{ code: 'penalty', label: '一般行政处罚', direction: 'constraint', points: 10, maxOccurrences: null, basis: '长沙市市场主体信用分级分类管理办法（试行）第三章（办公室录入）' }],
      bands: [{ code: 'A', label: 'A', min: 90, below: null }, { code: 'B', label: 'B', min: 60, below: 90 }, { code: 'C', label: 'C', min: null, below: 60 }],
      decidedBy: '市发展改革委', decisionReference: '长发改〔2026〕1号', effectiveFrom: '2026-01-01',
    });
    if (!set.ok) throw new Error(set.reason);
    expect(set.scheme).toMatchObject({ version: 2, derivedFrom: { id: 'HN-CS-2022', version: 1 }, certainty: { base: 'office', bands: 'office' } });
    expect(scoreSubject(set.scheme, [entry('penalty', '2026-05-01', 2)], asOf)).toMatchObject({ ok: true, score: 80, grade: { code: 'B' }, period: { from: '2025-11-05', to: asOf } });
    expect(schemeEffectiveOn([...POINTS_SCHEME_PRESETS, set.scheme], 'HN-CS', '2026-06-01')?.version).toBe(2);
    expect(schemeEffectiveOn([...POINTS_SCHEME_PRESETS, set.scheme], 'HN-CS', '2025-06-01')?.version).toBe(1);
  });

  it('stated numbers cannot be changed; bands must be continuous', () => {
    const base = { decidedBy: '县财政局', decisionReference: 'x', effectiveFrom: '2026-01-01' };
    expect(applySchemeSettings(SCHEME_CHANGXING_ACCOUNTING, { ...base, base: 900 })).toMatchObject({ ok: false, code: 'settings_override_stated' });
    expect(applySchemeSettings(SCHEME_CHANGSHA, { ...base, bands: [{ code: 'A', label: 'A', min: 90, below: null }, { code: 'B', label: 'B', min: null, below: 80 }] })).toMatchObject({ ok: false, code: 'scheme_bands' });
    expect(applySchemeSettings(SCHEME_CHANGSHA, { ...base, decidedBy: ' ' })).toMatchObject({ ok: false, code: 'settings_without_decision' });
    expect(applySchemeSettings(SCHEME_CHANGSHA, { ...base, items: [{ code: 'x', label: '无依据', direction: 'constraint', points: 1, maxOccurrences: null, basis: '' }] })).toMatchObject({ ok: false, code: 'settings_item_without_basis' });
  });
});

describe('双随机 sampling: graded lists and the seeded draw', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `sub-${String(i).padStart(3, '0')}`);

  it('the draw ranks by SHA-256(seed ‖ 0x00 ‖ id) and is reproducible', () => {
    const a = drawSample('2026-11-04 双色球 03 11 19 22 27 31', ids, 5);
    const b = drawSample('2026-11-04 双色球 03 11 19 22 27 31', [...ids].reverse(), 5);
    if (!a.ok || !b.ok) throw new Error('draw refused');
    expect(a.draw.drawn).toEqual(b.draw.drawn);
    expect(a.draw.candidatesDigest).toBe(candidatesDigestOf(ids));
    const expected = [...ids].map((id) => ({ id, digest: sha256Hex(`2026-11-04 双色球 03 11 19 22 27 31\u0000${id}`) })).sort((x, y) => x.digest.localeCompare(y.digest)).slice(0, 5);
    expect(a.draw.drawn).toEqual(expected);
    expect(verifyDraw(a.draw, ids)).toBe(true);
    expect(verifyDraw(a.draw, ids.slice(1))).toBe(false);
    const other = drawSample('另一个种子', ids, 5);
    expect(other.ok && other.draw.drawn).not.toEqual(a.draw.drawn);
  });

  it('property: same seed and list → same draw; the draw is a subset of the list without repeats', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 }), fc.nat(), (seed, list, k) => {
        const count = k % (list.length + 1);
        const x = drawSample(seed, list, count);
        const y = drawSample(seed, [...list].reverse(), count);
        if (!x.ok || !y.ok) throw new Error('refused');
        expect(x.draw.drawn).toEqual(y.draw.drawn);
        expect(new Set(x.draw.drawn.map((d) => d.id)).size).toBe(count);
        for (const d of x.draw.drawn) expect(list).toContain(d.id);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an empty seed, duplicates and too many', () => {
    expect(drawSample(' ', ids, 1)).toMatchObject({ ok: false, code: 'draw_no_seed' });
    expect(drawSample('s', ['a', 'a'], 1)).toMatchObject({ ok: false, code: 'draw_duplicate_candidate' });
    expect(drawSample('s', ['a'], 2)).toMatchObject({ ok: false, code: 'draw_too_many' });
  });

  it('the tiers: 黑龙江 第四十八条 three tiers, 河北 per grade; ratios unset until the office sets them', () => {
    expect(SAMPLING_HLJ_48.tiers.map((t) => [t.treatment, t.ratio])).toEqual([['lower', null], ['regular', null], ['higher', null]]);
    expect(SAMPLING_HEBEI.tiers.map((t) => t.key)).toEqual(['A', 'B', 'C', 'D']);
    const graded = ids.map((id, i) => ({ id, grade: i < 20 ? 'A' : i < 35 ? 'B' : 'C' }));
    expect(planSampling(SAMPLING_HLJ_48, graded)).toMatchObject({ ok: false, code: 'sampling_ratio_unset', reason: expect.stringContaining('第四十八条') });
    const set = applySamplingRatios(SAMPLING_HLJ_48, { low_risk: 0.05, regular: 0.1, high_risk: 0.4 }, { decidedBy: '县信用办', decisionReference: '示信办〔2026〕3号' });
    if (!set.ok) throw new Error(set.reason);
    const plan = planSampling(set.policy, graded);
    expect(plan.ok && plan.tiers.map((t) => [t.tier.key, t.candidates.length, t.count])).toEqual([['low_risk', 20, 1], ['regular', 15, 2], ['high_risk', 5, 2]]);
    const draw = drawGradedSample(set.policy, graded, '种子');
    expect(draw.ok && draw.tiers.map((t) => t.draw.drawn.length)).toEqual([1, 2, 2]);
    expect(draw.ok && draw.tiers[0]?.draw.seed).toBe('种子|low_risk');
    expect(applySamplingRatios(SAMPLING_HLJ_48, { low_risk: 0.2, regular: 0.1 }, { decidedBy: 'x', decisionReference: 'y' })).toMatchObject({ ok: false, code: 'sampling_ratio_order' });
    expect(applySamplingRatios(SAMPLING_HLJ_48, { regular: 1.5 }, { decidedBy: 'x', decisionReference: 'y' })).toMatchObject({ ok: false, code: 'sampling_bad_ratio' });
    expect(planSampling(SAMPLING_HLJ_48, [{ id: 'x', grade: '优秀' }])).toMatchObject({ ok: false, code: 'sampling_unmapped_grade' });
  });
});
