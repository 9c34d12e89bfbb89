/**
 * Statistics bench, row "统计页渲染": what the 统计 page reads and computes (statisticsView: the
 * bucket index reads and the aggregation for every chart) over a synthetic county written through
 * the desk's use cases (tests/helpers/credit-county.ts; fake-indexeddb under Node). Floor, measured
 * in the same run: a raw toArray() of the same bucket table. Target: ours ≤ 1 s (the page budget,
 * ECharts drawing a few series adds milliseconds) and ≤ 3× the floor.
 * Hook: when the shared synthetic county (bench/county/generate.ts) is in the tree, generate with it
 * instead; its bulk write path must then also keep the statistics rows (docs/credit-desk.md).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { CreditDeskDb } from '../renderer/src/db/database';
import { createDesk, fixedDateClock, staticSession } from '../renderer/src/desk/desk';
import { saveOffice } from '../renderer/src/desk/settings';
import { syncOfficeRuleSets } from '../renderer/src/desk/rules';
import { statisticsView } from '../renderer/src/desk/stats';
import { statsBucketsTable, statsTable } from '../renderer/src/desk/credit/tables';
import { generateCreditCounty } from '../tests/helpers/credit-county';
import { ACTOR, OFFICE } from '../tests/renderer/fixtures';

type BenchRow = { name: string; ours: number; floor: number; ratio: number; unit: string; target?: number };

const CASES = Number(process.env.CREDIT_BENCH_CASES ?? 3000);
const TODAY = '2026-10-12';
const ROUNDS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runStatsBench(): Promise<BenchRow[]> {
  const db = new CreditDeskDb(`bench-stats-${Date.now()}`);
  await db.open();
  const desk = createDesk(db, { clock: fixedDateClock(TODAY), session: staticSession(ACTOR) });
  const synced = await syncOfficeRuleSets(desk, OFFICE);
  if (!synced.ok) throw new Error(synced.reason);
  await saveOffice(desk, OFFICE);
  const started = performance.now();
  const county = await generateCreditCounty(desk, { cases: CASES, today: TODAY });
  const writeMs = performance.now() - started;
  const rows = await statsTable(db).count();
  const ours: number[] = [];
  const floor: number[] = [];
  let buckets = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    let t = performance.now();
    await statsBucketsTable(db).toArray();
    floor.push(performance.now() - t);
    t = performance.now();
    buckets = (await statisticsView(desk, {})).bucketsRead;
    ours.push(performance.now() - t);
  }
  console.log(`  county: ${county.cases} cases, ${county.subjects} subjects, ${county.acts} acts (${Math.round(writeMs / (county.cases + county.acts))} ms per write incl. derived rows), ${rows} statistics rows, ${buckets} buckets`);
  const o = median(ours);
  const f = median(floor);
  db.close();
  return [
    { name: `统计页渲染（${CASES}件案件，读取与汇总）`, ours: o, floor: f, ratio: o / f, unit: 'ms', target: 3 },
    { name: '统计页渲染（绝对时间，目标 ≤ 1000 ms）', ours: o, floor: 1000, ratio: o / 1000, unit: 'ms', target: 1 },
  ];
}
