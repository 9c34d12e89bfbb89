/**
 * 文号 allocation, pure. A series is (office, document kind, year). Each device draws only from
 * number blocks reserved for it (by the office administrator now, by the platform later), so two
 * devices working offline can never hand out the same number. Every number ever taken has a
 * ledger entry: 'reserved' (taken, document not yet saved) → 'issued' (saved with its document)
 * or → 'voided' (never used, with the reason). Entries are never deleted, so a number is never
 * reused and never silently skipped.
 */
import { refuse, type Check } from '../util/result';
import { DOCUMENT_KIND_SHORT, type StoredDocumentKind } from './types';

/** A 文号 series; 'repair-notice' only in ledgers of earlier versions. */
export type NumberSeries = { officeId: string; kind: StoredDocumentKind; year: number };

export type NumberBlock = NumberSeries & {
  id: string;
  deviceId: string;
  /** Inclusive range of sequence numbers. */
  first: number;
  last: number;
  assignedAt: string;
  assignedBy: string;
  source: 'admin' | 'platform';
};

export type LedgerState = 'reserved' | 'issued' | 'voided';

export type LedgerEntry = NumberSeries & {
  /** `${officeId}|${kind}|${year}|${seq}`: one entry per number, forever. */
  id: string;
  seq: number;
  deviceId: string;
  blockId: string;
  state: LedgerState;
  /** The document the number was taken for (its id is made before rendering). */
  documentId: string;
  reservedAt: string;
  issuedAt?: string;
  voidedAt?: string;
  voidReason?: string;
};

export function seriesKey(s: NumberSeries): string {
  return `${s.officeId}|${s.kind}|${s.year}`;
}

export function ledgerId(s: NumberSeries, seq: number): string {
  return `${seriesKey(s)}|${seq}`;
}

export function seriesLabel(s: NumberSeries): string {
  return `${s.year}年${DOCUMENT_KIND_SHORT[s.kind]}`;
}

/** The 文书 page's tab where number blocks are allocated (refusals send the officer there). */
export const NUMBER_BLOCKS_TAB = '文号与号段';

/** The first number after every block of the series (where a new block can start without overlap). */
function nextAfter(series: NumberSeries, blocks: readonly NumberBlock[]): number {
  return blocks.filter((b) => sameSeries(b, series)).reduce((max, b) => Math.max(max, b.last), 0) + 1;
}

function sameSeries(a: NumberSeries, b: NumberSeries): boolean {
  return a.officeId === b.officeId && a.kind === b.kind && a.year === b.year;
}

/** A new block must be a valid range that overlaps no other block of its series (any device). */
export function checkNewBlock(block: NumberBlock, existing: readonly NumberBlock[]): Check {
  if (!Number.isInteger(block.first) || !Number.isInteger(block.last) || block.first < 1 || block.last < block.first) {
    return refuse('block-range-invalid', '号段无效：起止号须为正整数，且止号不小于起号。');
  }
  if (block.last - block.first >= 100_000) return refuse('block-too-large', '号段过大：一个号段最多十万个号。');
  if (!block.deviceId.trim()) return refuse('block-device-missing', `请填写使用这个号段的那台电脑的设备编号（在它的“${NUMBER_BLOCKS_TAB}”页“技术信息”中查看），或选择“本机”。`);
  const clash = existing.find((b) => b.id !== block.id && sameSeries(b, block) && b.first <= block.last && block.first <= b.last);
  if (clash) {
    return refuse(
      'block-overlap',
      `号段 ${block.first}–${block.last} 与${clash.deviceId === block.deviceId ? '这台设备已有' : '已分配给另一台设备'}的号段 ${clash.first}–${clash.last} 重叠（${seriesLabel(block)}），同一文号会被使用两次，不能保存。请改用从 ${nextAfter(block, existing)} 号起的号段。`,
    );
  }
  return { ok: true };
}

/**
 * The lowest number of this device's blocks in the series that has no ledger entry yet.
 * `taken` holds every sequence number with a ledger entry in the series (any state).
 */
export function nextFreeNumber(series: NumberSeries, deviceId: string, blocks: readonly NumberBlock[], taken: ReadonlySet<number>): Check<{ block: NumberBlock; seq: number }> {
  const mine = blocks.filter((b) => b.deviceId === deviceId && sameSeries(b, series)).sort((a, b) => a.first - b.first);
  if (mine.length === 0) {
    return refuse('no-number-block', `本机没有${seriesLabel(series)}的可用号段，请由管理员在“文书 → ${NUMBER_BLOCKS_TAB}”中为本机分配号段后再签发。`);
  }
  for (const block of mine) {
    for (let seq = block.first; seq <= block.last; seq++) {
      if (!taken.has(seq)) return { ok: true, block, seq };
    }
  }
  return refuse('number-block-exhausted', `本机${seriesLabel(series)}的号段已用完（${mine.map((b) => `${b.first}–${b.last}`).join('、')}），请由管理员在“文书 → ${NUMBER_BLOCKS_TAB}”中为本机分配新号段后再签发。`);
}

export function remainingNumbers(series: NumberSeries, deviceId: string, blocks: readonly NumberBlock[], taken: ReadonlySet<number>): number {
  let n = 0;
  for (const b of blocks) {
    if (b.deviceId !== deviceId || !sameSeries(b, series)) continue;
    for (let seq = b.first; seq <= b.last; seq++) if (!taken.has(seq)) n++;
  }
  return n;
}

export function reserveEntry(series: NumberSeries, block: NumberBlock, seq: number, documentId: string, at: string): LedgerEntry {
  return { ...series, id: ledgerId(series, seq), seq, deviceId: block.deviceId, blockId: block.id, state: 'reserved', documentId, reservedAt: at };
}

export function markIssued(entry: LedgerEntry, at: string): LedgerEntry {
  if (entry.state !== 'reserved') throw new Error(`number ${entry.id} is ${entry.state}, cannot be issued`);
  return { ...entry, state: 'issued', issuedAt: at };
}

export function markVoided(entry: LedgerEntry, reason: string, at: string): LedgerEntry {
  if (entry.state !== 'reserved') throw new Error(`number ${entry.id} is ${entry.state}, cannot be voided`);
  return { ...entry, state: 'voided', voidedAt: at, voidReason: reason };
}

export const INTERRUPTED_REASON = '签发过程中断（程序退出或崩溃），文号未用于任何文书，已作废';

/**
 * Start-up reconciliation: a 'reserved' entry of this device whose document was never saved is
 * voided with a reason. Only reservations older than a few minutes are touched (another window
 * of the same device may be issuing right now; an issue takes seconds). If the document WAS saved
 * (the second transaction writes both, so this should not happen) the entry is marked issued.
 */
export function reconcileReservations(
  entries: readonly LedgerEntry[],
  deviceId: string,
  savedDocumentIds: ReadonlySet<string>,
  at: string,
  /** Only reservations made before this ISO time (another window of this device may be issuing right now). */
  reservedBefore: string = at,
): LedgerEntry[] {
  return entries
    .filter((e) => e.state === 'reserved' && e.deviceId === deviceId && e.reservedAt < reservedBefore)
    .map((e) => (savedDocumentIds.has(e.documentId) ? markIssued(e, at) : markVoided(e, INTERRUPTED_REASON, at)));
}

export type SeriesAudit = { duplicates: number[]; gaps: number[]; reserved: number[] };

/**
 * Audit one series: numbers used by two documents (must never happen), numbers inside a used
 * block range below its highest taken number that have no entry (a silent gap), and numbers
 * still reserved.
 */
export function auditSeries(blocks: readonly NumberBlock[], entries: readonly LedgerEntry[], documents: readonly { numberKey: string; id: string }[]): SeriesAudit {
  const byKey = new Map<string, Set<string>>();
  for (const d of documents) {
    const set = byKey.get(d.numberKey) ?? new Set<string>();
    set.add(d.id);
    byKey.set(d.numberKey, set);
  }
  const duplicates = Array.from(byKey.entries())
    .filter(([, ids]) => ids.size > 1)
    .map(([key]) => Number(key.split('|').pop()));
  const seqs = new Set(entries.map((e) => e.seq));
  const gaps: number[] = [];
  for (const b of blocks) {
    const used = entries.filter((e) => e.blockId === b.id).map((e) => e.seq);
    if (used.length === 0) continue;
    const top = Math.max(...used);
    for (let s = b.first; s <= top; s++) if (!seqs.has(s)) gaps.push(s);
  }
  return { duplicates, gaps, reserved: entries.filter((e) => e.state === 'reserved').map((e) => e.seq) };
}
