/**
 * Issuing, reprinting, correcting and batch printing. Rendering is injected (`DocumentRenderer`):
 * in the app it is the Web Worker client, in Node tests the engine directly.
 */
import { buildDocument, type BuiltUnit } from '../../../shared/documents/build';
import { batchUnits, unitsOf, type IssuedDocument, type PrintLogEntry, type ServiceDetails } from '../../../shared/documents/issued';
import type { MissingGlyph } from '../../../shared/documents/glyphs';
import { describeMissing } from '../../../shared/documents/glyphs';
import { resolveTemplate, type DocumentTemplate } from '../../../shared/documents/templates';
import { DOCUMENT_KIND_NAMES, type DocumentInput, type ListingDecisionInput, type RepairNoticeInput } from '../../../shared/documents/types';
import { checkIssuable } from '../../../shared/documents/validate';
import { yearOf } from '../../../shared/util/dates';
import { refuse, type Check } from '../../../shared/util/result';
import type { PdfMeta } from '../../../shared/documents/assemble';
import type { DocumentStore } from './store';

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
  groupId?: string;
  /** Correction: the id of the valid document this one replaces, and why. */
  corrects?: { id: string; reason: string };
};

function metaFor(doc: { kindName: string; numberText: string; officeName: string; date: string }): PdfMeta {
  return { title: `${doc.kindName} ${doc.numberText}`, author: doc.officeName, subject: doc.kindName, creationDate: doc.date };
}

export async function issueDocument(deps: IssueDeps, request: IssueRequest): Promise<Check<{ document: IssuedDocument }>> {
  const { input } = request;
  const template = resolveTemplate(input.kind, request.template);
  const valid = checkIssuable(input, template);
  if (!valid.ok) return valid;
  if (request.corrects) {
    const old = await deps.store.getDocument(request.corrects.id);
    if (!old) return refuse('correct-missing', '要更正的文书不存在。');
    if (old.state !== 'valid') return refuse('correct-voided', `文书 ${old.numberText} 已作废，不能再次更正。`);
    if (!request.corrects.reason.trim()) return refuse('correct-reason-missing', '更正文书必须写明更正理由。');
  }
  const year = yearOf(input.date);
  // Glyphs first: a refused character must not cost a number.
  const probe = buildDocument(input, { prefix: input.office.numberPrefix, year, seq: 1 }, template);
  const missing = await deps.renderer.check([probe]);
  if (missing.length > 0) {
    return refuse('glyph-missing', `不能签发《${DOCUMENT_KIND_NAMES[input.kind]}》：所有可用字体都无法显示 ${describeMissing(missing)}。请核对用字，或在设置中选用含该字的本机字体。`);
  }
  const id = deps.newId();
  const series = { officeId: input.office.officeId, kind: input.kind, year };
  const reserved = await deps.store.reserveNumber(series, deps.deviceId, id, deps.now());
  if (!reserved.ok) return reserved;
  const entry = reserved.entry;
  try {
    const number = { prefix: input.office.numberPrefix, year, seq: entry.seq };
    const unit = buildDocument(input, number, template);
    const kindName = DOCUMENT_KIND_NAMES[input.kind];
    const out = await deps.renderer.render([unit], metaFor({ kindName, numberText: unit.numberText, officeName: input.office.name, date: input.date }));
    const doc: IssuedDocument = {
      id,
      caseId: input.caseId ?? '',
      groupId: request.groupId ?? id,
      kind: input.kind,
      officeId: input.office.officeId,
      year,
      seq: entry.seq,
      prefix: input.office.numberPrefix,
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
    await deps.store.completeIssue(entry, doc, request.corrects);
    return { ok: true, document: doc };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.voidReservation(entry.id, `签发失败，文号作废：${message}`, deps.now());
    return refuse('issue-failed', `签发失败，文号 ${entry.seq} 已登记作废：${message}`);
  }
}

/**
 * 两书同达: issue the listing decision and its 信用修复告知书 as one group (served together, one
 * 送达回证 listing both). The notice quotes the decision's number, so it is issued second.
 */
export async function issueListingWithRepairNotice(
  deps: IssueDeps,
  listing: ListingDecisionInput,
  notice: Omit<RepairNoticeInput, 'decisionNumber' | 'decisionName' | 'kind'>,
  service: ServiceDetails,
  templates: { listing?: DocumentTemplate; notice?: DocumentTemplate } = {},
): Promise<Check<{ decision: IssuedDocument; notice: IssuedDocument }>> {
  const noticeProbe: RepairNoticeInput = { ...notice, kind: 'repair-notice', decisionNumber: '（待编号）', decisionName: DOCUMENT_KIND_NAMES['listing-decision'] };
  const noticeValid = checkIssuable(noticeProbe, templates.notice);
  if (!noticeValid.ok) return noticeValid;
  const decision = await issueDocument(deps, { input: listing, template: templates.listing, service });
  if (!decision.ok) return decision;
  const noticeInput: RepairNoticeInput = { ...notice, kind: 'repair-notice', decisionNumber: decision.document.numberText, decisionName: DOCUMENT_KIND_NAMES['listing-decision'] };
  const issued = await issueDocument(deps, { input: noticeInput, template: templates.notice, service, groupId: decision.document.groupId });
  if (!issued.ok) return refuse(issued.code, `${issued.reason}（决定书 ${decision.document.numberText} 已签发，请补签信用修复告知书）`);
  return { ok: true, decision: decision.document, notice: issued.document };
}

/** A reprint hands out the stored bytes (checked against their SHA-256) and is logged. */
export async function reprint(deps: Pick<IssueDeps, 'store' | 'newId' | 'now' | 'user'>, id: string, sha256: (bytes: Uint8Array) => Promise<string>): Promise<Check<{ bytes: Uint8Array; document: IssuedDocument }>> {
  const doc = await deps.store.getDocument(id);
  if (!doc) return refuse('not-found', '文书不存在。');
  const hash = await sha256(doc.pdf);
  if (hash !== doc.sha256) return refuse('snapshot-corrupt', `文书 ${doc.numberText} 的存档文件校验不符（SHA-256），不能重印，请联系技术支持。`);
  await deps.store.logPrint({ id: deps.newId(), at: deps.now(), by: deps.user, action: 'reprint', documentIds: [doc.id], sha256: doc.sha256, pages: doc.pages });
  return { ok: true, bytes: doc.pdf, document: doc };
}

/** One PDF for printing: every document (odd page start) followed by its 送达回证; logged. */
export async function printBatch(
  deps: Pick<IssueDeps, 'store' | 'renderer' | 'newId' | 'now' | 'user'>,
  docs: readonly IssuedDocument[],
  title: string,
  onProgress?: (fraction: number) => void,
): Promise<Check<{ bytes: Uint8Array; pages: number; sha256: string }>> {
  if (docs.length === 0) return refuse('nothing-to-print', '没有选中要打印的文书。');
  const voided = docs.find((d) => d.state !== 'valid');
  if (voided) return refuse('print-voided', `文书 ${voided.numberText} 已作废，不能打印送达。`);
  const units = batchUnits(docs);
  const latest = docs.map((d) => d.date).sort().at(-1)!;
  const out = await deps.renderer.render(units, { title, author: docs[0]!.input.office.name, subject: title, creationDate: latest }, onProgress);
  const entry: PrintLogEntry = { id: deps.newId(), at: deps.now(), by: deps.user, action: docs.length > 1 ? 'batch-print' : 'print', documentIds: docs.map((d) => d.id), sha256: out.sha256, pages: out.pages };
  await deps.store.logPrint(entry);
  return { ok: true, ...out };
}

export { unitsOf };
