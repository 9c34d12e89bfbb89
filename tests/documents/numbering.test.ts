import { describe, expect, it } from 'vitest';
import {
  auditSeries,
  checkNewBlock,
  INTERRUPTED_REASON,
  markIssued,
  nextFreeNumber,
  NUMBER_BLOCKS_TAB,
  reconcileReservations,
  remainingNumbers,
  reserveEntry,
  type NumberBlock,
  type NumberSeries,
} from '../../shared/documents/numbering';

const SERIES: NumberSeries = { officeId: 'o1', kind: 'listing-decision', year: 2026 };

function block(id: string, deviceId: string, first: number, last: number, series: NumberSeries = SERIES): NumberBlock {
  return { ...series, id, deviceId, first, last, assignedAt: '2026-01-01T00:00:00Z', assignedBy: 'admin', source: 'admin' };
}

describe('number blocks', () => {
  it('refuses overlapping blocks in one series, across devices', () => {
    const existing = [block('b1', 'A', 1, 50)];
    expect(checkNewBlock(block('b2', 'B', 51, 100), existing)).toEqual({ ok: true });
    const clash = checkNewBlock(block('b3', 'B', 50, 60), existing);
    expect(!clash.ok && clash.code).toBe('block-overlap');
    // names no raw device id; says where a block can start instead
    expect(!clash.ok && clash.reason).toContain('已分配给另一台设备的号段 1–50');
    expect(!clash.ok && clash.reason).toContain('请改用从 51 号起的号段');
    expect(!clash.ok && clash.reason).not.toContain('“A”');
    // another year or kind is another series
    expect(checkNewBlock(block('b4', 'B', 1, 50, { ...SERIES, year: 2027 }), existing)).toEqual({ ok: true });
    expect(checkNewBlock(block('b5', 'B', 1, 50, { ...SERIES, kind: 'repair-notice' }), existing)).toEqual({ ok: true });
    expect(checkNewBlock(block('b6', 'B', 0, 3), existing).ok).toBe(false);
    expect(checkNewBlock(block('b7', 'B', 9, 3), existing).ok).toBe(false);
  });

  it('hands out the lowest free number of this device only', () => {
    const blocks = [block('b2', 'A', 101, 102), block('b1', 'A', 1, 2), block('b3', 'B', 3, 100)];
    const taken = new Set<number>([1]);
    const next = nextFreeNumber(SERIES, 'A', blocks, taken);
    expect(next.ok && next.seq).toBe(2);
    expect(remainingNumbers(SERIES, 'A', blocks, taken)).toBe(3);
    const after = nextFreeNumber(SERIES, 'A', blocks, new Set([1, 2]));
    expect(after.ok && after.seq).toBe(101);
    const exhausted = nextFreeNumber(SERIES, 'A', blocks, new Set([1, 2, 101, 102]));
    expect(!exhausted.ok && exhausted.code).toBe('number-block-exhausted');
    const none = nextFreeNumber(SERIES, 'C', blocks, taken);
    expect(!none.ok && none.code).toBe('no-number-block');
    // both refusals send the officer to the tab that exists
    expect(NUMBER_BLOCKS_TAB).toBe('文号与号段');
    expect(!none.ok && none.reason).toContain('“文书 → 文号与号段”');
    expect(!exhausted.ok && exhausted.reason).toContain('“文书 → 文号与号段”');
  });
});

describe('ledger', () => {
  it('voids stale reservations of this device at start-up', () => {
    const b = block('b1', 'A', 1, 10);
    const reserved = reserveEntry(SERIES, b, 4, 'doc-4', 't1');
    const saved = reserveEntry(SERIES, b, 5, 'doc-5', 't1');
    const other = reserveEntry(SERIES, block('b2', 'B', 11, 20), 11, 'doc-11', 't1');
    const fixed = reconcileReservations([reserved, saved, other, markIssued(reserveEntry(SERIES, b, 3, 'doc-3', 't0'), 't0')], 'A', new Set(['doc-5']), 't2');
    expect(fixed.map((e) => [e.seq, e.state, e.voidReason])).toEqual([
      [4, 'voided', INTERRUPTED_REASON],
      [5, 'issued', undefined],
    ]);
  });

  it('leaves a reservation alone that another window of this device may still be completing', () => {
    const b = block('b1', 'A', 1, 10);
    const recent = reserveEntry(SERIES, b, 6, 'doc-6', '2026-11-22T10:09:00Z');
    const old = reserveEntry(SERIES, b, 5, 'doc-5', '2026-11-22T09:00:00Z');
    const fixed = reconcileReservations([old, recent], 'A', new Set(), '2026-11-22T10:10:00Z', '2026-11-22T10:00:00Z');
    expect(fixed.map((e) => e.seq)).toEqual([5]);
  });

  it('refuses to issue a number twice', () => {
    const e = markIssued(reserveEntry(SERIES, block('b1', 'A', 1, 10), 1, 'd', 't'), 't');
    expect(() => markIssued(e, 't')).toThrow();
  });

  it('audits duplicates and silent gaps', () => {
    const b = block('b1', 'A', 1, 10);
    const entries = [1, 2, 4].map((seq) => markIssued(reserveEntry(SERIES, b, seq, `d${seq}`, 't'), 't'));
    const docs = [
      { id: 'd1', numberKey: entries[0]!.id },
      { id: 'dX', numberKey: entries[0]!.id },
    ];
    expect(auditSeries([b], entries, docs)).toEqual({ duplicates: [1], gaps: [3], reserved: [] });
  });
});
