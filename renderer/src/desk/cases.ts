/**
 * Cases: the append-only, hash-chained event log of each case and the rows derived from it.
 *
 * One path for every act (`recordAct`, `openCase`, and the documents' issuing hook): the draft is
 * parsed with shared/'s schema, shared/'s `appendEvent` decides whether the act is allowed and seals
 * it onto the chain, and ONE transaction (deskWrite) writes the event, its outbox row, the case row,
 * the derived rows (open deadlines, objections, repairs) and nothing else. A refusal writes nothing.
 * The renderer holds no copy of a legal rule: every date and every refusal comes from shared/.
 */
import type { CreditDeskDb } from '../db/database';
import type { Collection } from 'dexie';
import type { AttachmentRow, BasisDocumentRow, CaseEventRow, CaseRow, CaseTermsRow, DeadlineRow, ObjectionRow, RepairRow, SubjectRow } from '../db/types';
import type { Actor, CaseEvent, CaseEventType, EventDraft, SubjectRef } from '../../../shared/case/events';
import { CASE_EVENT_LABELS } from '../../../shared/case/events';
import type { CaseState, Deadline } from '../../../shared/case/state';
import { appendEvent } from '../../../shared/case/append';
import { canPerform, type PerformCheck } from '../../../shared/case/can-perform';
import { foldCase } from '../../../shared/case/fold';
import { parseEventDraft } from '../../../shared/case/schema';
import { followUpActs } from '../../../shared/case/joint';
import type { IsoDate } from '../../../shared/util/dates';
import { sha256, toHex } from '../../../shared/sync/hash';
import type { Desk } from './desk';
import { caseRulesContext, type CaseRulesContext } from './rules';
import { attachmentContent, sealedAttachmentBlob } from './vault/attachments';
import { linkedPersons, personCodeKey, personNameKey, subjectLabel, type LinkedPerson } from './subjects';
import { codeQuery, keyTerm, nameContains, nameQueryKey, needsRecheck } from './search-terms';
import { cappedCount, COUNT_CAP, distinctKeysPage, firstPage, lazySource, runSearch, searchMatches, type SearchCount, type SearchMatch, type SearchPage, type SearchSource } from './search';
import { lookupSecret } from './device';
import { checkCitizenId } from '../../../shared/identifiers/citizen-id';
import { listingNoticeRecipients } from '../../../shared/case/recipients';
import { documentTitle } from '../../../shared/documents/titles';
import type { IssuedDocument } from '../../../shared/documents/issued';
import { deskWrite, isRefused, refuseWrite, type DeskRefused, type WriteScope } from './write';
import { CREDIT_CASE_TABLES, rewriteCreditDerived } from './credit/derived';
import { caseListRow, caseTermsRow, documentNumbersOf } from './case-index';
import { changeDeadlines } from './deadline-days';
import { actRefusedFor } from './users/permissions';

/** Outcomes that make a deadline a task for the office (red when past due). */
const ACTIONABLE = new Set(['overdue', 'listing_expires', 'publication_ends']);
/** Outcomes shown in the work list (a right of the subject ending is shown, eligibility dates are not). */
const LISTED = new Set([...ACTIONABLE, 'window_closes']);

export function isActionable(outcome: string): boolean {
  return ACTIONABLE.has(outcome);
}

/** The tables a case write touches (callers that join a case write to their own add theirs). */
export const CASE_TABLES = [
  ...new Set(['cases', 'caseEvents', 'deadlines', 'objections', 'repairs', 'ruleSets', 'calendars', 'settings', 'basisDocuments', 'attachments', 'subjects', 'caseTerms', 'caseList', 'documentNumbers', 'deadlineDays', ...CREDIT_CASE_TABLES] as const),
];

export type ActDraft = { type: CaseEventType; occurredOn: IsoDate; payload: unknown };

export type ActOk = { ok: true; event: CaseEventRow; state: CaseState; caseRow: CaseRow };
export type ActResult = ActOk | DeskRefused;

export type ActOptions = {
  /** Who acts when it is not the session's officer (e.g. the platform for pulled filings). */
  actor?: Actor;
  /** Extra derived data for this act: the received-materials checklist of a repair application. */
  repairMaterials?: RepairRow['materials'];
  /** Runs inside the same transaction after the event is written. */
  after?: (result: ActOk, w: WriteScope) => Promise<void>;
  /** The issued document the act is recorded by (a 列入决定书, a served 事先告知书). */
  documentId?: string;
  /** Set on the follow-up acts the desk appends itself (they do not trigger further follow-ups). */
  followUp?: boolean;
};

/** The domain event only: storage extras (deviceId, deviceSeq, documentId) are not part of the chain. */
export function domainEvent(event: CaseEvent): CaseEvent {
  const { id, caseId, seq, type, occurredOn, recordedAt, actor, payload, prevHash, hash } = event;
  return { id, caseId, seq, type, occurredOn, recordedAt, actor, payload, ...(prevHash === undefined ? {} : { prevHash }), ...(hash === undefined ? {} : { hash }) } as CaseEvent;
}

/**
 * Parses what a form (or an import, or the platform) built into an event draft with shared/'s draft
 * schema: the type must be known, the date valid, the payload exactly the event's shape.
 */
export function parseActDraft(value: unknown, actor: Actor): { ok: true; draft: EventDraft } | DeskRefused {
  const v = value as Partial<ActDraft> | null;
  const parsed = parseEventDraft({ type: v?.type, occurredOn: v?.occurredOn, actor, payload: v?.payload });
  if (parsed.ok) return parsed;
  console.warn(`parseActDraft: ${String(v?.type)} refused: ${parsed.errors.join('; ')}`);
  return { ok: false, code: parsed.code, reason: parsed.reason };
}

/** The audit log's words for one recorded act (the single and the bulk path). */
export function actAuditAction(type: CaseEventType): string {
  return `办理“${CASE_EVENT_LABELS[type]}”`;
}

export async function loadEvents(db: CreditDeskDb, caseId: string): Promise<CaseEventRow[]> {
  return db.caseEvents.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).toArray();
}

/** The work list's note on a row whose day was counted without that year's 节假日安排. */
export const PROVISIONAL_NOTE = '所涉年份的节假日安排尚未公布，日期为暂定';

export function deadlineRows(caseRow: CaseRow, deadlines: readonly Deadline[]): DeadlineRow[] {
  return deadlines
    .filter((d) => LISTED.has(d.outcome) || d.unset)
    .map((d): DeadlineRow => ({
      id: `${caseRow.id}:${d.key}:${d.scopeId ?? ''}`,
      caseId: caseRow.id,
      caseNo: caseRow.caseNo,
      subjectLabel: caseRow.subjectLabel,
      kind: d.key,
      label: d.label,
      dueDate: d.dueOn ?? '',
      provisional: d.provisional,
      unset: d.unset,
      paused: d.paused,
      outcome: d.outcome,
      scopeId: d.scopeId,
      attention: ACTIONABLE.has(d.outcome) ? 1 : 0,
      flagged: d.provisional || d.unset || d.paused ? 1 : 0,
      basis: d.basis,
      ...(d.unset ? { note: '规则集中此期限未设置，请在“设置”中配置后方可继续' } : d.paused ? { note: '计时中止中' } : d.provisional ? { note: PROVISIONAL_NOTE } : {}),
    }));
}

/** The objection rows of a fold (`prev`: the stored row of the same objection, kept for createdAt). */
export function objectionRows(caseId: string, state: CaseState, events: readonly CaseEvent[], at: string, prev: (id: string) => ObjectionRow | undefined): ObjectionRow[] {
  return state.objections.map((o) => {
    const received = events.find((e) => e.type === 'objection_received' && e.payload.objectionId === o.objectionId);
    return {
      id: o.objectionId,
      caseId,
      receivedDate: o.receivedOn,
      applicant: received?.type === 'objection_received' ? received.payload.applicant : '',
      grounds: received?.type === 'objection_received' ? received.payload.reasons : '',
      state: o.stage,
      createdAt: prev(o.objectionId)?.createdAt ?? at,
      updatedAt: at,
    };
  });
}

/** The repair rows of a fold (the received-materials checklist is kept from the stored row). */
export function repairRows(caseId: string, state: CaseState, events: readonly CaseEvent[], at: string, prev: (id: string) => RepairRow | undefined, repairMaterials?: RepairRow['materials']): RepairRow[] {
  return state.repairs.map((r) => {
    const before = prev(r.repairId);
    const applied = events.find((e) => e.type === 'repair_applied' && e.payload.repairId === r.repairId);
    return {
      id: r.repairId,
      caseId,
      applicationDate: r.appliedOn,
      applicant: applied?.type === 'repair_applied' ? (applied.payload.note ?? '') : '',
      materials: before?.materials ?? repairMaterials ?? [],
      state: r.stage,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
  });
}

/**
 * Rewrites one case's derived rows from its fold. Only the touched case's rows change (its
 * deadlines, objections, repairs, case-list row, and the 文号 of the new event), so the work list and
 * the case list stay incremental: nothing else is read or rewritten.
 */
export async function rewriteDerived(db: CreditDeskDb, caseRow: CaseRow, state: CaseState, events: readonly CaseEvent[], at: string, repairMaterials?: RepairRow['materials']): Promise<void> {
  const deadlines = deadlineRows(caseRow, state.deadlines);
  await changeDeadlines(db, await db.deadlines.where('caseId').equals(caseRow.id).toArray(), deadlines);
  const objectionIds = state.objections.map((o) => o.objectionId);
  const repairIds = state.repairs.map((r) => r.repairId);
  const [prevObjections, prevRepairs, prevList] = await Promise.all([db.objections.bulkGet(objectionIds), db.repairs.bulkGet(repairIds), db.caseList.get(caseRow.id)]);
  await db.objections.bulkPut(objectionRows(caseRow.id, state, events, at, (id) => prevObjections[objectionIds.indexOf(id)]));
  await db.repairs.bulkPut(repairRows(caseRow.id, state, events, at, (id) => prevRepairs[repairIds.indexOf(id)], repairMaterials));
  let region = prevList?.region;
  if (region === undefined || !prevList) {
    const subject = await db.subjects.get(caseRow.subjectId);
    region = subject?.region ?? '';
    if (subject) await db.caseTerms.put(caseTermsRow(caseRow.id, subject));
  }
  await db.caseList.put(caseListRow(caseRow, state, deadlines, region));
  const last = events.at(-1);
  if (last) await db.documentNumbers.bulkPut(documentNumbersOf(caseRow.id, last));
  await rewriteCreditDerived(db, caseRow, state, events, at);
}

/**
 * Appends one event inside the current write. `caseRow` is the row before the act (for the first
 * event, the new row). Shared's appendEvent is the only judge; a refusal aborts the whole write.
 */
export async function appendToCase(w: WriteScope, caseRow: CaseRow, isNew: boolean, draft: EventDraft, ctx: CaseRulesContext, options: ActOptions = {}): Promise<ActOk> {
  const db = w.desk.db;
  const stored = isNew ? [] : await loadEvents(db, caseRow.id);
  const last = stored.at(-1);
  if (!isNew && (last?.seq ?? 0) !== caseRow.lastSeq) {
    refuseWrite('case_row_out_of_sync', '案件记录与事件链不一致，请先“校验完整性”。');
  }
  const events = stored.map(domainEvent);
  const appended = appendEvent(events, draft, { ...ctx, caseId: caseRow.id, newId: w.desk.ids, recordedAt: w.at, chainKey: w.chainKey });
  if (!appended.ok) refuseWrite(appended.code, appended.reason);
  const seq = await w.deviceSeq();
  const row = { ...appended.event, deviceId: seq.deviceId, deviceSeq: seq.deviceSeq, ...(options.documentId ? { documentId: options.documentId } : {}) } as CaseEventRow;
  const state = appended.state;
  await db.caseEvents.add(row);
  await w.outbox('case-event', caseRow.id, appended.event, seq);
  const nextRow: CaseRow = { ...caseRow, state: state.stage, stateLabel: state.stageLabel, lastSeq: row.seq, lastHash: row.hash ?? '', repairCompletedOn: state.repairCompletedOn, updatedAt: w.at };
  if (isNew) await db.cases.add(nextRow);
  else await db.cases.put(nextRow);
  await rewriteDerived(db, nextRow, state, [...events, appended.event], w.at, options.repairMaterials);
  const result: ActOk = { ok: true, event: row, state, caseRow: nextRow };
  if (options.after) await options.after(result, w);
  // When the listing ends (移出、修复、异议成立、撤销、期满), the joint sanction is withdrawn and every measure
  // lifted at once, in the same transaction (黑龙江条例 第四十条 "即时终止"; 凌源联合奖惩 六(一)).
  if (!options.followUp) {
    let latest = result;
    for (const followUp of followUpActs(state, { occurredOn: row.occurredOn, actor: row.actor })) {
      latest = await appendToCase(w, latest.caseRow, false, followUp, ctx, { followUp: true });
    }
    return latest === result ? result : { ...latest, event: row };
  }
  return result;
}

async function caseAndContext(desk: Desk, caseId: string): Promise<{ caseRow: CaseRow; ctx: CaseRulesContext } | DeskRefused> {
  const caseRow = await desk.db.cases.get(caseId);
  if (!caseRow) return { ok: false, code: 'case_not_found', reason: '案件不存在' };
  const first = (await desk.db.caseEvents.where('[caseId+seq]').equals([caseId, 1]).first()) as CaseEventRow | undefined;
  if (!first || first.type !== 'determined') return { ok: false, code: 'case_without_determination', reason: '案件缺少认定事件，请先“校验完整性”。' };
  const ctx = await caseRulesContext(desk, first.payload.ruleSet, caseRow.subjectId, caseId);
  if (isRefused(ctx)) return ctx;
  return { caseRow, ctx };
}

/**
 * Records one procedural act on a case (送达、公示、异议受理、修复申请 …). `act` is what the form
 * built: it is parsed with shared/'s schema and judged by shared/; refusals carry a Chinese reason.
 */
export async function recordAct(desk: Desk, caseId: string, act: unknown, options: ActOptions = {}): Promise<ActResult> {
  const parsed = parseActDraft(act, options.actor ?? desk.session.actor());
  if (!parsed.ok) return parsed;
  // Approving needs a 审核人 (acts on behalf of another body, e.g. the platform's filings, are not the session's).
  const denied = options.actor ? null : actRefusedFor(desk, parsed.draft.type);
  if (denied) return denied;
  return deskWrite(desk, CASE_TABLES, async (w) => {
    // Read again inside the write: another window may have appended meanwhile.
    const loaded = await caseAndContext(desk, caseId);
    if (isRefused(loaded)) refuseWrite(loaded.code, loaded.reason);
    const result = await appendToCase(w, loaded.caseRow, false, parsed.draft, loaded.ctx, options);
    await w.audit(actAuditAction(parsed.draft.type), 'case', caseId, { eventId: result.event.id, seq: result.event.seq });
    return result;
  });
}

export type NewBasisDocument = Omit<BasisDocumentRow, 'id' | 'caseId' | 'createdAt' | 'createdBy'>;

export type OpenCaseInput = {
  subjectId: string;
  behaviourLabel: string;
  proportionalityNote: string;
  /**
   * The 认定 act without its subject (the desk records the subject as registered, with its
   * 法定代表人 and 主要责任人): rule-set pin, behaviour, facts, severity, list, basis documents.
   */
  determined: { occurredOn: IsoDate; payload: Record<string, unknown> };
  /** One optional file per basis document (same order). */
  basisFiles?: (Blob | null)[];
  evidence?: { file: Blob; fileName: string }[];
  casePrefix: string;
};

async function allocateCaseNo(db: CreditDeskDb, prefix: string, date: IsoDate): Promise<string> {
  const year = date.slice(0, 4);
  const key = `caseSeq:${prefix}:${year}`;
  const current = ((await db.settings.get(key))?.value as number | undefined) ?? 0;
  await db.settings.put({ key, value: current + 1 });
  return `${prefix}〔${year}〕${String(current + 1).padStart(4, '0')}号`;
}

/** An attachment row with its bytes hashed (read the Blob before the transaction: it is not an IndexedDB request). */
export async function attachmentRow(desk: Desk, caseId: string, ownerId: string, purpose: AttachmentRow['purpose'], file: Blob, fileName: string): Promise<AttachmentRow> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    id: desk.ids(),
    caseId,
    ownerId,
    purpose,
    fileName,
    mimeType: file.type || 'application/octet-stream',
    size: file.size,
    sha256: toHex(sha256(bytes)),
    blob: sealedAttachmentBlob(desk.vault, bytes, file.type || 'application/octet-stream'),
    createdAt: desk.clock.now(),
    createdBy: desk.session.actor().name,
  };
}

/** The subject as a case records it: name and code, with its 法定代表人 and 主要责任人 (朝阳房地产规定 第八条). */
export function subjectRefFrom(subject: SubjectRow, persons: readonly LinkedPerson[]): SubjectRef {
  const legalRep = persons.find((p) => p.link.role === '法定代表人');
  const responsible = persons.filter((p) => p.link.role === '主要责任人');
  return {
    subjectId: subject.id,
    kind: subject.kind,
    name: subjectLabel(subject),
    ...(subject.uscc ? { uscc: subject.uscc } : {}),
    ...(subject.kind === 'natural_person' && subject.pii ? { citizenId: subject.pii.idNumber } : {}),
    ...(legalRep ? { legalRepresentative: { name: legalRep.person.pii?.name ?? '', role: '法定代表人' } } : {}),
    ...(responsible.length > 0 ? { responsiblePersons: responsible.map((p) => ({ name: p.person.pii?.name ?? '', role: '主要责任人' })) } : {}),
  };
}

export async function subjectRefOf(desk: Desk, subjectId: string): Promise<SubjectRef | undefined> {
  const subject = await desk.db.subjects.get(subjectId);
  if (!subject) return undefined;
  return subjectRefFrom(subject, subject.kind === 'natural_person' ? [] : await linkedPersons(desk, subject.id));
}

/** 认定: opens a case for a subject; its basis documents and evidence are written in the same transaction. */
export async function openCase(desk: Desk, input: OpenCaseInput): Promise<ActResult> {
  const actor = desk.session.actor();
  const subjectRef = await subjectRefOf(desk, input.subjectId);
  if (!subjectRef) return { ok: false, code: 'subject_unknown', field: 'subjectId', reason: '主体不存在，请先登记主体' };
  const parsed = parseActDraft({ type: 'determined', occurredOn: input.determined.occurredOn, payload: { ...input.determined.payload, subject: subjectRef } }, actor);
  if (!parsed.ok) return parsed;
  if (parsed.draft.type !== 'determined') return { ok: false, code: 'act_unknown', reason: '不认识的办理事项' };
  const draft = parsed.draft;
  const caseId = desk.ids();
  const basisDocs = draft.payload.basisDocuments.map((b) => ({ ...b }));
  const basisAttachments: AttachmentRow[] = [];
  const basisRows: BasisDocumentRow[] = [];
  const now = desk.clock.now();
  for (const [i, b] of basisDocs.entries()) {
    const id = desk.ids();
    const file = input.basisFiles?.[i];
    if (file) {
      const att = await attachmentRow(desk, caseId, id, '依据文书', file, (file as File).name ?? `依据文书-${b.documentNo}`);
      basisAttachments.push(att);
      b.attachmentId = att.id;
    }
    basisRows.push({ id, caseId, type: b.type, docNo: b.documentNo, issuingAuthority: b.issuer, decisionDate: b.decidedOn, effective: b.effective, ...(b.attachmentId ? { attachmentId: b.attachmentId } : {}), createdAt: now, createdBy: actor.name });
  }
  const evidence = await Promise.all((input.evidence ?? []).map((e) => attachmentRow(desk, caseId, caseId, '证据', e.file, e.fileName)));
  const finalDraft: EventDraft = { ...draft, payload: { ...draft.payload, basisDocuments: basisDocs } };
  return deskWrite(desk, CASE_TABLES, async (w) => {
    const ctx = await caseRulesContext(desk, draft.payload.ruleSet, input.subjectId, null);
    if (isRefused(ctx)) refuseWrite(ctx.code, ctx.reason);
    const caseRow: CaseRow = {
      id: caseId,
      caseNo: await allocateCaseNo(desk.db, input.casePrefix, draft.occurredOn),
      subjectId: input.subjectId,
      subjectLabel: subjectRef.name,
      ruleSetId: draft.payload.ruleSet.id,
      behaviourCode: draft.payload.behaviourCode ?? '',
      behaviourLabel: input.behaviourLabel,
      severity: draft.payload.severity,
      determinationDate: draft.occurredOn,
      proportionalityNote: input.proportionalityNote,
      state: 'D0',
      stateLabel: '',
      docNos: basisDocs.map((b) => b.documentNo.trim()).filter(Boolean),
      lastSeq: 0,
      lastHash: '',
      createdAt: w.at,
      createdBy: actor.name,
      updatedAt: w.at,
    };
    const result = await appendToCase(w, caseRow, true, finalDraft, ctx);
    await desk.db.basisDocuments.bulkAdd(basisRows);
    await desk.db.attachments.bulkAdd([...basisAttachments, ...evidence]);
    await w.audit('新建案件（认定）', 'case', caseId, { caseNo: caseRow.caseNo, basisDocuments: basisRows.length, attachments: basisAttachments.length + evidence.length });
    return result;
  });
}

/** The content of a stored attachment, opened (to show or download it). */
export async function attachmentFile(desk: Desk, row: AttachmentRow): Promise<Blob> {
  return attachmentContent(desk.vault, row);
}

/** Adds an evidence or material attachment to a case (audited; the blob is not indexed). */
export async function addAttachment(desk: Desk, caseId: string, ownerId: string, purpose: AttachmentRow['purpose'], file: Blob, fileName: string): Promise<{ ok: true; attachment: AttachmentRow } | DeskRefused> {
  const row = await attachmentRow(desk, caseId, ownerId, purpose, file, fileName);
  return deskWrite(desk, ['attachments', 'cases'], async (w) => {
    if (!(await desk.db.cases.get(caseId))) refuseWrite('case_not_found', '案件不存在');
    await desk.db.attachments.add(row);
    await w.audit(`添加附件（${purpose}）`, 'attachment', caseId, { attachmentId: row.id, fileName, sha256: row.sha256 });
    return { ok: true as const, attachment: row };
  });
}

/** Updates the received-materials checklist of a repair application (audited). */
export async function setRepairMaterials(desk: Desk, repairId: string, materials: RepairRow['materials']): Promise<{ ok: true } | DeskRefused> {
  return deskWrite(desk, ['repairs'], async (w) => {
    if (!(await desk.db.repairs.get(repairId))) refuseWrite('repair_unknown', '找不到该修复申请');
    await desk.db.repairs.update(repairId, { materials, updatedAt: w.at });
    await w.audit('更新修复材料清单', 'case', repairId, { materials });
    return { ok: true as const };
  });
}

/**
 * Rewrites one case's derived rows from its events inside the current write (after the stored
 * calendar changed). Nothing is appended. False when the case or its rules cannot be loaded.
 */
export async function rederiveCase(w: WriteScope, caseId: string): Promise<boolean> {
  const loaded = await caseAndContext(w.desk, caseId);
  if (isRefused(loaded)) return false;
  const events = (await loadEvents(w.desk.db, caseId)).map(domainEvent);
  const state = foldCase(events, loaded.ctx.ruleSet, loaded.ctx.calendar, { today: loaded.ctx.today });
  await rewriteDerived(w.desk.db, loaded.caseRow, state, events, w.at);
  return true;
}

export type FoldedCase = { caseRow: CaseRow; events: CaseEventRow[]; state: CaseState; ctx: CaseRulesContext };

/** The case's state folded from its events as of the desk's today. */
export async function foldStoredCase(desk: Desk, caseId: string): Promise<FoldedCase | undefined> {
  const loaded = await caseAndContext(desk, caseId);
  if (isRefused(loaded)) return undefined;
  const events = await loadEvents(desk.db, caseId);
  const state = foldCase(events.map(domainEvent), loaded.ctx.ruleSet, loaded.ctx.calendar, { today: loaded.ctx.today });
  return { caseRow: loaded.caseRow, events, state, ctx: loaded.ctx };
}

/** Whether an act may be performed now (payload-independent: for enabling actions; refusals carry the reason). */
export function availability(folded: FoldedCase, type: CaseEventType): PerformCheck {
  return canPerform(folded.state, { type } as never, folded.ctx);
}


/** The ways a case is found (one search box; the page says which one matched). */
export function caseSources(desk: Desk, query: string): SearchSource<CaseRow>[] {
  const secret = () => lookupSecret(desk.db, desk.ids);
  const db = desk.db;
  const q = query.trim();
  const byIds = async (ids: string[]) => (await db.cases.bulkGet(ids)).filter((c): c is CaseRow => c !== undefined);
  const termSource = (match: SearchMatch, range: () => Collection<CaseTermsRow, string>, recheck?: (c: CaseRow) => boolean): SearchSource<CaseRow> => ({
    match,
    page: async (offset, limit) => {
      if (!recheck) return byIds(await distinctKeysPage((n) => range().limit(n).primaryKeys(), offset, limit));
      const all = (await byIds([...new Set(await range().primaryKeys())])).filter(recheck);
      return all.slice(offset, offset + limit);
    },
    count: async () => (recheck ? { count: (await byIds([...new Set(await range().limit(2 * COUNT_CAP).primaryKeys())])).filter(recheck).length, exact: true } : cappedCount((n) => range().limit(n).primaryKeys())),
  });
  const sources: SearchSource<CaseRow>[] = [
    { match: 'caseNo', page: (offset, limit) => db.cases.where('caseNo').startsWith(q).offset(offset).limit(limit).toArray(), count: () => cappedCount((n) => db.cases.where('caseNo').startsWith(q).limit(n).primaryKeys()) },
    {
      match: 'documentNo',
      // Several 文号 of one case may share the prefix: distinct cases, read until the page is full.
      page: async (offset, limit) => {
        const seen = new Set<string>();
        await db.documentNumbers
          .where('no')
          .startsWith(q)
          .until(() => seen.size >= offset + limit)
          .each((d) => seen.add(d.caseId));
        return byIds([...seen].slice(offset, offset + limit));
      },
      // Row ids are `caseId|文号`: the count reads keys only.
      count: () => cappedCount((n) => db.documentNumbers.where('no').startsWith(q).limit(n).primaryKeys(), (k) => k.slice(0, k.indexOf('|'))),
    },
    { match: 'basisNo', page: async (offset, limit) => byIds(await distinctKeysPage((n) => db.cases.where('docNos').startsWith(q).limit(n).primaryKeys(), offset, limit)), count: () => cappedCount((n) => db.cases.where('docNos').startsWith(q).limit(n).primaryKeys()) },
  ];
  const code = codeQuery(q);
  if (code && code.length === 18 && checkCitizenId(code).ok) {
    sources.push(lazySource('citizenId', async () => { const key = keyTerm(personCodeKey(await secret(), code)); return termSource('citizenId', () => db.caseTerms.where('terms').equals(key)); }));
  }
  if (code) sources.push(termSource('uscc', () => db.caseTerms.where('terms').startsWith(keyTerm(`U:${code}`))));
  sources.push(lazySource('personName', async () => { const personKey = keyTerm(personNameKey(await secret(), q)); return termSource('personName', () => db.caseTerms.where('terms').equals(personKey)); }));
  const key = nameQueryKey(q);
  if (key) sources.push(termSource('name', () => db.caseTerms.where('terms').startsWith(key), needsRecheck(q) ? (c) => nameContains(c.subjectLabel, q) : undefined));
  return sources;
}

/**
 * One search box over cases: 案件编号 (prefix), 文书文号 and 依据文号 (prefix), the subject's
 * 统一社会信用代码 (prefix) or 公民身份号码 (exact, keyed hash), a natural person's exact name (keyed
 * hash), or any part of an organisation's name or pinyin initials — EVERY matching case, paged, with
 * the way that matched. Empty query → the case list (listCases). The count is read apart (countCases).
 */
export async function searchCases(desk: Desk, query: string, page = 0, pageSize = 20, prefer?: SearchMatch | null): Promise<SearchPage<CaseRow>> {
  if (!query.trim()) return firstPage((offset, limit) => desk.db.cases.orderBy('updatedAt').reverse().offset(offset).limit(limit).toArray(), page, pageSize);
  return runSearch(caseSources(desk, query), query, page, pageSize, prefer);
}

/** The ways the query finds cases (for the switch above the list; read after the rows). */
export async function caseMatches(desk: Desk, query: string): Promise<SearchMatch[]> {
  if (!query.trim()) return [];
  return searchMatches(caseSources(desk, query), query);
}

/** How many cases the search finds in the way that matched (read after the rows are shown). */
export async function countCases(desk: Desk, query: string, match: SearchMatch | null): Promise<SearchCount> {
  if (!query.trim()) return { count: await desk.db.cases.count(), exact: true };
  const source = caseSources(desk, query).find((s) => s.match === match);
  return source ? source.count() : { count: 0, exact: true };
}

export async function casesOfSubject(desk: Desk, subjectId: string, limit = 100): Promise<CaseRow[]> {
  return desk.db.cases.where('subjectId').equals(subjectId).limit(limit).toArray();
}

export type CaseView = FoldedCase & {
  basisDocs: BasisDocumentRow[];
  attachments: AttachmentRow[];
  repairs: RepairRow[];
  subject: SubjectRow | undefined;
  /** Who the case's notices go to (the subject, and its 主要责任人 where the rule set requires it). */
  recipients: string[];
  /** The case's issued documents, newest first (what 送达 refers to). */
  issuedDocs: { id: string; kind: string; title: string; numberText: string; date: string; state: string }[];
};

/** Everything the case page shows, read in one go. */
export async function caseView(desk: Desk, caseId: string): Promise<CaseView | null> {
  const folded = await foldStoredCase(desk, caseId);
  if (!folded) return null;
  const db = desk.db;
  const [basisDocs, attachments, repairs, subject, documents] = await Promise.all([
    db.basisDocuments.where('caseId').equals(caseId).toArray(),
    db.attachments.where('caseId').equals(caseId).toArray(),
    db.repairs.where('caseId').equals(caseId).toArray(),
    db.subjects.get(folded.caseRow.subjectId),
    db.table<IssuedDocument, string>('issuedDocuments').where('caseId').equals(caseId).toArray(),
  ]);
  const linked = subject && subject.kind !== 'natural_person' ? (await linkedPersons(desk, subject.id)).map((l) => ({ name: l.person.pii?.name ?? '', role: l.link.role })) : [];
  const recipients = listingNoticeRecipients(folded.state.subject, folded.ctx.ruleSet, linked).map((r) => (r.role === '当事人' ? r.name : `${r.name}（${r.role}）`));
  const issuedDocs = documents
    .filter((d) => typeof d.numberKey === 'string')
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
    .map((d) => ({ id: d.id, kind: d.kind, title: documentTitle(d.input), numberText: d.numberText, date: d.date, state: d.state }));
  return { ...folded, basisDocs, attachments, repairs, subject, recipients, issuedDocs };
}
