/**
 * Holiday calendars and rule-set updates pushed down by the platform are applied: a calendar through
 * the office's own import (so a deadline in the new year stops being provisional, in the work list
 * too), a rule-set update as a NEW version (pinned versions never change). Invalid items stay in
 * the inbox with a Chinese reason and never block the cursor.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../platform/server/app';
import type { Desk } from '../../renderer/src/desk/desk';
import { foldStoredCase } from '../../renderer/src/desk/cases';
import { listDeadlines } from '../../renderer/src/desk/deadlines';
import { allStoredRuleSets, loadCalendar } from '../../renderer/src/desk/rules';
import { createPulledApplier } from '../../renderer/src/desk/sync/apply-pulled';
import { createSyncEngine } from '../../renderer/src/sync/engine';
import { createDexieOutboxStore, type InboxRow } from '../../renderer/src/desk/sync/outbox-store';
import { createHttpTransport } from '../../renderer/src/sync/transport';
import { PRESET_CY_RE_2020 } from '../../shared/rules/presets';
import { period } from '../../shared/rules/periods';
import { parseRuleSetUpdate } from '../../shared/sync/rule-set-update';
import { ruleSetEffectiveOn } from '../../shared/rules/select';
import type { RuleSet } from '../../shared/rules/types';
import type { EventDraft } from '../../shared/case/events';
import { ACTOR, appendSteps, determinedCaseId, LISTING_STEPS, officeDesk } from '../renderer/fixtures';
import { DB_TARGETS, makeOffice, seededRandom, startTestPlatform, testIdMaker, uniqueId } from './helpers';

const TODAY = '2026-12-29';

/**
 * A test schedule in the holiday-cn shape. NOT the State Council's 2027 notice (unpublished when this
 * was written): only 元旦 matters here.
 */
const SCHEDULE_2027 = {
  year: 2027,
  papers: ['https://example.invalid/2027-notice'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
  ],
};

async function listedCase(db: Desk): Promise<string> {
  const caseId = await determinedCaseId(db, { today: TODAY });
  const objection: EventDraft = {
      type: 'objection_received',
      occurredOn: '2026-12-29',
      actor: ACTOR,
      payload: { objectionId: uniqueId('OBJ'), applicant: '示例县虚构房地产开发有限公司', grounds: ['error'], reasons: '认为认定事实有误', concernsListing: false, channel: 'written' },
    };
  await appendSteps(db, caseId, [...LISTING_STEPS, objection], TODAY);
  return caseId;
}

function updatedRuleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    ...PRESET_CY_RE_2020,
    version: 2,
    effectiveFrom: '2027-01-01',
    periods: [...PRESET_CY_RE_2020.periods.filter((p) => p.key !== 'objection_decision'), period('objection_decision', 5, '示例市信用办〔2026〕9号（测试用）', 'stated')],
    notes: ['测试用的规则集更新'],
    ...overrides,
  };
}

describe('pulled holiday calendars and rule-set updates are applied', () => {
  let platform: Platform;
  const office = makeOffice();
  const office2 = makeOffice('测试镇信用办');
  beforeAll(async () => {
    platform = await startTestPlatform(DB_TARGETS[0]!, [office, office2]);
  });
  afterAll(async () => {
    await platform?.close();
  });

  function engineFor(desk: Desk, o = office) {
    const db = desk.db;
    return createSyncEngine({
      store: createDexieOutboxStore(db),
      transport: createHttpTransport({ baseUrl: platform.url, token: o.token }),
      deviceId: 'desk-1',
      now: () => Date.now(),
      random: seededRandom(5),
      makeId: testIdMaker('r'),
      sleep: async () => undefined,
      onPulled: createPulledApplier(desk),
    });
  }

  it('a pulled 2027 schedule makes a previously provisional deadline definite (case and work list)', async () => {
    const desk = await officeDesk(undefined, TODAY);
    const db = desk.db;
    const caseId = await listedCase(desk);
    const before = (await listDeadlines(desk, { filter: 'all' })).rows.find((r) => r.caseId === caseId && r.kind === 'objection_decision');
    // 3 working days from 2026-12-29 without a 2027 schedule: 2027-01-01 (a Friday) counted as working, provisional.
    expect(before).toMatchObject({ dueDate: '2027-01-01', provisional: true, flagged: 1 });
    expect(before?.note).toMatch(/暂定/);

    await platform.store.publish(office.id, { id: uniqueId('CAL'), kind: 'holiday-calendar', payload: SCHEDULE_2027 });
    const bad = uniqueId('CAL-BAD');
    await platform.store.publish(office.id, { id: bad, kind: 'holiday-calendar', payload: { year: 2028, papers: [], days: [{ name: '元旦', date: '2028-13-01', isOffDay: true }] } });
    const report = await engineFor(desk).runOnce();
    expect(report.outcome).toBe('ok');
    expect(report.pulled).toBe(2);

    expect((await loadCalendar(db)).covers(2027)).toBe(true);
    const calendarRow = await db.calendars.get('holidays-2027');
    expect(calendarRow?.data).toMatchObject({ year: 2027, days: SCHEDULE_2027.days });
    const after = (await listDeadlines(desk, { filter: 'all' })).rows.find((r) => r.caseId === caseId && r.kind === 'objection_decision');
    expect(after).toMatchObject({ dueDate: '2027-01-04', provisional: false, flagged: 0 });
    expect(after?.note).toBeUndefined();
    const folded = await foldStoredCase(desk, caseId);
    expect(folded?.state.deadlines.find((d) => d.key === 'objection_decision')).toMatchObject({ dueOn: '2027-01-04', provisional: false });

    const inbox = await db.table<InboxRow, string>('syncInbox').toArray();
    expect(inbox.find((i) => i.kind === 'holiday-calendar' && i.id !== bad)?.applied).toEqual({ ok: true });
    const refused = inbox.find((i) => i.id === bad)?.applied;
    expect(refused).toMatchObject({ ok: false });
    expect(refused?.reasonZh).toMatch(/节假日安排.*2028-13-01/);
    expect(await db.calendars.get('holidays-2028')).toBeUndefined();
    expect((await engineFor(desk).runOnce()).pulled).toBe(0);
  });

  it('a pulled rule-set update is stored as a new version; pinned versions and old cases do not change', async () => {
    const desk = await officeDesk(undefined, TODAY);
    const db = desk.db;
    const caseId = await listedCase(desk);
    const pin = (await foldStoredCase(desk, caseId))!.ctx.ruleSet;
    const storedBefore = await db.ruleSets.toArray();
    const existing = storedBefore.map((r) => r.data as RuleSet).filter((r) => r.id === PRESET_CY_RE_2020.id);
    expect(existing.map((r) => r.version).sort()).toEqual([1, 2]); // preset + the office-derived version

    const good = uniqueId('RS');
    const again = uniqueId('RS-AGAIN');
    const broken = uniqueId('RS-BAD');
    const foreign = uniqueId('RS-FOREIGN');
    await platform.store.publish(office2.id, { id: good, kind: 'rule-set', payload: { ruleSet: updatedRuleSet(), note: '示例市信用办〔2026〕9号' } });
    await platform.store.publish(office2.id, { id: again, kind: 'rule-set', payload: { ruleSet: updatedRuleSet({ notes: ['重发'] }) } });
    await platform.store.publish(office2.id, { id: broken, kind: 'rule-set', payload: { ruleSet: { ...updatedRuleSet(), periods: [{ ...PRESET_CY_RE_2020.periods[0]!, unit: 'fortnights' }] } } });
    await platform.store.publish(office2.id, { id: foreign, kind: 'rule-set', payload: { ruleSet: updatedRuleSet({ jurisdictionKey: 'HLJ', version: 7 }) } });
    await platform.store.publish(office2.id, { id: uniqueId('CAL'), kind: 'holiday-calendar', payload: SCHEDULE_2027 });
    const engine = engineFor(desk, office2);
    const report = await engine.runOnce();
    expect(report.outcome).toBe('ok');
    expect(report.pulled).toBe(5);
    expect(await createDexieOutboxStore(db).getMeta('pullCursor')).toBeTruthy();

    // Every version that existed is byte-for-byte unchanged; exactly one new version (3) was added.
    for (const row of storedBefore) expect(await db.ruleSets.get(row.id)).toEqual(row);
    const versions = (await allStoredRuleSets(db)).filter((r) => r.id === PRESET_CY_RE_2020.id);
    expect(versions.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    const v3 = versions.find((r) => r.version === 3)!;
    expect(v3.effectiveFrom).toBe('2027-01-01');
    expect(v3.periods.find((p) => p.key === 'objection_decision')?.amount).toBe(5);
    expect(v3.notes.at(-1)).toMatch(/市公共信用信息平台.*平台版本号 2.*本机存为第3版.*示例市信用办〔2026〕9号/);

    // New cases decided from 2027-01-01 get the update; earlier dates keep the office's version 2.
    expect(ruleSetEffectiveOn(versions, PRESET_CY_RE_2020.jurisdictionKey, '2027-02-01')?.version).toBe(3);
    expect(ruleSetEffectiveOn(versions, PRESET_CY_RE_2020.jurisdictionKey, '2026-06-01')?.version).toBe(2);
    // The old case keeps its pinned rules: 3 working days (the update's 5 would give 2027-01-08),
    // counted with the 2027 schedule pulled in the same run.
    const folded = (await foldStoredCase(desk, caseId))!;
    expect(folded.ctx.ruleSet).toEqual(pin);
    expect(folded.state.deadlines.find((d) => d.key === 'objection_decision')).toMatchObject({ dueOn: '2027-01-04', provisional: false });

    const inbox = new Map((await db.table<InboxRow, string>('syncInbox').toArray()).map((i) => [i.id, i.applied]));
    expect(inbox.get(good)).toEqual({ ok: true });
    expect(inbox.get(again)).toEqual({ ok: true }); // same rules again: recognised, nothing stored
    expect(inbox.get(broken)).toMatchObject({ ok: false, reasonZh: expect.stringMatching(/规则集格式不正确.*periods\.0\.unit/) });
    expect(inbox.get(foreign)).toMatchObject({ ok: false, reasonZh: expect.stringMatching(/LN-CY-RE.*HLJ.*不能作为它的新版本/) });
    expect((await engine.runOnce()).pulled).toBe(0);
  });

  it('rule-set update payloads are validated with Chinese reasons', () => {
    expect(parseRuleSetUpdate({ ruleSet: updatedRuleSet() })).toMatchObject({ ok: true });
    for (const preset of [PRESET_CY_RE_2020]) expect(parseRuleSetUpdate({ ruleSet: preset }).ok).toBe(true);
    const bad = parseRuleSetUpdate({ ruleSet: updatedRuleSet({ effectiveTo: '2026-01-01' }) });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/失效日期2026-01-01早于施行日期2027-01-01/) });
    expect(parseRuleSetUpdate({})).toMatchObject({ ok: false, reason: expect.stringMatching(/^平台下发的规则集格式不正确：ruleSet/) });
    const dup = parseRuleSetUpdate({ ruleSet: updatedRuleSet({ periods: [PRESET_CY_RE_2020.periods[0]!, PRESET_CY_RE_2020.periods[0]!] }) });
    expect(dup).toMatchObject({ ok: false, reason: expect.stringMatching(/重复出现/) });
  });
});
