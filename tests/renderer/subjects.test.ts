import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../renderer/src/db/database';
import { findByCode, findSimilarSubjects, linkResponsiblePerson, linkedPersons, nameGrams, registerSubject, searchSubjects } from '../../renderer/src/desk/subjects';
import { uniqueDbName } from '../helpers/dexie';
import { testDesk } from './fixtures';
import type { Desk } from '../../renderer/src/desk/desk';

const CO = '91210000MA0000001B';
const PERSON_ID = '210000198001010012';

async function db(): Promise<Desk> {
  const d = new CreditDeskDb(uniqueDbName('subjects'));
  await d.open();
  return testDesk(d);
}

describe('subjects repository', () => {
  it('refuses an invalid code with the reason from shared/identifiers', async () => {
    const d = await db();
    const r = await registerSubject(d, { kind: 'legal_person', name: '示例公司', uscc: '91210000MA0000001C' });
    expect(r).toMatchObject({ ok: false, field: 'uscc' });
    if (!r.ok) expect(r.reason).toContain('第18位');
    expect(await d.db.subjects.count()).toBe(0);
    d.db.close();
  });

  it('never makes two subjects for the same code (also written differently)', async () => {
    const d = await db();
    expect((await registerSubject(d, { kind: 'legal_person', name: '示例县虚构置业有限公司', uscc: CO })).ok).toBe(true);
    const again = await registerSubject(d, { kind: 'legal_person', name: '另一个名称', uscc: ` ${CO.toLowerCase().slice(0, 9)} ${CO.slice(9)} ` });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toContain('同一代码不能登记两个主体');
    const p1 = await registerSubject(d, { kind: 'natural_person', pii: { name: '示例人甲', idType: '居民身份证', idNumber: PERSON_ID } });
    const p2 = await registerSubject(d, { kind: 'natural_person', pii: { name: '示例人乙', idType: '居民身份证', idNumber: PERSON_ID } });
    expect(p1.ok).toBe(true);
    expect(p2.ok).toBe(false);
    expect(await d.db.subjects.count()).toBe(2);
    // one subject-upsert outbox row per registered subject, audit rows too
    expect(await d.db.outbox.where('state').equals('queued').count()).toBe(2);
    expect(await d.db.auditLog.count()).toBe(2);
    d.db.close();
  });

  it('keeps ID numbers only in the personal-data field and finds persons by keyed hash', async () => {
    const d = await db();
    const r = await registerSubject(d, { kind: 'natural_person', pii: { name: '示例人甲', idType: '居民身份证', idNumber: PERSON_ID } });
    if (!r.ok) throw new Error(r.reason);
    const { pii, ...rest } = r.subject;
    expect(pii?.idNumber).toBe(PERSON_ID);
    expect(JSON.stringify(rest)).not.toContain(PERSON_ID);
    expect(JSON.stringify(rest)).not.toContain('示例人甲');
    expect((await findByCode(d, PERSON_ID))?.id).toBe(r.subject.id);
    expect((await searchSubjects(d, PERSON_ID)).rows.map((s) => s.id)).toEqual([r.subject.id]);
    expect((await searchSubjects(d, '示例人甲')).rows.map((s) => s.id)).toEqual([r.subject.id]);
    d.db.close();
  });

  it('flags similar names and searches by name fragment and code prefix, paged', async () => {
    const d = await db();
    await registerSubject(d, { kind: 'legal_person', name: '示例县虚构置业有限公司', uscc: CO });
    const similar = await findSimilarSubjects(d, '示例县虚构置业有限责任公司');
    expect(similar.map((s) => s.subject.name)).toEqual(['示例县虚构置业有限公司']);
    expect(similar[0]?.reason).toBe('与已登记的“示例县虚构置业有限公司”相近：去掉地名和组织形式后都是“虚构置业”');
    // another company of the same county and form is not flagged (the place and the form are left out)
    expect(await findSimilarSubjects(d, '示例县样板物业服务有限公司')).toEqual([]);
    expect(await findSimilarSubjects(d, '完全不同的单位')).toEqual([]);
    expect((await searchSubjects(d, '虚构置业')).rows).toHaveLength(1);
    expect((await searchSubjects(d, '91210000MA')).rows).toHaveLength(1);
    expect((await searchSubjects(d, '不存在')).rows).toHaveLength(0);
    expect(nameGrams('（示例）公司')).toEqual(['示例', '例公', '公司']);
    d.db.close();
  });

  it('searches inside a read-only transaction (as useLiveQuery does)', async () => {
    const d = await db();
    await registerSubject(d, { kind: 'legal_person', name: '示例县虚构置业有限公司', uscc: CO });
    const rows = await d.db.transaction('r', d.db.subjects, d.db.device, () => searchSubjects(d, '虚构置业'));
    expect(rows.rows).toHaveLength(1);
    d.db.close();
  });

  it('links responsible persons once per role', async () => {
    const d = await db();
    const org = await registerSubject(d, { kind: 'legal_person', name: '示例县虚构置业有限公司', uscc: CO });
    const person = await registerSubject(d, { kind: 'natural_person', pii: { name: '示例人甲', idType: '居民身份证', idNumber: PERSON_ID } });
    if (!org.ok || !person.ok) throw new Error('setup');
    expect((await linkResponsiblePerson(d, org.subject.id, person.subject.id, '法定代表人')).ok).toBe(true);
    expect((await linkResponsiblePerson(d, org.subject.id, person.subject.id, '法定代表人')).ok).toBe(false);
    expect((await linkResponsiblePerson(d, person.subject.id, org.subject.id, '法定代表人')).ok).toBe(false);
    expect((await linkedPersons(d, org.subject.id)).map((l) => l.link.role)).toEqual(['法定代表人']);
    d.db.close();
  });
});
