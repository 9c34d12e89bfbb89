/**
 * Written documents as desk use cases: the Dexie store (number blocks, 文号 ledger, snapshots,
 * templates, print log), start-up reconciliation of interrupted issues, and issuing documents FROM
 * THE FOLDED CASE: every case-derived field and date comes from shared/documents `documentFromCase`,
 * `checkIssuable` compares each printed date with the case, and a decision that constitutes an act
 * (列入决定书 → 列入; 事先告知书 → its service) appends that act in the issuing transaction, linked to
 * the issued document.
 */
import type { Desk } from '../desk';
import { getOffice } from '../settings';
import { CASE_TABLES, appendToCase, domainEvent, loadEvents, parseActDraft } from '../cases';
import { caseRulesContext } from '../rules';
import { deskWrite, DeskRefusal, INTEGRITY_TABLES, isRefused, refuseWrite, type DeskRefused } from '../write';
import { deviceKeys } from '../keys';
import { DOCUMENT_KINDS, type DocumentInput, type DocumentKind } from '../../../../shared/documents/types';
import { issuingOffice } from '../../../../shared/office/profile';
import { documentFromCase } from '../../../../shared/documents/from-case';
import { documentTitle } from '../../../../shared/documents/titles';
import { appendEvent } from '../../../../shared/case/append';
import { foldCase } from '../../../../shared/case/fold';
import type { CaseState } from '../../../../shared/case/state';
import type { EventDraft, ServiceMethod } from '../../../../shared/case/events';
import type { IsoDate } from '../../../../shared/util/dates';
import { withOfficerValues, type OfficerValues } from '../../documents/forms';
import { issueDocument } from '../../documents/issue';
import type { LedgerEntry, NumberBlock } from '../../../../shared/documents/numbering';
import type { IssuedDocument, PrintLogEntry } from '../../../../shared/documents/issued';
import type { DocumentTemplate } from '../../../../shared/documents/templates';
import type { CaseRow } from '../../db/types';
import type { DocumentRenderer, IssueDeps } from '../../documents/issue';
import type { Check } from '../../../../shared/util/result';
import { createDexieDocumentStore, type DocumentStore } from './store';
import { documentOutboxHook } from './outbox-hook';
import { refusedFor } from '../users/permissions';

const stores = new WeakMap<Desk, DocumentStore>();

/** The desk's document store (its issuing transaction also writes the outbox and audit rows). */
export function documentStore(desk: Desk): DocumentStore {
  let store = stores.get(desk);
  if (!store) {
    store = createDexieDocumentStore(desk.db, documentOutboxHook(desk));
    stores.set(desk, store);
  }
  return store;
}

/** A reservation older than this is an interrupted issue (an issue takes seconds). */
export const STALE_RESERVATION_MS = 10 * 60 * 1000;

/**
 * On opening the documents page: numbers left 'reserved' by a crash are voided with the reason.
 * Recent reservations are left alone: another window of this device may be issuing right now.
 */
export async function reconcileStale(desk: Desk, deviceId: string): Promise<number> {
  const nowMs = Date.parse(desk.clock.now());
  const before = new Date(nowMs - STALE_RESERVATION_MS).toISOString();
  const fixed = await documentStore(desk).reconcile(deviceId, desk.clock.now(), before);
  if (fixed.length > 0) console.warn(`[documents] reconciled ${fixed.length} interrupted number reservation(s)`);
  return fixed.filter((e) => e.state === 'voided').length;
}

/** 分配号段 (审核人 only, audited). */
export async function allocateNumberBlock(desk: Desk, block: Omit<NumberBlock, 'id' | 'assignedAt' | 'assignedBy' | 'source'>): Promise<{ ok: true; block: NumberBlock } | DeskRefused> {
  const denied = refusedFor(desk, 'allocate-numbers');
  if (denied) return denied;
  const full: NumberBlock = { ...block, id: desk.ids(), assignedAt: desk.clock.now(), assignedBy: desk.session.actor().name, source: 'admin' };
  return deskWrite(desk, ['numberBlocks'], async (w) => {
    const added = await documentStore(desk).addBlock(full);
    if (!added.ok) refuseWrite(added.code, added.reason);
    await w.audit('分配文号段', 'numberBlock', full.id, { kind: full.kind, year: full.year, first: full.first, last: full.last, deviceId: full.deviceId });
    return { ok: true as const, block: full };
  });
}

export { createDexieDocumentStore, type DocumentStore };

// ---- Reads ----

export function issuedDocuments(desk: Desk): Promise<IssuedDocument[]> {
  return documentStore(desk).listDocuments();
}

export function printLog(desk: Desk): Promise<PrintLogEntry[]> {
  return documentStore(desk).printLog();
}

export async function latestTemplates(desk: Desk): Promise<Partial<Record<DocumentKind, DocumentTemplate>>> {
  const store = documentStore(desk);
  const out: Partial<Record<DocumentKind, DocumentTemplate>> = {};
  for (const k of DOCUMENT_KINDS) out[k] = await store.latestTemplate(k);
  return out;
}

export function templateVersions(desk: Desk, kind: DocumentKind): Promise<DocumentTemplate[]> {
  return documentStore(desk).templateVersions(kind);
}

export async function numberBlocksView(desk: Desk): Promise<{ blocks: NumberBlock[]; ledger: LedgerEntry[]; remaining: number[] }> {
  const store = documentStore(desk);
  const blocks = await store.listBlocks();
  const ledger = await store.ledger();
  const remaining = await Promise.all(blocks.map((b) => store.remaining(b, b.deviceId)));
  return { blocks, ledger, remaining };
}

/** Recent cases for the issue form's case picker. */
export function recentCases(desk: Desk, limit = 200): Promise<CaseRow[]> {
  return desk.db.cases.orderBy('updatedAt').reverse().limit(limit).toArray();
}

// ---- Writes ----

/** A new version of an office template (audited; issued documents keep the version they used). */
export async function saveTemplate(desk: Desk, kind: DocumentKind, paragraphs: Record<string, string>): Promise<{ ok: true; template: DocumentTemplate } | DeskRefused> {
  return deskWrite(desk, ['documentTemplates'], async (w) => {
    const template = await documentStore(desk).saveTemplate(kind, paragraphs, w.at, w.actor.name);
    await w.audit(`保存文书模板第${template.version}版`, 'template', `${kind}@${template.version}`, { kind, version: template.version });
    return { ok: true as const, template };
  });
}

/** What issuing, printing and handing out need from the desk. */
export function issueDeps(desk: Desk, deviceId: string, renderer: DocumentRenderer): IssueDeps {
  return { store: documentStore(desk), renderer, deviceId, user: desk.session.actor().name, newId: desk.ids, now: desk.clock.now };
}

/** What handing bytes out (print, save, download) needs to log it. */
export function handOutDeps(desk: Desk): Pick<IssueDeps, 'store' | 'newId' | 'now' | 'user'> {
  return { store: documentStore(desk), newId: desk.ids, now: desk.clock.now, user: desk.session.actor().name };
}

// ---- Documents filled from the case ----

export type CaseDocumentRequest = {
  caseId: string;
  kind: DocumentKind;
  /** 成文日期. */
  date: IsoDate;
  /** The objection or repair application the document answers (default: the latest open one). */
  scopeId?: string;
  officer?: OfficerValues;
  /** The 事先告知书 is served as it is issued: the 陈述申辩 period counts from this service. */
  service?: { occurredOn: IsoDate; recipients: string[]; method: ServiceMethod };
  /** Correction: the valid document this one replaces, and why (the act it recorded stays). */
  corrects?: { id: string; reason: string };
};

export type PreparedCaseDocument = {
  input: DocumentInput;
  /** The case as it will be once the act the document records is appended. */
  state: CaseState;
  /** The act the document constitutes (appended when it is issued), if any. */
  act: EventDraft | null;
  /** Fields the officer must still write. */
  officerFields: string[];
  title: string;
  /** The rule set's published measures (the only ones a decision may name). */
  measureCodes: readonly string[];
};

const PENDING_NUMBER = '（签发时编号）';

/** The act a document constitutes: the listing decision lists; the prior notice is served. */
function actOf(request: CaseDocumentRequest, state: CaseState, actor: EventDraft['actor']): EventDraft | null | DeskRefused {
  if (request.corrects) return null;
  if (request.kind === 'listing-decision') {
    return { type: 'listed', occurredOn: request.date, actor, payload: { decisionNo: PENDING_NUMBER, listType: state.listType ?? 'dishonesty_list', priorRepairCompletedOn: null } };
  }
  if (request.kind === 'prior-notice') {
    const s = request.service;
    if (!s) return { ok: false, code: 'service_missing', reason: '请填写事先告知书的送达日期、受送达人和送达方式（陈述申辩期限自送达之日起计算）' };
    return { type: 'pre_notice_served', occurredOn: s.occurredOn, actor, payload: { documentNo: PENDING_NUMBER, recipients: s.recipients, method: s.method } };
  }
  return null;
}

/**
 * The document as the case fills it (for the issue form and for issuing): the case folded with the
 * act the document records, documentFromCase, and the officer's entries. Refuses (Chinese) when the
 * act itself is not allowed now.
 */
export async function prepareCaseDocument(desk: Desk, request: CaseDocumentRequest): Promise<({ ok: true } & PreparedCaseDocument) | DeskRefused> {
  const office = await getOffice(desk.db);
  if (!office) return { ok: false, code: 'office_missing', reason: '请先在“设置”中完成办公室设置' };
  const caseRow = await desk.db.cases.get(request.caseId);
  if (!caseRow) return { ok: false, code: 'case_not_found', reason: '案件不存在' };
  const events = (await loadEvents(desk.db, request.caseId)).map(domainEvent);
  const first = events[0];
  if (!first || first.type !== 'determined') return { ok: false, code: 'case_without_determination', reason: '案件缺少认定事件' };
  const ctx = await caseRulesContext(desk, first.payload.ruleSet, caseRow.subjectId, caseRow.id);
  if (isRefused(ctx)) return ctx;
  const now = foldCase(events, ctx.ruleSet, ctx.calendar, { today: ctx.today });
  const act = actOf(request, now, desk.session.actor());
  if (act && 'ok' in act) return act;
  let state = now;
  if (act) {
    const parsed = parseActDraft(act, act.actor);
    if (!parsed.ok) return parsed;
    const tried = appendEvent(events, parsed.draft, { ...ctx, caseId: caseRow.id, newId: desk.ids, recordedAt: desk.clock.now(), chainKey: await deviceKeys(desk).chainKey() });
    if (!tried.ok) return { ok: false, code: tried.code, reason: tried.reason };
    state = tried.state;
  }
  const filled = documentFromCase(state, request.kind, issuingOffice(office), { ruleSet: ctx.ruleSet, date: request.date, ...(request.scopeId ? { scopeId: request.scopeId } : {}) });
  const end = state.validUntil ?? state.publicationUntil ?? '';
  const input = withOfficerValues(filled.input, request.officer ?? {}, state.listedOn ?? request.date, end);
  return { ok: true, input, state, act, officerFields: filled.officerFields, title: documentTitle(input), measureCodes: ctx.ruleSet.measureCodes };
}

/**
 * 签发 a document of a case: number from this device's blocks, rendered, snapshot stored, outbox and
 * audit rows written, and the act it constitutes appended to the case — the last three in one
 * transaction. Refusals (the case's rules, a printed date that differs from the case, a missing
 * element, no number block) come back in Chinese and cost no number where possible.
 */
export async function issueCaseDocument(desk: Desk, renderer: DocumentRenderer, deviceId: string, request: CaseDocumentRequest): Promise<Check<{ document: IssuedDocument }>> {
  const prepared = await prepareCaseDocument(desk, request);
  if (!prepared.ok) return prepared;
  const store = documentStore(desk);
  const template = await store.latestTemplate(request.kind);
  const recipient = prepared.input.subject.name;
  const act = prepared.act;
  return issueDocument(issueDeps(desk, deviceId, renderer), {
    input: prepared.input,
    template,
    state: prepared.state,
    service: { servingUnit: prepared.input.office.name, recipient },
    ...(request.corrects ? { corrects: request.corrects } : {}),
    ...(act
      ? {
          alsoWrite: {
            tables: [...CASE_TABLES, ...INTEGRITY_TABLES],
            write: async (doc: IssuedDocument) => {
              const numbered = { ...act, payload: act.type === 'listed' ? { ...act.payload, decisionNo: doc.numberText } : act.type === 'pre_notice_served' ? { ...act.payload, documentNo: doc.numberText } : act.payload } as EventDraft;
              const written = await deskWrite(desk, CASE_TABLES, async (w) => {
                const caseRow = await desk.db.cases.get(request.caseId);
                if (!caseRow) refuseWrite('case_not_found', '案件不存在');
                const first = (await loadEvents(desk.db, request.caseId))[0];
                if (!first || first.type !== 'determined') refuseWrite('case_without_determination', '案件缺少认定事件');
                const ctx = await caseRulesContext(desk, first.payload.ruleSet, caseRow.subjectId, caseRow.id);
                if (isRefused(ctx)) refuseWrite(ctx.code, ctx.reason);
                return appendToCase(w, caseRow, false, numbered, ctx, { documentId: doc.id });
              });
              // A refusal here (the case changed since it was prepared) must undo the whole issue.
              if (isRefused(written)) throw new DeskRefusal(written);
            },
          },
        }
      : {}),
  });
}
