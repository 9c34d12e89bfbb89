/**
 * The desk's append path (openCase / recordAct → deskWrite) refuses exactly what shared refuses: the
 * same table of acts as tests/shared/acts-table.test.ts, run through the store on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { openCase, recordAct } from '../../renderer/src/desk/cases';
import { registerSubject, linkResponsiblePerson } from '../../renderer/src/desk/subjects';
import { ruleSetKey } from '../../renderer/src/desk/rules';
import { uniqueDbName } from '../helpers/dexie';
import { RULE_SET_PRESETS } from '../../shared/rules/presets';
import type { CaseEventPayloads, EventDraft } from '../../shared/case/events';
import { ACTS_TABLE, ACT_TABLE_CY, ACT_TABLE_HLJ_LOCAL, draftOf, type ActRow } from '../shared/fixtures/acts-table';
import { testDesk } from './fixtures';

/** 张三 as registered: a check-digit-valid fictitious 公民身份号码. */
const ZHANG_SAN_ID = '11010519491231002X';

async function deskFor(row: ActRow) {
  const db = new CreditDeskDb(uniqueDbName('acts'));
  await db.open();
  const desk = testDesk(db, row.today);
  await db.ruleSets.bulkPut([...RULE_SET_PRESETS, ACT_TABLE_CY, ACT_TABLE_HLJ_LOCAL].map((r) => ({ id: ruleSetKey(r), name: r.title, data: r, updatedAt: '2026-01-01T00:00:00.000Z' })));
  return desk;
}

async function run(row: ActRow): Promise<string> {
  const desk = await deskFor(row);
  const steps = [...row.setup, row.act];
  const first = steps[0] as EventDraft | undefined;
  if (!first || !('type' in first) || first.type !== 'determined') throw new Error('every row starts with 认定');
  const d = first.payload as CaseEventPayloads['determined'];
  const org = await registerSubject(desk, { kind: 'legal_person', name: d.subject.name, uscc: d.subject.uscc ?? '' });
  if (!org.ok) throw new Error(org.reason);
  for (const p of d.subject.responsiblePersons ?? []) {
    const person = await registerSubject(desk, { kind: 'natural_person', pii: { name: p.name, idType: '居民身份证', idNumber: ZHANG_SAN_ID } });
    if (!person.ok) throw new Error(person.reason);
    await linkResponsiblePerson(desk, org.subject.id, person.subject.id, '主要责任人');
  }
  const { subject: _subject, ...payload } = d;
  const opened = await openCase(desk, { subjectId: org.subject.id, behaviourLabel: d.behaviourText, proportionalityNote: '与情节相当', casePrefix: '测', determined: { occurredOn: first.occurredOn, payload } });
  const ids: string[] = [];
  if (steps.length === 1) return opened.ok ? 'ok' : opened.code;
  if (!opened.ok) throw new Error(`set-up 认定 refused: ${opened.code} ${opened.reason}`);
  ids.push(opened.event.id);
  const caseId = opened.caseRow.id;
  for (const [i, s] of steps.slice(1).entries()) {
    const r = await recordAct(desk, caseId, draftOf(s, ids));
    const last = i === steps.length - 2;
    if (last) {
      if (!r.ok) expect(r.reason).toMatch(/[\u4e00-\u9fff]/u);
      return r.ok ? 'ok' : r.code;
    }
    if (!r.ok) throw new Error(`set-up step refused: ${r.code} ${r.reason}`);
    ids.push(r.event.id);
  }
  return 'unreachable';
}

describe('the desk refuses exactly what shared refuses (one table of acts)', () => {
  it.each(ACTS_TABLE.map((row) => [row.scenario, row] as const))('%s', async (_name, row) => {
    expect(await run(row)).toBe(row.expect);
  });
});
