/**
 * Points schemes and sampling policies, versioned like rule sets: the presets of shared/credit plus
 * the versions the office's settings produced (applySchemeSettings / applySamplingRatios make a new
 * version naming who decided and by which document; shared/ refuses unset numbers and bad bands).
 * The graded list of organisations (河北 class on today, from their records) and the seeded,
 * reproducible 双随机 draw, recorded with its seed, list, result, who and when (and an audit row).
 */
import type { IsoDate } from '../../../shared/util/dates';
import { isIsoDate } from '../../../shared/util/dates';
import type { OfficeDecision } from '../../../shared/util/versioned';
import { POINTS_SCHEME_PRESETS, applySchemeSettings, schemeEffectiveOn, scoreSubject, type PointsGrading, type PointsScheme, type SchemeSettings } from '../../../shared/credit/points';
import { SAMPLING_PRESETS, applySamplingRatios, drawGradedSample, type SamplingPolicy } from '../../../shared/credit/sampling';
import { gradeHebei } from '../../../shared/credit/hebei';
import type { CreditRecord } from '../../../shared/credit/records';
import type { Refusal } from '../../../shared/util/result';
import type { Desk } from './desk';
import { subjectLabel } from './subjects';
import { deskWrite, refuseWrite, type DeskRefused } from './write';
import { refusedFor } from './users/permissions';
import {
  creditRecordsTable,
  pointsEntriesTable,
  pointsSchemesTable,
  sampleDrawsTable,
  samplingPoliciesTable,
  subjectCreditTable,
  type PointsEntryRow,
  type SampleCandidate,
  type SampleDrawRow,
} from './credit/tables';

export type { PointsEntryRow, SampleDrawRow, SampleCandidate } from './credit/tables';

const versionKey = (id: string, version: number) => `${id}@${version}`;

/** Every version of every scheme: the presets and the office's versions. */
export async function allPointsSchemes(desk: Desk): Promise<PointsScheme[]> {
  const stored = (await pointsSchemesTable(desk.db).toArray()).map((r) => r.data);
  return [...POINTS_SCHEME_PRESETS.filter((p) => !stored.some((s) => s.schemeKey === p.schemeKey && s.version === p.version)), ...stored];
}

/** The highest version of each scheme family, for the settings form. */
export function latestVersions(schemes: readonly PointsScheme[]): PointsScheme[] {
  const out = new Map<string, PointsScheme>();
  for (const s of schemes) if ((out.get(s.schemeKey)?.version ?? 0) < s.version) out.set(s.schemeKey, s);
  return [...out.values()];
}

/**
 * The office's settings for a scheme (base, caps, items, veto items, bands as shared/credit allows):
 * a new version of the latest one, stored and audited.
 */
export async function saveSchemeSettings(desk: Desk, schemeKey: string, settings: SchemeSettings): Promise<{ ok: true; scheme: PointsScheme } | DeskRefused> {
  const denied = refusedFor(desk, 'rule-sets');
  if (denied) return denied;
  const latest = latestVersions(await allPointsSchemes(desk)).find((s) => s.schemeKey === schemeKey);
  if (!latest) return { ok: false, code: 'scheme_unknown', reason: '找不到该评分方案' };
  const applied = applySchemeSettings(latest, settings);
  if (!applied.ok) return applied;
  const scheme = applied.scheme;
  return deskWrite(desk, ['pointsSchemes'], async (w) => {
    const id = versionKey(scheme.id, scheme.version);
    if (await pointsSchemesTable(desk.db).get(id)) refuseWrite('scheme_version_exists', '该评分方案刚被另一窗口修改，请刷新后再保存');
    await pointsSchemesTable(desk.db).add({ id, schemeKey, version: scheme.version, data: scheme, savedAt: w.at, savedBy: w.actor.name });
    await w.audit(`设置评分方案《${scheme.shortTitle}》（第${scheme.version}版）`, 'credit', id, { settings });
    return { ok: true as const, scheme };
  });
}

export async function pointsEntriesOf(desk: Desk, subjectId: string, schemeKey: string): Promise<PointsEntryRow[]> {
  return (await pointsEntriesTable(desk.db).where('subjectId').equals(subjectId).toArray()).filter((e) => e.schemeKey === schemeKey);
}

export type SchemeScore = { scheme: PointsScheme | null; result: PointsGrading | Refusal; entries: PointsEntryRow[] };

/** The subject's score under the version of `schemeKey` in force today (a Chinese refusal while numbers are unset). */
export async function subjectScore(desk: Desk, subjectId: string, schemeKey: string): Promise<SchemeScore> {
  const today = desk.clock.today();
  const scheme = schemeEffectiveOn(await allPointsSchemes(desk), schemeKey, today);
  const entries = await pointsEntriesOf(desk, subjectId, schemeKey);
  if (!scheme) return { scheme: null, entries, result: { ok: false, code: 'scheme_not_in_force', reason: `评分方案在${today}没有有效版本` } };
  return { scheme, entries, result: scoreSubject(scheme, entries, today) };
}

export type NewPointsEntry = { itemCode: string; date: string; occurrences?: number; department: string; document: string | null; note?: string };

/** 登记评分事项: one occurrence of an item (or a veto item) of the scheme in force, with its source. */
export async function addPointsEntry(desk: Desk, subjectId: string, schemeKey: string, entry: NewPointsEntry): Promise<{ ok: true; entry: PointsEntryRow } | DeskRefused> {
  const today = desk.clock.today();
  const scheme = schemeEffectiveOn(await allPointsSchemes(desk), schemeKey, today);
  if (!scheme) return { ok: false, code: 'scheme_not_in_force', reason: '评分方案没有有效版本' };
  const item = scheme.items.find((i) => i.code === entry.itemCode) ?? scheme.vetoItems.find((v) => v.code === entry.itemCode);
  if (!item) return { ok: false, code: 'scheme_unknown_item', field: 'itemCode', reason: `评分项目不在评分方案《${scheme.shortTitle}》第${scheme.version}版中` };
  if (!isIsoDate(entry.date) || entry.date > today) return { ok: false, code: 'date_invalid', field: 'date', reason: '请填写不晚于今天的有效日期' };
  if (!entry.department.trim()) return { ok: false, code: 'source_missing', field: 'department', reason: '请填写信息提供部门' };
  return deskWrite(desk, ['subjects', 'pointsEntries'], async (w) => {
    if (!(await desk.db.subjects.get(subjectId))) refuseWrite('subject_unknown', '主体不存在');
    const row: PointsEntryRow = {
      id: desk.ids(),
      subjectId,
      schemeKey,
      itemCode: entry.itemCode,
      date: entry.date,
      ...(entry.occurrences ? { occurrences: entry.occurrences } : {}),
      source: { department: entry.department.trim(), document: entry.document?.trim() || null },
      ...(entry.note?.trim() ? { note: entry.note.trim() } : {}),
      recordedAt: w.at,
      recordedBy: w.actor.name,
    };
    await pointsEntriesTable(desk.db).add(row);
    await w.audit(`登记评分事项“${item.label}”`, 'subject', subjectId, { schemeKey, itemCode: entry.itemCode, date: entry.date });
    return { ok: true as const, entry: row };
  });
}

/** Every version of every sampling policy. */
export async function allSamplingPolicies(desk: Desk): Promise<SamplingPolicy[]> {
  const stored = (await samplingPoliciesTable(desk.db).toArray()).map((r) => r.data);
  return [...SAMPLING_PRESETS.filter((p) => !stored.some((s) => s.id === p.id && s.version === p.version)), ...stored];
}

export async function latestSamplingPolicy(desk: Desk, policyId: string): Promise<SamplingPolicy | null> {
  return (await allSamplingPolicies(desk)).filter((p) => p.id === policyId).sort((a, b) => b.version - a.version)[0] ?? null;
}

/** 设置抽查比例 (0–1 per tier): a new version of the policy, stored and audited. */
export async function saveSamplingRatios(desk: Desk, policyId: string, ratios: Record<string, number>, decision: OfficeDecision): Promise<{ ok: true; policy: SamplingPolicy } | DeskRefused> {
  const denied = refusedFor(desk, 'rule-sets');
  if (denied) return denied;
  const latest = await latestSamplingPolicy(desk, policyId);
  if (!latest) return { ok: false, code: 'policy_unknown', reason: '找不到该抽查方案' };
  const applied = applySamplingRatios(latest, ratios, decision);
  if (!applied.ok) return applied;
  const policy = applied.policy;
  return deskWrite(desk, ['samplingPolicies'], async (w) => {
    const id = versionKey(policy.id, policy.version);
    if (await samplingPoliciesTable(desk.db).get(id)) refuseWrite('policy_version_exists', '该抽查方案刚被另一窗口修改，请刷新后再保存');
    await samplingPoliciesTable(desk.db).add({ id, policyId: policy.id, version: policy.version, data: policy, savedAt: w.at, savedBy: w.actor.name });
    await w.audit(`设置抽查比例（${policy.title}，第${policy.version}版）`, 'credit', id, { ratios, decision });
    return { ok: true as const, policy };
  });
}

/** The graded list: every organisation with its 河北 class on `asOf`, from its records. */
export async function gradedList(desk: Desk, asOf: IsoDate = desk.clock.today()): Promise<SampleCandidate[]> {
  const db = desk.db;
  const [orgs, records, profiles] = await Promise.all([
    db.subjects.where('kind').anyOf(['legal_person', 'unincorporated_org', 'individual_business']).filter((s) => !s.voided).toArray(),
    creditRecordsTable(db).toArray(),
    subjectCreditTable(db).toArray(),
  ]);
  const bySubject = new Map<string, CreditRecord[]>();
  for (const r of records) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r.record]);
  const revoked = new Map(profiles.map((p) => [p.subjectId, p.businessLicenceRevokedOn]));
  return orgs
    .map((s) => {
      const graded = gradeHebei({ records: bySubject.get(s.id) ?? [], asOf, businessLicenceRevokedOn: revoked.get(s.id) ?? null });
      return { id: s.id, label: subjectLabel(s), code: s.uscc ?? '', grade: graded.ok ? graded.grade : '' };
    })
    .sort((a, b) => a.grade.localeCompare(b.grade) || a.label.localeCompare(b.label, 'zh-CN'));
}

/**
 * 双随机抽取: the seeded draw of each tier of the policy over today's graded list (drawGradedSample),
 * recorded in `sampleDraws` and in the audit log with its seed, the digest of each tier's list, the
 * result, who and when.
 */
export async function drawInspectionSample(desk: Desk, policyId: string, seed: string): Promise<{ ok: true; draw: SampleDrawRow } | DeskRefused> {
  const policy = await latestSamplingPolicy(desk, policyId);
  if (!policy) return { ok: false, code: 'policy_unknown', reason: '找不到该抽查方案' };
  const asOf = desk.clock.today();
  const candidates = await gradedList(desk, asOf);
  const drawn = drawGradedSample(policy, candidates.filter((c) => c.grade !== ''), seed.trim());
  if (!drawn.ok) return drawn;
  return deskWrite(desk, ['sampleDraws'], async (w) => {
    const row: SampleDrawRow = { id: desk.ids(), at: w.at, by: w.actor.name, asOf, policy: { id: policy.id, version: policy.version, title: policy.title }, seed: drawn.seed, candidates, tiers: drawn.tiers };
    await sampleDrawsTable(desk.db).add(row);
    await w.audit('双随机抽取抽查对象', 'credit', row.id, {
      seed: row.seed,
      policy: row.policy,
      asOf,
      tiers: row.tiers.map((t) => ({ tier: t.tierKey, ratio: t.ratio, candidates: t.draw.candidateCount, candidatesDigest: t.draw.candidatesDigest, drawn: t.draw.drawn.map((d) => d.id) })),
    });
    return { ok: true as const, draw: row };
  });
}

export async function listSampleDraws(desk: Desk, limit = 20): Promise<SampleDrawRow[]> {
  return sampleDrawsTable(desk.db).orderBy('at').reverse().limit(limit).toArray();
}
