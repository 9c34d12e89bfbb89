import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendSteps, determinedCaseId, LISTING_STEPS, newCase, officeDesk, on } from './fixtures';
import { registerSubject } from '../../renderer/src/desk/subjects';
import { addAward, addEvaluation, setPositivePublicationOptOut, setRegistrationFacts, subjectCreditView } from '../../renderer/src/desk/credit';
import { addPointsEntry, drawInspectionSample, gradedList, listSampleDraws, saveSamplingRatios, saveSchemeSettings, subjectScore } from '../../renderer/src/desk/grading-schemes';
import { creditReportFor, reportProfile } from '../../renderer/src/desk/credit-report';
import { verifyDraw } from '../../shared/credit/sampling';
import { bandsFromThresholds } from '../../shared/credit/points';
import { creditReportUnit } from '../../shared/credit/report-document';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';

/** A fictitious, check-digit-valid 统一社会信用代码. */
const uscc = (n: number) => { const first17 = `91210000MA${String(n).padStart(7, '0')}`; return first17 + (computeUsccCheckChar(first17) ?? ''); };

describe('a subject’s grade, incentive eligibility and report', () => {
  it('河北 class from the records, recomputed as the case’s events arrive, with the deciding record', async () => {
    const desk = await officeDesk();
    const { subject, result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    const view = await subjectCreditView(on(desk, '2026-10-12'), subject.id);
    expect(view?.hebei).toMatchObject({ ok: true, grade: 'C' });
    if (!view?.hebei.ok) return;
    expect(view.hebei.decidingRecords.map((r) => r.source.document)).toEqual(['行政处罚决定 示住建罚〔2025〕12号']);
    // More than a year later the severe record is out of the window: A.
    const later = await subjectCreditView(on(desk, '2026-11-04'), subject.id);
    expect(later?.hebei).toMatchObject({ grade: 'A' });
    // The case's record follows its writes: listed, it is a 失信名单 record dated on 认定.
    await appendSteps(desk, result.caseRow.id, LISTING_STEPS, '2026-10-12');
    expect((await subjectCreditView(on(desk, '2026-10-12'), subject.id))?.records).toMatchObject([{ category: 'dishonesty_list', date: '2025-11-03', caseId: result.caseRow.id }]);
  });

  it('守信激励: 一票否决 with its reason; the opt-out of 第三十七条 is recorded and honoured in the report to others', async () => {
    const desk = await officeDesk(undefined, '2026-10-12');
    // A clean subject: an award of a county department makes it eligible.
    const clean = await registerSubject(desk, { kind: 'legal_person', name: '示例县守信商贸有限公司', uscc: uscc(3) });
    if (!clean.ok) throw new Error(clean.reason);
    const subjectId = clean.subject.id;
    const award = await addAward(desk, subjectId, { title: '守合同重信用企业', grantor: '示例县市场监督管理局', grantorKind: 'government_department', grantorLevel: 'county', local: true, date: '2026-01-05', document: '示市监〔2026〕3号' });
    expect(award.ok).toBe(true);
    const eligible = await subjectCreditView(desk, subjectId);
    expect(eligible?.incentive).toMatchObject({ eligible: true, publication: { allowed: true } });
    const opt = await setPositivePublicationOptOut(desk, subjectId, true, '');
    expect(opt).toMatchObject({ ok: false, reason: expect.stringContaining('请注明') });
    await setPositivePublicationOptOut(desk, subjectId, true, '2026-10-10 书面申请');
    const after = await subjectCreditView(desk, subjectId);
    expect(after?.incentive.publication).toMatchObject({ allowed: false, reason: expect.stringContaining('第三十七条') });
    const forOthers = await creditReportFor(desk, subjectId, 'other');
    expect(forOthers?.sections.find((x) => x.key === 'positive')).toMatchObject({ items: [], emptyText: expect.stringContaining('第三十七条') });
    const forSubject = await creditReportFor(desk, subjectId, 'subject');
    expect(forSubject?.sections.find((x) => x.key === 'positive')?.items).toHaveLength(1);
    expect(after?.profile.changes.map((c) => c.label)).toEqual(['登记奖励或荣誉', '登记不公示守信信息申请']);

    // The case subject: its dishonesty record vetoes whatever award it has.
    const caseId = await determinedCaseId(desk);
    const caseSubject = (await desk.db.cases.get(caseId))!.subjectId;
    await addAward(desk, caseSubject, { title: '先进企业', grantor: '示例县人民政府', grantorKind: 'government', grantorLevel: 'county', local: true, date: '2026-02-01', document: null });
    const vetoed = await subjectCreditView(desk, caseSubject);
    expect(vetoed?.incentive).toMatchObject({ eligible: false, veto: { applied: true, reason: expect.stringContaining('一票否决') } });
    await setRegistrationFacts(desk, caseSubject, { establishedOn: '2010-05-01', businessLicenceRevokedOn: null });
    await addEvaluation(desk, caseSubject, { scheme: '纳税信用等级', grade: 'A', evaluatedOn: '2026-04-01', department: '国家税务总局示例县税务局', document: null });
    expect((await subjectCreditView(desk, caseSubject))?.incentive.criteria.find((c) => c.no === 4)?.met).toBe(true);
  });

  it('the report: every item with its source and changes, masked for others, no fee anywhere, printable', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk);
    await appendSteps(desk, caseId, LISTING_STEPS, '2026-10-12');
    const subjectId = (await desk.db.cases.get(caseId))!.subjectId;
    const mine = await creditReportFor(desk, subjectId, 'subject');
    const item = mine?.sections.find((s) => s.key === 'dishonesty')?.items[0];
    expect(item?.source.department).toBe('示例县住房和城乡建设局');
    expect(item?.changes.map((c) => [c.date, c.label])).toEqual([['2025-11-03', '认定'], ['2025-11-05', '事先告知'], ['2025-11-20', '列入'], ['2025-11-21', '送达']]);
    expect(mine?.sections.find((s) => s.key === 'evaluations')?.items[0]?.title).toContain('C类');
    expect(JSON.stringify(mine)).not.toMatch(/费用|收费|金额/);
    expect(mine?.notes.join()).toContain('免费');
    const unit = creditReportUnit(mine!);
    expect(unit).toMatchObject({ kind: 'credit-report', numberText: '' });
    expect(JSON.stringify(unit.content)).toContain('信息来源：示例县住房和城乡建设局');
    expect(reportProfile(['full'])).toBe('masked');
    expect(reportProfile(['full', 'offline'])).toBe('offline');
  });
});

describe('points schemes and the 双随机 draw', () => {
  it('refuses to score while numbers are unset, naming what to set; the office’s settings make a new version', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk);
    const subjectId = (await desk.db.cases.get(caseId))!.subjectId;
    const unset = await subjectScore(desk, subjectId, 'ZJ-CX-ACC');
    expect(unset.result).toMatchObject({ ok: false, reason: expect.stringContaining('评价指标未设置') });
    expect(unset.result.ok === false && unset.result.reason).toContain('分级分类设置');
    const noDecision = await saveSchemeSettings(desk, 'ZJ-CX-ACC', { items: [], decidedBy: '', decisionReference: '', effectiveFrom: '2026-01-01' });
    expect(noDecision.ok).toBe(false);
    const saved = await saveSchemeSettings(desk, 'ZJ-CX-ACC', {
      items: [
        { code: 'late-report', label: '未按期报送会计资料', direction: 'constraint', points: 20, maxOccurrences: null, basis: '长兴县会计从业人员信用管理办法（试行）附表' },
        { code: 'award', label: '获县级以上表彰', direction: 'incentive', points: 30, maxOccurrences: 2, basis: '长兴县会计从业人员信用管理办法（试行）附表' },
      ],
      decidedBy: '示例县财政局',
      decisionReference: '示财〔2026〕5号',
      effectiveFrom: '2026-01-01',
    });
    expect(saved).toMatchObject({ ok: true, scheme: { version: 2, certainty: { items: 'office' } } });
    const entry = await addPointsEntry(desk, subjectId, 'ZJ-CX-ACC', { itemCode: 'late-report', date: '2026-03-01', department: '示例县财政局', document: null });
    expect(entry.ok).toBe(true);
    const scored = await subjectScore(desk, subjectId, 'ZJ-CX-ACC');
    expect(scored.result).toMatchObject({ ok: true, score: 980, grade: { label: '优秀' } });
    const audit = (await desk.db.auditLog.toArray()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['设置评分方案《长兴会计信用评价》（第2版）', '登记评分事项“未按期报送会计资料”']));
  });

  it('the graded list, ratios set by the office, a seeded draw recorded with seed, list, result, who and when', async () => {
    const desk = await officeDesk();
    await determinedCaseId(desk);
    for (const [i, name] of ['示例县甲商贸有限公司', '示例县乙商贸有限公司', '示例县丙商贸有限公司'].entries()) {
      const r = await registerSubject(desk, { kind: 'legal_person', name, uscc: uscc(10 + i) });
      if (!r.ok) throw new Error(r.reason);
    }
    const list = await gradedList(desk);
    expect(list.map((c) => c.grade).sort()).toEqual(['A', 'A', 'A', 'C']);
    const unset = await drawInspectionSample(desk, 'HEBEI-6-2', '2026-10-12 福彩3D 123');
    expect(unset).toMatchObject({ ok: false, reason: expect.stringContaining('抽查比例未设置') });
    const ratios = await saveSamplingRatios(desk, 'HEBEI-6-2', { A: 0.5, B: 0.6, C: 1, D: 1 }, { decidedBy: '示例县市场监督管理局', decisionReference: '示市监〔2026〕9号' });
    expect(ratios).toMatchObject({ ok: true, policy: { version: 2 } });
    const drawn = await drawInspectionSample(desk, 'HEBEI-6-2', '2026-10-12 福彩3D 123');
    if (!drawn.ok) throw new Error(drawn.reason);
    const again = await drawInspectionSample(desk, 'HEBEI-6-2', '2026-10-12 福彩3D 123');
    if (!again.ok) throw new Error(again.reason);
    expect(again.draw.tiers.map((t) => t.draw.drawn)).toEqual(drawn.draw.tiers.map((t) => t.draw.drawn));
    const a = drawn.draw.tiers.find((t) => t.tierKey === 'A')!;
    expect(a.draw.count).toBe(2);
    expect(verifyDraw(a.draw, list.filter((c) => c.grade === 'A').map((c) => c.id))).toBe(true);
    expect((await listSampleDraws(desk)).map((d) => d.seed)).toEqual(['2026-10-12 福彩3D 123', '2026-10-12 福彩3D 123']);
    const audit = (await desk.db.auditLog.toArray()).find((r) => r.action === '双随机抽取抽查对象');
    expect(audit).toMatchObject({ actor: { name: '李办' }, detail: { seed: '2026-10-12 福彩3D 123', policy: { id: 'HEBEI-6-2', version: 2 } } });
  });
});

describe('长沙: a scheme with nothing stated is completed by the office', () => {
  it('base, period, caps, items and bands set → a new version that scores', async () => {
    const desk = await officeDesk();
    const caseId = await determinedCaseId(desk);
    const subjectId = (await desk.db.cases.get(caseId))!.subjectId;
    const bands = bandsFromThresholds([{ label: 'A', min: 90 }, { label: 'B', min: 60 }, { label: 'C' }]);
    expect(bands).toEqual([
      { code: 'band-1', label: 'A', min: 90, below: null },
      { code: 'band-2', label: 'B', min: 60, below: 90 },
      { code: 'band-3', label: 'C', min: null, below: 60 },
    ]);
    const saved = await saveSchemeSettings(desk, 'HN-CS', {
      base: 100,
      period: 'rolling_year',
      caps: { incentive: 20, constraint: 100 },
      items: [{ code: 'penalty', label: '受到行政处罚', direction: 'constraint', points: 15, maxOccurrences: null, basis: '长沙市市场主体信用分级分类管理办法（试行）附件' }],
      bands,
      decidedBy: '长沙市发展和改革委员会',
      decisionReference: '长发改〔2026〕1号',
      effectiveFrom: '2026-01-01',
    });
    expect(saved).toMatchObject({ ok: true, scheme: { version: 2 } });
    await addPointsEntry(desk, subjectId, 'HN-CS', { itemCode: 'penalty', date: '2026-05-01', department: '示例县住房和城乡建设局', document: '示住建罚〔2025〕12号' });
    expect((await subjectScore(desk, subjectId, 'HN-CS')).result).toMatchObject({ ok: true, score: 85, grade: { label: 'B' } });
  });
});
