import type { Migration } from './types';

/**
 * The case desk's initial schema. Primary keys are client-made ULIDs ('id'); blobs are never
 * indexed; personal data lives in dedicated fields (`pii`) and is found through keyed hashes
 * (`codeKey`, `searchGrams`) so that encrypting `pii` later does not change this shape.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'initial-case-desk',
  stores: {
    // key/value: office profile, settings, first-run flags
    settings: 'key',
    // this device: deviceId, next deviceSeq, lookup-hash secret
    device: 'id',
    subjects: 'id, &codeKey, kind, *searchGrams, createdAt',
    subjectLinks: 'id, fromSubjectId, toSubjectId, role',
    cases: 'id, &caseNo, subjectId, state, updatedAt, *docNos',
    caseEvents: 'id, caseId, &[caseId+seq], recordedAt',
    basisDocuments: 'id, caseId, docNo',
    attachments: 'id, caseId, ownerId',
    objections: 'id, caseId, state',
    repairs: 'id, caseId, state',
    issuedDocuments: 'id, caseId',
    // derived: open deadlines across all cases (rebuilt per case in the same transaction as its event)
    deadlines: 'id, caseId, dueDate, kind',
    outbox: 'id, state, deviceSeq, [state+deviceSeq]',
    calendars: 'id',
    ruleSets: 'id',
    auditLog: 'id, at, entityId',
  },
};
