/**
 * App glue for sync: the platform settings, the one engine per device, the export, the guard and
 * conflict/quarantine review. UI components call these; tests use the engine directly.
 */
import type { CreditDeskDb } from '../db/database';
import { nextDeviceSeq } from '../db/repositories/device';
import { newId } from '../db/ids';
import { buildOutboxRow, requeueEdited, type OutboxRow } from '../../../shared/sync/outbox';
import { createPulledApplier } from './apply-pulled';
import { createSyncEngine, type SyncProgress, type SyncReport } from './engine';
import { guardDestructiveAction, type DestructiveAction, type GuardVerdict } from './guard';
import { createDeviceLock, type SyncLock } from './lock';
import { exportUnsent } from './sneakernet';
import { createDexieOutboxStore, type OutboxStore } from './store';
import { assertSecurePlatformUrl, createHttpTransport, TransportError } from './transport';

export type PlatformConfig = { baseUrl: string; officeId: string; token: string };

export const CONFIG_KEY = 'platformConfig';
const AUTO_INTERVAL_MS = 15 * 60_000;

let lock: SyncLock | undefined;
const stores = new WeakMap<CreditDeskDb, OutboxStore>();

export function outboxStore(db: CreditDeskDb): OutboxStore {
  let store = stores.get(db);
  if (!store) {
    store = createDexieOutboxStore(db);
    stores.set(db, store);
  }
  return store;
}

export async function getPlatformConfig(db: CreditDeskDb): Promise<PlatformConfig | undefined> {
  return outboxStore(db).getMeta<PlatformConfig>(CONFIG_KEY);
}

/** Validates (HTTPS unless this machine) and saves; throws TransportError with a Chinese message. */
export async function savePlatformConfig(db: CreditDeskDb, config: PlatformConfig): Promise<void> {
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, '');
  assertSecurePlatformUrl(baseUrl);
  if (!config.token.trim()) throw new TransportError('insecure', 'token missing', '请填写平台发放的单位令牌');
  if (!config.officeId.trim()) throw new TransportError('insecure', 'office id missing', '请填写单位编号');
  await outboxStore(db).setMeta(CONFIG_KEY, { baseUrl, officeId: config.officeId.trim(), token: config.token.trim() });
}

function randomUnit(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]! / 2 ** 32;
}

async function attachmentBytes(db: CreditDeskDb, sha256: string): Promise<Uint8Array | undefined> {
  const row = await db.attachments.filter((a) => a.sha256 === sha256).first();
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : undefined;
}

/** One full sync now (the 日终同步 button). */
export async function runSync(db: CreditDeskDb, deviceId: string, onProgress?: (p: SyncProgress) => void, force = true): Promise<SyncReport> {
  const config = await getPlatformConfig(db);
  const now = () => Date.now();
  if (!config) {
    const at = new Date().toISOString();
    return { runId: newId(), startedAt: at, finishedAt: at, outcome: 'error', sent: 0, duplicates: 0, rejected: 0, conflicts: 0, retryLater: 0, pulled: 0, mediaUploaded: 0, mediaMissing: 0, remaining: (await outboxStore(db).counts()).unsent, batches: 0, transportRetries: 0, messageZh: '尚未设置市平台地址和单位令牌', errors: ['not configured'] };
  }
  lock ??= createDeviceLock(deviceId);
  let transport;
  try {
    transport = createHttpTransport({ baseUrl: config.baseUrl, token: config.token, now });
  } catch (error) {
    const at = new Date().toISOString();
    return { runId: newId(), startedAt: at, finishedAt: at, outcome: 'insecure', sent: 0, duplicates: 0, rejected: 0, conflicts: 0, retryLater: 0, pulled: 0, mediaUploaded: 0, mediaMissing: 0, remaining: (await outboxStore(db).counts()).unsent, batches: 0, transportRetries: 0, messageZh: error instanceof TransportError ? error.messageZh : '平台地址不正确', errors: [String(error)] };
  }
  const engine = createSyncEngine({
    store: outboxStore(db),
    transport,
    deviceId,
    now,
    random: randomUnit,
    makeId: newId,
    lock,
    media: { read: (sha) => attachmentBytes(db, sha) },
    onPulled: createPulledApplier(db),
    ...(onProgress ? { onProgress } : {}),
  });
  return engine.runOnce({ force });
}

let autoStarted = false;

/**
 * Background sync every 15 minutes (backoff up to ~10 minutes after failures), only once per window;
 * the device lock keeps it to one engine across windows. Probes the platform; never trusts navigator.onLine.
 */
export function startBackgroundSync(db: CreditDeskDb, deviceId: string): () => void {
  if (autoStarted) return () => undefined;
  autoStarted = true;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    const configured = await getPlatformConfig(db);
    let delay = AUTO_INTERVAL_MS;
    if (configured) {
      const report = await runSync(db, deviceId, undefined, false).catch(() => undefined);
      const ok = report && (report.outcome === 'ok' || report.outcome === 'locked');
      failures = ok ? 0 : failures + 1;
      if (!ok) delay = Math.min(10 * 60_000, 30_000 * 2 ** Math.min(failures - 1, 5)) * (0.5 + randomUnit() / 2);
    }
    if (!stopped) timer = setTimeout(() => void tick(), delay);
  };
  timer = setTimeout(() => void tick(), 5_000);
  // A network change is only a hint to probe sooner.
  const onOnline = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), 1_000);
  };
  window.addEventListener('online', onOnline);
  return () => {
    stopped = true;
    autoStarted = false;
    if (timer) clearTimeout(timer);
    window.removeEventListener('online', onOnline);
  };
}

/** Export every unsent row as an encrypted, signed file (USB handover). */
export async function exportSneakernet(db: CreditDeskDb, deviceId: string): Promise<{ fileName: string; bytes: Uint8Array; count: number }> {
  const config = await getPlatformConfig(db);
  if (!config) throw new TransportError('insecure', 'not configured', '请先在下方填写单位编号和单位令牌（导出文件用令牌加密）');
  const { fileName, text, record } = await exportUnsent({ store: outboxStore(db), officeId: config.officeId, token: config.token, deviceId, fileId: newId(), now: () => Date.now() });
  return { fileName, bytes: new TextEncoder().encode(text), count: record.count };
}

/** For logout, reset and restore: refused while anything is unsent unless an export covers it. */
export function checkBeforeDestructive(db: CreditDeskDb, action: DestructiveAction): Promise<GuardVerdict> {
  return guardDestructiveAction(outboxStore(db), action);
}

/** Quarantined row edited by the officer: same id (the platform never stored it), new hash, back in the queue. */
export async function requeueQuarantined(db: CreditDeskDb, id: string, payload: unknown): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row) throw new Error(`no outbox row ${id}`);
    await db.outbox.put(requeueEdited(row, payload, new Date().toISOString()));
  });
}

export type ConflictResolution = 'keep-platform' | 'send-as-correction';

/**
 * A human decision on a conflict. Never an overwrite: 'keep-platform' closes the local row as
 * reviewed (the platform's version stands); 'send-as-correction' closes it and queues a NEW
 * operation (new id, `supersedes` the old one) carrying the local content.
 */
export async function resolveConflict(db: CreditDeskDb, id: string, resolution: ConflictResolution, reviewer: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.device, async () => {
    const row = await db.outbox.get(id);
    if (!row || row.state !== 'conflict') throw new Error(`row ${id} is not in conflict`);
    const nowIso = new Date().toISOString();
    const closed: OutboxRow & { review?: unknown } = { ...row, state: 'acked', stateChangedAt: nowIso, lastError: `人工核对：${resolution === 'keep-platform' ? '以平台版本为准' : '作为更正重新报送'}（${reviewer}）`, review: { by: reviewer, at: nowIso, resolution } };
    await db.outbox.put(closed);
    if (resolution === 'send-as-correction') {
      const seq = await nextDeviceSeq(db);
      await db.outbox.add(
        buildOutboxRow({ id: newId(), deviceId: seq.deviceId, deviceSeq: seq.deviceSeq, kind: row.kind, entityId: row.entityId, payloadSchemaVersion: row.payloadSchemaVersion, payload: row.payload, recordedAt: nowIso, supersedes: row.id, ...(row.attachments ? { attachments: row.attachments } : {}) }),
      );
    }
  });
}
