/**
 * Sync as desk use cases: the platform settings, the one engine per device, the export, the guard
 * and conflict/quarantine review. UI components call these; tests use the engine directly.
 * A training desk never syncs (its data is fictional and must never reach the platform).
 */
import type { Desk } from '../desk';
import type { InboxRow } from './outbox-store';
import { buildOutboxRow, requeueEdited, type OutboxRow } from '../../../../shared/sync/outbox';
import { recordOperations } from '../integrity/chains';
import { createPulledApplier } from './apply-pulled';
import { createSyncEngine, type SyncProgress, type SyncReport } from '../../sync/engine';
import { guardDestructiveAction, type DestructiveAction, type GuardVerdict } from '../../sync/guard';
import { createDeviceLock, type SyncLock } from '../../sync/lock';
import { exportUnsent } from '../../sync/sneakernet';
import { createDexieOutboxStore, type OutboxStore } from './outbox-store';
import { assertSecurePlatformUrl, createHttpTransport, TransportError } from '../../sync/transport';
import { deskWrite, refuseWrite, type DeskRefused } from '../write';
import { refusedFor } from '../users/permissions';
import { desktopApi, isBrowserMode } from '../../bridge/desktop';
import type { DesktopApi } from '../../../../electron/ipc/contract';
import { attachmentBytesOf } from '../vault/attachments';

export type PlatformConfig = { baseUrl: string; officeId: string; token: string };

export const CONFIG_KEY = 'platformConfig';

/** The card on the 同步 page where the connection is set (messages name it so the officer finds it). */
export const PLATFORM_SETTINGS_TITLE = '市平台连接设置';

/** 日终同步 before the connection is set: what is missing and where to set it. */
export const NOT_CONFIGURED_ZH = `尚未设置市平台连接，无法同步：请在“同步”页下方的“${PLATFORM_SETTINGS_TITLE}”中填写平台地址、单位编号和单位令牌（由市平台发放），保存后再按“日终同步”。未报送的记录都保存在本机，不会丢失。`;

/** A training desk's data is fictional: it never reaches the platform. */
export const TRAINING_NO_SYNC_ZH = '培训模式的数据是虚构的，不能同步到市平台。要同步办公室的正式数据，请到“设置”→“培训模式”点“退出培训模式”。';
const AUTO_INTERVAL_MS = 15 * 60_000;

let lock: SyncLock | undefined;
const stores = new WeakMap<Desk, OutboxStore>();

export function outboxStore(desk: Desk): OutboxStore {
  let store = stores.get(desk);
  if (!store) {
    store = createDexieOutboxStore(desk.db);
    stores.set(desk, store);
  }
  return store;
}

/**
 * Where the sync token is kept (it also keys the offline file): by main's keyring (safeStorage) in the
 * desktop build; in browser mode in `syncState`, sealed under the data key like every value there
 * (docs/encryption.md). Never in clear in IndexedDB.
 */
export type TokenKeeper = Pick<DesktopApi, 'getSecretsStatus' | 'putSecret' | 'getSecret' | 'deleteSecret'>;

type StoredPlatformConfig = { baseUrl: string; officeId: string; token?: string; tokenInKeyring?: true };

function appTokenKeeper(): TokenKeeper | undefined {
  return typeof window !== 'undefined' && !isBrowserMode() ? desktopApi() : undefined;
}

/** The platform address and office id (no token): for the settings form and status lines. */
export type PlatformSettings = { baseUrl: string; officeId: string; tokenSaved: boolean };

export async function platformSettings(desk: Desk): Promise<PlatformSettings | undefined> {
  const stored = await outboxStore(desk).getMeta<StoredPlatformConfig>(CONFIG_KEY);
  return stored ? { baseUrl: stored.baseUrl, officeId: stored.officeId, tokenSaved: !!(stored.token || stored.tokenInKeyring) } : undefined;
}

export async function getPlatformConfig(desk: Desk, keeper: TokenKeeper | undefined = appTokenKeeper()): Promise<PlatformConfig | undefined> {
  const stored = await outboxStore(desk).getMeta<StoredPlatformConfig>(CONFIG_KEY);
  if (!stored) return undefined;
  if (!stored.tokenInKeyring) return stored.token ? { baseUrl: stored.baseUrl, officeId: stored.officeId, token: stored.token } : undefined;
  const secret = keeper ? await keeper.getSecret({ name: 'sync-token' }) : undefined;
  const token = secret?.ok ? secret.value.value : undefined;
  return token ? { baseUrl: stored.baseUrl, officeId: stored.officeId, token } : undefined;
}

/** Stores the configuration; the token goes to the keyring when main can keep it. An empty token keeps the saved one. */
export async function storePlatformConfig(desk: Desk, config: PlatformConfig, keeper: TokenKeeper | undefined = appTokenKeeper()): Promise<void> {
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, '');
  const officeId = config.officeId.trim();
  let token = config.token.trim();
  if (!token) token = (await getPlatformConfig(desk, keeper))?.token ?? '';
  if (!token) throw new TransportError('insecure', 'token missing', '请填写平台发放的单位令牌');
  let stored: StoredPlatformConfig = { baseUrl, officeId, token };
  const status = keeper ? await keeper.getSecretsStatus() : undefined;
  if (keeper && status?.ok && status.value.usable) {
    const put = await keeper.putSecret({ name: 'sync-token', value: token });
    if (!put.ok) throw new TransportError('insecure', 'token not stored', put.error.messageZh);
    stored = { baseUrl, officeId, tokenInKeyring: true };
  } else if (!desk.vault.encrypting) {
    throw new TransportError('insecure', 'no key for the token', '本机数据尚未加密，不能保存单位令牌。请重新打开办案台后再试。');
  }
  const saved = await deskWrite(desk, ['syncState'], async (w) => {
    await outboxStore(desk).setMeta(CONFIG_KEY, stored);
    await w.audit('设置市平台连接', 'sync', CONFIG_KEY, { baseUrl, officeId });
    return { ok: true as const };
  });
  if (!saved.ok) throw new TransportError('insecure', saved.code, saved.reason);
}

/** Validates (HTTPS unless this machine) and saves; throws TransportError with a Chinese message. */
export async function savePlatformConfig(desk: Desk, config: PlatformConfig): Promise<void> {
  config = { ...config, token: config.token ?? '' };
  if (desk.mode === 'training') throw new TransportError('insecure', 'training desk', '培训模式不能连接市平台（培训数据是虚构的）。要设置办公室的市平台连接，请到“设置”→“培训模式”点“退出培训模式”。');
  const denied = refusedFor(desk, 'settings');
  if (denied) throw new TransportError('insecure', 'role required', denied.reason);
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, '');
  assertSecurePlatformUrl(baseUrl);
  if (!config.officeId.trim()) throw new TransportError('insecure', 'office id missing', '请填写单位编号');
  await storePlatformConfig(desk, config);
  // The desktop build only lets the window connect to the configured platform (CSP connect-src).
  const pinned = await desktopApi().setPlatformOrigin({ url: baseUrl });
  if (!pinned.ok) throw new TransportError('insecure', 'origin not pinned', pinned.error.messageZh);
  if (pinned.value.reloadRequired && typeof window !== 'undefined' && !isBrowserMode()) window.location.reload();
}

function randomUnit(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]! / 2 ** 32;
}

async function attachmentBytes(desk: Desk, sha256: string): Promise<Uint8Array | undefined> {
  const row = await desk.db.attachments.filter((a) => a.sha256 === sha256).first();
  return row ? attachmentBytesOf(desk.vault, row) : undefined;
}

/** One full sync now (the 日终同步 button). */
export async function runSync(desk: Desk, deviceId: string, onProgress?: (p: SyncProgress) => void, force = true): Promise<SyncReport> {
  const now = () => Date.now();
  if (desk.mode === 'training') {
    const at = new Date().toISOString();
    return { runId: desk.ids(), startedAt: at, finishedAt: at, outcome: 'error', sent: 0, duplicates: 0, rejected: 0, conflicts: 0, retryLater: 0, pulled: 0, mediaUploaded: 0, mediaMissing: 0, remaining: 0, batches: 0, transportRetries: 0, messageZh: TRAINING_NO_SYNC_ZH, errors: ['training desk'] };
  }
  const config = await getPlatformConfig(desk);
  if (!config) {
    const at = new Date().toISOString();
    return { runId: desk.ids(), startedAt: at, finishedAt: at, outcome: 'error', sent: 0, duplicates: 0, rejected: 0, conflicts: 0, retryLater: 0, pulled: 0, mediaUploaded: 0, mediaMissing: 0, remaining: (await outboxStore(desk).counts()).unsent, batches: 0, transportRetries: 0, messageZh: NOT_CONFIGURED_ZH, errors: ['not configured'] };
  }
  lock ??= createDeviceLock(deviceId);
  let transport;
  try {
    transport = createHttpTransport({ baseUrl: config.baseUrl, token: config.token, now });
  } catch (error) {
    const at = new Date().toISOString();
    return { runId: desk.ids(), startedAt: at, finishedAt: at, outcome: 'insecure', sent: 0, duplicates: 0, rejected: 0, conflicts: 0, retryLater: 0, pulled: 0, mediaUploaded: 0, mediaMissing: 0, remaining: (await outboxStore(desk).counts()).unsent, batches: 0, transportRetries: 0, messageZh: error instanceof TransportError ? error.messageZh : '平台地址不正确', errors: [String(error)] };
  }
  const engine = createSyncEngine({
    store: outboxStore(desk),
    transport,
    deviceId,
    now,
    random: randomUnit,
    makeId: desk.ids,
    lock,
    media: { read: (sha) => attachmentBytes(desk, sha) },
    onPulled: createPulledApplier(desk),
    ...(onProgress ? { onProgress } : {}),
  });
  return engine.runOnce({ force });
}

let autoStarted = false;

/**
 * Background sync every 15 minutes (backoff up to ~10 minutes after failures), only once per window;
 * the device lock keeps it to one engine across windows. Probes the platform; never trusts navigator.onLine.
 */
export function startBackgroundSync(desk: Desk, deviceId: string): () => void {
  if (autoStarted || desk.mode === 'training') return () => undefined;
  autoStarted = true;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    if (stopped) return;
    const configured = await getPlatformConfig(desk);
    let delay = AUTO_INTERVAL_MS;
    if (configured) {
      const report = await runSync(desk, deviceId, undefined, false).catch(() => undefined);
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
export async function exportSneakernet(desk: Desk, deviceId: string): Promise<{ fileName: string; bytes: Uint8Array; count: number }> {
  if (desk.mode === 'training') throw new TransportError('insecure', 'training desk', '培训模式的数据是虚构的，不能导出给市平台。要导出办公室的正式数据，请到“设置”→“培训模式”点“退出培训模式”。');
  const config = await getPlatformConfig(desk);
  if (!config) throw new TransportError('insecure', 'not configured', `导出前请先在“同步”页下方的“${PLATFORM_SETTINGS_TITLE}”中填写单位编号和单位令牌并保存（导出文件用单位令牌加密）`);
  const { fileName, text, record } = await exportUnsent({ store: outboxStore(desk), officeId: config.officeId, token: config.token, deviceId, fileId: desk.ids(), now: () => Date.now() });
  return { fileName, bytes: new TextEncoder().encode(text), count: record.count };
}

/** For logout, reset and restore: refused while anything is unsent unless an export covers it. */
export function checkBeforeDestructive(desk: Desk, action: DestructiveAction): Promise<GuardVerdict> {
  return guardDestructiveAction(outboxStore(desk), action);
}

/** Quarantined row edited by the officer: same id (the platform never stored it), new hash, back in the queue. */
export async function requeueQuarantined(desk: Desk, id: string, payload: unknown): Promise<{ ok: true } | DeskRefused> {
  return deskWrite(desk, ['outbox'], async (w) => {
    const row = await desk.db.outbox.get(id);
    if (!row) refuseWrite('outbox_unknown', '找不到该待同步记录');
    if (row.state !== 'quarantined') refuseWrite('outbox_not_quarantined', '只有被平台退回的记录才能修改后重新报送');
    await desk.db.outbox.put(requeueEdited(row, payload, w.at));
    await w.audit('修改被退回的记录并重新报送', 'sync', id);
    return { ok: true as const };
  });
}

export type ConflictResolution = 'keep-platform' | 'send-as-correction';

/**
 * A human decision on a conflict. Never an overwrite: 'keep-platform' closes the local row as
 * reviewed (the platform's version stands); 'send-as-correction' closes it and queues a NEW
 * operation (new id, `supersedes` the old one) carrying the local content.
 */
export async function resolveConflict(desk: Desk, id: string, resolution: ConflictResolution): Promise<{ ok: true } | DeskRefused> {
  return deskWrite(desk, ['outbox'], async (w) => {
    const row = await desk.db.outbox.get(id);
    if (!row || row.state !== 'conflict') refuseWrite('outbox_not_conflict', '该记录不是冲突记录');
    const reviewer = w.actor.name;
    const closed: OutboxRow & { review?: unknown } = { ...row, state: 'acked', stateChangedAt: w.at, lastError: `人工核对：${resolution === 'keep-platform' ? '以平台版本为准' : '作为更正重新报送'}（${reviewer}）`, review: { by: reviewer, at: w.at, resolution } };
    await desk.db.outbox.put(closed);
    if (resolution === 'send-as-correction') {
      const seq = await w.deviceSeq();
      await recordOperations(desk.db, desk.ids, w.chainKey, [
        buildOutboxRow({ id: desk.ids(), deviceId: seq.deviceId, deviceSeq: seq.deviceSeq, kind: row.kind, entityId: row.entityId, payloadSchemaVersion: row.payloadSchemaVersion, payload: row.payload, recordedAt: w.at, supersedes: row.id, ...(row.attachments ? { attachments: row.attachments } : {}) }),
      ]);
    }
    await w.audit(resolution === 'keep-platform' ? '冲突核对：以平台版本为准' : '冲突核对：作为更正重新报送', 'sync', id);
    return { ok: true as const };
  });
}

export type { InboxRow } from './outbox-store';

/** What the platform sent down most recently (newest first). */
export async function pulledItems(desk: Desk, limit: number): Promise<InboxRow[]> {
  return desk.db.table<InboxRow, string>('syncInbox').orderBy('publishedAt').reverse().limit(limit).toArray();
}
