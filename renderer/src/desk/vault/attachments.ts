/**
 * Attachment contents (`attachments.blob`). A Blob is read asynchronously, so the middleware cannot
 * seal it inside the transaction: the use case seals the bytes before it opens the transaction, and
 * readers open them with `attachmentContent`. The sha256 of the row is that of the plain bytes.
 */
import type { AttachmentRow } from '../../db/types';
import type { Vault } from './vault';

export const ATTACHMENT_CONTEXT = 'attachments.blob';
const SEALED_TYPE = 'application/x-credit-desk-sealed';

/** The Blob to store for the plain bytes of an attachment. */
export function sealedAttachmentBlob(vault: Vault, bytes: Uint8Array, mimeType: string): Blob {
  if (!vault.encrypting) return new Blob([bytes as BlobPart], { type: mimeType });
  return new Blob([vault.sealBytes(bytes, ATTACHMENT_CONTEXT) as BlobPart], { type: SEALED_TYPE });
}

/** The plain bytes of a stored attachment. */
export async function attachmentBytesOf(vault: Vault, row: Pick<AttachmentRow, 'blob'>): Promise<Uint8Array> {
  return vault.openBytes(new Uint8Array(await row.blob.arrayBuffer()), ATTACHMENT_CONTEXT);
}

/** The attachment as a Blob of its own type (to show or download it). */
export async function attachmentContent(vault: Vault, row: Pick<AttachmentRow, 'blob' | 'mimeType'>): Promise<Blob> {
  return new Blob([(await attachmentBytesOf(vault, row)) as BlobPart], { type: row.mimeType });
}
