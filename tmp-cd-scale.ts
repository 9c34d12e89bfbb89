import 'fake-indexeddb/auto';
import { CreditDeskDb } from '/work/main/renderer/src/db/database';
import { searchCases } from '/work/main/renderer/src/db/repositories/cases';
import { searchSubjects, nameGrams } from '/work/main/renderer/src/db/repositories/subjects';
import { listDeadlines, attentionCounts } from '/work/main/renderer/src/db/repositories/deadlines';
import { addDays } from '/work/main/shared/util/dates';
const N = Number(process.env.N ?? 100000);
const db = new CreditDeskDb('scale');
const words = ['虚构', '示例', '演示', '样板', '测试', '模拟', '置业', '建筑', '物业', '供热', '食品', '商贸'];
const t0 = performance.now();
for (let start = 0; start < N; start += 5000) {
  const subjects = [], cases = [], deadlines = [];
  for (let i = start; i < Math.min(N, start + 5000); i++) {
    const name = `示例县${words[i % 12]}${words[(i * 7) % 12]}第${i}有限公司`;
    subjects.push({ id: `S${i}`, kind: 'legal_person', codeKey: `U:9121${String(i).padStart(14, '0')}`, uscc: '', name, searchGrams: nameGrams(name), categoryFlags: [], createdAt: new Date(i).toISOString(), createdBy: 'x' });
    cases.push({ id: `C${String(i).padStart(7, '0')}`, caseNo: `示信案〔2025〕${String(i).padStart(6, '0')}号`, subjectId: `S${i}`, subjectLabel: name, ruleSetId: 'r', behaviourCode: 'b', behaviourLabel: 'b', severity: 'general', determinationDate: '2025-01-01', proportionalityNote: '', state: 'D5', stateLabel: '', docNos: [`示住建罚〔2025〕${i}号`], lastSeq: 5, lastHash: '', createdAt: '', createdBy: '', updatedAt: new Date(i).toISOString() });
    if (i % 3 === 0) deadlines.push({ id: `C${i}:k`, caseId: `C${i}`, caseNo: '', subjectLabel: name, kind: 'objection_decision', label: '', dueDate: addDays('2026-01-01', i % 600), provisional: i % 97 === 0, unset: false, paused: false, outcome: 'overdue', scopeId: null, basis: '' });
  }
  await db.subjects.bulkAdd(subjects as never);
  await db.cases.bulkAdd(cases as never);
  await db.deadlines.bulkAdd(deadlines as never);
}
console.log(`seeded ${N} subjects+cases, ${await db.deadlines.count()} deadlines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
async function time(label: string, f: () => Promise<unknown>) {
  const t = performance.now();
  const r = await f();
  const n = Array.isArray((r as { rows?: unknown[] }).rows) ? (r as { rows: unknown[] }).rows.length : JSON.stringify(r);
  console.log(`${label}: ${(performance.now() - t).toFixed(1)} ms (${n})`);
}
const today = '2026-10-12';
await time('cases: newest page', () => searchCases(db, '', [], 0));
await time('cases: case-number prefix', () => searchCases(db, '示信案〔2025〕0999', [], 0));
await time('cases: 文号 prefix', () => searchCases(db, '示住建罚〔2025〕77777', [], 0));
await time('subjects: name fragment', () => searchSubjects(db, '样板供热第4242', 0));
await time('subjects: common fragment page 1', () => searchSubjects(db, '虚构置业', 0));
await time('deadlines: overdue page 1', () => listDeadlines(db, today, { filter: 'overdue' }));
await time('deadlines: this week', () => listDeadlines(db, today, { filter: 'week' }));
await time('badge counts', () => attentionCounts(db, today));
