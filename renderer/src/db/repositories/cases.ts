/**
 * Cases and their append-only, hash-chained events.
 *
 * Invariant (docs/CONTRACTS.md): one `db.transaction('rw', …)` appends the event, its outbox row
 * (kind 'case-event'), the case row's denormalised state, and the derived rows (open deadlines,
 * objections, repairs). Nothing is edited or deleted: a mistaken event is voided by a later event.
 * Whether an action is allowed, and every date, comes from shared/ (via ../../domain/engine).
 */
import type { Table } from 'dexie';
import type { CreditDeskDb } from '../database';
import type {
  AttachmentRow,
  BasisDocumentRow,
  CaseEventRow,
  CaseRow,
  DeadlineRow,
  ObjectionRow,
  RepairRow,
} from '../types';
import type { CaseEvent, EventDraft, CaseAction } from '../../../../shared/case/events';
import type { CaseState, Deadline } from '../../../../shared/case/state';
import type { IsoDate } from '../../../../shared/util/dates';
import { newId, type IdMaker } from '../ids';
import { nextDeviceSeq } from './device';
import { appendOutbox } from './outbox';
import { appendAudit } from './audit';
import { checkAction, foldEvents, GENESIS_HASH, sealOnto, verifyEvents, type CaseContext } from '../../domain/engine';
import { loadContext } from '../../domain/context';
import { today as appToday } from '../../lib/clock';
import { sha256, toHex } from '../../../../shared/sync/hash';

/** Tables a case write touches. Include them (plus your own) when calling appendCaseEvent inside your transaction. */
export function caseWriteTables(db: CreditDeskDb): Table[] {
  return [db.cases, db.caseEvents, db.outbox, db.device, db.deadlines, db.objections, db.repairs, db.ruleSets, db.calendars, db.settings, db.basisDocuments, db.attachments, db.auditLog];
}

export type AppendOk = { ok: true; event: CaseEventRow; state: CaseState; caseRow: CaseRow };
export type AppendRefused = { ok: false; code: string; reason: string };
export type AppendResult = AppendOk | AppendRefused;

export type AppendOptions = {
  today?: IsoDate;
  ids?: IdMaker;
  /** Runs inside the same transaction after the event is written (e.g. the documents issue links its document). */
  after?: (result: AppendOk) => Promise<void>;
  /** Extra derived data for this event (materials checklist of a repair application, applicant name…). */
  repairMaterials?: RepairRow['materials'];
};

/** Outcomes that make a deadline a task for the office (red when past due). */
const ACTIONABLE = new Set(['overdue', 'listing_expires', 'publication_ends']);
/** Outcomes shown in the work list (a right of the subject ending is shown, eligibility dates are not). */
const LISTED = new Set([...ACTIONABLE, 'window_closes']);

export function isActionable(outcome: string): boolean {
  return ACTIONABLE.has(outcome);
}

export async function loadEvents(db: CreditDeskDb, caseId: string): Promise<CaseEventRow[]> {
  return db.caseEvents.where('[caseId+seq]').between([caseId, 0], [caseId, Infinity]).toArray();
}

function deadlineRows(caseRow: CaseRow, deadlines: readonly Deadline[]): DeadlineRow[] {
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
      ...(d.unset ? { note: '规则集中此期限未设置，请在“设置”中配置后方可继续' } : d.paused ? { note: '计时中止中' } : d.provisional ? { note: '所涉年份的节假日安排尚未公布，日期为暂定' } : {}),
    }));
}

async function rewriteDerived(db: CreditDeskDb, caseRow: CaseRow, state: CaseState, events: readonly CaseEventRow[], options: AppendOptions): Promise<void> {
  await db.deadlines.where('caseId').equals(caseRow.id).delete();
  await db.deadlines.bulkPut(deadlineRows(caseRow, state.deadlines));
  const now = new Date().toISOString();
  for (const o of state.objections) {
    const received = events.find((e) => e.type === 'objection_received' && e.payload.objectionId === o.objectionId);
    const prev = await db.objections.get(o.objectionId);
    const row: ObjectionRow = {
      id: o.objectionId,
      caseId: caseRow.id,
      receivedDate: o.receivedOn,
      applicant: received?.type === 'objection_received' ? received.payload.applicant : '',
      grounds: received?.type === 'objection_received' ? received.payload.reasons : '',
      state: o.stage,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
    };
    await db.objections.put(row);
  }
  for (const r of state.repairs) {
    const prev = await db.repairs.get(r.repairId);
    const applied = events.find((e) => e.type === 'repair_applied' && e.payload.repairId === r.repairId);
    const row: RepairRow = {
      id: r.repairId,
      caseId: caseRow.id,
      applicationDate: r.appliedOn,
      applicant: applied?.type === 'repair_applied' ? (applied.payload.note ?? '') : '',
      materials: prev?.materials ?? options.repairMaterials ?? [],
      state: r.stage,
      createdAt: prev?.createdAt ?? now,
      updatedAt: now,
    };
    await db.repairs.put(row);
  }
}

/**
 * Appends one event inside the current transaction (which must include caseWriteTables).
 * `caseRow` is null only for the first event (认定), when `newCase` supplies the row.
 */
async function appendInTransaction(
  db: CreditDeskDb,
  caseRow: CaseRow,
  isNew: boolean,
  draft: EventDraft,
  ctx: CaseContext,
  options: AppendOptions,
): Promise<AppendResult> {
  const ids = options.ids ?? newId;
  const events = isNew ? [] : await loadEvents(db, caseRow.id);
  const others = await db.cases.where('subjectId').equals(caseRow.subjectId).filter((c) => c.id !== caseRow.id && !!c.repairCompletedOn).toArray();
  const previousRepairCompletedOn = others.map((c) => c.repairCompletedOn!).sort().at(-1) ?? null;
  ctx = { ...ctx, previousRepairCompletedOn };
  if (draft.type === 'listed') draft = { ...draft, payload: { ...draft.payload, priorRepairCompletedOn: previousRepairCompletedOn } };
  const last = events.at(-1);
  if (!isNew && (last?.seq ?? 0) !== caseRow.lastSeq) {
    return { ok: false, code: 'case_row_out_of_sync', reason: '案件记录与事件链不一致，请先“校验完整性”。' };
  }
  const action = { type: draft.type, occurredOn: draft.occurredOn, payload: draft.payload } as CaseAction;
  const verdict = checkAction(events, action, ctx);
  if (!verdict.ok) return { ok: false, code: verdict.code, reason: verdict.reason };
  const recordedAt = new Date().toISOString();
  const event = sealOnto(last?.hash ?? GENESIS_HASH, { id: ids(), caseId: caseRow.id, seq: (last?.seq ?? 0) + 1, recordedAt, ...draft } as CaseEvent);
  const seq = await nextDeviceSeq(db);
  const row = { ...event, deviceId: seq.deviceId, deviceSeq: seq.deviceSeq } as CaseEventRow;
  const all = [...events, row];
  const state = foldEvents(all, ctx);
  await db.caseEvents.add(row);
  await appendOutbox(db, 'case-event', caseRow.id, event, recordedAt, seq);
  const nextRow: CaseRow = { ...caseRow, state: state.stage, stateLabel: state.stageLabel, lastSeq: row.seq, lastHash: row.hash ?? '', repairCompletedOn: state.repairCompletedOn, updatedAt: recordedAt };
  if (isNew) await db.cases.add(nextRow);
  else await db.cases.put(nextRow);
  await rewriteDerived(db, nextRow, state, all, options);
  const result: AppendOk = { ok: true, event: row, state, caseRow: nextRow };
  if (options.after) await options.after(result);
  return result;
}

class Refusal extends Error {
  constructor(readonly refusal: AppendRefused) {
    super(refusal.reason);
  }
}

/**
 * Appends one procedural event to a case: checks it against shared/'s life cycle, chains its
 * hash, writes event + outbox row + derived rows in one transaction. Refusals come back with the
 * reason (in Chinese) and write nothing. Safe to call inside an outer transaction that includes
 * caseWriteTables(db).
 */
export async function appendCaseEvent(db: CreditDeskDb, caseId: string, draft: EventDraft, options: AppendOptions = {}): Promise<AppendResult> {
  try {
    return await db.transaction('rw', caseWriteTables(db), async () => {
      const caseRow = await db.cases.get(caseId);
      if (!caseRow) return { ok: false, code: 'case_not_found', reason: '案件不存在' } satisfies AppendRefused;
      const pin = (await db.caseEvents.where('[caseId+seq]').equals([caseId, 1]).first()) as CaseEventRow | undefined;
      if (!pin || pin.type !== 'determined') return { ok: false, code: 'case_without_determination', reason: '案件缺少认定事件' } satisfies AppendRefused;
      const ctx = await loadContext(db, pin.payload.ruleSet, options.today ?? appToday());
      const result = await appendInTransaction(db, caseRow, false, draft, ctx, options);
      if (!result.ok) throw new Refusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.refusal;
    throw error;
  }
}

export type NewBasisDocument = Omit<BasisDocumentRow, 'id' | 'caseId' | 'createdAt' | 'createdBy'> & { file?: File | Blob; fileName?: string };

export type CreateCaseInput = {
  subjectId: string;
  subjectLabel: string;
  behaviourLabel: string;
  proportionalityNote: string;
  /** The 认定 event (its payload carries the rule-set pin, behaviour, basis documents). */
  determined: Extract<EventDraft, { type: 'determined' }>;
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

export async function attachmentRow(caseId: string, ownerId: string, purpose: AttachmentRow['purpose'], file: Blob, fileName: string, createdBy: string, id = newId()): Promise<AttachmentRow> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    id,
    caseId,
    ownerId,
    purpose,
    fileName,
    mimeType: file.type || 'application/octet-stream',
    size: file.size,
    sha256: toHex(sha256(bytes)),
    blob: file,
    createdAt: new Date().toISOString(),
    createdBy,
  };
}

/** Creates a case from a subject by appending its 认定 event; basis documents and evidence in the same transaction. */
export async function createCase(db: CreditDeskDb, input: CreateCaseInput, options: AppendOptions = {}): Promise<AppendResult> {
  const ids = options.ids ?? newId;
  const caseId = ids();
  const actorName = input.determined.actor.name;
  // Attachment bytes are read and hashed before the transaction (reading a Blob is not an IndexedDB request).
  const basisDocs = input.determined.payload.basisDocuments.map((b) => ({ ...b, attachmentId: b.attachmentId }));
  const basisAttachments: AttachmentRow[] = [];
  const basisRows: BasisDocumentRow[] = [];
  for (const [i, b] of basisDocs.entries()) {
    const id = ids();
    const file = input.basisFiles?.[i];
    if (file) {
      const att = await attachmentRow(caseId, id, '依据文书', file, (file as File).name ?? `依据文书-${b.documentNo}`, actorName);
      basisAttachments.push(att);
      b.attachmentId = att.id;
    }
    basisRows.push({ id, caseId, type: b.type, docNo: b.documentNo, issuingAuthority: b.issuer, decisionDate: b.decidedOn, effective: b.effective, ...(b.attachmentId ? { attachmentId: b.attachmentId } : {}), createdAt: new Date().toISOString(), createdBy: actorName });
  }
  const evidence = await Promise.all((input.evidence ?? []).map((e) => attachmentRow(caseId, caseId, '证据', e.file, e.fileName, actorName)));
  const draft = { ...input.determined, payload: { ...input.determined.payload, basisDocuments: basisDocs } };
  try {
    return await db.transaction('rw', caseWriteTables(db), async () => {
      const ctx = await loadContext(db, draft.payload.ruleSet, options.today ?? appToday());
      const now = new Date().toISOString();
      const caseRow: CaseRow = {
        id: caseId,
        caseNo: await allocateCaseNo(db, input.casePrefix, draft.occurredOn),
        subjectId: input.subjectId,
        subjectLabel: input.subjectLabel,
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
        createdAt: now,
        createdBy: actorName,
        updatedAt: now,
      };
      const result = await appendInTransaction(db, caseRow, true, draft, ctx, { ...options, ids });
      if (!result.ok) throw new Refusal(result);
      await db.basisDocuments.bulkAdd(basisRows);
      await db.attachments.bulkAdd([...basisAttachments, ...evidence]);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.refusal;
    throw error;
  }
}

/** Adds an evidence or material attachment to a case (audited; the blob is not indexed). */
export async function addAttachment(db: CreditDeskDb, caseId: string, ownerId: string, purpose: AttachmentRow['purpose'], file: Blob, fileName: string, actor: { userId: string; name: string }): Promise<AttachmentRow> {
  const row = await attachmentRow(caseId, ownerId, purpose, file, fileName, actor.name);
  await db.transaction('rw', db.attachments, db.auditLog, async () => {
    await db.attachments.add(row);
    await appendAudit(db, { userId: actor.userId, name: actor.name }, `添加附件（${purpose}）`, 'attachment', caseId, { attachmentId: row.id, fileName, sha256: row.sha256 });
  });
  return row;
}

/** Updates the received-materials checklist of a repair application (audited). */
export async function setRepairMaterials(db: CreditDeskDb, repairId: string, materials: RepairRow['materials'], actor: { userId: string; name: string }): Promise<void> {
  await db.transaction('rw', db.repairs, db.auditLog, async () => {
    await db.repairs.update(repairId, { materials, updatedAt: new Date().toISOString() });
    await appendAudit(db, actor, '更新修复材料清单', 'case', repairId, { materials });
  });
}

/** The case's state folded from its events as of `today`. */
export async function foldCase(db: CreditDeskDb, caseId: string, today: IsoDate = appToday()): Promise<{ caseRow: CaseRow; events: CaseEventRow[]; state: CaseState; ctx: CaseContext } | undefined> {
  const caseRow = await db.cases.get(caseId);
  if (!caseRow) return undefined;
  const events = await loadEvents(db, caseId);
  const first = events[0];
  if (!first || first.type !== 'determined') return undefined;
  const ctx = await loadContext(db, first.payload.ruleSet, today);
  return { caseRow, events, state: foldEvents(events, ctx), ctx };
}

/** Whether an action may be performed now (for enabling buttons; refusals carry the reason). */
export function canDo(events: readonly CaseEvent[], action: CaseAction, ctx: CaseContext) {
  return checkAction(events, action, ctx);
}

export type Page<T> = { rows: T[]; hasMore: boolean };

/** Cases by case number prefix, 文号, or subject (name/code via the subjects index); paged; newest first when empty. */
export async function searchCases(db: CreditDeskDb, query: string, subjectIds: string[], page = 0, pageSize = 20): Promise<Page<CaseRow>> {
  const q = query.trim();
  const take = async (rows: Promise<CaseRow[]>) => {
    const r = await rows;
    return { rows: r.slice(0, pageSize), hasMore: r.length > pageSize };
  };
  if (!q) return take(db.cases.orderBy('updatedAt').reverse().offset(page * pageSize).limit(pageSize + 1).toArray());
  const byNo = await db.cases.where('caseNo').startsWith(q).offset(page * pageSize).limit(pageSize + 1).toArray();
  if (byNo.length) return take(Promise.resolve(byNo));
  const byDoc = await db.cases.where('docNos').startsWith(q).distinct().offset(page * pageSize).limit(pageSize + 1).toArray();
  if (byDoc.length) return take(Promise.resolve(byDoc));
  if (subjectIds.length) return take(db.cases.where('subjectId').anyOf(subjectIds).offset(page * pageSize).limit(pageSize + 1).toArray());
  return { rows: [], hasMore: false };
}

export type IntegrityReport =
  | { ok: true; casesChecked: number; eventsChecked: number }
  | { ok: false; casesChecked: number; eventsChecked: number; caseId: string; caseNo: string; seq: number; eventId: string | null; reason: string };

/** Verifies one case's hash chain and that the case row agrees with its last event. */
export async function verifyCase(db: CreditDeskDb, caseId: string): Promise<IntegrityReport> {
  const caseRow = await db.cases.get(caseId);
  if (!caseRow) return { ok: false, casesChecked: 0, eventsChecked: 0, caseId, caseNo: '', seq: 0, eventId: null, reason: '案件不存在' };
  const events = await loadEvents(db, caseId);
  const fail = (seq: number, eventId: string | null, reason: string): IntegrityReport => ({ ok: false, casesChecked: 1, eventsChecked: events.length, caseId, caseNo: caseRow.caseNo, seq, eventId, reason });
  const chain = verifyEvents(events);
  if (!chain.ok) return fail(chain.seq, chain.eventId, chain.reason);
  const last = events.at(-1);
  if ((last?.seq ?? 0) !== caseRow.lastSeq || (last?.hash ?? '') !== caseRow.lastHash) {
    return fail(caseRow.lastSeq, null, `案件记录显示共${caseRow.lastSeq}条事件，事件链只有${last?.seq ?? 0}条（末尾事件缺失或被替换）`);
  }
  return { ok: true, casesChecked: 1, eventsChecked: events.length };
}

/** Verifies every case, in primary-key pages (never the whole table in memory); stops at the first broken link. */
export async function verifyAllCases(db: CreditDeskDb, onProgress?: (checked: number, total: number) => void, pageSize = 200): Promise<IntegrityReport> {
  const total = await db.cases.count();
  let casesChecked = 0;
  let eventsChecked = 0;
  let lastKey: string | undefined;
  for (;;) {
    const keys = lastKey === undefined ? await db.cases.orderBy(':id').limit(pageSize).primaryKeys() : await db.cases.where(':id').above(lastKey).limit(pageSize).primaryKeys();
    if (keys.length === 0) break;
    for (const key of keys) {
      const r = await verifyCase(db, key);
      eventsChecked += r.eventsChecked;
      casesChecked += 1;
      if (!r.ok) return { ...r, casesChecked, eventsChecked };
    }
    lastKey = keys.at(-1);
    onProgress?.(casesChecked, total);
  }
  return { ok: true, casesChecked, eventsChecked };
}
