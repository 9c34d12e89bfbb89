import type { Migration } from './types';

/**
 * Local accounts (renderer/src/desk/users): one row per person, unique login name. Roles, the
 * scrypt password record and the lock-out counters live on the row. New table, no backfill: the
 * first start after this migration asks for the first 管理员.
 */
export const migration0131: Migration = {
  version: 131,
  name: 'users',
  stores: {
    users: 'id, &loginName',
  },
};
