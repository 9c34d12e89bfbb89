import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createUlidMaker } from '../../renderer/src/db/ids';
import { ensureDevice, nextDeviceSeq } from '../../renderer/src/desk/device';
import { deskWrite } from '../../renderer/src/desk/write';
import { changeDeadlines } from '../../renderer/src/desk/deadline-days';
import { endOfWeek, isOverdue, listDeadlines, attentionCounts } from '../../renderer/src/desk/deadlines';
import type { DeadlineRow } from '../../renderer/src/db/types';
import { uniqueDbName } from '../helpers/dexie';
import { testDesk } from './fixtures';

describe('ids', () => {
  it('makes 26-character ULIDs that sort by time and stay ordered within one millisecond', () => {
    let t = 1_700_000_000_000;
    const make = createUlidMaker(() => t, (b) => b.fill(7));
    const a = make();
    const b = make();
    t += 1;
    const c = make();
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(new Set([a, b, c]).size).toBe(3);
  });
});

describe('device identity and outbox', () => {
  it('hands out strictly increasing deviceSeq, never reused after a rolled-back transaction', async () => {
    const db = new CreditDeskDb(uniqueDbName('device'));
    const desk = testDesk(db);
    const dev = await ensureDevice(db, desk.ids);
    expect(dev.deviceId).toHaveLength(26);
    expect(dev.lookupSecret).toHaveLength(64);
    await deskWrite(desk, [], async (w) => {
      await w.outbox('subject-upsert', 'S1', { a: 1 });
    });
    await expect(
      deskWrite(desk, [], async (w) => {
        await w.outbox('subject-upsert', 'S2', { a: 2 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const next = await db.transaction('rw', db.device, () => nextDeviceSeq(db, desk.ids));
    expect(next.deviceSeq).toBe(2);
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deviceSeq: 1, state: 'queued', attempts: 0, kind: 'subject-upsert', payloadSchemaVersion: 1 });
    expect(rows[0]!.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });
});

describe('work list queries', () => {
  const row = (id: string, dueDate: string, outcome = 'overdue', extra: Partial<DeadlineRow> = {}): DeadlineRow => {
    const r = { id, caseId: `C-${id}`, caseNo: `N-${id}`, subjectLabel: 'x', kind: 'objection_decision', label: '异议处理决定', dueDate, provisional: false, unset: false, paused: false, outcome, scopeId: null, basis: '', ...extra };
    return { ...r, attention: outcome === 'overdue' ? 1 : 0, flagged: r.provisional || r.unset || r.paused ? 1 : 0 };
  };

  it('filters overdue / today / this week / provisional by index, sorts and pages', async () => {
    const db = new CreditDeskDb(uniqueDbName('deadlines'));
    const desk = testDesk(db, '2026-10-12');
    // Written as the desk writes them: rows and their day counts together.
    await db.transaction('rw', db.deadlines, db.deadlineDays, () => changeDeadlines(db, [], [
      row('a', '2026-10-09'),
      row('b', '2026-10-10'),
      row('c', '2026-10-12'),
      row('d', '2026-10-15'),
      row('e', '2026-11-30', 'overdue', { provisional: true }),
      row('f', '2026-10-01', 'window_closes'),
      row('g', '', 'overdue', { unset: true }),
    ]));
    const today = '2026-10-12'; // a Monday
    expect(endOfWeek(today)).toBe('2026-10-18');
    expect((await listDeadlines(desk, { filter: 'overdue' })).rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await listDeadlines(desk, { filter: 'today' })).rows.map((r) => r.id)).toEqual(['c']);
    expect((await listDeadlines(desk, { filter: 'week' })).rows.map((r) => r.id)).toEqual(['c', 'd']);
    expect((await listDeadlines(desk, { filter: 'provisional' })).rows.map((r) => r.id).sort()).toEqual(['e', 'g']);
    const page0 = await listDeadlines(desk, { filter: 'all', pageSize: 3 });
    expect(page0.rows.map((r) => r.id)).toEqual(['g', 'f', 'a']);
    expect(page0.hasMore).toBe(true);
    expect(page0.total).toBe(7);
    expect((await listDeadlines(desk, { filter: 'all', pageSize: 3, descending: true })).rows[0]!.id).toBe('e');
    expect(await attentionCounts(desk)).toEqual({ overdue: 2, dueToday: 1, week: 1 });
    expect(isOverdue(row('x', '2026-10-11'), today)).toBe(true);
    expect(isOverdue(row('x', '2026-10-11', 'window_closes'), today)).toBe(false);
    db.close();
  });
});
