/**
 * The desk's bulk write path: a batch of subjects, links, new cases (with their acts) and acts on
 * stored cases, written in ONE transaction — all or nothing — with per-item refusals when anything is
 * refused. Used by the synthetic county (bench/county) and by the Excel import (issue 11), which
 * chunks a workbook into batches.
 *
 * Every item goes through the same checks as the single-item use cases: codes by shared/identifiers
 * (subjectRowFor), every act parsed with shared/'s schemas (parseActDraft) and judged and sealed by
 * shared/'s appendEvent, in memory, in order. The batch then writes the same rows those use cases
 * write — subjects, links, events, case rows, derived rows (deadlines, objections, repairs, case list,
 * search terms, 文号), basis documents, attachments, one outbox row per operation and one audit row
 * per item plus one for the batch — with bulkPut, instead of one transaction per act.
 *
 * Items refer to each other by `key` (a subject registered in the same batch) or to stored records by
 * `id`. Refusals name the item's key (and, for an act of a new case, its index).
 */
import type { CaseEvent, EventDraft, SubjectRef } from '../../../shared/case/events';
import type { CaseState } from '../../../shared/case/state';
import { appendEvent } from '../../../shared/case/append';
import { buildOutboxRow, type OutboxKind, type OutboxRow } from '../../../shared/sync/outbox';
import { sha256, toHex } from '../../../shared/sync/hash';
import type { RuleSetPin } from '../../../shared/rules/types';
import type { IsoDate } from '../../../shared/util/dates';
import type { AttachmentRow, AuditRow, BasisDocumentRow, CaseEventRow, CaseRow, DeadlineRow, LinkRole, SubjectLinkRow, SubjectRow } from '../db/types';
import type { Desk } from './desk';
import { ensureDevice, lookupSecret } from './device';
import { OUTBOX_PAYLOAD_SCHEMA_VERSION } from './outbox';
import { CASE_TABLES, actAuditAction, subjectRefFrom, deadlineRows, domainEvent, loadEvents, objectionRows, parseActDraft, repairRows } from './cases';
import { sealedAttachmentBlob } from './vault/attachments';
import { codeRegisteredRefusal, subjectLabel, subjectRowFor, type RegisterSubjectInput } from './subjects';
import { loadCalendar, pinnedRuleSet, ruleSetKey } from './rules';
import { caseListRow, caseTermsRow, documentNumbersOf } from './case-index';
import { deskWrite, isRefused, refuseWrite } from './write';
import { recordAudit, recordOperations, type NewAuditRow } from './integrity/chains';
import { changeDeadlines } from './deadline-days';
import { rewriteCreditDerived, type RuleSetCache } from './credit/derived';

/** A record of this batch (`key`) or a stored one (`id`). */
export type ItemRef = { key: string } | { id: string };

export type BatchSubject = { key: string; subject: RegisterSubjectInput };
export type BatchLink = { key: string; org: ItemRef; person: ItemRef; role: LinkRole };
/** An attachment of a new case: evidence, or the file of basis document `basisIndex`. */
export type BatchAttachment = { purpose: AttachmentRow['purpose']; fileName: string; file: Blob; basisIndex?: number };
export type BatchCase = {
  key: string;
  subject: ItemRef;
  /** An existing register's case number; otherwise the next number of `casePrefix` is taken. */
  caseNo?: string;
  casePrefix: string;
  behaviourLabel: string;
  proportionalityNote: string;
  /** The 认定 act without its subject (as openCase takes it). */
  determined: { occurredOn: IsoDate; payload: Record<string, unknown> };
  /** Later acts of the case, in order ({ type, occurredOn, payload } as recordAct takes them). */
  acts?: unknown[];
  attachments?: BatchAttachment[];
};
/** An act on a stored case. */
export type BatchAct = { key: string; caseId: string; act: unknown };

export type DeskBatch = { subjects?: BatchSubject[]; links?: BatchLink[]; cases?: BatchCase[]; acts?: BatchAct[] };

export type BatchRefusal = { key: string; code: string; reason: string; field?: string; existingId?: string; act?: number };

export type BatchWritten = {
  ok: true;
  /** key → id of each subject and case written. */
  subjects: Record<string, string>;
  cases: Record<string, { id: string; caseNo: string }>;
  /** The outbox rows written (in deviceSeq order). */
  outbox: OutboxRow[];
  counts: { subjects: number; links: number; cases: number; events: number; attachments: number };
};

export type BatchResult = BatchWritten | { ok: false; refusals: BatchRefusal[] };

export type BatchOptions = {
  /** The batch's own audit row (e.g. 导入 with file name, file hash and counts). */
  audit?: { action: string; detail?: unknown };
};

/** Tables a batch writes (besides outbox, device and audit, which deskWrite always opens). */
export const BATCH_TABLES = [...CASE_TABLES, 'subjectLinks'] as const;

type PreparedAttachment = Omit<AttachmentRow, 'id' | 'caseId' | 'ownerId'> & { basisIndex?: number };

async function prepareAttachments(desk: Desk, cases: readonly BatchCase[]): Promise<Map<string, PreparedAttachment[]>> {
  // Blob reads and hashing are not IndexedDB requests: done before the transaction opens.
  const out = new Map<string, PreparedAttachment[]>();
  for (const c of cases) {
    if (!c.attachments?.length) continue;
    out.set(
      c.key,
      await Promise.all(
        c.attachments.map(async (a) => {
          const bytes = new Uint8Array(await a.file.arrayBuffer());
          const mimeType = a.file.type || 'application/octet-stream';
          return {
            purpose: a.purpose,
            fileName: a.fileName,
            mimeType,
            size: a.file.size,
            sha256: toHex(sha256(bytes)),
            blob: sealedAttachmentBlob(desk.vault, bytes, mimeType),
            createdAt: desk.clock.now(),
            createdBy: desk.session.actor().name,
            ...(a.basisIndex === undefined ? {} : { basisIndex: a.basisIndex }),
          };
        }),
      ),
    );
  }
  return out;
}

/** Writes a batch all-or-nothing; any refusal writes nothing and returns every refusal found. */
export async function importBatch(desk: Desk, batch: DeskBatch, options: BatchOptions = {}): Promise<BatchResult> {
  const db = desk.db;
  const cases = batch.cases ?? [];
  const files = await prepareAttachments(desk, cases);
  const refusals: BatchRefusal[] = [];
  const result = await deskWrite(desk, BATCH_TABLES, async (w) => {
    const actorName = w.actor.name;
    const secret = await lookupSecret(db, desk.ids);
    const refuse = (key: string, r: { code: string; reason: string; field?: string; existingId?: string }, act?: number) =>
      refusals.push({ key, code: r.code, reason: r.reason, ...(r.field ? { field: r.field } : {}), ...(r.existingId ? { existingId: r.existingId } : {}), ...(act === undefined ? {} : { act }) });

    // ---- subjects: checked codes, one subject per code (stored or earlier in the batch)
    const newSubjects = new Map<string, SubjectRow>();
    for (const item of batch.subjects ?? []) {
      const built = subjectRowFor(desk, item.subject, secret, w.at, actorName);
      if (!built.ok) refuse(item.key, built);
      else newSubjects.set(item.key, built.row);
    }
    const stored = new Map((await db.subjects.where('codeKey').anyOf([...newSubjects.values()].map((s) => s.codeKey)).toArray()).map((s) => [s.codeKey, s]));
    const seenCodes = new Map<string, SubjectRow>();
    for (const [key, row] of newSubjects) {
      const clash = stored.get(row.codeKey) ?? seenCodes.get(row.codeKey);
      if (clash) {
        refuse(key, codeRegisteredRefusal(row, clash));
        newSubjects.delete(key);
      } else seenCodes.set(row.codeKey, row);
    }
    const refIds = [...(batch.links ?? []).flatMap((l) => [l.org, l.person]), ...cases.map((c) => c.subject)].flatMap((r) => ('id' in r ? [r.id] : []));
    const storedById = new Map((await db.subjects.bulkGet([...new Set(refIds)])).flatMap((s) => (s ? [[s.id, s] as const] : [])));
    const resolve = (ref: ItemRef): SubjectRow | undefined => ('key' in ref ? newSubjects.get(ref.key) : storedById.get(ref.id));

    // ---- links: an organisation and a natural person, once per role
    const links: SubjectLinkRow[] = [];
    const storedOrgIds = [...new Set([...(batch.links ?? []).map((l) => resolve(l.org)), ...cases.map((c) => resolve(c.subject))].flatMap((s) => (s && storedById.has(s.id) && s.kind !== 'natural_person' ? [s.id] : [])))];
    const storedLinks = (await db.subjectLinks.where('fromSubjectId').anyOf(storedOrgIds).toArray()).filter((l) => !l.voided);
    const storedPersons = new Map((await db.subjects.bulkGet([...new Set(storedLinks.map((l) => l.toSubjectId))])).flatMap((s) => (s ? [[s.id, s] as const] : [])));
    for (const item of batch.links ?? []) {
      const org = resolve(item.org);
      const person = resolve(item.person);
      if (!org || org.kind === 'natural_person') refuse(item.key, { code: 'link_not_org', reason: '只能为单位主体关联责任人' });
      else if (!person || person.kind !== 'natural_person') refuse(item.key, { code: 'link_not_person', reason: '责任人必须是已登记的自然人主体' });
      else if ([...storedLinks, ...links].some((l) => l.fromSubjectId === org.id && l.toSubjectId === person.id && l.role === item.role)) refuse(item.key, { code: 'link_exists', reason: `该自然人已是本单位的${item.role}` });
      else {
        links.push({ id: desk.ids(), fromSubjectId: org.id, toSubjectId: person.id, role: item.role, createdAt: w.at, createdBy: actorName });
        storedPersons.set(person.id, person);
      }
    }
    const subjectRef = (s: SubjectRow): SubjectRef =>
      subjectRefFrom(
        s,
        s.kind === 'natural_person' ? [] : [...storedLinks, ...links].filter((l) => l.fromSubjectId === s.id).flatMap((link) => { const person = storedPersons.get(link.toSubjectId); return person ? [{ link, person }] : []; }),
      );

    // ---- rules: each pinned rule set resolved once, before the loop. Inside the loop nothing but
    // IndexedDB requests is awaited: a chain of awaits on plain promises loses the transaction's zone.
    const calendar = await loadCalendar(db);
    const pinKey = (pin: RuleSetPin) => `${ruleSetKey(pin)}|${JSON.stringify(pin.national)}`;
    const pinsWanted = new Map<string, RuleSetPin>();
    for (const c of cases) {
      const pin = (c.determined.payload as { ruleSet?: RuleSetPin }).ruleSet;
      if (pin && typeof pin.id === 'string') pinsWanted.set(pinKey(pin), pin);
    }
    const ruleSets = new Map<string, Awaited<ReturnType<typeof pinnedRuleSet>>>();
    for (const [k, pin] of pinsWanted) ruleSets.set(k, await pinnedRuleSet(db, pin));
    const rulesFor = (pin: RuleSetPin) => ruleSets.get(pinKey(pin)) ?? ({ ok: false, code: 'rule_set_unknown', reason: '找不到案件适用的规则集版本' } as const);
    const repairsBySubject = new Map<string, string>();
    const storedCaseSubjects = [...new Set(cases.map((c) => resolve(c.subject)?.id).filter((id): id is string => !!id && storedById.has(id)))];
    for (const c of await db.cases.where('subjectId').anyOf(storedCaseSubjects).toArray()) {
      if (c.repairCompletedOn && c.repairCompletedOn > (repairsBySubject.get(c.subjectId) ?? '')) repairsBySubject.set(c.subjectId, c.repairCompletedOn);
    }

    // ---- case numbers: given ones must be new; others continue this office's counter per prefix and year
    const counters = new Map<string, number>();
    const counterKey = (prefix: string, date: string) => `caseSeq:${prefix}:${date.slice(0, 4)}`;
    const counterKeys = [...new Set(cases.filter((c) => !c.caseNo).map((c) => counterKey(c.casePrefix, String(c.determined.occurredOn))))];
    for (const row of await db.settings.bulkGet(counterKeys)) if (row) counters.set(row.key, row.value as number);
    const nextCaseNo = (prefix: string, date: IsoDate) => {
      const key = counterKey(prefix, date);
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return `${prefix}〔${date.slice(0, 4)}〕${String(n).padStart(4, '0')}号`;
    };
    const givenNos = cases.flatMap((c) => (c.caseNo ? [c.caseNo] : []));
    const takenNos = new Set((await db.cases.where('caseNo').anyOf(givenNos).toArray()).map((c) => c.caseNo));

    // ---- cases and acts, appended in memory through shared/
    type Built = { key: string; caseRow: CaseRow; events: CaseEvent[]; state: CaseState; basis: BasisDocumentRow[]; attachments: AttachmentRow[]; isNew: boolean; acts: number };
    const built: Built[] = [];
    const appendAll = (caseRow: CaseRow, prior: CaseEvent[], drafts: EventDraft[], ruleSet: Extract<Awaited<ReturnType<typeof pinnedRuleSet>>, { ok: true }>['ruleSet'], previousRepairCompletedOn: string | null, key: string, firstIndex: number) => {
      const events = [...prior];
      let state: CaseState | undefined;
      for (const [i, draft] of drafts.entries()) {
        const appended = appendEvent(events.map(domainEvent), draft, { ruleSet, calendar, today: w.today, previousRepairCompletedOn, caseId: caseRow.id, newId: desk.ids, recordedAt: w.at, chainKey: w.chainKey });
        if (!appended.ok) {
          refuse(key, appended, firstIndex + i);
          return undefined;
        }
        events.push(appended.event);
        state = appended.state;
      }
      return state ? { events, state } : undefined;
    };
    for (const item of cases) {
      const subject = resolve(item.subject);
      if (!subject) {
        refuse(item.key, { code: 'subject_unknown', reason: '主体不存在，请先登记主体' });
        continue;
      }
      if (item.caseNo && (takenNos.has(item.caseNo) || built.some((b) => b.caseRow.caseNo === item.caseNo))) {
        refuse(item.key, { code: 'case_no_taken', reason: `案件编号“${item.caseNo}”已存在，同一编号不能登记两个案件` });
        continue;
      }
      const determined = parseActDraft({ type: 'determined', occurredOn: item.determined.occurredOn, payload: { ...item.determined.payload, subject: subjectRef(subject) } }, w.actor);
      if (!determined.ok || determined.draft.type !== 'determined') {
        refuse(item.key, determined.ok ? { code: 'act_unknown', reason: '不认识的办理事项' } : determined, 0);
        continue;
      }
      const acts = (item.acts ?? []).map((a) => parseActDraft(a, w.actor));
      const badAct = acts.findIndex((a) => !a.ok);
      if (badAct >= 0) {
        refuse(item.key, acts[badAct] as { code: string; reason: string }, badAct + 1);
        continue;
      }
      const pin = determined.draft.payload.ruleSet;
      const rules = rulesFor(pin);
      if (!rules.ok) {
        refuse(item.key, rules, 0);
        continue;
      }
      const caseId = desk.ids();
      const prepared = files.get(item.key) ?? [];
      const basisDocs = determined.draft.payload.basisDocuments.map((b) => ({ ...b }));
      const basisIds = basisDocs.map(() => desk.ids());
      const attachments: AttachmentRow[] = prepared.map(({ basisIndex, ...a }) => ({ ...a, id: desk.ids(), caseId, ownerId: basisIndex === undefined ? caseId : (basisIds[basisIndex] ?? caseId) }));
      prepared.forEach((a, i) => {
        if (a.basisIndex !== undefined && basisDocs[a.basisIndex]) basisDocs[a.basisIndex]!.attachmentId = attachments[i]!.id;
      });
      const draft: EventDraft = { ...determined.draft, payload: { ...determined.draft.payload, basisDocuments: basisDocs } };
      const caseRow: CaseRow = {
        id: caseId,
        caseNo: item.caseNo ?? nextCaseNo(item.casePrefix, draft.occurredOn),
        subjectId: subject.id,
        subjectLabel: subjectLabel(subject),
        ruleSetId: pin.id,
        behaviourCode: determined.draft.payload.behaviourCode ?? '',
        behaviourLabel: item.behaviourLabel,
        severity: determined.draft.payload.severity,
        determinationDate: draft.occurredOn,
        proportionalityNote: item.proportionalityNote,
        state: 'D0',
        stateLabel: '',
        docNos: basisDocs.map((b) => b.documentNo.trim()).filter(Boolean),
        lastSeq: 0,
        lastHash: '',
        createdAt: w.at,
        createdBy: actorName,
        updatedAt: w.at,
      };
      const drafts = [draft, ...acts.map((a) => (a as { ok: true; draft: EventDraft }).draft)];
      const appended = appendAll(caseRow, [], drafts, rules.ruleSet, repairsBySubject.get(subject.id) ?? null, item.key, 0);
      if (!appended) continue;
      const basis: BasisDocumentRow[] = basisDocs.map((b, i) => ({ id: basisIds[i]!, caseId, type: b.type, docNo: b.documentNo, issuingAuthority: b.issuer, decisionDate: b.decidedOn, effective: b.effective, ...(b.attachmentId ? { attachmentId: b.attachmentId } : {}), createdAt: w.at, createdBy: actorName }));
      built.push({ key: item.key, caseRow, ...appended, basis, attachments, isNew: true, acts: drafts.length });
      if (appended.state.repairCompletedOn) repairsBySubject.set(subject.id, appended.state.repairCompletedOn);
    }
    // Acts on stored cases, grouped per case in batch order.
    const byCase = new Map<string, BatchAct[]>();
    for (const a of batch.acts ?? []) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
    const storedCases = new Map((await db.cases.bulkGet([...byCase.keys()])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    for (const [caseId, items] of byCase) {
      const caseRow = storedCases.get(caseId);
      const prior = caseRow ? (await loadEvents(db, caseId)).map(domainEvent) : [];
      const first = prior[0];
      if (!caseRow || first?.type !== 'determined') {
        for (const a of items) refuse(a.key, { code: 'case_not_found', reason: '案件不存在或缺少认定事件' });
        continue;
      }
      const parsed = items.map((a) => parseActDraft(a.act, w.actor));
      const bad = parsed.findIndex((p) => !p.ok);
      if (bad >= 0) {
        refuse(items[bad]!.key, parsed[bad] as { code: string; reason: string });
        continue;
      }
      const rules = ruleSets.get(pinKey(first.payload.ruleSet)) ?? (await pinnedRuleSet(db, first.payload.ruleSet));
      if (!rules.ok) {
        refuse(items[0]!.key, rules);
        continue;
      }
      const others = (await db.cases.where('subjectId').equals(caseRow.subjectId).toArray()).filter((c) => c.id !== caseId && c.repairCompletedOn).map((c) => c.repairCompletedOn!);
      const appended = appendAll(caseRow, prior, parsed.map((p) => (p as { ok: true; draft: EventDraft }).draft), rules.ruleSet, others.sort().at(-1) ?? null, items[0]!.key, 0);
      if (appended) built.push({ key: items[0]!.key, caseRow, ...appended, basis: [], attachments: [], isNew: false, acts: items.length });
    }
    if (refusals.length > 0) refuseWrite('batch_refused', `有 ${refusals.length} 项未通过检查，本批未写入任何数据`);

    // ---- operation numbers: one contiguous range of this device's deviceSeq
    const device = await ensureDevice(db, desk.ids);
    let seq = device.nextSeq;
    const outbox: OutboxRow[] = [];
    const audit: NewAuditRow[] = [];
    const queue = (kind: OutboxKind, entityId: string, payload: unknown) => {
      const row = buildOutboxRow({ id: desk.ids(), deviceId: device.deviceId, deviceSeq: seq++, kind, entityId, payloadSchemaVersion: OUTBOX_PAYLOAD_SCHEMA_VERSION, payload, recordedAt: w.at });
      outbox.push(row);
      return row;
    };
    const audited = (action: string, entity: AuditRow['entity'], entityId: string, detail?: unknown) => audit.push({ id: desk.ids(), at: w.at, actor: w.actor, action, entity, entityId, ...(detail === undefined ? {} : { detail }) });
    for (const row of newSubjects.values()) {
      queue('subject-upsert', row.id, row);
      audited('登记主体', 'subject', row.id);
    }
    for (const l of links) audited(`关联${l.role}`, 'subjectLink', l.id, { orgId: l.fromSubjectId, personId: l.toSubjectId, role: l.role });

    const eventRows: CaseEventRow[] = [];
    const caseRows: CaseRow[] = [];
    const deadlines: DeadlineRow[] = [];
    const regions = new Map([...newSubjects.values(), ...storedById.values()].map((s) => [s.id, s.region ?? '']));
    const missingRegions = built.filter((b) => !regions.has(b.caseRow.subjectId)).map((b) => b.caseRow.subjectId);
    for (const s of await db.subjects.bulkGet(missingRegions)) if (s) regions.set(s.id, s.region ?? '');
    const subjectsById = new Map([...newSubjects.values(), ...storedById.values()].map((s) => [s.id, s]));
    const derived = { objections: [] as ReturnType<typeof objectionRows>, repairs: [] as ReturnType<typeof repairRows>, caseList: [] as ReturnType<typeof caseListRow>[], caseTerms: [] as ReturnType<typeof caseTermsRow>[], numbers: [] as ReturnType<typeof documentNumbersOf> };
    const storedObjections = new Map((await db.objections.where('caseId').anyOf(built.filter((b) => !b.isNew).map((b) => b.caseRow.id)).toArray()).map((o) => [o.id, o]));
    const storedRepairs = new Map((await db.repairs.where('caseId').anyOf(built.filter((b) => !b.isNew).map((b) => b.caseRow.id)).toArray()).map((r) => [r.id, r]));
    for (const b of built) {
      const fresh = b.events.slice(b.events.length - b.acts);
      for (const e of fresh) {
        const op = queue('case-event', b.caseRow.id, e);
        eventRows.push({ ...e, deviceId: op.deviceId, deviceSeq: op.deviceSeq } as CaseEventRow);
        derived.numbers.push(...documentNumbersOf(b.caseRow.id, e));
        if (!(b.isNew && e.seq === 1)) audited(actAuditAction(e.type), 'case', b.caseRow.id, { eventId: e.id, seq: e.seq });
      }
      const last = b.events.at(-1)!;
      const caseRow: CaseRow = { ...b.caseRow, state: b.state.stage, stateLabel: b.state.stageLabel, lastSeq: last.seq, lastHash: last.hash ?? '', repairCompletedOn: b.state.repairCompletedOn, updatedAt: w.at };
      caseRows.push(caseRow);
      const rows = deadlineRows(caseRow, b.state.deadlines);
      deadlines.push(...rows);
      derived.objections.push(...objectionRows(caseRow.id, b.state, b.events, w.at, (id) => storedObjections.get(id)));
      derived.repairs.push(...repairRows(caseRow.id, b.state, b.events, w.at, (id) => storedRepairs.get(id)));
      derived.caseList.push(caseListRow(caseRow, b.state, rows, regions.get(caseRow.subjectId) ?? ''));
      const subject = subjectsById.get(caseRow.subjectId);
      if (b.isNew && subject) {
        derived.caseTerms.push(caseTermsRow(caseRow.id, subject));
        audited('新建案件（认定）', 'case', caseRow.id, { caseNo: caseRow.caseNo, basisDocuments: b.basis.length, attachments: b.attachments.length });
      }
    }
    if (options.audit) audited(options.audit.action, 'case', '', options.audit.detail);

    // ---- one write of each table
    await db.subjects.bulkAdd([...newSubjects.values()]);
    await db.subjectLinks.bulkAdd(links);
    const touched = built.filter((b) => !b.isNew).map((b) => b.caseRow.id);
    await db.cases.bulkPut(caseRows);
    await db.caseEvents.bulkAdd(eventRows);
    await changeDeadlines(db, touched.length > 0 ? await db.deadlines.where('caseId').anyOf(touched).toArray() : [], deadlines);
    await db.objections.bulkPut(derived.objections);
    await db.repairs.bulkPut(derived.repairs);
    await db.caseList.bulkPut(derived.caseList);
    await db.caseTerms.bulkPut(derived.caseTerms);
    await db.documentNumbers.bulkPut(derived.numbers);
    await db.basisDocuments.bulkAdd(built.flatMap((b) => b.basis));
    await db.attachments.bulkAdd(built.flatMap((b) => b.attachments));
    for (const [key, value] of counters) await db.settings.put({ key, value });
    // The 统计 rows and the subject's credit record of each case, as the single-act path writes them.
    const creditRuleSets: RuleSetCache = new Map();
    for (const [i, b] of built.entries()) await rewriteCreditDerived(db, caseRows[i]!, b.state, b.events, w.at, creditRuleSets, calendar);
    // Outbox and ledger rows (the device's next number moves with them), then the chained audit rows.
    await recordOperations(db, desk.ids, w.chainKey, outbox);
    await recordAudit(db, desk.ids, w.chainKey, audit);
    return {
      ok: true as const,
      subjects: Object.fromEntries([...newSubjects].map(([k, s]) => [k, s.id])),
      cases: Object.fromEntries(built.filter((b) => b.isNew).map((b) => [b.key, { id: b.caseRow.id, caseNo: b.caseRow.caseNo }])),
      outbox,
      counts: { subjects: newSubjects.size, links: links.length, cases: caseRows.length, events: eventRows.length, attachments: built.reduce((n, b) => n + b.attachments.length, 0) },
    };
  });
  if (isRefused(result)) return { ok: false, refusals: refusals.length > 0 ? refusals : [{ key: '', code: result.code, reason: result.reason }] };
  return result;
}
