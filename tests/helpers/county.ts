/** A small synthetic county (bench/county) on fake-indexeddb, optionally metered, for tests. */
import { createDesk, fixedDateClock, staticSession, type Desk } from '../../renderer/src/desk/desk';
import { generateCounty, setUpCountyOffice, type CountySummary } from '../../bench/county/generate';
import { openMeteredDb, type Meter } from './db-meter';

export const COUNTY_TODAY = '2026-11-20';

export async function smallCounty(options: { seed?: number; subjects?: number; cases?: number } = {}): Promise<{ desk: Desk; meter: Meter; summary: CountySummary }> {
  const { db, meter } = await openMeteredDb();
  const desk = createDesk(db, { clock: fixedDateClock(COUNTY_TODAY), session: staticSession({ userId: 'staff:县信用办经办人', name: '县信用办经办人' }) });
  await setUpCountyOffice(desk);
  const summary = await generateCounty(desk, { seed: options.seed ?? 12, subjects: options.subjects ?? 600, cases: options.cases ?? 300, today: COUNTY_TODAY, chunk: 150 });
  meter.reset();
  return { desk, meter, summary };
}
