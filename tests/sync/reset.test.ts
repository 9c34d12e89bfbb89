/**
 * 重置本机数据: the guard runs first (unsent rows refuse the reset unless the last export covers them),
 * the typed confirmation is required, and only then is the Dexie database deleted.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Desk } from '../../renderer/src/desk/desk';
import { registerSubject } from '../../renderer/src/desk/subjects';
import { resetLocalData, RESET_CONFIRMATION } from '../../renderer/src/desk/reset';
import { createMemoryLock } from '../../renderer/src/sync/lock';
import { exportUnsent } from '../../renderer/src/sync/sneakernet';
import { checkBeforeDestructive, outboxStore } from '../../renderer/src/desk/sync';
import { officeDesk } from '../renderer/fixtures';

async function withUnsent(): Promise<{ db: Desk; unsent: number }> {
  const db = await officeDesk();
  const s = await registerSubject(db, { kind: 'legal_person', name: '示例县虚构建材有限公司', uscc: '91210000MA0000001B' });
  if (!s.ok) throw new Error(s.reason);
  const unsent = (await outboxStore(db).counts()).unsent;
  expect(unsent).toBeGreaterThan(0);
  return { db, unsent };
}

async function exportNow(db: Desk) {
  return exportUnsent({ store: outboxStore(db), officeId: 'office-1', token: 'tok-0123456789abcdef', deviceId: 'desk-1', fileId: `file-${Date.now()}`, now: () => Date.now() });
}

describe('重置本机数据 (guard, then db.delete())', () => {
  it('is refused while anything is unsent, naming the count and the export; nothing is deleted', async () => {
    const { db, unsent } = await withUnsent();
    const r = await resetLocalData(db, RESET_CONFIRMATION, { lock: createMemoryLock() });
    expect(r).toMatchObject({ ok: false, code: 'unsent', unsent });
    if (r.ok) return;
    expect(r.reasonZh).toContain(`还有 ${unsent} 条记录未报送到市平台，不能重置本机数据`);
    expect(r.reasonZh).toContain('“同步”页面');
    expect(r.reasonZh).toContain('导出离线同步文件');
    expect(db.db.isOpen()).toBe(true);
    expect(await Dexie.exists(db.db.name)).toBe(true);
    expect(await db.db.subjects.count()).toBe(1);
  });

  it('requires the typed words before even looking', async () => {
    const { db } = await withUnsent();
    await exportNow(db);
    for (const typed of ['', '确认', '重置', 'yes']) {
      expect(await resetLocalData(db, typed, { lock: createMemoryLock() })).toMatchObject({ ok: false, code: 'not_confirmed', reasonZh: expect.stringContaining('「确认重置」') });
    }
    expect(await Dexie.exists(db.db.name)).toBe(true);
  });

  it('deletes the database once an export covers every unsent row', async () => {
    const { db } = await withUnsent();
    await exportNow(db);
    expect(await checkBeforeDestructive(db, 'reset')).toMatchObject({ allowed: true });
    const r = await resetLocalData(db, ` ${RESET_CONFIRMATION} `, { lock: createMemoryLock() });
    expect(r).toEqual({ ok: true, deleted: db.db.name });
    expect(await Dexie.exists(db.db.name)).toBe(false);
  });

  it('an export made before a newer change no longer covers it', async () => {
    const { db } = await withUnsent();
    await exportNow(db);
    const s = await registerSubject(db, { kind: 'legal_person', name: '示例县虚构物流有限公司', uscc: '91210000MA0000002E' });
    if (!s.ok) throw new Error(s.reason);
    const r = await resetLocalData(db, RESET_CONFIRMATION, { lock: createMemoryLock() });
    expect(r).toMatchObject({ ok: false, code: 'unsent', reasonZh: expect.stringContaining('上次导出') });
    expect(await Dexie.exists(db.db.name)).toBe(true);
  });

  it('with nothing unsent it resets at once; while a sync holds the device lock it waits', async () => {
    const db = await officeDesk();
    await db.db.outbox.clear();
    const lock = createMemoryLock();
    let inner: unknown;
    await lock.tryRun(async () => {
      inner = await resetLocalData(db, RESET_CONFIRMATION, { lock });
    });
    expect(inner).toMatchObject({ ok: false, code: 'sync_running', reasonZh: expect.stringContaining('同步') });
    expect(await Dexie.exists(db.db.name)).toBe(true);
    expect(await resetLocalData(db, RESET_CONFIRMATION, { lock })).toMatchObject({ ok: true });
    expect(await Dexie.exists(db.db.name)).toBe(false);
  });
});
