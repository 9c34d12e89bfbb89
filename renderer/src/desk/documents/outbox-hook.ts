/**
 * Issued documents travel to the city platform as 'document-issued' operations. The row carries
 * the document's metadata and the SHA-256 of its PDF, not the bytes (the platform needs the
 * number, the kind and proof of what was served; the PDF stays in the office).
 */
import type { Desk } from '../desk';
import { appendOutboxRow } from '../outbox';
import { deviceKeys } from '../keys';
import { INTEGRITY_TABLES } from '../write';
import { appendAuditRow } from '../audit';
import type { IssuedDocument } from '../../../../shared/documents/issued';
import type { IssuedHook } from './store';

export type IssuedDocumentPayload = {
  documentId: string;
  caseId: string;
  groupId: string;
  kind: IssuedDocument['kind'];
  numberText: string;
  officeId: string;
  year: number;
  seq: number;
  subjectName: string;
  date: string;
  templateVersion: number;
  sha256: string;
  pages: number;
  issuedAt: string;
  issuedBy: string;
  /** The document this one corrects (and voids), if it is a correction. */
  correctsId?: string;
};

export function issuedDocumentPayload(doc: IssuedDocument, supersededId?: string): IssuedDocumentPayload {
  const payload: IssuedDocumentPayload = {
    documentId: doc.id,
    caseId: doc.caseId,
    groupId: doc.groupId,
    kind: doc.kind,
    numberText: doc.numberText,
    officeId: doc.officeId,
    year: doc.year,
    seq: doc.seq,
    subjectName: doc.subjectName,
    date: doc.date,
    templateVersion: doc.templateVersion,
    sha256: doc.sha256,
    pages: doc.pages,
    issuedAt: doc.issuedAt,
    issuedBy: doc.issuedBy,
  };
  const corrects = supersededId ?? doc.correctsId;
  if (corrects) payload.correctsId = corrects;
  return payload;
}

/** The outbox row and the audit row of an issued document, written in the issuing transaction. */
export function documentOutboxHook(desk: Desk): IssuedHook {
  return {
    tables: [...INTEGRITY_TABLES],
    // The chain key is fetched before the issuing transaction opens (not one of its requests).
    prepare: async () => {
      await deviceKeys(desk).chainKey();
    },
    async inTransaction(doc, supersededId) {
      const chainKey = deviceKeys(desk).loadedChainKey();
      if (!chainKey) throw new Error('documentOutboxHook: the chain key was not loaded before the issuing transaction');
      await appendOutboxRow(desk.db, desk.ids, chainKey, 'document-issued', doc.caseId || doc.id, issuedDocumentPayload(doc, supersededId), doc.issuedAt);
      await appendAuditRow(desk.db, desk.ids, chainKey, desk.session.actor(), doc.issuedAt, supersededId ? `更正文书（作废原文书）` : '签发文书', 'document', doc.id, { numberText: doc.numberText, kind: doc.kind, caseId: doc.caseId, sha256: doc.sha256, ...(supersededId ? { supersededId } : {}) });
    },
  };
}
