import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { determinedCaseId, OFFICE, officeDesk, on } from './fixtures';
import { openCase } from '../../renderer/src/desk/cases';
import { ruleSetForCase } from '../../renderer/src/desk/rules';
import { registerSubject } from '../../renderer/src/desk/subjects';
import { commitmentAvailability, deadlineRoute, recordCommitmentAct, registerCommitment, subjectCommitments } from '../../renderer/src/desk/commitments';
import { listDeadlines, attentionCounts } from '../../renderer/src/desk/deadlines';
import { addAward, subjectCreditView } from '../../renderer/src/desk/credit';
import { importHolidaySchedule } from '../../renderer/src/desk/calendars';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';

const uscc = (n: number) => {
  const first17 = `91210000MA${String(n).padStart(7, '0')}`;
  return first17 + (computeUsccCheckChar(first17) ?? '');
};

async function company(desk: Awaited<ReturnType<typeof officeDesk>>, n: number) {
  const r = await registerSubject(desk, { kind: 'legal_person', name: `示例县承诺企业${n}有限公司`, uscc: uscc(n) });
  if (!r.ok) throw new Error(r.reason);
  return r.subject;
}

describe('信用承诺 through the desk', () => {
  it('审批替代型 under 黑龙江: licence → the two-month verification in the work list → breach → rectification → what the rule set says', async () => {
    const desk = await officeDesk(undefined, '2026-10-12');
    const s = await company(desk, 21);
    const registered = await registerCommitment(desk, { subjectId: s.id, rulesKey: 'HLJ', type: 'approval_substitute', matter: '食品经营许可', department: '示例县市场监督管理局', text: '本单位承诺符合许可条件', materialsDueOn: null, committedOn: '2026-08-01' });
    if (!registered.ok) throw new Error(registered.reason);
    const id = registered.commitment.row.id;
    expect(registered.commitment.state.stageLabel).toBe('已承诺');
    const refused = await recordCommitmentAct(desk, id, { type: 'rectification_ordered', occurredOn: '2026-08-02', payload: { documentNo: 'x', dueOn: '2026-09-01' } });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('只有未履约的承诺才能责令整改') });
    const licence = await recordCommitmentAct(desk, id, { type: 'licence_decided', occurredOn: '2026-08-03', payload: { decisionNo: '示市监许〔2026〕8号' } });
    if (!licence.ok) throw new Error(licence.reason);
    // 黑龙江条例 第四十六条: two months after 2026-08-03 → 2026-10-03, within the 国庆节 holiday (10-01 to 10-07) → the next working day, 2026-10-08.
    expect(licence.commitment.state.deadlines).toMatchObject([{ key: 'commitment_verification', dueOn: '2026-10-08', basis: '黑龙江省社会信用条例 第四十六条' }]);
    const work = await listDeadlines(desk, { filter: 'overdue' });
    expect(work.rows).toMatchObject([{ kind: 'commitment_verification', dueDate: '2026-10-08', subjectId: s.id, caseNo: '信用承诺：食品经营许可' }]);
    expect(deadlineRoute(work.rows[0]!)).toEqual(['subjects', s.id]);
    expect((await attentionCounts(desk)).overdue).toBe(1);

    const verified = await recordCommitmentAct(desk, id, { type: 'verified', occurredOn: '2026-10-10', payload: { result: 'not_fulfilled', findings: '现场核查不符合许可条件' } });
    if (!verified.ok) throw new Error(verified.reason);
    expect(verified.commitment.state.consequencesDue.map((c) => [c.code, c.basis])).toEqual([
      ['guidance_or_rectification', '黑龙江省社会信用条例 第四十六条'],
      ['commitment_bar', '黑龙江省社会信用条例 第四十五条'],
      ['credit_record', '黑龙江省社会信用条例 第十八条（三）'],
    ]);
    expect((await listDeadlines(desk, { filter: 'all' })).rows.filter((r) => r.subjectId === s.id)).toEqual([]);
    // 记入信用记录: a general record of the subject, which now vetoes incentives.
    const recorded = await recordCommitmentAct(desk, id, { type: 'consequence_applied', occurredOn: '2026-10-11', payload: { code: 'credit_record', documentNo: '示市监〔2026〕20号', caseId: null } });
    if (!recorded.ok) throw new Error(recorded.reason);
    const credit = await subjectCreditView(desk, s.id);
    expect(credit?.records).toMatchObject([{ category: 'commitment_breach', kind: 'general', source: { department: '示例县市场监督管理局', document: '示市监〔2026〕20号' } }]);
    expect(credit?.hebei).toMatchObject({ grade: 'B' });
    expect(credit?.incentive.veto.applied).toBe(true);
    const notDue = await recordCommitmentAct(desk, id, { type: 'consequence_applied', occurredOn: '2026-10-11', payload: { code: 'credit_record', documentNo: 'x', caseId: null } });
    expect(notDue.ok).toBe(false);

    const ordered = await recordCommitmentAct(desk, id, { type: 'rectification_ordered', occurredOn: '2026-10-12', payload: { documentNo: '示市监改〔2026〕3号', dueOn: '2026-11-12' } });
    if (!ordered.ok) throw new Error(ordered.reason);
    expect((await listDeadlines(on(desk, '2026-11-20'), { filter: 'overdue' })).rows.map((r) => r.kind)).toEqual(['commitment_rectification']);
    const failed = await recordCommitmentAct(on(desk, '2026-11-20'), id, { type: 'rectification_checked', occurredOn: '2026-11-20', payload: { rectified: false, findings: '逾期未整改' } });
    if (!failed.ok) throw new Error(failed.reason);
    expect(failed.commitment.state.consequencesDue.map((c) => c.code)).toContain('revoke_licence_or_penalty');

    // Barred from new commitments until repaired (第四十五条).
    const barred = await registerCommitment(on(desk, '2026-11-20'), { subjectId: s.id, rulesKey: 'HLJ', type: 'approval_substitute', matter: '另一许可', department: '示例县市场监督管理局', text: '承诺', materialsDueOn: null, committedOn: '2026-11-20' });
    expect(barred).toMatchObject({ ok: false, reason: expect.stringContaining('第四十五条') });

    const outbox = (await desk.db.outbox.toArray()).filter((o) => o.kind === 'commitment');
    expect(outbox.map((o) => (o.payload as { event: { type: string } }).event.type)).toEqual(['committed', 'licence_decided', 'verified', 'consequence_applied', 'rectification_ordered', 'rectification_checked']);
    expect(outbox.every((o) => o.entityId === id)).toBe(true);
    const audit = (await desk.db.auditLog.toArray()).filter((a) => a.entity === 'commitment').map((a) => a.action);
    expect(audit).toHaveLength(6);
  });

  it('容缺受理 under 凌源: only for 守信激励对象; missing the materials date is a breach that opens a listing', async () => {
    const desk = await officeDesk(undefined, '2026-10-12');
    const s = await company(desk, 22);
    const notIncentive = await registerCommitment(desk, { subjectId: s.id, rulesKey: 'LN-LY', type: 'deficiency_acceptance', matter: '建设工程规划许可', department: '示例县自然资源局', text: '限期补齐材料', materialsDueOn: '2026-10-20', committedOn: '2026-10-12' });
    expect(notIncentive).toMatchObject({ ok: false, reason: expect.stringContaining('守信激励对象') });
    await addAward(desk, s.id, { title: '诚信示范企业', grantor: '示例县人民政府', grantorKind: 'government', grantorLevel: 'county', local: true, date: '2026-01-01', document: null });
    const ok = await registerCommitment(desk, { subjectId: s.id, rulesKey: 'LN-LY', type: 'deficiency_acceptance', matter: '建设工程规划许可', department: '示例县自然资源局', text: '限期补齐材料', materialsDueOn: '2026-10-20', committedOn: '2026-10-12' });
    if (!ok.ok) throw new Error(ok.reason);
    expect((await listDeadlines(desk, { filter: 'all' })).rows.map((r) => [r.kind, r.dueDate])).toEqual([['commitment_materials', '2026-10-20']]);
    const [late] = await subjectCommitments(on(desk, '2026-10-21'), s.id);
    expect(late?.state.stageLabel).toBe('未履约');
    expect(late?.state.consequencesDue.map((c) => [c.code, c.opensCase?.listType ?? null, c.basis])).toEqual([
      ['blacklist', 'dishonesty_list', expect.stringContaining('三（三）')],
      ['credit_record', null, expect.stringContaining('一（一）')],
      ['lose_incentive', null, expect.stringContaining('六（二）')],
    ]);
    expect(commitmentAvailability(late!, 'rectification_ordered')).toMatchObject({ ok: false, reason: expect.stringContaining('未规定违诺后的限期整改') });
    const otherCase = await determinedCaseId(desk);
    const wrongCase = await recordCommitmentAct(on(desk, '2026-10-21'), late!.row.id, { type: 'consequence_applied', occurredOn: '2026-10-21', payload: { code: 'blacklist', documentNo: '示信决〔2026〕9号', caseId: otherCase } });
    expect(wrongCase).toMatchObject({ ok: false, reason: expect.stringContaining('不是该主体的案件') });
    const sel = await ruleSetForCase(desk, OFFICE, 'CY-RE-6-2', '2026-10-12');
    if (!sel.ok) throw new Error(sel.reason);
    const opened = await openCase(desk, { subjectId: s.id, behaviourLabel: '违反信用承诺', proportionalityNote: '与情节相当', casePrefix: '示信案', determined: { occurredOn: '2026-10-12', payload: { behaviourCode: 'CY-RE-6-2', behaviourText: '容缺受理后未按承诺补齐材料', facts: '逾期未补齐', severity: 'general', listType: 'dishonesty_list', basisDocuments: [{ type: 'other', documentNo: '示自然资〔2026〕1号', issuer: '示例县自然资源局', decidedOn: '2026-10-12', effective: true }], determiningDept: '示例县自然资源局', ruleSet: sel.pin } } });
    if (!opened.ok) throw new Error(opened.reason);
    const caseId = opened.caseRow.id;
    const applied = await recordCommitmentAct(on(desk, '2026-10-21'), late!.row.id, { type: 'consequence_applied', occurredOn: '2026-10-21', payload: { code: 'blacklist', documentNo: '示信决〔2026〕9号', caseId } });
    expect(applied).toMatchObject({ ok: true, commitment: { state: { stageLabel: '已依法处理' } } });
  });
});

describe('a commitment verification day in a year without a published 节假日安排', () => {
  it('is provisional in the work list until the schedule is imported, then definite', async () => {
    const desk = await officeDesk(undefined, '2026-12-01');
    const s = await company(desk, 31);
    const registered = await registerCommitment(desk, { subjectId: s.id, rulesKey: 'HLJ', type: 'approval_substitute', matter: '食品经营许可', department: '示例县市场监督管理局', text: '本单位承诺符合许可条件', materialsDueOn: null, committedOn: '2026-11-25' });
    if (!registered.ok) throw new Error(registered.reason);
    const licence = await recordCommitmentAct(desk, registered.commitment.row.id, { type: 'licence_decided', occurredOn: '2026-11-30', payload: { decisionNo: '示市监许〔2026〕30号' } });
    if (!licence.ok) throw new Error(licence.reason);
    // 2026-11-30 + two months = 2027-01-30, a Saturday: counted Mon–Fri until 2027 is published
    expect(licence.commitment.state.deadlines).toMatchObject([{ key: 'commitment_verification', dueOn: '2027-02-01', provisional: true }]);
    const before = await listDeadlines(desk, { filter: 'provisional' });
    expect(before.rows).toMatchObject([{ kind: 'commitment_verification', dueDate: '2027-02-01', provisional: true, note: expect.stringContaining('暂定') }]);
    // a test schedule (not the State Council's): 2027-01-30 made a working day
    const imported = await importHolidaySchedule(desk, { year: 2027, papers: ['https://example.invalid/2027'], days: [{ name: '测试调休', date: '2027-01-30', isOffDay: false }] });
    expect(imported).toMatchObject({ ok: true, year: 2027, refreshed: 1, skipped: 0 });
    expect((await listDeadlines(desk, { filter: 'provisional' })).rows).toEqual([]);
    const row = (await desk.db.deadlines.toArray()).find((r) => r.subjectId === s.id);
    expect(row).toMatchObject({ kind: 'commitment_verification', dueDate: '2027-01-30', provisional: false, flagged: 0 });
    expect(row?.note).toBeUndefined();
  });
});
