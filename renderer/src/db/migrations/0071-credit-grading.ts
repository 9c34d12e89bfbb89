import type { Migration } from './types';

/**
 * Credit grading and incentives: credit records per subject (one per case, kept with the case's
 * writes, and records of other sources such as a breached commitment), each subject's credit profile
 * (awards, founding date, opt-out of positive publication), points-scheme and sampling-policy
 * versions, scored facts, and the recorded 双随机 draws.
 */
export const migration0071: Migration = {
  version: 71,
  name: 'credit-grading',
  stores: {
    creditRecords: 'id, subjectId',
    subjectCredit: 'subjectId',
    pointsSchemes: 'id',
    pointsEntries: 'id, subjectId',
    samplingPolicies: 'id',
    sampleDraws: 'id, at',
  },
};
