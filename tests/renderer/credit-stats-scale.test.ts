import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { officeDesk } from './fixtures';
import { generateCreditCounty } from '../helpers/credit-county';
import { rebuildCaseCreditRows, statisticsView } from '../../renderer/src/desk/stats';
import { statsBucketsTable, statsTable } from '../../renderer/src/desk/credit/tables';
import { applyBucketDelta, bucketDeltas, type StatsBucket } from '../../shared/credit/stats-buckets';

/** Cases of the synthetic county (raise with CREDIT_COUNTY_CASES for a larger run; the bench uses 3000). */
const CASES = Number(process.env.CREDIT_COUNTY_CASES ?? 600);
const TODAY = '2026-10-12';

function bucketsFrom(rows: Parameters<typeof bucketDeltas>[1]): StatsBucket[] {
  const out = new Map<string, StatsBucket>();
  for (const d of bucketDeltas([], rows)) {
    const next = applyBucketDelta(out.get(d.id), d);
    if (next) out.set(d.id, next);
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

describe(`statistics over a synthetic county of ${CASES} cases written through the desk`, () => {
  it('the buckets kept write by write equal the aggregation of every row, and a rebuild from scratch', async () => {
    const desk = await officeDesk(undefined, TODAY);
    const county = await generateCreditCounty(desk, { cases: CASES, today: TODAY });
    expect(county.cases).toBe(CASES);
    expect(county.acts).toBeGreaterThan(CASES * 2);
    const rows = await statsTable(desk.db).toArray();
    const kept = (await statsBucketsTable(desk.db).toArray()).sort((a, b) => a.id.localeCompare(b.id));
    expect(kept).toEqual(bucketsFrom(rows));
    expect(new Set(rows.map((r) => r.caseId)).size).toBe(CASES);

    const started = performance.now();
    const view = await statisticsView(desk, {});
    console.info(`[statistics] ${CASES} cases, ${rows.length} rows, ${view.bucketsRead} buckets: view in ${Math.round(performance.now() - started)} ms (fake-indexeddb; see npm run bench)`);
    // The page reads buckets only: never more than the rows, and every listing is counted once.
    expect(view.bucketsRead).toBeLessThanOrEqual(rows.length);
    expect(view.listings.reduce((n, m) => n + m.listings, 0)).toBe(rows.filter((r) => r.metric === 'listing').length);
    expect(view.options.townships.length).toBe(8);

    await desk.db.transaction('rw', [statsTable(desk.db), statsBucketsTable(desk.db)], async () => {
      await statsTable(desk.db).clear();
      await statsBucketsTable(desk.db).clear();
    });
    await rebuildCaseCreditRows(desk);
    expect((await statsBucketsTable(desk.db).toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(kept);
  }, 600_000);
});
