import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, migrateTo, openTestDb, seed } from '../../helpers/dexie';
import { GENESIS_HASH, legacyHashEvent } from '../../../shared/case/hash-chain';
import type { CaseEvent } from '../../../shared/case/events';
import { testDesk } from '../fixtures';
import { verifyCase } from '../../../renderer/src/desk/integrity/check';

/** Two events sealed the way every earlier version did (unkeyed SHA-256). */
function legacyEvents(): CaseEvent[] {
  const base = [
    { id: 'E1', caseId: 'C1', seq: 1, type: 'pre_notice_served', occurredOn: '2025-11-05', recordedAt: '2025-11-05T01:00:00.000Z', actor: { userId: 'u', name: '李办' }, payload: { documentNo: 'X', recipients: ['甲'], method: 'direct' } },
    { id: 'E2', caseId: 'C1', seq: 2, type: 'listed', occurredOn: '2025-11-20', recordedAt: '2025-11-20T01:00:00.000Z', actor: { userId: 'u', name: '李办' }, payload: { decisionNo: 'Y', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
  ] as unknown as CaseEvent[];
  let prev = GENESIS_HASH;
  return base.map((e) => {
    const hash = legacyHashEvent(prev, e);
    const sealed = { ...e, prevHash: prev, hash } as CaseEvent;
    prev = hash;
    return sealed;
  });
}

describe('migration 0130: keyed chains', () => {
  it('marks existing cases, the device counters and the audit log legacy, and the old chains still verify', async () => {
    const db83 = await openTestDb(83);
    const events = legacyEvents();
    await seed(db83, 'device', [{ id: 'this', deviceId: 'DEV1', nextSeq: 3, lookupSecret: 'ab'.repeat(32), createdAt: '2025-01-01T00:00:00.000Z' }]);
    await seed(db83, 'caseEvents', events.map((e, i) => ({ ...e, deviceId: 'DEV1', deviceSeq: i + 1 })));
    await seed(db83, 'cases', [{ id: 'C1', caseNo: '示信案〔2025〕0001号', subjectId: 'S1', subjectLabel: '某公司', ruleSetId: 'r', behaviourCode: '', behaviourLabel: '', severity: 'severe', determinationDate: '2025-11-03', proportionalityNote: '', state: 'D3', stateLabel: '', docNos: [], lastSeq: 2, lastHash: events[1]!.hash, createdAt: '', createdBy: '', updatedAt: '' }]);
    await seed(db83, 'auditLog', [{ id: 'A1', at: '2025-11-05T01:00:00.000Z', actor: { userId: 'u', name: '李办' }, action: '新建案件（认定）', entity: 'case', entityId: 'C1' }]);
    const db = await migrateTo(db83, 130);
    expect(await db.device.get('this')).toMatchObject({ nextSeq: 3, ledgerFrom: 3, ledgerHead: GENESIS_HASH, auditNext: 1, auditHead: GENESIS_HASH });
    expect((await db.cases.get('C1'))?.legacyChainSeq).toBe(2);
    expect(await dump(db, 'operationLedger')).toEqual([]);
    expect(await dump(db, 'chainAnchors')).toEqual([]);
    expect((await db.auditLog.get('A1'))?.seq).toBeUndefined();
    const desk = testDesk(db);
    expect((await verifyCase(desk, 'C1')).ok).toBe(true);
    // The legacy links are still checked: an edit of an old event is found.
    await db.caseEvents.update('E1', { occurredOn: '2025-11-04' });
    expect(await verifyCase(desk, 'C1')).toMatchObject({ ok: false, seq: 1 });
    db.close();
  });
});
