/** What the documents preview shows and how handing it out is logged. */
import type { IssuedDocument } from '../../../../shared/documents/issued';
import { fileNameOf } from '../../../../shared/documents/issued';
import { DOCUMENT_KIND_SHORT } from '../../../../shared/documents/types';
import { documentTitle } from '../../../../shared/documents/titles';
import type { OfficeProfile } from '../../../../shared/office/profile';
import { storedJob, type HandOutJob, type PrintAction } from '../../documents/issue';

export type Output = {
  title: string;
  fileName: string;
  url: string;
  pages: number;
  /** What printing / saving this preview hands out and how it is logged (viewing is not logged). */
  job: HandOutJob;
  /** Set when the preview shows one issued document's stored snapshot: printing goes through the print path. */
  stored?: IssuedDocument;
  /** How printing from the stored view is logged: 'print' right after issuing, 'reprint' from the list. */
  printAs?: PrintAction;
};

export type Busy = { label: string; percent: number } | null;

/** "列入失信名单决定书示信决〔2026〕3号": the document's printed title and its 文号. */
export function docTitle(doc: IssuedDocument): string {
  return `${documentTitle(doc.input)}${doc.numberText}`;
}

/** The stored snapshot of an issued document, for the preview (查看). */
export function storedOutput(doc: IssuedDocument, printAs: PrintAction): Omit<Output, 'url'> {
  return { title: docTitle(doc), fileName: fileNameOf({ ...doc, kindName: DOCUMENT_KIND_SHORT[doc.kind] }), pages: doc.pages, job: storedJob(doc), stored: doc, printAs };
}

export function officeProblems(office: OfficeProfile | null): string[] {
  if (!office) return ['办公室设置'];
  const out: string[] = [];
  if (!office.name) out.push('发文机关名称');
  if (!office.numbering.documentPrefix) out.push('发文机关代字（文号前缀）');
  if (!office.reviewBody) out.push('行政复议机关');
  if (!office.court) out.push('行政诉讼法院');
  return out;
}

