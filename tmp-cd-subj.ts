import 'fake-indexeddb/auto';
import { CreditDeskDb } from '/work/main/renderer/src/db/database';
import { searchSubjects, nameGrams } from '/work/main/renderer/src/db/repositories/subjects';
const N = 100000;
const db = new CreditDeskDb('scale-s');
const words = ['虚构', '示例', '演示', '样板', '测试', '模拟', '置业', '建筑', '物业', '供热', '食品', '商贸'];
for (let start = 0; start < N; start += 5000) {
  const subjects = [];
  for (let i = start; i < Math.min(N, start + 5000); i++) {
    const name = `示例县${words[i % 12]}${words[(i * 7) % 12]}第${i}有限公司`;
    subjects.push({ id: `S${i}`, kind: 'legal_person', codeKey: `U:9121${String(i).padStart(14, '0')}`, uscc: '', name, searchGrams: nameGrams(name), categoryFlags: [], createdAt: new Date(i).toISOString(), createdBy: 'x' });
  }
  await db.subjects.bulkAdd(subjects as never);
}
for (const q of ['第4242有', '样板供热', '示例县']) {
  const t = performance.now();
  const r = await searchSubjects(db, q, 0);
  console.log(`subjects "${q}": ${(performance.now() - t).toFixed(1)} ms, ${r.rows.length} rows, hasMore=${r.hasMore}`);
}
