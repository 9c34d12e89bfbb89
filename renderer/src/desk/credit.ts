/**
 * A subject's credit: its records (kept per case write, credit/derived.ts, and added by breached
 * commitments), its profile (awards, founding date, evaluations made elsewhere, the opt-out of
 * positive publication), and what shared/credit decides from them when read — the 河北 class with
 * the records that decided it (gradeHebei) and 守信激励 eligibility with 一票否决
 * (checkIncentiveEligibility). Reads are live queries over the subject's own rows, so the grade is
 * recomputed as its cases' events arrive. Every change to the profile is a desk use case with an
 * audit row and a dated change entry (黑龙江条例 第三十五条).
 */
import type { SubjectRow } from '../db/types';
import { isIsoDate, type IsoDate } from '../../../shared/util/dates';
import { gradeHebei, type HebeiGrading } from '../../../shared/credit/hebei';
import { checkIncentiveEligibility, type Award, type IncentiveResult } from '../../../shared/credit/incentive';
import type { CreditRecord } from '../../../shared/credit/records';
import type { Refusal } from '../../../shared/util/result';
import type { Desk } from './desk';
import { deskWrite, refuseWrite, type DeskRefused, type WriteScope } from './write';
import { creditRecordsTable, emptySubjectCredit, subjectCreditTable, type CreditRecordRow, type RecordedEvaluation, type SubjectCreditRow } from './credit/tables';

export type { CreditRecordRow, RecordedEvaluation, SubjectCreditRow } from './credit/tables';

export async function subjectCreditRecords(desk: Desk, subjectId: string): Promise<CreditRecordRow[]> {
  return creditRecordsTable(desk.db).where('subjectId').equals(subjectId).toArray();
}

export async function subjectCreditProfile(desk: Desk, subjectId: string): Promise<SubjectCreditRow> {
  return (await subjectCreditTable(desk.db).get(subjectId)) ?? emptySubjectCredit(subjectId, '');
}

/** The latest evaluation recorded for the subject (the 信用等级评价 of 凌源信易批 三(一)4). */
export function latestEvaluation(profile: SubjectCreditRow, asOf: IsoDate): RecordedEvaluation | null {
  return profile.evaluations.filter((e) => e.evaluatedOn <= asOf).sort((a, b) => b.evaluatedOn.localeCompare(a.evaluatedOn))[0] ?? null;
}

export type SubjectCreditView = {
  subject: SubjectRow;
  asOf: IsoDate;
  records: CreditRecord[];
  profile: SubjectCreditRow;
  hebei: HebeiGrading | Refusal;
  incentive: IncentiveResult;
};

/** Decides the subject's credit on `asOf` from its own rows (the grade is for organisations; 河北 grades enterprises). */
export function decideSubjectCredit(subject: SubjectRow, records: readonly CreditRecord[], profile: SubjectCreditRow, asOf: IsoDate): Omit<SubjectCreditView, 'subject'> {
  const hebei = gradeHebei({ records, asOf, businessLicenceRevokedOn: profile.businessLicenceRevokedOn });
  const evaluation = latestEvaluation(profile, asOf);
  const incentive = checkIncentiveEligibility({
    subject: { kind: subject.kind, establishedOn: profile.establishedOn },
    awards: profile.awards,
    records,
    grade: evaluation ? { scheme: evaluation.scheme, grade: evaluation.grade, evaluatedOn: evaluation.evaluatedOn } : null,
    optedOutOfPublication: profile.positiveOptOut !== null,
    asOf,
  });
  return { asOf, records: [...records], profile, hebei, incentive };
}

/** The subject's credit as of the desk's today. */
export async function subjectCreditView(desk: Desk, subjectId: string): Promise<SubjectCreditView | null> {
  const subject = await desk.db.subjects.get(subjectId);
  if (!subject) return null;
  const [rows, profile] = await Promise.all([subjectCreditRecords(desk, subjectId), subjectCreditProfile(desk, subjectId)]);
  return { subject, ...decideSubjectCredit(subject, rows.map((r) => r.record), profile, desk.clock.today()) };
}

/** One change to the profile: the new row, the change entry and the audit row in one write. */
async function changeProfile(desk: Desk, subjectId: string, label: string, detail: string, change: (row: SubjectCreditRow, w: WriteScope) => void): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  return deskWrite(desk, ['subjects', 'subjectCredit'], async (w) => {
    if (!(await desk.db.subjects.get(subjectId))) refuseWrite('subject_unknown', '主体不存在');
    const table = subjectCreditTable(desk.db);
    const before = (await table.get(subjectId)) ?? emptySubjectCredit(subjectId, w.at);
    const row: SubjectCreditRow = structuredClone(before);
    change(row, w);
    row.changes.push({ at: w.at, date: w.today, by: w.actor.name, label, detail });
    row.updatedAt = w.at;
    await table.put(row);
    await w.audit(label, 'subject', subjectId, { detail });
    return { ok: true as const, profile: row };
  });
}

function checkDate(value: string | null, what: string, today: IsoDate): DeskRefused | null {
  if (value === null) return null;
  if (!isIsoDate(value)) return { ok: false, code: 'date_invalid', reason: `请填写有效的${what}` };
  if (value > today) return { ok: false, code: 'date_future', reason: `${what}不能晚于今天` };
  return null;
}

/** 成立（登记）日期 and 吊销营业执照日期 (facts of the registration the office checked). */
export async function setRegistrationFacts(desk: Desk, subjectId: string, facts: { establishedOn: string | null; businessLicenceRevokedOn: string | null }): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  const today = desk.clock.today();
  const bad = checkDate(facts.establishedOn, '成立日期', today) ?? checkDate(facts.businessLicenceRevokedOn, '吊销营业执照日期', today);
  if (bad) return bad;
  const detail = `成立日期：${facts.establishedOn ?? '不详'}；吊销营业执照：${facts.businessLicenceRevokedOn ?? '无'}`;
  return changeProfile(desk, subjectId, '登记主体登记信息', detail, (row) => {
    row.establishedOn = facts.establishedOn;
    row.businessLicenceRevokedOn = facts.businessLicenceRevokedOn;
  });
}

export type NewAward = Omit<Award, 'id' | 'revoked'>;

/** 登记奖励或荣誉 (凌源信易批 三(一)1、2). */
export async function addAward(desk: Desk, subjectId: string, award: NewAward): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  if (!award.title.trim()) return { ok: false, code: 'award_title', field: 'title', reason: '请填写奖励或荣誉名称' };
  if (!award.grantor.trim()) return { ok: false, code: 'award_grantor', field: 'grantor', reason: '请填写授予单位' };
  const bad = checkDate(award.date, '授予日期', desk.clock.today());
  if (bad) return bad;
  const id = desk.ids();
  return changeProfile(desk, subjectId, '登记奖励或荣誉', `${award.date} ${award.grantor}授予“${award.title.trim()}”`, (row) => {
    row.awards.push({ ...award, id, title: award.title.trim(), grantor: award.grantor.trim() });
  });
}

/** 撤销奖励或荣誉: kept with the mark (黑龙江条例 第三十六条: no deletion), no longer counted. */
export async function revokeAward(desk: Desk, subjectId: string, awardId: string, reason: string): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  if (!reason.trim()) return { ok: false, code: 'reason_missing', reason: '请说明撤销理由' };
  const profile = await subjectCreditProfile(desk, subjectId);
  const award = profile.awards.find((a) => a.id === awardId);
  if (!award) return { ok: false, code: 'award_unknown', reason: '找不到该奖励或荣誉' };
  if (award.revoked) return { ok: false, code: 'award_revoked', reason: '该奖励或荣誉已撤销' };
  return changeProfile(desk, subjectId, '撤销奖励或荣誉', `“${award.title}”：${reason.trim()}`, (row) => {
    const target = row.awards.find((a) => a.id === awardId);
    if (target) target.revoked = true;
  });
}

/** 登记信用评价结果 made by another body (纳税信用等级, 行业信用评价 …). */
export async function addEvaluation(desk: Desk, subjectId: string, evaluation: Omit<RecordedEvaluation, 'id'>): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  if (!evaluation.scheme.trim() || !evaluation.grade.trim()) return { ok: false, code: 'evaluation_incomplete', reason: '请填写评价名称和等级' };
  if (!evaluation.department.trim()) return { ok: false, code: 'evaluation_department', reason: '请填写评价部门' };
  const bad = checkDate(evaluation.evaluatedOn, '评价日期', desk.clock.today());
  if (bad) return bad;
  const id = desk.ids();
  return changeProfile(desk, subjectId, '登记信用评价结果', `${evaluation.evaluatedOn} ${evaluation.department}${evaluation.scheme}：${evaluation.grade}`, (row) => {
    row.evaluations.push({ ...evaluation, id });
  });
}

/**
 * 黑龙江条例 第三十七条: "信用主体提出不公示自身守信信息的，不得公示". Recording the request (or its
 * withdrawal) changes every export and publication of positive information (report, incentive list).
 */
export async function setPositivePublicationOptOut(desk: Desk, subjectId: string, optOut: boolean, note: string): Promise<{ ok: true; profile: SubjectCreditRow } | DeskRefused> {
  if (optOut && !note.trim()) return { ok: false, code: 'note_missing', reason: '请注明信用主体提出申请的方式和日期（如书面申请）' };
  return changeProfile(desk, subjectId, optOut ? '登记不公示守信信息申请' : '撤回不公示守信信息申请', note.trim() || (optOut ? '' : '信用主体撤回申请'), (row, w) => {
    row.positiveOptOut = optOut ? { since: w.today, note: note.trim() } : null;
  });
}
