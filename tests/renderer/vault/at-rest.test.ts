import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { loadDemoData } from '../../../renderer/src/desk/demo';
import { createDesk, fixedDateClock, staticSession } from '../../../renderer/src/desk/desk';
import { registerSubject, searchSubjects, findByCode } from '../../../renderer/src/desk/subjects';
import { addAttachment, attachmentFile, openCase, recordAct } from '../../../renderer/src/desk/cases';
import { ruleSetForCase, syncOfficeRuleSets } from '../../../renderer/src/desk/rules';
import { saveOffice } from '../../../renderer/src/desk/settings';
import { createVaultHolder } from '../../../renderer/src/desk/vault/vault';
import { randomBytes } from '../../../renderer/src/desk/vault/cipher';
import { verifyAllCases } from '../../../renderer/src/desk/integrity/check';
import { uniqueDbName } from '../../helpers/dexie';
import { plaintextHits } from '../../helpers/raw-idb';
import { ACTOR, OFFICE } from '../fixtures';

const PERSON = { name: '测试人张某某', idNumber: '110101199003074514' };

async function encryptedDesk(mode: 'office' | 'training') {
  const db = new CreditDeskDb(uniqueDbName('vault'));
  await db.open();
  const vault = createVaultHolder();
  vault.unlock(randomBytes(32));
  return createDesk(db, { clock: fixedDateClock('2026-10-12'), session: staticSession(ACTOR), vault, mode });
}

describe('personal data at rest', () => {
  it('no name or ID number of the demo data is found in clear in any IndexedDB store', async () => {
    const desk = await encryptedDesk('training');
    const r = await loadDemoData(desk);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const people = (await desk.db.subjects.where('kind').equals('natural_person').toArray()).map((s) => s.pii!);
    expect(people.length).toBeGreaterThan(0);
    const needles = people.flatMap((p) => [p.name, p.idNumber]);
    expect(await plaintextHits(desk.db.name, needles)).toEqual([]);
    expect((await verifyAllCases(desk)).ok).toBe(true);
    desk.db.close();
  });

  it('a natural person’s case, objection and attachment leave no name or ID number in clear, and still read back', async () => {
    const desk = await encryptedDesk('office');
    expect((await syncOfficeRuleSets(desk, OFFICE)).ok).toBe(true);
    expect((await saveOffice(desk, OFFICE)).ok).toBe(true);
    const s = await registerSubject(desk, { kind: 'natural_person', pii: { name: PERSON.name, idType: '居民身份证', idNumber: PERSON.idNumber, phone: '13900001111', address: '示例县幸福路8号' } });
    if (!s.ok) throw new Error(s.reason);
    const sel = await ruleSetForCase(desk, OFFICE, 'CY-RE-6-2', '2025-11-03');
    if (!sel.ok) throw new Error(sel.reason);
    const opened = await openCase(desk, {
      subjectId: s.subject.id,
      behaviourLabel: '未取得商品房预售许可证预售商品房',
      proportionalityNote: '情节与后果相当',
      casePrefix: '示信案',
      evidence: [{ file: new Blob([`询问笔录：${PERSON.name}，身份证号${PERSON.idNumber}`], { type: 'text/plain' }), fileName: '询问笔录.txt' }],
      determined: {
        occurredOn: '2025-11-03',
        payload: {
          behaviourCode: 'CY-RE-6-2',
          behaviourText: '未取得商品房预售许可证预售商品房',
          facts: '2025年在示例县擅自预售',
          severity: 'severe',
          listType: 'dishonesty_list',
          basisDocuments: [{ type: 'penalty_decision', documentNo: '示住建罚〔2025〕12号', issuer: '示例县住房和城乡建设局', decidedOn: '2025-10-20', effective: true }],
          determiningDept: '示例县住房和城乡建设局',
          ruleSet: sel.pin,
        },
      },
    });
    if (!opened.ok) throw new Error(opened.reason);
    const caseId = opened.caseRow.id;
    for (const step of [
      { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: '示信告〔2025〕1号', recipients: [PERSON.name], method: 'direct' } },
      { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
      { type: 'served', occurredOn: '2025-11-21', actor: ACTOR, payload: { documentKind: 'listing-decision', documentNo: '示信决〔2025〕1号', recipients: [PERSON.name], method: 'direct', regardingId: null } },
      { type: 'objection_received', occurredOn: '2025-12-01', actor: ACTOR, payload: { objectionId: 'OBJ-1', applicant: PERSON.name, grounds: ['error'], reasons: `${PERSON.name}认为认定有误`, concernsListing: false, channel: 'written' } },
    ]) {
      const r = await recordAct(desk, caseId, step);
      if (!r.ok) throw new Error(`${step.type}: ${r.reason}`);
    }
    const att = await addAttachment(desk, caseId, caseId, '证据', new Blob([`补充材料 ${PERSON.idNumber}`]), '补充.txt');
    expect(att.ok).toBe(true);

    expect(await plaintextHits(desk.db.name, [PERSON.name, PERSON.idNumber, '13900001111', '幸福路'])).toEqual([]);
    // Still found and read back through the desk.
    expect((await findByCode(desk, PERSON.idNumber))?.pii?.name).toBe(PERSON.name);
    expect((await searchSubjects(desk, PERSON.name)).rows.map((r) => r.id)).toEqual([s.subject.id]);
    expect((await desk.db.cases.get(caseId))?.subjectLabel).toBe(PERSON.name);
    // Cursor reads (filter, each) see plain rows too.
    expect(await desk.db.subjects.filter((row) => row.pii?.idNumber === PERSON.idNumber).count()).toBe(1);
    const labels: string[] = [];
    await desk.db.deadlines.where('caseId').equals(caseId).each((d) => void labels.push(d.subjectLabel));
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set([PERSON.name]));
    const stored = (await desk.db.attachments.where('caseId').equals(caseId).toArray()).find((a) => a.fileName === '补充.txt')!;
    expect(await (await attachmentFile(desk, stored)).text()).toBe(`补充材料 ${PERSON.idNumber}`);
    expect((await verifyAllCases(desk)).ok).toBe(true);
    desk.db.close();
  });
});
