import type { WorkingCalendar } from '../calendar/types';
import { BEHAVIOUR_CATALOGUES, type BehaviourItem } from '../rules/catalogues';
import { findPeriod, resolvePeriodAmount } from '../rules/periods';
import type { PeriodKey, PeriodRule, Severity } from '../rules/types';
import type { IsoDate } from '../util/dates';
import { PENALTY_DISCLOSURE_LIMIT, penaltyDisclosureDueOn } from '../exchange/shuanggongshi';
import type { CaseFacts } from './case-facts';

/**
 * Statistics contributions. The 统计 page never folds cases: the desk keeps a derived `stats` table and,
 * on every write to a case, replaces that case's rows with `statsRowsForCase(...)` (delete where caseId,
 * bulkPut the new rows) in the same transaction. The page aggregates rows through indexes
 * (e.g. [metric+month], [metric+township]).
 *
 * Metrics (one row each, `count` 1):
 *  - 'listing'   month of 列入; 'removal' month the listing ended, key = the end reason;
 *  - 'objection' per objection: handling working days (received → decided) vs the rule set's limit;
 *  - 'repair'    per repair application: working days (applied → decided) vs the limit (often unset);
 *  - 'deadline'  per deadline instance: key = period key, outcome within / overdue (met late) /
 *                open / open_overdue / unset;
 *  - 'disclosure' per 行政处罚 basis document: 双公示 within 7 working days (发改办财金〔2018〕424号);
 *  - 'joint_sanction' the case's joint-sanction state (key = J0…J4).
 * Handling days are working days (from, to] without deducting clock pauses; whether a limit was kept
 * comes from the fold (which does deduct pauses, 黑龙江条例 第三十九条).
 */
export type StatsMetric = 'listing' | 'removal' | 'objection' | 'repair' | 'deadline' | 'disclosure' | 'joint_sanction';

export type StatsOutcome = 'within' | 'overdue' | 'open' | 'open_overdue' | 'unset' | 'none';

export type StatsRow = {
  /** Stable: the same case state gives the same ids. */
  id: string;
  caseId: string;
  metric: StatsMetric;
  /** 'YYYY-MM' of `date`. */
  month: string;
  date: IsoDate;
  township: string;
  /** Top-level catalogue item of the behaviour (e.g. 'CY-RE-6-16'), or 'free_text'. */
  behaviourCategory: string;
  ruleSetId: string;
  listType: string;
  severity: string;
  /** Period key, end reason, joint stage or ''. */
  key: string;
  days: number | null;
  limitDays: number | null;
  outcome: StatsOutcome;
  /**
   * For an 'open' instance: the day it falls due (null while unset or paused). Stored rows are not
   * rewritten as days pass, so whether an open instance is overdue is decided when it is read
   * (statsOutcomeOn), never frozen on the day the row was written.
   */
  dueOn: IsoDate | null;
  count: 1;
};

export type StatsContext = {
  /** The case's rule set (composed, as resolvePin gives it). */
  ruleSet: { id: string; periods: readonly PeriodRule[] };
  calendar: WorkingCalendar;
  /**
   * The day the rows are for. Omit it for rows kept in a derived table: they then do not depend on
   * the day they were written (open instances are 'open' with their dueOn, handling days of open
   * instances are null) and statsOutcomeOn decides overdue at read time.
   */
  today?: IsoDate;
  /** The subject's township (乡镇/街道); null = not recorded. */
  township: string | null;
  /** 双公示 dates the desk recorded for the case's penalty decisions, by document number. */
  disclosures?: readonly { documentNo: string; disclosedOn: IsoDate | null }[];
};

export const UNKNOWN_TOWNSHIP = '未填写';

function topLevel(items: readonly BehaviourItem[], code: string): string | null {
  for (const item of items) {
    if (item.code === code) return item.code;
    const inner = topLevel(item.items ?? [], code);
    if (inner) return item.code;
  }
  return null;
}

/** The top-level catalogue item a behaviour code belongs to ('free_text' without a known code). */
export function behaviourCategoryOf(code: string | null): string {
  if (code === null) return 'free_text';
  for (const catalogue of BEHAVIOUR_CATALOGUES) {
    const found = topLevel(catalogue.items, code);
    if (found) return found;
  }
  return 'free_text';
}

function limitOf(periods: readonly PeriodRule[], key: PeriodKey, severity: Severity | null): { days: number | null; unit: PeriodRule['unit'] | null; exists: boolean } {
  const rule = findPeriod(periods, key);
  if (!rule) return { days: null, unit: null, exists: false };
  return { days: resolvePeriodAmount(rule, severity).amount, unit: rule.unit, exists: true };
}

/** The decision period a closed objection was measured against (mirrors the fold's choice). */
function objectionDecisionKey(periods: readonly PeriodRule[], o: CaseFacts['objections'][number]): PeriodKey {
  if (o.assists.length > 0 && findPeriod(periods, 'objection_decision_assisted')) return 'objection_decision_assisted';
  if (o.concernsListing && findPeriod(periods, 'objection_listing_review')) return 'objection_listing_review';
  if (findPeriod(periods, 'objection_decision')) return 'objection_decision';
  return 'objection_processing';
}

/** The latest legal date the case shows (for rows of open instances without a due date). */
function latestDateOf(facts: CaseFacts): IsoDate {
  return facts.history.map((h) => h.date).sort().at(-1) ?? facts.determinedOn ?? '1970-01-01';
}

export function statsRowsForCase(facts: CaseFacts, ctx: StatsContext): StatsRow[] {
  const rows: StatsRow[] = [];
  const today = ctx.today ?? null;
  /** Open and not yet known to be late: with a day to compare, the fold's verdict; without, 'open'. */
  const openOutcome = (overdue: boolean): StatsOutcome => (today !== null && overdue ? 'open_overdue' : 'open');
  const severity = facts.severity;
  const base = {
    caseId: facts.caseId,
    township: ctx.township && ctx.township.trim() !== '' ? ctx.township.trim() : UNKNOWN_TOWNSHIP,
    behaviourCategory: behaviourCategoryOf(facts.behaviourCode),
    ruleSetId: facts.ruleSet?.id ?? ctx.ruleSet.id,
    listType: facts.listType ?? '',
    severity: severity ?? '',
    count: 1 as const,
  };
  const add = (metric: StatsMetric, date: IsoDate, key: string, scope: string, days: number | null, limitDays: number | null, outcome: StatsOutcome, dueOn: IsoDate | null = null): void => {
    rows.push({ ...base, id: `${facts.caseId}|${metric}|${key}|${scope}`, metric, month: date.slice(0, 7), date, key, days, limitDays, outcome, dueOn: outcome === 'open' || outcome === 'open_overdue' ? dueOn : null });
  };
  const daysSoFar = (from: IsoDate): number | null => (today === null ? null : workingDays(from, today));
  const late = (key: string, scopeId: string | null): boolean => facts.lateActs.some((l) => l.key === key && l.scopeId === scopeId);
  const open = (key: string, scopeId: string | null) => facts.openDeadlines.find((d) => d.key === key && d.scopeId === scopeId);
  const workingDays = (from: IsoDate, to: IsoDate): number => ctx.calendar.countWorkingDays(from, to);
  const wdLimit = (l: { days: number | null; unit: PeriodRule['unit'] | null }): number | null => (l.unit === 'working_days' ? l.days : null);

  if (facts.listedOn) add('listing', facts.listedOn, '', '', null, null, 'none');
  if (facts.ended && facts.endedOn && facts.endReason) add('removal', facts.endedOn, facts.endReason, '', null, null, 'none');

  // Objections: handling time against the decision limit.
  for (const o of facts.objections) {
    if (o.referred) continue;
    const key = objectionDecisionKey(ctx.ruleSet.periods, o);
    const limit = limitOf(ctx.ruleSet.periods, key, severity);
    if (o.decidedOn) {
      const outcome: StatsOutcome = !limit.exists || limit.days === null ? 'unset' : late(key, o.id) || late('objection_processing', o.id) ? 'overdue' : 'within';
      add('objection', o.receivedOn, key, o.id, workingDays(o.receivedOn, o.decidedOn), wdLimit(limit), outcome);
    } else {
      const d = open(key, o.id) ?? open('objection_processing', o.id);
      const outcome: StatsOutcome = !d || d.unset ? 'unset' : openOutcome(d.overdue);
      add('objection', o.receivedOn, key, o.id, daysSoFar(o.receivedOn), wdLimit(limit), outcome, d?.dueOn ?? null);
    }
  }

  // Repair applications: handling time against the decision limit.
  for (const r of facts.repairs) {
    const limit = limitOf(ctx.ruleSet.periods, 'repair_decision', severity);
    if (r.decidedOn) {
      const outcome: StatsOutcome = !limit.exists || limit.days === null ? 'unset' : late('repair_decision', r.id) ? 'overdue' : 'within';
      add('repair', r.appliedOn, 'repair_decision', r.id, workingDays(r.appliedOn, r.decidedOn), wdLimit(limit), outcome);
    } else {
      const d = open('repair_decision', r.id);
      const outcome: StatsOutcome = !d || d.unset ? 'unset' : openOutcome(d.overdue);
      add('repair', r.appliedOn, 'repair_decision', r.id, daysSoFar(r.appliedOn), wdLimit(limit), outcome, d?.dueOn ?? null);
    }
  }

  // Deadlines: open ones from the fold, closed late ones (lateActs), and the closures on time the
  // state shows (act recorded, no late act). Only duties ("overdue" periods) count.
  const seen = new Set<string>();
  const deadline = (key: string, scopeId: string | null, date: IsoDate, outcome: StatsOutcome, dueOn: IsoDate | null = null): void => {
    const id = `${key}|${scopeId ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    add('deadline', date, key, scopeId ?? '', null, null, outcome, dueOn);
  };
  for (const d of facts.openDeadlines) {
    if (!d.actionable) continue;
    deadline(d.key, d.scopeId, d.dueOn ?? today ?? latestDateOf(facts), d.unset ? 'unset' : openOutcome(d.overdue), d.dueOn);
  }
  for (const l of facts.lateActs) deadline(l.key, l.scopeId, l.dueOn, 'overdue');
  const met = (key: PeriodKey, scopeId: string | null, actedOn: IsoDate | null): void => {
    if (actedOn === null) return;
    const limit = limitOf(ctx.ruleSet.periods, key, severity);
    if (!limit.exists) return;
    deadline(key, scopeId, actedOn, limit.days === null ? 'unset' : 'within');
  };
  if (facts.determinedOn) met('written_decision', null, facts.listedOn);
  if (facts.listedOn && !facts.openDeadlines.some((d) => d.key === 'listing_notice')) met('listing_notice', null, facts.servedOn);
  for (const o of facts.objections) {
    met('objection_marking', o.id, o.markedOn);
    if (!o.referred && o.decidedOn) {
      met('objection_processing', o.id, o.decidedOn);
      met(objectionDecisionKey(ctx.ruleSet.periods, o), o.id, o.decidedOn);
    }
    for (const a of o.assists) met('assist_reply', a.id, a.repliedOn);
  }
  for (const r of facts.repairs) {
    met('repair_initial_review', r.id, r.reviewedOn);
    met('repair_decision', r.id, r.decidedOn);
  }

  // 双公示 of the penalty decisions the case rests on.
  for (const b of facts.basisDocuments) {
    if (b.type !== 'penalty_decision') continue;
    const due = penaltyDisclosureDueOn(b.decidedOn, ctx.calendar);
    const disclosedOn = ctx.disclosures?.find((x) => x.documentNo === b.documentNo)?.disclosedOn ?? null;
    const outcome: StatsOutcome = disclosedOn ? (disclosedOn <= due ? 'within' : 'overdue') : openOutcome(today !== null && today > due);
    add('disclosure', b.decidedOn, 'penalty', b.documentNo, disclosedOn ? workingDays(b.decidedOn, disclosedOn) : null, PENALTY_DISCLOSURE_LIMIT.amount, outcome, due);
  }

  if (facts.jointStage !== 'none') add('joint_sanction', facts.listedOn ?? facts.determinedOn ?? latestDateOf(facts), facts.jointStage, '', null, null, 'none');
  return rows;
}

export type StatsFilter = { from?: string; to?: string; township?: string; behaviourCategory?: string; ruleSetId?: string; listType?: string };

/** Whether a row (or a bucket of rows) is within a filter (months 'YYYY-MM' inclusive). */
export function matchesStatsFilter(r: Pick<StatsRow, 'month' | 'township' | 'behaviourCategory' | 'ruleSetId' | 'listType'>, filter: StatsFilter): boolean {
  return (
    (filter.from === undefined || r.month >= filter.from) &&
    (filter.to === undefined || r.month <= filter.to) &&
    (filter.township === undefined || r.township === filter.township) &&
    (filter.behaviourCategory === undefined || r.behaviourCategory === filter.behaviourCategory) &&
    (filter.ruleSetId === undefined || r.ruleSetId === filter.ruleSetId) &&
    (filter.listType === undefined || r.listType === filter.listType)
  );
}

/** Rows matching a filter. For tests and small data; the page reads buckets (stats-buckets.ts). */
export function filterStats(rows: readonly StatsRow[], filter: StatsFilter): StatsRow[] {
  return rows.filter((r) => matchesStatsFilter(r, filter));
}

/**
 * The outcome of a row on `today`: an open instance whose due day has passed is open_overdue
 * (stored rows keep 'open' with their dueOn; see StatsRow.dueOn).
 */
export function statsOutcomeOn(row: Pick<StatsRow, 'outcome' | 'dueOn'>, today: IsoDate): StatsOutcome {
  return row.outcome === 'open' && row.dueOn !== null && row.dueOn < today ? 'open_overdue' : row.outcome;
}

/** Whether an outcome counts in an overdue rate (closed, or open and already late). */
export function countsInOverdueRate(outcome: StatsOutcome): boolean {
  return outcome === 'within' || outcome === 'overdue' || outcome === 'open_overdue';
}

/**
 * Share of closed or overdue instances that were overdue, per key (the 逾期率 of each deadline kind).
 * With `today`, open rows past their due day count as overdue (statsOutcomeOn).
 */
export function overdueRates(rows: readonly StatsRow[], metric: StatsMetric = 'deadline', today?: IsoDate): Record<string, { overdue: number; total: number; rate: number | null }> {
  const out: Record<string, { overdue: number; total: number; rate: number | null }> = {};
  for (const r of rows) {
    const outcome = today === undefined ? r.outcome : statsOutcomeOn(r, today);
    if (r.metric !== metric || !countsInOverdueRate(outcome)) continue;
    const entry = (out[r.key] ??= { overdue: 0, total: 0, rate: null });
    entry.total += 1;
    if (outcome === 'overdue' || outcome === 'open_overdue') entry.overdue += 1;
  }
  for (const v of Object.values(out)) v.rate = v.total === 0 ? null : v.overdue / v.total;
  return out;
}
