/**
 * 校验完整性 catches every tampering an attacker with raw access to the database can do (黑龙江条例
 * 第三十六条: no 篡改, no 违规删除). Each case below passed the check before chains were keyed.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEvents, recordAct, verifyCase } from '../../../renderer/src/desk/cases';
import type { Desk } from '../../../renderer/src/desk/desk';
import { GENESIS_HASH, legacyHashEvent } from '../../../shared/case/hash-chain';
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
