import type { Migration } from './types';

/**
 * The work list's kind filter as key ranges: `[kind+dueDate]`, `[attention+kind+dueDate]` and
 * `[flagged+kind+dueDate]` replace the plain `kind` index, so 期限类型 alone or with 已逾期 /
 * 暂定 reads and counts one range instead of filtering (and counting by a second scan) every row of
 * the other index. No backfill: the fields exist on every row (migration 0011).
 */
export const migration0082: Migration = {
  version: 82,
  name: 'deadline-kind-indexes',
  stores: {
    deadlines: 'id, caseId, dueDate, [attention+dueDate], [flagged+dueDate], [kind+dueDate], [attention+kind+dueDate], [flagged+kind+dueDate]',
  },
};
