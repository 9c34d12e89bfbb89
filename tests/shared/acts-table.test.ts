import { describe, expect, it } from 'vitest';
import { appendEvent, builtinCalendar } from '../../shared';
import type { CaseEvent } from '../../shared';
import { ACTS_TABLE, draftOf } from './fixtures/acts-table';
import { TEST_CHAIN_KEY } from './case-helpers';

const calendar = builtinCalendar();

describe('shared refuses exactly what the table of acts says', () => {
  it.each(ACTS_TABLE.map((row) => [row.scenario, row] as const))('%s', (_name, row) => {
    const events: CaseEvent[] = [];
    const ids: string[] = [];
    let n = 0;
    const ctx = { today: row.today, ruleSet: row.ruleSet, calendar, caseId: 'case-1', newId: () => `e${++n}`, recordedAt: '2026-11-22T08:00:00.000Z', chainKey: TEST_CHAIN_KEY };
    for (const s of row.setup) {
      const r = appendEvent(events, draftOf(s, ids), ctx);
      if (!r.ok) throw new Error(`set-up step refused: ${r.code} ${r.reason}`);
      events.push(r.event);
      ids.push(r.event.id);
    }
    const result = appendEvent(events, draftOf(row.act, ids), ctx);
    expect(result.ok ? 'ok' : result.code).toBe(row.expect);
    if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/u);
  });
});
