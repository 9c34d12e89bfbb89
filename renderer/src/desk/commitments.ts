/**
 * 信用承诺: register a commitment and record its acts. Every act is one desk use case: the input is
 * parsed with shared/'s schema (COMMITMENT_PAYLOAD_SCHEMAS), shared/ decides whether it may be recorded
 * (checkCommitmentEligibility, canRecordCommitmentEvent, foldCommitment under the commitment's rule
 * set) and ONE transaction writes the commitment row, its deadlines in the work list (the two-month
 * verification of 黑龙江条例 第四十六条, 容缺受理 materials, 限期整改), the credit record a breach leads
 * to where the rule set says so, the outbox row ('commitment') and the audit row.
 */
import type { CreditDeskDb } from '../db/database';
import type { DeadlineRow } from '../db/types';
import { changeDeadlines } from './deadline-days';
import type { IsoDate } from '../../../shared/util/dates';
import { isIsoDate } from '../../../shared/util/dates';
import {
  COMMITMENT_EVENT_LABELS,
  COMMITMENT_RULE_PRESETS,
  COMMITMENT_TYPE_LABELS,
  canRecordCommitmentEvent,
  checkCommitmentEligibility,
  foldCommitment,
  type CommitmentEvent,
  type CommitmentEventType,
  type CommitmentRules,
  type CommitmentState,
  type CommitmentType,
} from '../../../shared/credit/commitments';
import { COMMITMENT_EVENT_TYPES, COMMITMENT_PAYLOAD_SCHEMAS } from '../../../shared/credit/commitment-schema';
import type { CreditRecord } from '../../../shared/credit/records';
import type { Desk } from './desk';
import { loadCalendar } from './rules';
import { subjectLabel } from './subjects';
import { PROVISIONAL_NOTE } from './cases';
import { decideSubjectCredit, subjectCreditProfile, subjectCreditRecords } from './credit';
import { deskWrite, refuseWrite, type DeskRefused, type WriteScope } from './write';
import { commitmentsTable, creditRecordsTable, type CommitmentRow } from './credit/tables';
import { localDayOf } from '../format/time';

export type { CommitmentRow } from './credit/tables';

export const COMMITMENT_TABLES = ['commitments', 'deadlines', 'deadlineDays', 'creditRecords', 'subjects', 'subjectCredit', 'calendars', 'cases'] as const;

export function commitmentRules(key: string): CommitmentRules | undefined {
  return COMMITMENT_RULE_PRESETS.find((r) => r.key === key);
}

export type FoldedCommitment = { row: CommitmentRow; rules: CommitmentRules; state: CommitmentState };

function nextEvent(row: CommitmentRow | null, id: string, type: CommitmentEventType, occurredOn: IsoDate, payload: unknown): CommitmentEvent {
  return { id, seq: (row?.events.at(-1)?.seq ?? 0) + 1, type, occurredOn, payload } as CommitmentEvent;
}

/** The work-list rows of a commitment: its open deadlines as the office's tasks (red when past due). */
function deadlineRowsOf(row: CommitmentRow, state: CommitmentState): DeadlineRow[] {
  return state.deadlines.map((d) => ({
    id: `${commitmentCaseKey(row.id)}:${d.key}`,
    caseId: commitmentCaseKey(row.id),
    caseNo: `信用承诺：${row.matter}`,
    subjectLabel: row.subjectLabel,
    kind: d.key,
    label: d.label,
    dueDate: d.dueOn,
    provisional: d.provisional,
    unset: false,
    paused: false,
    outcome: 'overdue',
    scopeId: null,
    attention: 1,
    flagged: d.provisional ? 1 : 0,
    basis: d.basis,
    subjectId: row.subjectId,
    ...(d.provisional ? { note: PROVISIONAL_NOTE } : {}),
  }));
}

/** The route the work list opens for a deadline row (a commitment's opens its subject). */
export function deadlineRoute(row: Pick<DeadlineRow, 'caseId' | 'subjectId'>): ['cases' | 'subjects', string] {
  return row.subjectId ? ['subjects', row.subjectId] : ['cases', row.caseId];
}

/** The commitment's work-list rows replaced by its fold's (the per-day counts follow). */
async function replaceCommitmentDeadlines(db: CreditDeskDb, row: CommitmentRow, state: CommitmentState): Promise<void> {
  await changeDeadlines(db, await db.deadlines.where('caseId').equals(commitmentCaseKey(row.id)).toArray(), deadlineRowsOf(row, state));
}

async function writeCommitment(w: WriteScope, row: CommitmentRow, state: CommitmentState, event: CommitmentEvent, rules: CommitmentRules): Promise<void> {
  const db = w.desk.db;
  await commitmentsTable(db).put(row);
  await replaceCommitmentDeadlines(db, row, state);
  const seq = await w.deviceSeq();
  await w.outbox('commitment', row.id, { commitmentId: row.id, subjectId: row.subjectId, type: row.type, rulesKey: rules.key, event }, seq);
  await w.audit(`信用承诺：${COMMITMENT_EVENT_LABELS[event.type]}`, 'commitment', row.id, { subjectId: row.subjectId, event });
}

function parsePayload(type: CommitmentEventType, occurredOn: string, payload: unknown, today: IsoDate): DeskRefused | null {
  if (!COMMITMENT_EVENT_TYPES.includes(type)) return { ok: false, code: 'act_unknown', reason: '不认识的承诺办理事项' };
  if (!isIsoDate(occurredOn)) return { ok: false, code: 'date_invalid', field: 'occurredOn', reason: '请填写有效的办理日期' };
  if (occurredOn > today) return { ok: false, code: 'date_future', field: 'occurredOn', reason: '办理日期不能晚于今天' };
  const parsed = COMMITMENT_PAYLOAD_SCHEMAS[type].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'act_invalid', ...(issue?.path.length ? { field: issue.path.map(String).join('.') } : {}), reason: issue?.message ?? '填写的内容不完整' };
  }
  return null;
}

export type NewCommitment = { subjectId: string; rulesKey: string; type: CommitmentType; matter: string; department: string; text: string; materialsDueOn: string | null; committedOn: string };

/** Prior false or unfulfilled commitments of the subject, with the day each was put right (for 黑龙江条例 第四十五条). */
function priorBreaches(folded: readonly { row: CommitmentRow; state: CommitmentState }[]): { on: IsoDate; repairedOn: IsoDate | null }[] {
  return folded
    .filter(({ state: s }) => s.result === 'not_fulfilled' || s.result === 'false_commitment' || s.stage === 'breached')
    .map(({ row, state: s }) => {
      const rectified = row.events.find((e) => e.type === 'rectification_checked' && e.payload.rectified);
      return { on: s.verifiedOn ?? s.materialsDueOn ?? s.committedOn ?? localDayOf(row.createdAt), repairedOn: s.stage === 'rectified' ? (rectified?.occurredOn ?? null) : null };
    });
}

function onSevereList(records: readonly CreditRecord[], asOf: IsoDate): boolean {
  return records.some((r) => !r.withdrawn && r.severeListing && r.severeListing.listedOn <= asOf && (r.severeListing.removedOn === null || r.severeListing.removedOn > asOf));
}

/** 登记信用承诺: refused when the subject may not commit under the rule set (Chinese reason with the article). */
export async function registerCommitment(desk: Desk, input: NewCommitment): Promise<{ ok: true; commitment: FoldedCommitment } | DeskRefused> {
  const rules = commitmentRules(input.rulesKey);
  if (!rules) return { ok: false, code: 'rules_unknown', reason: '请选择适用的信用承诺规定' };
  const today = desk.clock.today();
  const id = desk.ids();
  const payload = { commitmentId: id, type: input.type, subjectId: input.subjectId, matter: input.matter, text: input.text, materialsDueOn: input.materialsDueOn || null };
  const bad = parsePayload('committed', input.committedOn, payload, today);
  if (bad) return bad;
  if (!input.department.trim()) return { ok: false, code: 'department_missing', field: 'department', reason: '请填写受理部门' };
  if (input.type === 'deficiency_acceptance' && !payload.materialsDueOn) return { ok: false, code: 'materials_due_missing', field: 'materialsDueOn', reason: '容缺受理须写明补齐材料的期限' };
  const [subject, records, profile, existing, calendar] = await Promise.all([
    desk.db.subjects.get(input.subjectId),
    subjectCreditRecords(desk, input.subjectId),
    subjectCreditProfile(desk, input.subjectId),
    commitmentsTable(desk.db).where('subjectId').equals(input.subjectId).toArray(),
    loadCalendar(desk.db),
  ]);
  if (!subject) return { ok: false, code: 'subject_unknown', reason: '主体不存在' };
  const recs = records.map((r) => r.record);
  const previous = existing.map((row) => ({ row, state: foldCommitment(row.events, commitmentRules(row.rulesKey) ?? rules, calendar, today) }));
  const eligible = checkCommitmentEligibility(rules, {
    type: input.type,
    asOf: input.committedOn,
    onSevereList: onSevereList(recs, input.committedOn),
    priorBreaches: priorBreaches(previous),
    incentiveEligible: decideSubjectCredit(subject, recs, profile, today).incentive.eligible,
  });
  if (!eligible.ok) return eligible;
  return deskWrite(desk, COMMITMENT_TABLES, async (w) => {
    const event = nextEvent(null, desk.ids(), 'committed', input.committedOn, payload);
    const state = foldCommitment([event], rules, calendar, today);
    const row: CommitmentRow = { id, subjectId: subject.id, subjectLabel: subjectLabel(subject), rulesKey: rules.key, type: input.type, matter: input.matter.trim(), department: input.department.trim(), events: [event], stage: state.stage, createdAt: w.at, createdBy: w.actor.name, updatedAt: w.at };
    await writeCommitment(w, row, state, event, rules);
    return { ok: true as const, commitment: { row, rules, state } };
  });
}

/** The credit record a breach leads to when the rule set says "记入信用记录" (黑龙江条例 第十八条（三）; 凌源新型监管 一（一）). */
function breachRecord(row: CommitmentRow, state: CommitmentState, on: IsoDate, documentNo: string): CreditRecord {
  return {
    id: `commitment:${row.id}`,
    kind: 'general',
    category: 'commitment_breach',
    date: state.verifiedOn ?? on,
    description: `未履行信用承诺（${COMMITMENT_TYPE_LABELS[row.type]}）：${row.matter}`,
    source: { department: row.department, document: documentNo.trim() || null },
    endedOn: null,
    withdrawn: null,
    caseId: null,
  };
}

/** Records one act on a commitment (公示、许可决定、核查、整改、违诺处理 …), as shared/ allows it now. */
export async function recordCommitmentAct(desk: Desk, commitmentId: string, act: { type: CommitmentEventType; occurredOn: string; payload: unknown }): Promise<{ ok: true; commitment: FoldedCommitment } | DeskRefused> {
  const today = desk.clock.today();
  const bad = parsePayload(act.type, act.occurredOn, act.payload, today);
  if (bad) return bad;
  const calendar = await loadCalendar(desk.db);
  return deskWrite(desk, COMMITMENT_TABLES, async (w) => {
    const row = await commitmentsTable(desk.db).get(commitmentId);
    if (!row) refuseWrite('commitment_unknown', '找不到该信用承诺');
    const rules = commitmentRules(row.rulesKey);
    if (!rules) refuseWrite('rules_unknown', '该承诺适用的规定已不存在');
    const before = foldCommitment(row.events, rules, calendar, today);
    const allowed = canRecordCommitmentEvent(before, act.type, rules);
    if (!allowed.ok) refuseWrite(allowed.code, allowed.reason);
    const last = row.events.at(-1);
    if (last && act.occurredOn < last.occurredOn) refuseWrite('date_before_last', `办理日期不能早于上一项办理日期${last.occurredOn}`);
    if (act.type === 'consequence_applied') {
      const code = (act.payload as { code: string }).code;
      if (!before.consequencesDue.some((c) => c.code === code)) refuseWrite('consequence_not_due', '该处理不是本承诺适用规定所列、尚未处理的违诺后果');
      const caseId = (act.payload as { caseId: string | null }).caseId;
      if (caseId && (await desk.db.cases.get(caseId))?.subjectId !== row.subjectId) refuseWrite('consequence_case_unknown', '填写的案件不存在或不是该主体的案件');
    }
    const event = nextEvent(row, desk.ids(), act.type, act.occurredOn, act.payload);
    const events = [...row.events, event];
    const state = foldCommitment(events, rules, calendar, today);
    const next: CommitmentRow = { ...row, events, stage: state.stage, updatedAt: w.at };
    if (event.type === 'consequence_applied' && event.payload.code === 'credit_record') {
      await creditRecordsTable(desk.db).put({ id: `commitment:${row.id}`, subjectId: row.subjectId, origin: 'commitment', record: breachRecord(row, state, event.occurredOn, event.payload.documentNo), updatedAt: w.at });
    }
    await writeCommitment(w, next, state, event, rules);
    return { ok: true as const, commitment: { row: next, rules, state } };
  });
}

/** Rewrites a commitment's work-list rows from its events (after the calendar changed); false when it is gone. */
export async function rederiveCommitmentDeadlines(w: WriteScope, commitmentId: string): Promise<boolean> {
  const db = w.desk.db;
  const row = await commitmentsTable(db).get(commitmentId);
  const rules = row ? commitmentRules(row.rulesKey) : undefined;
  if (!row || !rules) return false;
  const state = foldCommitment(row.events, rules, await loadCalendar(db), w.desk.clock.today());
  await replaceCommitmentDeadlines(db, row, state);
  return true;
}

/** The work list groups a commitment's rows under this key (its `caseId` column). */
export function commitmentCaseKey(commitmentId: string): string {
  return `commitment:${commitmentId}`;
}

/** The commitment a work-list row belongs to (null: a case's row). */
export function commitmentOfDeadline(row: Pick<DeadlineRow, 'caseId' | 'subjectId'>): string | null {
  return row.subjectId && row.caseId.startsWith('commitment:') ? row.caseId.slice('commitment:'.length) : null;
}

/** The subject's commitments folded as of today (newest first). */
export async function subjectCommitments(desk: Desk, subjectId: string): Promise<FoldedCommitment[]> {
  const [rows, calendar] = await Promise.all([commitmentsTable(desk.db).where('subjectId').equals(subjectId).toArray(), loadCalendar(desk.db)]);
  const today = desk.clock.today();
  return rows
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .flatMap((row) => {
      const rules = commitmentRules(row.rulesKey);
      return rules ? [{ row, rules, state: foldCommitment(row.events, rules, calendar, today) }] : [];
    });
}

/** Whether each act may be recorded now (for enabling the buttons; the reason is shared/'s). */
export function commitmentAvailability(c: FoldedCommitment, type: CommitmentEventType): { ok: true } | { ok: false; reason: string } {
  const r = canRecordCommitmentEvent(c.state, type, c.rules);
  return r.ok ? { ok: true } : { ok: false, reason: r.reason };
}
