import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ACTOR, newCase, OFFICE, officeDesk, on } from './fixtures';
import { searchSubjects } from '../../renderer/src/desk/subjects';
import { foldStoredCase, loadEvents, recordAct, searchCases } from '../../renderer/src/desk/cases';
import { verifyAllCases, verifyCase } from '../../renderer/src/desk/integrity/check';
import { attentionCounts, listDeadlines } from '../../renderer/src/desk/deadlines';
import type { EventDraft } from '../../shared/case/events';
import { prematureRepairReason } from '../../shared/case/explain';

describe('case workflow through the store', () => {
  it('runs 认定 → 事先告知 → 列入 → 送达 → 异议 → 不予采纳 → 修复 (refused, then approved) → removed', async () => {
    const desk = await officeDesk();
    const { result } = await newCase(desk);
    expect(result.ok, !result.ok ? result.reason : '').toBe(true);
    if (!result.ok) return;
    const caseId = result.caseRow.id;
    expect(result.caseRow.caseNo).toBe('示信案〔2025〕0001号');
    const step = async (draft: EventDraft, today = '2026-10-12') => {
      const r = await recordAct(on(desk, today), caseId, draft);
      if (!r.ok) throw new Error(`${draft.type}: ${r.reason}`);
      return r;
    };
    // 列入 before the 陈述申辩 window has closed is refused with a reason.
    await step({ type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: '示信告〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct' } });
    const early = await recordAct(on(desk, '2026-10-12'), caseId, { type: 'listed', occurredOn: '2025-11-06', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.reason).toMatch(/陈述申辩/);
    await step({ type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
    await step({ type: 'served', occurredOn: '2025-11-21', actor: ACTOR, payload: { documentKind: 'listing-decision', documentNo: '示信决〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct', regardingId: null } });
    const obj = await step({ type: 'objection_received', occurredOn: '2026-09-30', actor: ACTOR, payload: { objectionId: 'OBJ1', applicant: '示例县虚构房地产开发有限公司', grounds: ['error'], reasons: '认为认定事实有误', concernsListing: true, channel: 'written' } });
    const due = obj.state.deadlines.filter((d) => d.scopeId === 'OBJ1').map((d) => `${d.key}:${d.dueOn}`);
    expect(due).toContain('objection_decision:2026-10-10');
    const list = await listDeadlines(on(desk, '2026-10-12'), { filter: 'overdue' });
    expect(list.rows.map((r) => `${r.kind}:${r.dueDate}`)).toContain('objection_decision:2026-10-10');
    expect((await attentionCounts(on(desk, '2026-10-12'))).overdue).toBeGreaterThan(0);
    const noReason = await recordAct(on(desk, '2026-10-12'), caseId, { type: 'objection_decided', occurredOn: '2026-10-12', actor: ACTOR, payload: { objectionId: 'OBJ1', outcome: 'rejected', reasons: ' ' } });
    expect(noReason.ok).toBe(false);
    await step({ type: 'objection_decided', occurredOn: '2026-10-12', actor: ACTOR, payload: { objectionId: 'OBJ1', outcome: 'rejected', reasons: '经核查，认定事实清楚、证据确凿' } });
    // A repair application filed before one year is the subject's lawful filing: it is registered,
    // marked premature, cannot be accepted, and is answered with 不予受理 naming the date it becomes possible.
    const earlyRepair = await step({ type: 'repair_applied', occurredOn: '2026-10-12', actor: ACTOR, payload: { repairId: 'R0', methods: ['commitment'], commitmentSigned: true } });
    const premature = earlyRepair.state.repairs.find((r) => r.repairId === 'R0')?.premature;
    expect(premature?.possibleFrom).toMatch(/^2026-11-2/);
    const accepted = await recordAct(on(desk, '2026-10-12'), caseId, { type: 'repair_reviewed', occurredOn: '2026-10-12', actor: ACTOR, payload: { repairId: 'R0', accepted: true, reasons: '材料齐全' } });
    expect(accepted).toMatchObject({ ok: false, code: 'repair_premature' });
    await step({ type: 'repair_reviewed', occurredOn: '2026-10-12', actor: ACTOR, payload: { repairId: 'R0', accepted: false, reasons: prematureRepairReason(earlyRepair.state.repairs.find((r) => r.repairId === 'R0')!) } });
    await step({ type: 'repair_applied', occurredOn: '2026-11-23', actor: ACTOR, payload: { repairId: 'R1', methods: ['commitment', 'rectification'], commitmentSigned: true } }, '2026-11-23');
    await step({ type: 'repair_reviewed', occurredOn: '2026-11-24', actor: ACTOR, payload: { repairId: 'R1', accepted: true, reasons: '材料齐全' } }, '2026-11-24');
    const done = await step({ type: 'repair_decided', occurredOn: '2026-11-25', actor: ACTOR, payload: { repairId: 'R1', approved: true, reasons: '信用确已修复' } }, '2026-11-25');
    expect(done.state.stage).toBe('D8');
    const events = await loadEvents(desk.db, caseId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // every event has its outbox row, device sequence strictly increasing
    const outbox = await desk.db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.filter((o) => o.kind === 'case-event')).toHaveLength(events.length);
    expect(outbox.map((o) => o.deviceSeq)).toEqual(outbox.map((_, i) => i + 1));
    expect(await desk.db.deadlines.where('caseId').equals(caseId).count()).toBe(0);
    expect((await foldStoredCase(on(desk, '2026-11-25'), caseId))?.state.stage).toBe('D8');
    expect((await verifyCase(desk, caseId)).ok).toBe(true);
    desk.db.close();
  });

  it('finds cases by case number, 文号 and subject, paged', async () => {
    const desk = await officeDesk();
    const { subject, result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    expect((await searchCases(desk, '示信案〔2025〕')).rows.map((c) => c.id)).toEqual([result.caseRow.id]);
    expect((await searchCases(desk, '示住建罚〔2025〕12')).rows.map((c) => c.id)).toEqual([result.caseRow.id]);
    const bySubject = (await searchSubjects(desk, '虚构房地产')).rows.map((s) => s.id);
    expect(bySubject).toEqual([subject.id]);
    expect((await searchCases(desk, '虚构房地产')).rows.map((c) => c.id)).toEqual([result.caseRow.id]);
    expect((await searchCases(desk, '不存在')).rows).toHaveLength(0);
    desk.db.close();
  });

  it('writes nothing when an action is refused', async () => {
    const desk = await officeDesk();
    const { result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    const before = await desk.db.outbox.count();
    const r = await recordAct(on(desk, '2026-10-12'), result.caseRow.id, { type: 'published', occurredOn: '2026-10-12', actor: ACTOR, payload: { channels: ['信用中国'], profile: 'full' } });
    expect(r.ok).toBe(false);
    expect(await desk.db.outbox.count()).toBe(before);
    expect(await desk.db.caseEvents.count()).toBe(1);
    desk.db.close();
  });

  it('integrity check names the first broken link', async () => {
    const desk = await officeDesk();
    const { result } = await newCase(desk);
    if (!result.ok) throw new Error(result.reason);
    const caseId = result.caseRow.id;
    await recordAct(on(desk, '2026-10-12'), caseId, { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: 'X', recipients: ['甲'], method: 'direct' } });
    await recordAct(on(desk, '2026-10-12'), caseId, { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: 'Y', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
    expect((await verifyAllCases(desk)).ok).toBe(true);
    const second = (await loadEvents(desk.db, caseId))[1]!;
    await desk.db.caseEvents.update(second.id, { occurredOn: '2025-11-04' });
    const report = await verifyAllCases(desk);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.seq).toBe(2);
      expect(report.caseNo).toBe(result.caseRow.caseNo);
      expect(report.reason).toMatch(/第2个事件/);
    }
    desk.db.close();
  });

  it('refuses a case on the deny-list and a case whose rule set has an unset period', async () => {
    const desk = await officeDesk({ ...OFFICE, periodSettings: {}, preNotice: {} });
    const { result } = await newCase(desk, { determinedOn: '2025-11-03', behaviourCode: 'HLJ-29-4' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/未规定|设置/);
    desk.db.close();
  });
});
