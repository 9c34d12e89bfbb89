import type { Migration } from './types';

/**
 * Written documents (issue 4): issued-document snapshots (indexes added to the case desk's
 * placeholder table), 文号 blocks per device, the 文号 ledger (one row per number ever taken),
 * versioned office templates and the print/reprint log.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'documents',
  stores: {
    issuedDocuments: 'id, caseId, groupId, kind, &numberKey, state, issuedAt',
    numberBlocks: 'id, [officeId+kind+year], deviceId',
    numberLedger: 'id, [officeId+kind+year], state, deviceId, documentId',
    documentTemplates: 'id, kind, [kind+version]',
    documentPrintLog: 'id, at',
  },
};
