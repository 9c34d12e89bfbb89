/**
 * The immutable snapshot of an issued document and the pure helpers to print it again.
 * Snapshot fields (input, template, number, pdf, sha256) never change after issuing; only the
 * status fields (state, voidedAt, voidReason, correctedById) change when a correction voids it.
 */
import { attachmentNames, buildDocument, serviceProofFor, type BuiltUnit } from './build';
import type { DocumentTemplate } from './templates';
import type { StoredDocumentKind } from './kinds';
import type { DocNumber, StoredDocumentInput } from './types';

export type ServiceDetails = { servingUnit: string; recipient: string; place?: string; method?: string; server?: string };

export type IssuedDocument = {
  id: string;
  /** '' when the document is not attached to a case. */
  caseId: string;
  /**
   * Documents served together share a group. (The 信用修复告知书 is an attachment of the listing
   * decision, inside the same document; snapshots of earlier versions issued it separately, same group.)
   */
  groupId: string;
  kind: StoredDocumentKind;
  officeId: string;
  year: number;
  seq: number;
  prefix: string;
  /** The ledger id of its number. */
  numberKey: string;
  numberText: string;
  subjectName: string;
  date: string;
  input: StoredDocumentInput;
  template: DocumentTemplate;
  templateVersion: number;
  pdf: Uint8Array;
  sha256: string;
  pages: number;
  service: ServiceDetails;
  issuedAt: string;
  issuedBy: string;
  deviceId: string;
  state: 'valid' | 'voided';
  voidedAt?: string;
  voidReason?: string;
  /** On a voided document: the correction that replaced it. */
  correctedById?: string;
  /** On a correction: the document it replaces. */
  correctsId?: string;
};

export type PrintLogEntry = {
  id: string;
  at: string;
  by: string;
  action: 'reprint' | 'print' | 'batch-print' | 'download';
  documentIds: string[];
  /**
   * SHA-256 of the bytes handed out: the stored snapshot for a 'download' of one document, the
   * printed PDF (documents + 送达回证) for 'print' / 'reprint' / 'batch-print'. Viewing is not logged.
   */
  sha256: string;
  pages: number;
};

/** The attachments listed under an issued document (they have no number of their own). */
export function attachmentsOf(doc: Pick<IssuedDocument, 'input'>): string[] {
  return attachmentNames(doc.input);
}

export function docNumberOf(doc: Pick<IssuedDocument, 'prefix' | 'year' | 'seq'>): DocNumber {
  return { prefix: doc.prefix, year: doc.year, seq: doc.seq };
}

/** The document rebuilt from its snapshot (deterministic: same units as when it was issued). */
export function unitsOf(doc: IssuedDocument): BuiltUnit {
  return buildDocument(doc.input, docNumberOf(doc), doc.template);
}

/**
 * Print units for a batch: documents grouped by `groupId` in the given order, each group
 * followed by ONE 送达回证 that lists every document of the group (两书同达).
 */
export function batchUnits(docs: readonly IssuedDocument[]): BuiltUnit[] {
  const groups = new Map<string, IssuedDocument[]>();
  for (const d of docs) {
    const g = groups.get(d.groupId) ?? [];
    g.push(d);
    groups.set(d.groupId, g);
  }
  const out: BuiltUnit[] = [];
  for (const group of groups.values()) {
    const units = group.map(unitsOf);
    const first = group[0]!;
    out.push(...units, serviceProofFor(units, first.service.servingUnit, first.service.recipient, { place: first.service.place, method: first.service.method, server: first.service.server }));
  }
  return out;
}

/**
 * The served units of a selection: every selected valid document brings the valid documents issued
 * with it (same `groupId`), since they are served together under one 送达回证. Groups keep the order of
 * their first selected document; within a group, issue order.
 */
export function servedDocuments(selected: readonly IssuedDocument[], all: readonly IssuedDocument[]): IssuedDocument[] {
  const out: IssuedDocument[] = [];
  const seen = new Set<string>();
  for (const doc of selected) {
    if (seen.has(doc.groupId)) continue;
    seen.add(doc.groupId);
    const partners = all.filter((d) => d.groupId === doc.groupId && d.id !== doc.id && d.state === 'valid');
    const group = [doc, ...partners].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
    out.push(...group);
  }
  return out;
}

/** A file name for a document: 列入决定书某发改信用〔2026〕15号.pdf */
export function fileNameOf(doc: Pick<IssuedDocument, 'numberText' | 'subjectName'> & { kindName: string }): string {
  return `${doc.kindName}${doc.numberText}-${doc.subjectName}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}
