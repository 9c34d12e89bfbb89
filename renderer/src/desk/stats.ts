/**
 * 统计: the page reads the bucket table (shared/credit/stats-buckets) through its [metric+month] index
 * and aggregates in memory; nothing is folded on view. The rows are kept per case write
 * (credit/derived.ts). Cases written before this table existed are counted once by
 * `rebuildCaseCreditRows` (idempotent: each case's rows replace its own earlier rows).
 */
import type { CaseRow } from '../db/types';
import type { IsoDate } from '../../../shared/util/dates';
import { isIsoDate } from '../../../shared/util/dates';
import { foldCase } from '../../../shared/case/fold';
import type { StatsFilter, StatsMetric } from '../../../shared/credit/stats';
import {
  deadlineOverdueRates,
  disclosureByMonth,
  filterBuckets,
  handlingByMonth,
  jointSanctionStates,
  listingsByMonth,
  statsFilterOptions,
  type StatsBucket,
  type StatsFilterOptions,
} from '../../../shared/credit/stats-buckets';
import type { Desk } from './desk';
import { CASE_TABLES, domainEvent, foldStoredCase, loadEvents } from './cases';
import { caseRulesContext } from './rules';
import { getSetting } from './settings';
import { deskWrite, isRefused, refuseWrite, type DeskRefused } from './write';
import { rewriteCreditDerived, type RuleSetCache } from './credit/derived';
import { penaltyDisclosuresTable, statsBucketsTable } from './credit/tables';

const METRICS: readonly StatsMetric[] = ['listing', 'removal', 'objection', 'repair', 'deadline', 'disclosure', 'joint_sanction'];

/** Every bucket of the months in the filter (index ranges per metric), then the other filters in memory. */
export async function readStatsBuckets(desk: Desk, filter: StatsFilter): Promise<StatsBucket[]> {
  const table = statsBucketsTable(desk.db);
  const from = filter.from ?? '0000-00';
  const to = filter.to ?? '9999-99';
  const parts = await Promise.all(METRICS.map((m) => table.where('[metric+month]').between([m, from], [m, to], true, true).toArray()));
  return filterBuckets(parts.flat(), filter);
}

export type StatisticsView = {
  today: IsoDate;
  options: StatsFilterOptions;
  listings: ReturnType<typeof listingsByMonth>;
  objections: ReturnType<typeof handlingByMonth>;
  repairs: ReturnType<typeof handlingByMonth>;
  deadlineRates: ReturnType<typeof deadlineOverdueRates>;
  disclosures: ReturnType<typeof disclosureByMonth>;
  jointSanctions: ReturnType<typeof jointSanctionStates>;
  /** How many buckets were read (the page's cost, independent of the number of cases). */
  bucketsRead: number;
};

/** Everything the 统计 page draws, for a filter, on the desk's today. */
export async function statisticsView(desk: Desk, filter: StatsFilter): Promise<StatisticsView> {
  const today = desk.clock.today();
  const all = await readStatsBuckets(desk, {});
  const buckets = filterBuckets(all, filter);
  return {
    today,
    options: statsFilterOptions(all),
    listings: listingsByMonth(buckets),
    objections: handlingByMonth(buckets, 'objection', today),
    repairs: handlingByMonth(buckets, 'repair', today),
    deadlineRates: deadlineOverdueRates(buckets, today),
    disclosures: disclosureByMonth(buckets, today),
    jointSanctions: jointSanctionStates(buckets),
    bucketsRead: all.length,
  };
}

export const CREDIT_ROWS_BUILT_KEY = 'credit.caseRowsBuiltAt';

/** Whether every stored case has its statistics and credit rows (false: run the rebuild once). */
export async function caseCreditRowsBuilt(desk: Desk): Promise<boolean> {
  if (await getSetting<string>(desk.db, CREDIT_ROWS_BUILT_KEY)) return true;
  return (await desk.db.cases.count()) === 0;
}

/**
 * Counts the cases stored before the statistics existed: folds each case (outside the write), then
 * writes its rows, a page at a time. Safe to repeat and to run while cases are being written.
 */
export async function rebuildCaseCreditRows(desk: Desk, onProgress?: (done: number, total: number) => void, pageSize = 100): Promise<{ ok: true; cases: number } | DeskRefused> {
  const db = desk.db;
  const total = await db.cases.count();
  const cache: RuleSetCache = new Map();
  let done = 0;
  let lastKey: string | undefined;
  for (;;) {
    const page: CaseRow[] = lastKey === undefined ? await db.cases.orderBy(':id').limit(pageSize).toArray() : await db.cases.where(':id').above(lastKey).limit(pageSize).toArray();
    if (page.length === 0) break;
    const written = await deskWrite(desk, CASE_TABLES, async () => {
      for (const caseRow of page) {
        const events = (await loadEvents(db, caseRow.id)).map(domainEvent);
        const first = events[0];
        if (!first || first.type !== 'determined') continue;
        const ctx = await caseRulesContext(desk, first.payload.ruleSet, caseRow.subjectId, caseRow.id);
        if (isRefused(ctx)) continue;
        const state = foldCase(events, ctx.ruleSet, ctx.calendar, { today: ctx.today });
        await rewriteCreditDerived(db, caseRow, state, events, desk.clock.now(), cache);
      }
      return { ok: true as const };
    });
    if (isRefused(written)) return written;
    done += page.length;
    lastKey = page.at(-1)?.id;
    onProgress?.(done, total);
  }
  return deskWrite(desk, ['settings'], async (w) => {
    await db.settings.put({ key: CREDIT_ROWS_BUILT_KEY, value: w.at });
    await w.audit('整理统计与信用记录数据', 'credit', CREDIT_ROWS_BUILT_KEY, { cases: done });
    return { ok: true as const, cases: done };
  });
}

/** Penalty decisions of the cases whose 双公示 date is not recorded yet (for the 双公示 card), oldest first. */
export async function penaltiesAwaitingDisclosure(desk: Desk, limit = 10): Promise<{ caseId: string; caseNo: string; subjectLabel: string; documentNo: string; decidedOn: IsoDate }[]> {
  const db = desk.db;
  const recorded = new Set((await penaltyDisclosuresTable(db).toCollection().primaryKeys()).map(String));
  const out: { caseId: string; caseNo: string; subjectLabel: string; documentNo: string; decidedOn: IsoDate }[] = [];
  await db.basisDocuments
    .filter((b) => b.type === 'penalty_decision' && !recorded.has(`${b.caseId}|${b.docNo}`))
    .until(() => out.length >= limit * 5)
    .each((b) => {
      out.push({ caseId: b.caseId, caseNo: '', subjectLabel: '', documentNo: b.docNo, decidedOn: b.decisionDate });
    });
  const picked = out.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn)).slice(0, limit);
  const cases = await db.cases.bulkGet(picked.map((p) => p.caseId));
  return picked.map((p, i) => ({ ...p, caseNo: cases[i]?.caseNo ?? '', subjectLabel: cases[i]?.subjectLabel ?? '' }));
}

/**
 * 登记双公示日期: the day a penalty decision the case rests on was disclosed (发改办财金〔2018〕424号: within
 * 7 working days). The case's statistics rows are rewritten in the same transaction.
 */
export async function recordPenaltyDisclosure(desk: Desk, caseId: string, documentNo: string, disclosedOn: string): Promise<{ ok: true } | DeskRefused> {
  if (!isIsoDate(disclosedOn)) return { ok: false, code: 'date_invalid', field: 'disclosedOn', reason: '请填写有效的公示日期' };
  if (disclosedOn > desk.clock.today()) return { ok: false, code: 'date_future', field: 'disclosedOn', reason: '公示日期不能晚于今天' };
  return deskWrite(desk, CASE_TABLES, async (w) => {
    const basis = await desk.db.basisDocuments.where('caseId').equals(caseId).filter((b) => b.docNo === documentNo && b.type === 'penalty_decision').first();
    if (!basis) refuseWrite('disclosure_no_penalty', '该案件没有这份行政处罚决定书');
    if (disclosedOn < basis.decisionDate) refuseWrite('disclosure_before_decision', `公示日期不能早于处罚决定日期${basis.decisionDate}`);
    const id = `${caseId}|${documentNo}`;
    const before = await penaltyDisclosuresTable(desk.db).get(id);
    await penaltyDisclosuresTable(desk.db).put({ id, caseId, documentNo, disclosedOn, recordedAt: w.at, recordedBy: w.actor.name });
    const folded = await foldStoredCase(desk, caseId);
    if (!folded) refuseWrite('case_not_found', '案件不存在');
    await rewriteCreditDerived(desk.db, folded.caseRow, folded.state, folded.events.map(domainEvent), w.at);
    await w.audit('登记双公示日期', 'case', caseId, { documentNo, disclosedOn, before: before?.disclosedOn ?? null });
    return { ok: true as const };
  });
}
