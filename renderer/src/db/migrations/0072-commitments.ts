import type { Migration } from './types';

/** 信用承诺: one row per commitment with its own events, found by subject. */
export const migration0072: Migration = {
  version: 72,
  name: 'commitments',
  stores: {
    commitments: 'id, subjectId',
  },
};
