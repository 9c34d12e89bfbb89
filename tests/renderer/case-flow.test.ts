import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ACTOR, newCase, OFFICE, officeDb } from './fixtures';
import { searchSubjects } from '../../renderer/src/db/repositories/subjects';
import { appendCaseEvent, foldCase, loadEvents, searchCases, verifyAllCases, verifyCase } from '../../renderer/src/db/repositories/cases';
import { attentionCounts, listDeadlines } from '../../renderer/src/db/repositories/deadlines';
import type { EventDraft } from '../../shared/case/events';

const at = (today: string) => ({ today });

describe('case workflow through the store', () => {
  it('runs 认定 → 事先告知 → 列入 → 送达 → 异议 → 不予采纳 → 修复 (refused, then approved) → removed', async () => {
    const db = await officeDb();
    const { result } = await newCase(db);
    expect(result.ok, !result.ok ? result.reason : '').toBe(true);
    if (!result.ok) return;
    const caseId = result.caseRow.id;
    expect(result.caseRow.caseNo).toBe('示信案〔2025〕0001号');
    const step = async (draft: EventDraft, today = '2026-10-12') => {
      const r = await appendCaseEvent(db, caseId, draft, at(today));
      if (!r.ok) throw new Error(`${draft.type}: ${r.reason}`);
      return r;
    };
    // 列入 before the 陈述申辩 window has closed is refused with a reason.
    await step({ type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: '示信告〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct' } });
    const early = await appendCaseEvent(db, caseId, { type: 'listed', occurredOn: '2025-11-06', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } }, at('2026-10-12'));
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.reason).toMatch(/陈述申辩/);
    await step({ type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
    await step({ type: 'served', occurredOn: '2025-11-21', actor: ACTOR, payload: { documentKind: 'listing_decision', documentNo: '示信决〔2025〕1号', recipients: ['示例县虚构房地产开发有限公司'], method: 'direct', regardingId: null } });
    const obj = await step({ type: 'objection_received', occurredOn: '2026-09-30', actor: ACTOR, payload: { objectionId: 'OBJ1', applicant: '示例县虚构房地产开发有限公司', grounds: ['error'], reasons: '认为认定事实有误', concernsListing: true, channel: 'written' } });
    const due = obj.state.deadlines.filter((d) => d.scopeId === 'OBJ1').map((d) => `${d.key}:${d.dueOn}`);
    expect(due).toContain('objection_decision:2026-10-10');
    const list = await listDeadlines(db, '2026-10-12', { filter: 'overdue' });
    expect(list.rows.map((r) => `${r.kind}:${r.dueDate}`)).toContain('objection_decision:2026-10-10');
    expect((await attentionCounts(db, '2026-10-12')).overdue).toBeGreaterThan(0);
    const noReason = await appendCaseEvent(db, caseId, { type: 'objection_decided', occurredOn: '2026-10-12', actor: ACTOR, payload: { objectionId: 'OBJ1', outcome: 'rejected', reasons: ' ' } }, at('2026-10-12'));
    expect(noReason.ok).toBe(false);
    await step({ type: 'objection_decided', occurredOn: '2026-10-12', actor: ACTOR, payload: { objectionId: 'OBJ1', outcome: 'rejected', reasons: '经核查，认定事实清楚、证据确凿' } });
    const tooEarly = await appendCaseEvent(db, caseId, { type: 'repair_applied', occurredOn: '2026-10-12', actor: ACTOR, payload: { repairId: 'R1', methods: ['commitment'], commitmentSigned: true } }, at('2026-10-12'));
    expect(tooEarly.ok).toBe(false);
    if (!tooEarly.ok) expect(tooEarly.reason).toMatch(/2026-11-2|满/);
    await step({ type: 'repair_applied', occurredOn: '2026-11-23', actor: ACTOR, payload: { repairId: 'R1', methods: ['commitment', 'rectification'], commitmentSigned: true } }, '2026-11-23');
    await step({ type: 'repair_reviewed', occurredOn: '2026-11-24', actor: ACTOR, payload: { repairId: 'R1', accepted: true, reasons: '材料齐全' } }, '2026-11-24');
    const done = await step({ type: 'repair_decided', occurredOn: '2026-11-25', actor: ACTOR, payload: { repairId: 'R1', approved: true, reasons: '信用确已修复' } }, '2026-11-25');
    expect(done.state.stage).toBe('D8');
    const events = await loadEvents(db, caseId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // every event has its outbox row, device sequence strictly increasing
    const outbox = await db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.filter((o) => o.kind === 'case-event')).toHaveLength(events.length);
    expect(outbox.map((o) => o.deviceSeq)).toEqual(outbox.map((_, i) => i + 1));
    expect(await db.deadlines.where('caseId').equals(caseId).count()).toBe(0);
    expect((await foldCase(db, caseId, '2026-11-25'))?.state.stage).toBe('D8');
    expect((await verifyCase(db, caseId)).ok).toBe(true);
    db.close();
  });

  it('finds cases by case number, 文号 and subject, paged', async () => {
    const db = await officeDb();
    const { subject, result } = await newCase(db);
    if (!result.ok) throw new Error(result.reason);
    expect((await searchCases(db, '示信案〔2025〕', [])).rows.map((c) => c.id)).toEqual([result.caseRow.id]);
    expect((await searchCases(db, '示住建罚〔2025〕12', [])).rows.map((c) => c.id)).toEqual([result.caseRow.id]);
    const bySubject = (await searchSubjects(db, '虚构房地产')).rows.map((s) => s.id);
    expect(bySubject).toEqual([subject.id]);
    expect((await searchCases(db, '虚构房地产', bySubject)).rows).toHaveLength(1);
    expect((await searchCases(db, '不存在', [])).rows).toHaveLength(0);
    db.close();
  });

  it('writes nothing when an action is refused', async () => {
    const db = await officeDb();
    const { result } = await newCase(db);
    if (!result.ok) throw new Error(result.reason);
    const before = await db.outbox.count();
    const r = await appendCaseEvent(db, result.caseRow.id, { type: 'published', occurredOn: '2026-10-12', actor: ACTOR, payload: { channels: ['信用中国'], profile: 'full' } }, at('2026-10-12'));
    expect(r.ok).toBe(false);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.caseEvents.count()).toBe(1);
    db.close();
  });

  it('integrity check names the first broken link', async () => {
    const db = await officeDb();
    const { result } = await newCase(db);
    if (!result.ok) throw new Error(result.reason);
    const caseId = result.caseRow.id;
    await appendCaseEvent(db, caseId, { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: 'X', recipients: ['甲'], method: 'direct' } }, at('2026-10-12'));
    await appendCaseEvent(db, caseId, { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: 'Y', listType: 'dishonesty_list', priorRepairCompletedOn: null } }, at('2026-10-12'));
    expect((await verifyAllCases(db)).ok).toBe(true);
    const second = (await loadEvents(db, caseId))[1]!;
    await db.caseEvents.update(second.id, { occurredOn: '2025-11-04' });
    const report = await verifyAllCases(db);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.seq).toBe(2);
      expect(report.caseNo).toBe(result.caseRow.caseNo);
      expect(report.reason).toMatch(/第2个事件/);
    }
    db.close();
  });

  it('refuses a case on the deny-list and a case whose rule set has an unset period', async () => {
    const db = await officeDb({ ...OFFICE, periodSettings: {}, preNotice: {} });
    const { result } = await newCase(db, { determinedOn: '2025-11-03', behaviourCode: 'HLJ-29-4' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/未规定|设置/);
    db.close();
  });
});
