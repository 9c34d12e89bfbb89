/**
 * The credit rows derived from a case, kept with every write to the case (one call in
 * `rewriteDerived`, same transaction): its statistics rows and the buckets they move between
 * (shared/credit/stats, stats-buckets), and its credit record (shared/credit recordFromCase), which
 * the subject's grade and incentive eligibility are computed from when they are read. Only the
 * written case's rows are read and changed: nothing is folded on view.
 */
import type { WorkingCalendar } from '../../../../shared/calendar/types';
import type { CreditDeskDb } from '../../db/database';
import type { CaseRow } from '../../db/types';
import type { CaseEvent } from '../../../../shared/case/events';
import type { CaseState } from '../../../../shared/case/state';
import type { RuleSet } from '../../../../shared/rules/types';
import { caseFactsFrom, recordFromCase } from '../../../../shared/credit/case-facts';
import { statsRowsForCase, type StatsRow } from '../../../../shared/credit/stats';
import { applyBucketDelta, bucketDeltas } from '../../../../shared/credit/stats-buckets';
import { loadCalendar, pinnedRuleSet, ruleSetKey } from '../rules';
import { creditRecordsTable, penaltyDisclosuresTable, statsBucketsTable, statsTable } from './tables';

/** The tables a case write must open for these rows (CASE_TABLES includes them). */
export const CREDIT_CASE_TABLES = ['subjects', 'stats', 'statsBuckets', 'penaltyDisclosures', 'creditRecords'] as const;

/** Replaces one case's statistics rows and moves the bucket counts by the difference. */
export async function replaceCaseStats(db: CreditDeskDb, caseId: string, rows: readonly StatsRow[]): Promise<void> {
  const stats = statsTable(db);
  const buckets = statsBucketsTable(db);
  const before = await stats.where('caseId').equals(caseId).toArray();
  const deltas = bucketDeltas(before, rows);
  if (deltas.length > 0) {
    const current = await buckets.bulkGet(deltas.map((d) => d.id));
    const puts = [];
    const deletes: string[] = [];
    for (const [i, delta] of deltas.entries()) {
      const next = applyBucketDelta(current[i], delta);
      if (next) puts.push(next);
      else deletes.push(delta.id);
    }
    if (deletes.length > 0) await buckets.bulkDelete(deletes);
    if (puts.length > 0) await buckets.bulkPut(puts);
  }
  const keep = new Set(rows.map((r) => r.id));
  const gone = before.filter((r) => !keep.has(r.id)).map((r) => r.id);
  if (gone.length > 0) await stats.bulkDelete(gone);
  const byId = new Map(before.map((r) => [r.id, JSON.stringify(r)]));
  const changed = rows.filter((r) => byId.get(r.id) !== JSON.stringify(r));
  if (changed.length > 0) await stats.bulkPut(changed);
}

/** Rule sets resolved once per pin within one rebuild (a single case write resolves its own). */
export type RuleSetCache = Map<string, RuleSet | null>;

async function ruleSetOf(db: CreditDeskDb, state: CaseState, cache?: RuleSetCache): Promise<RuleSet | null> {
  const pin = state.ruleSetPin;
  if (!pin) return null;
  const key = `${ruleSetKey(pin)}|${pin.national ? ruleSetKey(pin.national) : ''}`;
  if (cache?.has(key)) return cache.get(key) ?? null;
  const pinned = await pinnedRuleSet(db, pin);
  const ruleSet = pinned.ok ? pinned.ruleSet : null;
  if (!pinned.ok) console.warn(`credit derived rows: rule set ${key} not resolved: ${pinned.reason}`);
  cache?.set(key, ruleSet);
  return ruleSet;
}

/**
 * Rewrites the credit rows of one case from its fold (inside the case's write). A batch passes the rule
 * sets it resolved and the calendar it read once (`cache`, `calendar`).
 */
export async function rewriteCreditDerived(db: CreditDeskDb, caseRow: CaseRow, state: CaseState, events: readonly CaseEvent[], at: string, cache?: RuleSetCache, knownCalendar?: WorkingCalendar): Promise<void> {
  const facts = caseFactsFrom(state, events);
  const ruleSet = await ruleSetOf(db, state, cache);
  if (ruleSet) {
    const [calendar, subject, disclosures] = await Promise.all([knownCalendar ?? loadCalendar(db), db.subjects.get(caseRow.subjectId), penaltyDisclosuresTable(db).where('caseId').equals(caseRow.id).toArray()]);
    // Rows without "today": they must not depend on the day they were written (overdue is decided when read).
    const rows = statsRowsForCase(facts, { ruleSet, calendar, township: subject?.region ?? null, disclosures });
    await replaceCaseStats(db, caseRow.id, rows);
  }
  const record = recordFromCase(facts);
  const records = creditRecordsTable(db);
  if (record) await records.put({ id: record.id, subjectId: caseRow.subjectId, origin: 'case', record, updatedAt: at });
  else await records.delete(`case:${caseRow.id}`);
}
