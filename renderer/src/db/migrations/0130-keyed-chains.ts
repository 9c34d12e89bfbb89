import type { Migration } from './types';
import type { CaseRow, DeviceRow } from '../types';

const GENESIS_HASH = '0'.repeat(64);

/**
 * Keyed integrity chains (renderer/src/desk/integrity/): the per-device operation ledger (`operationLedger`,
 * primary key deviceSeq), the chain heads the city platform acknowledged (`chainAnchors`) and the
 * audit number of each audit row (`auditLog.seq`).
 *
 * Existing data is marked legacy, never re-hashed (its events may already be on the platform with
 * their hashes): every case keeps its unkeyed links up to its current last event
 * (`legacyChainSeq`), the ledger starts at the device's next number (`ledgerFrom`) and earlier audit
 * rows stay unnumbered. The chain key is not available inside an upgrade, so everything keyed
 * starts with the first write after it.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'keyed-chains',
  stores: { operationLedger: 'deviceSeq, entityId, opId', chainAnchors: 'id, chain', auditLog: 'id, at, entityId, seq' },
  upgrade: async (tx) => {
    await tx.table('device').toCollection().modify((d: DeviceRow) => {
      d.ledgerFrom = d.nextSeq;
      d.ledgerHead = GENESIS_HASH;
      d.auditNext = 1;
      d.auditHead = GENESIS_HASH;
    });
    await tx.table('cases').toCollection().modify((c: CaseRow) => {
      if (c.lastSeq > 0) c.legacyChainSeq = c.lastSeq;
    });
  },
};
