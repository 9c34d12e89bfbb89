import type { Migration } from './types';

/**
 * Statistics (统计): each case's contribution rows (`stats`, rewritten per case write, found by
 * caseId), the counts the 统计 page reads (`statsBuckets`, read by metric and month range), and the
 * 双公示 dates recorded for penalty decisions (`penaltyDisclosures`, by case). Existing cases are
 * counted by the desk's one-off rebuild (desk/credit/derived.ts), not here: an upgrade does not fold.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'statistics',
  stores: {
    stats: 'id, caseId',
    statsBuckets: 'id, [metric+month]',
    penaltyDisclosures: 'id, caseId',
  },
};
