/**
 * 信用报告（信息查询）: everything recorded about a subject, each item with its source and every change
 * with its date (黑龙江条例 第三十五条), built by shared/credit buildCreditReport from the subject's
 * cases (folded on request: a subject has few), its other records, commitments, awards and
 * evaluations. For anyone but the subject the identity is masked (第二十三条) with the strictest
 * publication profile of the subject's cases — never weaker than 脱敏 — and positive information the
 * subject asked not to publish is left out (第三十七条). Free of charge by design (第二十四条): there
 * is no fee anywhere. Handing the printed report out is logged (audit) once the bytes have left.
 */
import { buildCreditReport, type CreditReport, type ReportEvaluation } from '../../../shared/credit/report';
import { caseFactsFrom } from '../../../shared/credit/case-facts';
import { HEBEI_BASIS } from '../../../shared/credit/hebei';
import { publicationView } from '../../../shared/masking/mask';
import type { PublicationProfile } from '../../../shared/masking/types';
import type { Desk } from './desk';
import { casesOfSubject, domainEvent, foldStoredCase, subjectRefOf } from './cases';
import { getOffice } from './settings';
import { subjectCommitments } from './commitments';
import { subjectCreditView } from './credit';
import { deskWrite, type DeskRefused } from './write';

export type ReportAudience = 'subject' | 'other';

export const REPORT_AUDIENCE_LABELS: Record<ReportAudience, string> = { subject: '给信用主体本人', other: '给他人（脱敏）' };

const STRICTNESS: Record<PublicationProfile, number> = { full: 0, masked: 1, offline: 2 };

/** The strictest of the profiles, never weaker than 'masked' (a report for someone else is always de-identified). */
export function reportProfile(profiles: readonly PublicationProfile[]): PublicationProfile {
  return profiles.reduce<PublicationProfile>((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a), 'masked');
}

export async function creditReportFor(desk: Desk, subjectId: string, audience: ReportAudience): Promise<CreditReport | null> {
  const [view, ref, office] = await Promise.all([subjectCreditView(desk, subjectId), subjectRefOf(desk, subjectId), getOffice(desk.db)]);
  if (!view || !ref) return null;
  const folded = (await Promise.all((await casesOfSubject(desk, subjectId)).map((c) => foldStoredCase(desk, c.id)))).filter((f) => f !== undefined);
  const commitments = await subjectCommitments(desk, subjectId);
  const officeName = office?.name ?? '';
  const evaluations: ReportEvaluation[] = [];
  if (view.hebei.ok && view.subject.kind !== 'natural_person') {
    evaluations.push({ scheme: '企业信用分级分类（河北）', grade: view.hebei.label, evaluatedOn: view.asOf, explanation: view.hebei.explanation, source: { department: officeName, document: HEBEI_BASIS } });
  }
  for (const e of view.profile.evaluations) evaluations.push({ scheme: e.scheme, grade: e.grade, evaluatedOn: e.evaluatedOn, explanation: [], source: { department: e.department, document: e.document } });
  const profile = reportProfile(folded.map((f) => f.ctx.ruleSet.publicationProfile));
  return buildCreditReport({
    subject: { ...ref, township: view.subject.region ?? null },
    cases: folded.map((f) => caseFactsFrom(f.state, f.events.map(domainEvent))),
    otherRecords: view.records.filter((r) => !r.caseId),
    commitments: commitments.map((c) => ({ ...c.state, matter: c.row.matter, department: c.row.department })),
    awards: view.profile.awards,
    evaluations,
    optedOutOfPositivePublication: view.profile.positiveOptOut !== null,
    audience,
    mask: (s) => publicationView(s, profile),
    office: officeName,
    generatedOn: view.asOf,
  });
}

/** Logs that a printed report left the app (print or download), with the SHA-256 of the bytes. */
export async function logReportHandedOut(desk: Desk, subjectId: string, audience: ReportAudience, how: 'print' | 'save', pdf: { sha256: string; pages: number }): Promise<{ ok: true } | DeskRefused> {
  return deskWrite(desk, [], async (w) => {
    await w.audit(`${how === 'print' ? '打印' : '下载'}信用报告（${REPORT_AUDIENCE_LABELS[audience]}）`, 'subject', subjectId, { audience, sha256: pdf.sha256, pages: pdf.pages });
    return { ok: true as const };
  });
}
