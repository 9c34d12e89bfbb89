import type { Migration } from './types';

/**
 * Work-list indexes: `[attention+dueDate]` (attention = 1 when the deadline is a task for the office)
 * and `[flagged+dueDate]` (flagged = 1 when provisional, unset or paused), so that the overdue list,
 * the navigation badge and the "暂定" filter are key-range reads and counts — no cursor filters —
 * on a county with 100k cases. Backfills both fields on existing rows.
 */
const ATTENTION_OUTCOMES = ['overdue', 'listing_expires', 'publication_ends'];

export const migration0011: Migration = {
  version: 11,
  name: 'deadline-attention-index',
  stores: {
    deadlines: 'id, caseId, dueDate, kind, [attention+dueDate], [flagged+dueDate]',
  },
  upgrade: async (tx) => {
    await tx
      .table('deadlines')
      .toCollection()
      .modify((row: { outcome?: string; provisional?: boolean; unset?: boolean; paused?: boolean; attention?: number; flagged?: number }) => {
        row.attention = ATTENTION_OUTCOMES.includes(row.outcome ?? '') ? 1 : 0;
        row.flagged = row.provisional || row.unset || row.paused ? 1 : 0;
      });
  },
};
