/**
 * 重置本机数据: deletes this device's whole `credit-desk` database (cases, documents, outbox, settings)
 * so that the app starts again at first-run. Refused while anything is unsent unless the last
 * sneaker-net export covers it (renderer/src/sync/guard.ts: destructive actions are impossible while
 * anything is unsent), and only
 * after the officer typed the confirmation words. The check and the delete run under the device's
 * sync lock, so no sync run can add rows (pulled objections become case events) in between.
 *
 *   const r = await resetLocalData(desk, typed, { deviceId });
 *   if (r.ok) location.reload(); else message.error(r.reasonZh);
 */
import type { Desk } from './desk';
import { refusedFor } from './users/permissions';
import { checkBeforeDestructive } from './sync';
import { createDeviceLock, type SyncLock } from '../sync/lock';

export const RESET_CONFIRMATION = '确认重置';

export type ResetOutcome =
  | { ok: true; deleted: string }
  | { ok: false; code: 'not_confirmed' | 'unsent' | 'sync_running' | 'role_required'; reasonZh: string; unsent?: number };

export async function resetLocalData(desk: Desk, typed: string, options: { deviceId?: string; lock?: SyncLock } = {}): Promise<ResetOutcome> {
  const denied = refusedFor(desk, 'settings');
  if (denied) return { ok: false, code: 'role_required', reasonZh: denied.reason };
  if (typed.trim() !== RESET_CONFIRMATION) {
    return { ok: false, code: 'not_confirmed', reasonZh: `请在输入框中输入「${RESET_CONFIRMATION}」四个字后再重置` };
  }
  const lock = options.lock ?? createDeviceLock(options.deviceId ?? 'reset');
  const run = await lock.tryRun(async (): Promise<ResetOutcome> => {
    const verdict = await checkBeforeDestructive(desk, 'reset');
    if (!verdict.allowed) return { ok: false, code: 'unsent', reasonZh: verdict.reasonZh, unsent: verdict.unsent };
    const db = desk.db;
    const name = db.name;
    console.warn(`resetLocalData: deleting database ${name}${verdict.unsent > 0 ? ` (${verdict.unsent} unsent rows, all in the last export)` : ''}`);
    await db.delete();
    return { ok: true, deleted: name };
  });
  if (!run.acquired) return { ok: false, code: 'sync_running', reasonZh: '正在与市平台同步，请等同步结束后再重置本机数据' };
  return run.value;
}

/** 清空培训数据: the training database only (its data is fictional and never synced). */
export async function wipeTrainingData(desk: Desk): Promise<void> {
  if (desk.mode !== 'training') throw new Error('wipeTrainingData: not a training desk');
  console.warn(`wipeTrainingData: deleting database ${desk.db.name}`);
  await desk.db.delete();
}
