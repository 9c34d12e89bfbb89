/**
 * The one vocabulary of written documents (文书), shared by the case events (`served.documentKind`),
 * the document builders, numbering and the issued-document store. Kebab case everywhere.
 */

/** Documents the office issues with a 文号 of their own. */
export type DocumentKind =
  | 'prior-notice'
  | 'listing-decision'
  | 'objection-acceptance'
  | 'objection-decision'
  | 'repair-acceptance'
  | 'repair-decision'
  | 'removal-decision';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'prior-notice',
  'listing-decision',
  'objection-acceptance',
  'objection-decision',
  'repair-acceptance',
  'repair-decision',
  'removal-decision',
];

/**
 * Kinds found in stored snapshots and number ledgers: the issuable kinds plus 'repair-notice', which
 * earlier versions issued as a document of its own. Today the 信用修复告知书 is an attachment (附件) of
 * the listing decision and has no number of its own; old snapshots keep their kind and can be reprinted.
 */
export type StoredDocumentKind = DocumentKind | 'repair-notice';

/**
 * What a `served` event says was served: an issued document kind, a 列入告知书 handed to a further
 * recipient (朝阳房地产规定 第八条: the 主要责任人), or another paper.
 */
export type ServedDocumentKind = DocumentKind | 'listing-notice' | 'other';

export const SERVED_DOCUMENT_KINDS: readonly ServedDocumentKind[] = [...DOCUMENT_KINDS, 'listing-notice', 'other'];

/** Spellings written by earlier versions into `served` events (stored events are hash-chained: never rewritten). */
export const LEGACY_SERVED_KINDS: Readonly<Record<string, ServedDocumentKind>> = {
  listing_decision: 'listing-decision',
  listing_notice: 'listing-notice',
  objection_decision: 'objection-decision',
  repair_decision: 'repair-decision',
  pre_notice: 'prior-notice',
};

/** The current spelling of a served document kind (legacy snake-case spellings are mapped). */
export function normalizeServedKind(kind: string): ServedDocumentKind | null {
  if ((SERVED_DOCUMENT_KINDS as readonly string[]).includes(kind)) return kind as ServedDocumentKind;
  return LEGACY_SERVED_KINDS[kind] ?? null;
}

/** Whether serving this document notifies the subject of its listing (列入决定书 or 列入告知书). */
export function isListingDocument(kind: string): boolean {
  const k = normalizeServedKind(kind);
  return k === 'listing-decision' || k === 'listing-notice';
}
