import type { Transaction } from 'dexie';

/**
 * One numbered schema step. `stores` lists only the tables this step adds or
 * changes (Dexie carries earlier tables forward; `null` drops a table — never do that to synced
 * data). `upgrade` runs inside the version-change transaction: it must return its promise, and
 * throwing aborts the whole upgrade, so the stored version never moves past a failed step.
 */
export type Migration = {
  version: number;
  name: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};
