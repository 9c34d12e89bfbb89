/**
 * Which fields of which tables hold personal data and are sealed by the vault (docs/encryption.md).
 * Whole fields are sealed; none of them is indexed (an index over ciphertext finds nothing). What stays
 * searchable does so through keyed hashes (codeKey, searchTerms, caseTerms) or public identifiers
 * (统一社会信用代码, organisations' names, 文号).
 */
export const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // The lookup HMAC key is sealed like the data it indexes is hashed: in clear it would let anyone
  // with the database test every ID number against codeKey.
  device: ['lookupSecret'],
  subjects: ['pii'],
  cases: ['subjectLabel'],
  deadlines: ['subjectLabel'],
  caseEvents: ['payload'],
  objections: ['applicant', 'grounds'],
  repairs: ['applicant'],
  outbox: ['payload'],
  syncInbox: ['payload'],
  // Sync meta: the cursor, export records and (browser mode) the platform configuration with its token.
  syncState: ['value'],
  auditLog: ['detail'],
  commitments: ['subjectLabel'],
  issuedDocuments: ['subjectName', 'input', 'service', 'pdf'],
  // attachments.blob is sealed before the transaction (a Blob is read asynchronously): ./attachments.ts
};

/** The additional-data label of a sealed field ('subjects.pii'). */
export function fieldContext(table: string, field: string): string {
  return `${table}.${field}`;
}
