/**
 * An objection filed online (e.g. at 信用中国) is published by the platform, pulled by the desk, and
 * becomes an `objection_received` event of its case, whose deadline shows in the work list.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform/server/app';
import type { Desk } from '../../renderer/src/desk/desk';
import { loadEvents } from '../../renderer/src/desk/cases';
import { listDeadlines } from '../../renderer/src/desk/deadlines';
import { createPulledApplier } from '../../renderer/src/desk/sync/apply-pulled';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { createHttpTransport } from '../../renderer/src/sync/transport';
import { appendSteps, determinedCaseId, LISTING_STEPS, officeDesk } from '../renderer/fixtures';
import { DB_TARGETS, makeOffice, seededRandom, startTestPlatform, testIdMaker, uniqueId } from './helpers';

const TODAY = '2026-10-12';

async function listedCase(db: Desk): Promise<string> {
  const caseId = await determinedCaseId(db, { today: TODAY });
  await appendSteps(db, caseId, LISTING_STEPS, TODAY);
  return caseId;
}

describe('pulled objections become case events with deadlines', () => {
  let platform: Platform;
  const office = makeOffice();
  beforeAll(async () => {
    platform = await startTestPlatform(DB_TARGETS[0]!, [office]);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('shows an objection filed at 信用中国 in the work list with its decision deadline, and files number blocks', async () => {
    const desk = await officeDesk(undefined, TODAY);
    const db = desk.db;
    const caseId = await listedCase(desk);
    await platform.store.publish(office.id, {
      id: 'XYZG-OBJ-0001',
      kind: 'objection',
      caseId,
      payload: { objectionId: uniqueId('OBJ'), filedOn: '2026-09-30', applicant: '示例县虚构房地产开发有限公司', reasons: '认为认定事实有误', grounds: ['error'], concernsListing: true, channel: 'credit_china' },
    });
    // Ones the desk cannot apply (unknown case; refused by the case's life cycle) stay in the inbox
    // with their reason and do not block the pull.
    await platform.store.publish(office.id, { id: 'XYZG-OBJ-0002', kind: 'objection', caseId: 'no-such-case', payload: { objectionId: 'OBJ-X', filedOn: '2026-09-30', applicant: '某人', reasons: '理由' } });
    await platform.store.publish(office.id, { id: 'XYZG-REP-0003', kind: 'repair-application', caseId, payload: { repairId: 'REP-1', filedOn: '2025-11-01', methods: ['commitment'] } });
    const store = createDexieOutboxStore(db);
    const engine = createSyncEngine({
      store,
      transport: createHttpTransport({ baseUrl: platform.url, token: office.token }),
      deviceId: 'desk-1',
      now: () => Date.now(),
      random: seededRandom(3),
      makeId: testIdMaker('b'),
      sleep: async () => undefined,
      onPulled: createPulledApplier(desk),
    });
    const report = await engine.runOnce();
    expect(report.pulled).toBe(3);
    const events = await loadEvents(db, caseId);
    const received = events.find((e) => e.type === 'objection_received');
    expect(received).toMatchObject({ occurredOn: '2026-09-30', actor: { userId: 'city-platform' }, payload: { channel: 'credit_china' } });
    const list = await listDeadlines(desk, { filter: 'all' });
    expect(list.rows.filter((r) => r.caseId === caseId).map((r) => `${r.kind}:${r.dueDate}`)).toContain('objection_decision:2026-10-10');
    const inbox = await db.table('syncInbox').toArray();
    expect(inbox.find((i) => i.id === 'XYZG-OBJ-0001')?.applied).toMatchObject({ ok: true });
    expect(inbox.find((i) => i.id === 'XYZG-OBJ-0002')?.applied).toMatchObject({ ok: false, reasonZh: '案件不存在' });
    expect(inbox.find((i) => i.id === 'XYZG-REP-0003')?.applied).toMatchObject({ ok: false });
    expect(await store.getMeta('pullCursor')).toBeTruthy();
    // The new event is itself a case write with its outbox row, pushed back in the same run.
    const objectionRows = (await db.outbox.toArray()).filter((r) => (r.payload as { type?: string }).type === 'objection_received');
    expect(objectionRows.map((r) => r.state)).toEqual(['acked']);
    expect(report.outcome).toBe('ok');
    // Pulling again applies nothing twice.
    await platform.store.publish(office.id, { id: 'NB-1', kind: 'number-block', payload: { docKind: 'listing-decision', year: 2026, from: 101, to: 200 } });
    await platform.store.publish(office.id, { id: 'NB-2', kind: 'number-block', payload: { docKind: 'listing-decision', year: 2026, from: 150, to: 160 } });
    await platform.store.publish(office.id, { id: 'NB-3', kind: 'number-block', payload: { docKind: 'listing-decision', year: 2026, from: 301, to: 400, deviceId: 'another-device' } });
    const again = await engine.runOnce();
    expect(again.pulled).toBe(3);
    const blocks = await db.table('numberBlocks').toArray();
    expect(blocks).toEqual([expect.objectContaining({ id: 'platform-NB-1', kind: 'listing-decision', year: 2026, first: 101, last: 200, source: 'platform' })]);
    const inbox2 = await db.table('syncInbox').toArray();
    expect(inbox2.find((i) => i.id === 'NB-2')?.applied).toMatchObject({ ok: false });
    expect(inbox2.find((i) => i.id === 'NB-3')?.applied).toMatchObject({ ok: false, reasonZh: '该文号段分配给其他设备，本机不使用' });
    expect((await engine.runOnce()).pulled).toBe(0);
    expect((await loadEvents(db, caseId)).filter((e) => e.type === 'objection_received')).toHaveLength(1);
  });
});
