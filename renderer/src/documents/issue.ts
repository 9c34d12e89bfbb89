/**
 * Issuing, viewing, correcting and printing (one document or a batch, always with 送达回证). Rendering is injected (`DocumentRenderer`):
 * in the app it is the Web Worker client, in Node tests the engine directly.
 */
import { buildDocument, type BuiltUnit } from '../../../shared/documents/build';
import { batchUnits, servedDocuments, unitsOf, type IssuedDocument, type PrintLogEntry, type ServiceDetails } from '../../../shared/documents/issued';
import type { MissingGlyph } from '../../../shared/documents/glyphs';
import { describeMissing } from '../../../shared/documents/glyphs';
import { resolveTemplate, type DocumentTemplate } from '../../../shared/documents/templates';
import type { DocumentInput } from '../../../shared/documents/types';
import { documentTitle } from '../../../shared/documents/titles';
import type { CaseState } from '../../../shared/case/state';
import { checkIssuable } from '../../../shared/documents/validate';
import { yearOf } from '../../../shared/util/dates';
import { refuse, type Check } from '../../../shared/util/result';
import type { PdfMeta } from '../../../shared/documents/assemble';
import type { DocumentStore } from '../desk/documents/store';

export type RenderOutput = { bytes: Uint8Array; pages: number; sha256: string };

export type DocumentRenderer = {
  /** The characters no available font can draw (empty = all fine). */
  check(units: BuiltUnit[]): Promise<MissingGlyph[]>;
  render(units: BuiltUnit[], meta: PdfMeta, onProgress?: (fraction: number) => void): Promise<RenderOutput>;
};

export type IssueDeps = {
  store: DocumentStore;
  renderer: DocumentRenderer;
  deviceId: string;
  user: string;
  newId: () => string;
  /** ISO timestamp. */
  now: () => string;
  /** Test hook: runs after the number is reserved and the PDF made, before the snapshot is saved. */
  beforeSave?: (doc: IssuedDocument) => void | Promise<void>;
};

export type IssueRequest = {
  input: DocumentInput;
  template?: DocumentTemplate;
  service: ServiceDetails;
  /**
   * The folded case the document is filled from (as it will be once the act the document records is
   * appended): checkIssuable refuses a printed date that differs from it.
   */
  state?: CaseState;
  groupId?: string;
  /** Correction: the id of the valid document this one replaces, and why. */
  corrects?: { id: string; reason: string };
  /** Writes that commit in the same transaction as the snapshot (e.g. the 列入 event the decision records). */
  alsoWrite?: IssuedAlsoWrite;
};

export type IssuedAlsoWrite = { tables: readonly string[]; write: (doc: IssuedDocument) => Promise<void> };

function metaFor(doc: { kindName: string; numberText: string; officeName: string; date: string }): PdfMeta {
  return { title: `${doc.kindName} ${doc.numberText}`, author: doc.officeName, subject: doc.kindName, creationDate: doc.date };
}

export async function issueDocument(deps: IssueDeps, request: IssueRequest): Promise<Check<{ document: IssuedDocument }>> {
  const { input } = request;
  const template = resolveTemplate(input.kind, request.template);
  const valid = checkIssuable(input, template, request.state);
  if (!valid.ok) return valid;
  if (request.corrects) {
    const old = await deps.store.getDocument(request.corrects.id);
    if (!old) return refuse('correct-missing', '要更正的文书不存在。');
    if (old.state !== 'valid') return refuse('correct-voided', `文书 ${old.numberText} 已作废，不能再次更正。`);
    if (!request.corrects.reason.trim()) return refuse('correct-reason-missing', '更正文书必须写明更正理由。');
  }
  const year = yearOf(input.date);
  // Glyphs first: a refused character must not cost a number.
  const prefix = input.office.numbering.documentPrefix;
  const probe = buildDocument(input, { prefix, year, seq: 1 }, template);
  const missing = await deps.renderer.check([probe]);
  if (missing.length > 0) {
    return refuse('glyph-missing', `不能签发《${documentTitle(input)}》：所有可用字体都无法显示 ${describeMissing(missing)}。请核对用字，或在设置中选用含该字的本机字体。`);
  }
  const id = deps.newId();
  const series = { officeId: input.office.officeId, kind: input.kind, year };
  const reserved = await deps.store.reserveNumber(series, deps.deviceId, id, deps.now());
  if (!reserved.ok) return reserved;
  const entry = reserved.entry;
  try {
    const number = { prefix, year, seq: entry.seq };
    const unit = buildDocument(input, number, template);
    const kindName = documentTitle(input);
    const out = await deps.renderer.render([unit], metaFor({ kindName, numberText: unit.numberText, officeName: input.office.name, date: input.date }));
    const doc: IssuedDocument = {
      id,
      caseId: input.caseId ?? '',
      groupId: request.groupId ?? id,
      kind: input.kind,
      officeId: input.office.officeId,
      year,
      seq: entry.seq,
      prefix,
      numberKey: entry.id,
      numberText: unit.numberText,
      subjectName: input.subject.name,
      date: input.date,
      input,
      template,
      templateVersion: template.version,
      pdf: out.bytes,
      sha256: out.sha256,
      pages: out.pages,
      service: request.service,
      issuedAt: deps.now(),
      issuedBy: deps.user,
      deviceId: deps.deviceId,
      state: 'valid',
      ...(request.corrects ? { correctsId: request.corrects.id } : {}),
    };
    await deps.beforeSave?.(doc);
    await deps.store.completeIssue(entry, doc, request.corrects, request.alsoWrite);
    return { ok: true, document: doc };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.voidReservation(entry.id, `签发失败，文号作废：${message}`, deps.now());
    return refuse('issue-failed', `签发失败，文号 ${entry.seq} 已登记作废：${message}`);
  }
}

/**
 * Opens an issued document's stored snapshot (checked against its SHA-256) to look at it.
 * Viewing is NOT logged: only handing the bytes out (print, save, download) is — see `handOut`.
 */
export async function openStored(
  deps: Pick<IssueDeps, 'store'>,
  id: string,
  sha256: (bytes: Uint8Array) => Promise<string>,
): Promise<Check<{ bytes: Uint8Array; document: IssuedDocument }>> {
  const doc = await deps.store.getDocument(id);
  if (!doc) return refuse('not-found', '文书不存在。');
  const hash = await sha256(doc.pdf);
  if (hash !== doc.sha256) return refuse('snapshot-corrupt', `文书 ${doc.numberText} 的存档文件校验不符（SHA-256），不能查看或重印，请联系技术支持。`);
  return { ok: true, bytes: doc.pdf, document: doc };
}

/** How printing (not saving) of a PDF is recorded: first print after issuing, reprint from the list, batch. */
export type PrintAction = Exclude<PrintLogEntry['action'], 'download'>;

/** Bytes that may be handed out, and what the log records when they are. */
export type HandOutJob = { bytes: Uint8Array; sha256: string; pages: number; documentIds: string[]; printAction: PrintAction };

/** The result of the print dialog / save dialog / download: whether the bytes actually left. */
export type Delivery = { handedOut: boolean; message: string };

/**
 * Hands bytes out (`deliver`: print dialog, save dialog or download) and logs it once they left:
 * printing as the job's print action, saving or downloading as 'download', each with the SHA-256 of
 * the bytes. A cancelled dialog is not logged.
 */
export async function handOut(
  deps: Pick<IssueDeps, 'store' | 'newId' | 'now' | 'user'>,
  job: HandOutJob,
  how: 'print' | 'save',
  deliver: (bytes: Uint8Array) => Promise<Delivery>,
): Promise<Delivery> {
  const delivered = await deliver(job.bytes);
  if (delivered.handedOut) {
    const action = how === 'save' ? 'download' : job.printAction;
    await deps.store.logPrint({ id: deps.newId(), at: deps.now(), by: deps.user, action, documentIds: [...job.documentIds], sha256: job.sha256, pages: job.pages });
  }
  return delivered;
}

/** The stored snapshot of one document as a job: saving it is a 'download' of exactly the issued bytes. */
export function storedJob(doc: IssuedDocument): HandOutJob {
  return { bytes: doc.pdf, sha256: doc.sha256, pages: doc.pages, documentIds: [doc.id], printAction: 'reprint' };
}

/**
 * One PDF for printing: every document (odd page start) followed by its 送达回证 — the only print
 * path, for a batch and for one document alike. Documents issued together (same groupId) come
 * along (`servedDocuments`) and share one 送达回证. Rendering is not logged: the returned job is
 * logged by `handOut` when the PDF is printed, saved or downloaded.
 */
export async function printBatch(
  deps: Pick<IssueDeps, 'store' | 'renderer'>,
  docs: readonly IssuedDocument[],
  title: string,
  onProgress?: (fraction: number) => void,
  options: { action?: PrintAction; all?: readonly IssuedDocument[] } = {},
): Promise<Check<{ bytes: Uint8Array; pages: number; sha256: string; documents: IssuedDocument[]; job: HandOutJob }>> {
  if (docs.length === 0) return refuse('nothing-to-print', '没有选中要打印的文书。');
  const voided = docs.find((d) => d.state !== 'valid');
  if (voided) return refuse('print-voided', `文书 ${voided.numberText} 已作废，不能打印送达。`);
  const documents = servedDocuments(docs, options.all ?? (await deps.store.documentsInGroups(Array.from(new Set(docs.map((d) => d.groupId))))));
  const units = batchUnits(documents);
  const latest = documents.map((d) => d.date).sort().at(-1)!;
  const out = await deps.renderer.render(units, { title, author: documents[0]!.input.office.name, subject: title, creationDate: latest }, onProgress);
  const groups = new Set(documents.map((d) => d.groupId)).size;
  const printAction = options.action ?? (groups > 1 ? 'batch-print' : 'print');
  return { ok: true, ...out, documents, job: { bytes: out.bytes, sha256: out.sha256, pages: out.pages, documentIds: documents.map((d) => d.id), printAction } };
}

export { unitsOf };
