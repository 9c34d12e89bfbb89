/**
 * 校验完整性 catches every tampering an attacker with raw access to the database can do (黑龙江条例
 * 第三十六条: no 篡改, no 违规删除). Each case below passed the check before chains were keyed.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEvents, recordAct } from '../../../renderer/src/desk/cases';
import { checkIntegrity, verifyCase, type IntegrityReport } from '../../../renderer/src/desk/integrity/check';
import type { Desk } from '../../../renderer/src/desk/desk';
import { GENESIS_HASH, legacyHashEvent } from '../../../shared/case/hash-chain';
import { registerSubject } from '../../../renderer/src/desk/subjects';
import type { CaseEvent } from '../../../shared/case/events';
import { ACTOR, newCase, officeDesk, on } from '../fixtures';

const opened: Desk[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.db.close();
});

/** An office desk with one case of three events (认定, 事先告知送达, 列入). */
async function caseWithThreeEvents() {
  const desk = await officeDesk();
  opened.push(desk);
  const { result } = await newCase(desk);
  if (!result.ok) throw new Error(result.reason);
  const caseId = result.caseRow.id;
  const day = on(desk, '2026-10-12');
  const a = await recordAct(day, caseId, { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: 'X', recipients: ['甲'], method: 'direct' } });
  const b = await recordAct(day, caseId, { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: 'Y', listType: 'dishonesty_list', priorRepairCompletedOn: null } });
  if (!a.ok || !b.ok) throw new Error('set-up acts refused');
  return { desk, caseId, caseNo: result.caseRow.caseNo };
}

describe('tampering the case event chain', () => {
  it('editing an event and re-hashing the whole chain with plain SHA-256 (and fixing the case row) is found', async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    expect((await verifyCase(desk, caseId)).ok).toBe(true);
    const rows = await loadEvents(desk.db, caseId);
    let prev = GENESIS_HASH;
    const rewritten = rows.map((r, i) => {
      const edited = (i === 1 ? { ...r, occurredOn: '2025-11-04' } : r) as CaseEvent & typeof r;
      const hash = legacyHashEvent(prev, edited);
      const next = { ...edited, prevHash: prev, hash };
      prev = hash;
      return next;
    });
    await desk.db.caseEvents.bulkPut(rewritten);
    await desk.db.cases.update(caseId, { lastHash: prev });
    const report = await verifyCase(desk, caseId);
    expect(report).toMatchObject({ ok: false, seq: 1 });
    if (!report.ok) expect(report.reason).toMatch(/重新计算/);
  });
});

/** The codes of a report's findings. */
function codes(report: IntegrityReport): string[] {
  return report.ok ? [] : report.findings.map((f) => f.code);
}

function messages(report: IntegrityReport): string {
  return report.ok ? '' : report.findings.map((f) => f.message).join('\n');
}

describe('an intact desk passes', () => {
  it('cases, the operation ledger and the audit chain all verify after ordinary work', async () => {
    const { desk } = await caseWithThreeEvents();
    const report = await checkIntegrity(desk);
    expect(report).toMatchObject({ ok: true, casesChecked: 1, eventsChecked: 3 });
    expect(report.operationsChecked).toBeGreaterThanOrEqual(4);
    expect(report.auditChecked).toBeGreaterThanOrEqual(4);
  });
});

describe('tampering that passed the check before chains were keyed', () => {
  it('removing a middle event is still found', async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    const second = (await loadEvents(desk.db, caseId))[1]!;
    await desk.db.caseEvents.delete(second.id);
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('chain_broken');
    expect(messages(report)).toMatch(/不连续/);
  });

  it('removing the last event and fixing the case row is found', async () => {
    const { desk, caseId, caseNo } = await caseWithThreeEvents();
    const events = await loadEvents(desk.db, caseId);
    const last = events.at(-1)!;
    await desk.db.caseEvents.delete(last.id);
    await desk.db.cases.update(caseId, { lastSeq: last.seq - 1, lastHash: events.at(-2)!.hash ?? '' });
    const one = await verifyCase(desk, caseId);
    expect(one.ok).toBe(false);
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('event_missing');
    expect(report.ok ? '' : report.findings.find((f) => f.code === 'event_missing')?.message).toMatch(new RegExp(`${caseNo.slice(0, 3)}.*事件被删除`));
  });

  it('deleting a whole case (its row, events and derived rows) is found from the ledger', async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    await desk.db.caseEvents.where('caseId').equals(caseId).delete();
    await desk.db.cases.delete(caseId);
    await desk.db.caseList.delete(caseId);
    await desk.db.deadlines.where('caseId').equals(caseId).delete();
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('case_deleted');
    expect(messages(report)).toMatch(/案件被整体删除/);
  });

  it('deleting a whole case with its outbox and ledger rows leaves holes in the device sequence', async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    // A later operation, so that the deleted ones are not the tail.
    const s = await registerSubject(desk, { kind: 'legal_person', name: '示例县另一虚构公司', uscc: '91210000MA0000002E' } as never);
    if (!s.ok) throw new Error(s.reason);
    await desk.db.caseEvents.where('caseId').equals(caseId).delete();
    await desk.db.cases.delete(caseId);
    await desk.db.outbox.filter((o) => o.entityId === caseId).delete();
    await desk.db.operationLedger.where('entityId').equals(caseId).delete();
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('operation_missing');
    expect(messages(report)).toMatch(/操作记录缺失/);
  });

  it("editing an event's deviceSeq is found", async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    const second = (await loadEvents(desk.db, caseId))[1]!;
    await desk.db.caseEvents.update(second.id, { deviceSeq: second.deviceSeq + 100 });
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('event_not_in_ledger');
    expect(messages(report)).toMatch(/操作序号/);
  });

  it("editing an outbox row's deviceSeq is found", async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    const row = (await desk.db.outbox.filter((o) => o.entityId === caseId).toArray())[1]!;
    await desk.db.outbox.update(row.id, { deviceSeq: row.deviceSeq + 100 });
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('outbox_mismatch');
  });

  it("editing a ledger row's deviceSeq (renumbering to close a hole) is found", async () => {
    const { desk } = await caseWithThreeEvents();
    const rows = await desk.db.operationLedger.orderBy('deviceSeq').toArray();
    const victim = rows[1]!;
    await desk.db.operationLedger.delete(victim.deviceSeq);
    for (const r of rows.slice(2)) {
      await desk.db.operationLedger.delete(r.deviceSeq);
      await desk.db.operationLedger.put({ ...r, deviceSeq: r.deviceSeq - 1 });
    }
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('operation_altered');
  });

  it('deleting the last operation everywhere and fixing the counters breaks the device seal', async () => {
    const { desk, caseId } = await caseWithThreeEvents();
    const events = await loadEvents(desk.db, caseId);
    const last = events.at(-1)!;
    const ops = await desk.db.operationLedger.orderBy('deviceSeq').toArray();
    const tail = ops.filter((o) => o.deviceSeq >= last.deviceSeq);
    for (const o of tail) {
      await desk.db.operationLedger.delete(o.deviceSeq);
      await desk.db.outbox.delete(o.opId);
    }
    await desk.db.caseEvents.delete(last.id);
    await desk.db.cases.update(caseId, { lastSeq: last.seq - 1, lastHash: events.at(-2)!.hash ?? '' });
    const kept = ops.filter((o) => o.deviceSeq < last.deviceSeq).at(-1)!;
    await desk.db.device.update('this', { nextSeq: last.deviceSeq, ledgerHead: kept.mac });
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('device_seal');
    expect(messages(report)).toMatch(/封签不符/);
  });
});

describe('the audit log is chained', () => {
  it('deleting a middle audit row is found', async () => {
    const { desk } = await caseWithThreeEvents();
    const rows = await desk.db.auditLog.orderBy('seq').toArray();
    await desk.db.auditLog.delete(rows[1]!.id);
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('audit_missing');
    expect(messages(report)).toMatch(/审计记录.*缺失/);
  });

  it('editing an audit row is found', async () => {
    const { desk } = await caseWithThreeEvents();
    const rows = await desk.db.auditLog.orderBy('seq').toArray();
    await desk.db.auditLog.update(rows[2]!.id, { actor: { userId: 'x', name: '他人' } });
    const report = await checkIntegrity(desk);
    expect(codes(report)).toContain('audit_altered');
    expect(messages(report)).toMatch(/审计记录.*被改动/);
  });

  it('deleting the last audit row is found, and fixing the counters breaks the seal', async () => {
    const { desk } = await caseWithThreeEvents();
    const rows = await desk.db.auditLog.orderBy('seq').toArray();
    const last = rows.at(-1)!;
    await desk.db.auditLog.delete(last.id);
    expect(codes(await checkIntegrity(desk))).toContain('audit_tail');
    await desk.db.device.update('this', { auditNext: last.seq, auditHead: rows.at(-2)!.mac });
    expect(codes(await checkIntegrity(desk))).toContain('device_seal');
  });
});
