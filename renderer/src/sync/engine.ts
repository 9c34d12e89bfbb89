/**
 * The sync engine: push the outbox in batches, upload media, pull what the platform sends down.
 * Everything with side effects is injected (transport, store, clock, randomness, sleep, lock) so the
 * same code runs in the app and under Node in tests.
 *
 * Guarantees:
 *  - Rows move to `sending` (and get their batchId) before the request leaves; an unanswered batch
 *    is resent whole under the same batchId, which the platform answers idempotently.
 *  - Transport failures (network, timeout, 5xx, 429) are retried with jittered exponential backoff
 *    within a run, then left queued with a next-attempt time (capped near 10 minutes).
 *  - A rejected operation is quarantined alone; the rest of the batch proceeds. A conflict is kept
 *    for human review and never overwritten.
 *  - Reachability is probed (ping), never taken from navigator.onLine.
 */
import { backoffDelayMs, classifyHttpStatus, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../shared/sync/backoff';
import { measureSkew, type SkewMeasurement } from '../../../shared/sync/clock';
import { applyOpResult, toPushOperation, verifyReceipt, type OutboxRow } from '../../../shared/sync/outbox';
import { MAX_BATCH_BYTES, MEDIA_CHUNK_BYTES, type OpResult, type PulledItem, type PushRequest } from '../../../shared/sync/protocol';
import { createMemoryLock, type SyncLock } from './lock';
import type { OutboxStore } from '../desk/sync/outbox-store';
import { TransportError, type SyncTransport } from './transport';

export type SyncOutcome = 'ok' | 'partial' | 'offline' | 'auth' | 'upgrade' | 'insecure' | 'locked' | 'error';

export type SyncReport = {
  runId: string;
  startedAt: string;
  finishedAt: string;
  outcome: SyncOutcome;
  /** Accepted by the platform in this run. */
  sent: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  retryLater: number;
  pulled: number;
  mediaUploaded: number;
  /** Attachments the platform still misses after this run. */
  mediaMissing: number;
  /** Unsent rows left (queued + sending + quarantined + conflict). */
  remaining: number;
  batches: number;
  transportRetries: number;
  skew?: SkewMeasurement;
  messageZh: string;
  errors: string[];
};

export type SyncProgress = { phase: 'probe' | 'media' | 'push' | 'pull' | 'done'; done: number; total: number; messageZh: string };

export type MediaSource = { read(sha256: string): Promise<Uint8Array | undefined> };

export type SyncEngineDeps = {
  store: OutboxStore;
  transport: SyncTransport;
  deviceId: string;
  now: () => number;
  random: () => number;
  makeId: () => string;
  sleep?: (ms: number) => Promise<void>;
  lock?: SyncLock;
  media?: MediaSource;
  /**
   * Called after each pulled page is stored (outside its transaction) to turn objections and repair
   * applications into case events; it must also pick up items a crash left unapplied.
   */
  onPulled?: (items: PulledItem[]) => Promise<void>;
  batchSize?: number;
  /** Retries of one batch within a run before leaving it for later. */
  maxTransportRetries?: number;
  /** Backoff inside one run (short) and between runs (long, capped near 10 minutes). */
  inRunBackoff?: BackoffPolicy;
  betweenRunsBackoff?: BackoffPolicy;
  pullLimit?: number;
  onProgress?: (progress: SyncProgress) => void;
};

export type SyncEngine = {
  /** One full sync (the 日终同步 button passes force: true to also try rows waiting for their retry time). */
  runOnce(options?: { force?: boolean }): Promise<SyncReport>;
  /** Background loop: syncs, then waits (backoff after failures, `intervalMs` after success). Returns a stop function. */
  startAuto(intervalMs: number): () => void;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function approxBytes(rows: OutboxRow[]): number {
  let n = 0;
  for (const r of rows) n += JSON.stringify(r.payload ?? null).length + 400;
  return n;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const store = deps.store;
  const transport = deps.transport;
  const sleep = deps.sleep ?? defaultSleep;
  const lock = deps.lock ?? createMemoryLock();
  const batchSize = deps.batchSize ?? 500;
  const maxRetries = deps.maxTransportRetries ?? 6;
  const inRun = deps.inRunBackoff ?? { baseMs: 500, capMs: 15_000 };
  const betweenRuns = deps.betweenRunsBackoff ?? DEFAULT_BACKOFF;
  const iso = (ms = deps.now()) => new Date(ms).toISOString();
  const progress = (p: SyncProgress) => deps.onProgress?.(p);
  let consecutiveFailures = 0;

  async function run(force: boolean): Promise<SyncReport> {
    const startedMs = deps.now();
    const report: SyncReport = {
      runId: deps.makeId(),
      startedAt: iso(startedMs),
      finishedAt: '',
      outcome: 'ok',
      sent: 0,
      duplicates: 0,
      rejected: 0,
      conflicts: 0,
      retryLater: 0,
      pulled: 0,
      mediaUploaded: 0,
      mediaMissing: 0,
      remaining: 0,
      batches: 0,
      transportRetries: 0,
      messageZh: '',
      errors: [],
    };

    const stopWith = (outcome: SyncOutcome, error: unknown) => {
      report.outcome = outcome;
      const zh = error instanceof TransportError ? error.messageZh : '同步出错';
      report.errors.push(error instanceof Error ? error.message : String(error));
      report.messageZh = zh;
    };

    const classify = (error: unknown): SyncOutcome | 'retry' => {
      if (error instanceof TransportError) {
        if (error.kind === 'insecure') return 'insecure';
        if (error.kind === 'network' || error.kind === 'timeout') return 'retry';
        if (error.kind === 'protocol') return 'retry';
        const c = classifyHttpStatus(error.status ?? 500);
        if (c === 'auth') return 'auth';
        if (c === 'upgrade') return 'upgrade';
        if (c === 'retry') return 'retry';
        return 'error';
      }
      return 'error';
    };

    // ---- probe (never trust navigator.onLine)
    progress({ phase: 'probe', done: 0, total: 1, messageZh: '正在连接市平台…' });
    let probeOk = false;
    for (let attempt = 1; attempt <= 2 && !probeOk; attempt++) {
      const sent = deps.now();
      try {
        const ping = await transport.ping();
        report.skew = measureSkew(sent, deps.now(), ping.serverTime);
        await store.setMeta('clockSkew', { ...report.skew, measuredAt: iso() });
        probeOk = true;
      } catch (error) {
        const c = classify(error);
        if (c !== 'retry' || attempt === 2) {
          stopWith(c === 'retry' ? 'offline' : c, error);
          return finish(report);
        }
        report.transportRetries++;
        progress({ phase: 'probe', done: 0, total: 1, messageZh: `${error instanceof TransportError ? error.messageZh.split('。')[0] : '连接市平台没有成功'}，正在重试…` });
        await sleep(backoffDelayMs(attempt, deps.random, inRun));
      }
    }

    // ---- media first (an event never arrives before the file it refers to), then push
    await uploadMedia(report);

    // Rows that got an answer (or gave up) in this run are not claimed again in it.
    const exclude = new Set<string>();
    const pushPhase = async (): Promise<void> => {
      const counts = await store.counts();
      const total = counts.queued + counts.sending;
      let done = 0;
      let limit = batchSize;
      progress({ phase: 'push', done, total, messageZh: `正在报送 0 / ${total}` });
      for (;;) {
        const rows = await store.claim({ limit, nowIso: iso(), force, exclude });
        if (rows.length === 0) break;
        for (const r of rows) exclude.add(r.id);
        // Keep batches under the byte limit: split fresh batches; resent batches keep their composition.
        if (!rows[0]!.batchId && rows.length > 1 && approxBytes(rows) > MAX_BATCH_BYTES * 0.8) {
          for (const r of rows.slice(Math.ceil(rows.length / 2))) exclude.delete(r.id);
          rows.splice(Math.ceil(rows.length / 2));
        }
        const batchId = rows[0]!.batchId ?? deps.makeId();
        if (!rows[0]!.batchId) {
          await store.markSending(rows, batchId, iso());
          for (const r of rows) {
            r.state = 'sending';
            r.batchId = batchId;
          }
        }
        const media = rows.flatMap((r) => (r.attachments ?? []).map((a) => ({ sha256: a.sha256, size: a.size, opId: r.id })));
        await store.enqueueMedia(media);
        const request: PushRequest = { v: 1, batchId, deviceId: deps.deviceId, sentAt: iso(), ops: rows.map(toPushOperation) };
        report.batches++;

        let results: OpResult[] | undefined;
        let fatal: SyncOutcome | undefined;
        for (let attempt = 1; ; attempt++) {
          try {
            const response = await transport.push({ ...request, sentAt: iso() });
            results = response.results;
            break;
          } catch (error) {
            const c = classify(error);
            if (error instanceof TransportError && (error.status === 413 || error.status === 400) && rows.length > 1) {
              // The envelope was refused as a whole: split and try smaller batches.
              await store.release(rows.map((r) => r.id), { clearBatch: true, lastError: error.message });
              for (const r of rows) exclude.delete(r.id);
              limit = Math.max(1, Math.floor(rows.length / 2));
              break;
            }
            if (error instanceof TransportError && (error.status === 413 || error.status === 400) && rows.length === 1) {
              const row = rows[0]!;
              const result: OpResult = { id: row.id, status: 'rejected', errors: [{ path: '(batch)', code: error.code ?? 'bad-batch', message: error.message, messageZh: error.messageZh }] };
              results = [result];
              break;
            }
            if (c === 'retry' && attempt <= maxRetries) {
              report.transportRetries++;
              const wait = Math.max(backoffDelayMs(attempt, deps.random, inRun), error instanceof TransportError ? Math.min(error.retryAfterMs ?? 0, inRun.capMs) : 0);
              const why = error instanceof TransportError ? error.messageZh.split('。')[0] : '报送没有成功';
              progress({ phase: 'push', done: Math.min(done, total), total, messageZh: `${why}，${Math.ceil(wait / 1000)}秒后第 ${attempt} 次重试（最多 ${maxRetries} 次）…` });
              await sleep(wait);
              continue;
            }
            fatal = c === 'retry' ? 'partial' : c;
            report.errors.push(error instanceof Error ? error.message : String(error));
            if (error instanceof TransportError) report.messageZh = error.messageZh;
            await store.release(rows.map((r) => r.id), { nextAttemptAt: iso(deps.now() + backoffDelayMs(consecutiveFailures + 1, deps.random, betweenRuns)), lastError: error instanceof Error ? error.message : String(error) });
            break;
          }
        }
        if (fatal) {
          report.outcome = fatal;
          break;
        }
        if (!results) continue; // split: reclaim smaller

        const byId = new Map(results.map((r) => [r.id, r]));
        const nowIso = iso();
        const updated: OutboxRow[] = [];
        const unanswered: string[] = [];
        for (const row of rows) {
          const answer = byId.get(row.id);
          if (!answer) {
            unanswered.push(row.id);
            continue;
          }
          // A receipt acks only the row whose id and payload hash it names.
          const result = verifyReceipt(row, answer);
          const retryAt = result.status === 'retry-later' ? iso(deps.now() + Math.max(result.retryAfterMs, backoffDelayMs(row.attempts + 1, deps.random, betweenRuns))) : nowIso;
          updated.push(applyOpResult(row, result, nowIso, retryAt));
          if (result.status === 'accepted') report.sent++;
          else if (result.status === 'duplicate') report.duplicates++;
          else if (result.status === 'rejected') report.rejected++;
          else if (result.status === 'conflict') report.conflicts++;
          else report.retryLater++;
        }
        await store.saveRows(updated);
        if (unanswered.length > 0) await store.release(unanswered, { lastError: 'no answer for this operation in the batch response' });
        done += rows.length;
        progress({ phase: 'push', done: Math.min(done, total), total, messageZh: `正在报送 ${Math.min(done, total)} / ${total}` });
      }
    };
    await pushPhase();

    // ---- media the platform reported missing (after the push so receipts are known)
    await uploadMedia(report);

    // ---- pull
    if (report.outcome === 'ok') {
      progress({ phase: 'pull', done: 0, total: 0, messageZh: '正在接收平台下发的事项…' });
      try {
        let cursor = await store.getMeta<string>('pullCursor');
        for (let page = 0; page < 10_000; page++) {
          const response = await transport.pull(cursor, deps.pullLimit ?? 200);
          const fresh = await store.applyPulled(response.items, response.cursor, iso());
          report.pulled += fresh.length;
          if (deps.onPulled) await deps.onPulled(fresh);
          cursor = response.cursor;
          progress({ phase: 'pull', done: report.pulled, total: report.pulled, messageZh: `已接收 ${report.pulled} 项` });
          if (!response.hasMore) break;
        }
      } catch (error) {
        const c = classify(error);
        report.outcome = c === 'retry' ? 'partial' : c;
        report.errors.push(error instanceof Error ? error.message : String(error));
        if (error instanceof TransportError) report.messageZh = error.messageZh;
      }
    }
    // Pulled objections and repairs became case events (and outbox rows): send them in the same run.
    if (report.outcome === 'ok' && report.pulled > 0) await pushPhase();
    return finish(report);
  }

  async function uploadMedia(report: SyncReport): Promise<void> {
    if (!deps.media) return;
    const pending = await store.pendingMedia(200);
    for (const item of pending) {
      progress({ phase: 'media', done: report.mediaUploaded, total: pending.length, messageZh: `正在上传附件 ${report.mediaUploaded + 1} / ${pending.length}` });
      try {
        const bytes = await deps.media.read(item.sha256);
        if (!bytes) {
          await store.saveMedia({ ...item, attempts: item.attempts + 1, lastError: 'attachment bytes not found on this device' });
          continue;
        }
        let status = await transport.mediaStatus(item.sha256);
        let offset = status?.received ?? 0;
        let guard = 0;
        while (!status?.complete && guard++ < Math.ceil(bytes.length / MEDIA_CHUNK_BYTES) + 4) {
          const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + MEDIA_CHUNK_BYTES));
          status = await transport.uploadChunk(item.sha256, offset, bytes.length, chunk);
          offset = status.received;
        }
        if (status?.complete) {
          await store.saveMedia({ ...item, state: 'done', attempts: item.attempts + 1 });
          report.mediaUploaded++;
        } else {
          await store.saveMedia({ ...item, attempts: item.attempts + 1, lastError: 'upload did not complete' });
        }
      } catch (error) {
        await store.saveMedia({ ...item, attempts: item.attempts + 1, lastError: error instanceof Error ? error.message : String(error) });
        // The network is down or the platform does not answer: the other files would wait as long.
        if (error instanceof TransportError && (error.kind === 'network' || error.kind === 'timeout')) {
          report.errors.push(error.message);
          break;
        }
      }
    }
  }

  async function finish(report: SyncReport): Promise<SyncReport> {
    const counts = await store.counts();
    report.remaining = counts.unsent;
    report.mediaMissing = (await store.pendingMedia(10_000)).length;
    if (report.outcome === 'ok' && counts.queued + counts.sending > 0) report.outcome = 'partial';
    report.finishedAt = iso();
    if (!report.messageZh) {
      report.messageZh =
        report.outcome === 'ok'
          ? `同步完成：报送 ${report.sent} 条，重复 ${report.duplicates} 条，退回 ${report.rejected} 条，冲突 ${report.conflicts} 条，接收 ${report.pulled} 项${report.mediaMissing > 0 ? `；还有 ${report.mediaMissing} 个附件未上传，下次同步时继续` : ''}`
          : `部分完成：仍有 ${counts.queued + counts.sending} 条待报送`;
    }
    consecutiveFailures = report.outcome === 'ok' ? 0 : consecutiveFailures + 1;
    await store.setMeta('lastReport', report);
    await store.appendLog({ id: report.runId, at: report.finishedAt, kind: 'sync-run', message: `sync ${report.outcome}: sent ${report.sent}, dup ${report.duplicates}, rejected ${report.rejected}, conflicts ${report.conflicts}, pulled ${report.pulled}`, detail: { errors: report.errors } });
    progress({ phase: 'done', done: 1, total: 1, messageZh: report.messageZh });
    return report;
  }

  return {
    async runOnce(options = {}) {
      const result = await lock.tryRun(() => run(options.force ?? false));
      if (result.acquired) return result.value;
      const at = iso();
      return {
        runId: deps.makeId(),
        startedAt: at,
        finishedAt: at,
        outcome: 'locked',
        sent: 0,
        duplicates: 0,
        rejected: 0,
        conflicts: 0,
        retryLater: 0,
        pulled: 0,
        mediaUploaded: 0,
        mediaMissing: 0,
        remaining: (await store.counts()).unsent,
        batches: 0,
        transportRetries: 0,
        messageZh: '另一个窗口正在同步，请稍候',
        errors: [],
      };
    },
    startAuto(intervalMs) {
      let stopped = false;
      void (async () => {
        while (!stopped) {
          const report = await this.runOnce().catch(() => undefined);
          if (stopped) break;
          const failed = !report || (report.outcome !== 'ok' && report.outcome !== 'locked');
          await sleep(failed ? backoffDelayMs(consecutiveFailures, deps.random, betweenRuns) : intervalMs);
        }
      })();
      return () => {
        stopped = true;
      };
    },
  };
}
