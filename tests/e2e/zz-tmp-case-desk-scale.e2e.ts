import { afterAll, beforeAll, describe, it } from 'vitest';
import { startApp, type E2eApp } from './harness';

describe('tmp scale', () => {
  let app: E2eApp | undefined;
  beforeAll(async () => {
    app = await startApp({ query: 'today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });
  it('measures', async () => {
    const page = app!.page;
    await page.getByTestId('office-form').waitFor();
    const seedMs = await page.evaluate(async () => {
      const t0 = performance.now();
      const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('credit-desk'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const words = ['虚构', '示例', '演示', '样板', '测试', '模拟', '置业', '建筑', '物业', '供热', '食品', '商贸'];
      const grams = (n: string) => { const c = [...n]; const s = new Set<string>(); for (let i = 0; i < c.length - 1; i++) s.add(c[i]! + c[i + 1]!); return [...s]; };
      for (let start = 0; start < 100000; start += 10000) {
        await new Promise<void>((res, rej) => {
          const tx = db.transaction(['subjects', 'cases', 'deadlines'], 'readwrite');
          for (let i = start; i < start + 10000; i++) {
            const name = `示例县${words[i % 12]}${words[(i * 7) % 12]}第${i}有限公司`;
            const id = String(i).padStart(7, '0');
            tx.objectStore('subjects').put({ id: `S${id}`, kind: 'legal_person', codeKey: `U:9121${String(i).padStart(14, '0')}`, name, searchGrams: grams(name), categoryFlags: [], createdAt: new Date(i).toISOString(), createdBy: 'x' });
            tx.objectStore('cases').put({ id: `C${id}`, caseNo: `示信案〔2025〕${String(i).padStart(6, '0')}号`, subjectId: `S${id}`, subjectLabel: name, ruleSetId: 'r', behaviourCode: 'b', behaviourLabel: '测试', severity: 'general', determinationDate: '2025-01-01', proportionalityNote: '', state: 'D5', stateLabel: '公示中', docNos: [`示住建罚〔2025〕${i}号`], lastSeq: 5, lastHash: '', createdAt: '', createdBy: '', updatedAt: new Date(i).toISOString() });
            if (i % 3 === 0) {
              const due = new Date(Date.UTC(2026, 0, 1) + (i % 600) * 86400000).toISOString().slice(0, 10);
              tx.objectStore('deadlines').put({ id: `C${id}:k`, caseId: `C${id}`, caseNo: `示信案〔2025〕${String(i).padStart(6, '0')}号`, subjectLabel: name, kind: 'objection_decision', label: '异议处理决定', dueDate: due, provisional: false, unset: false, paused: false, outcome: 'overdue', scopeId: null, basis: '', attention: 1, flagged: i % 97 === 0 ? 1 : 0 });
            }
          }
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
      }
      db.close();
      return performance.now() - t0;
    });
    console.log(`RESULT seeded 100k subjects + 100k cases + 33,334 deadlines (raw IndexedDB): ${(seedMs / 1000).toFixed(1)} s`);
    const measure = async (label: string, go: () => Promise<unknown>, ready: () => Promise<unknown>) => {
      const t = Date.now();
      await go();
      await ready();
      console.log(`RESULT ${label}: ${Date.now() - t} ms`);
    };
    await page.goto(`${app!.baseUrl}?today=2026-10-12#/deadlines`);
    await measure('reload to 期限 list rendered', () => page.reload(), () => page.getByTestId('deadline-row').first().waitFor());
    await measure('nav badge + start-up reminder', async () => undefined, () => page.getByTestId('startup-reminder').waitFor());
    console.log('RESULT badge text', await page.getByTestId('nav-deadline-badge').innerText());
    await measure('期限 filter 已逾期', () => page.getByText('已逾期', { exact: true }).click(), () => page.locator('[data-overdue="true"]').first().waitFor());
    await measure('期限 filter 暂定', () => page.getByText('暂定/未设置/中止', { exact: true }).click(), () => page.getByText('异议处理决定').first().waitFor());
    await measure('案件 list newest page', () => page.getByTestId('nav').getByRole('menuitem', { name: /案件/ }).click(), () => page.getByTestId('case-row').first().waitFor());
    await measure('案件 search by case number', () => page.getByTestId('case-search').locator('input').fill('示信案〔2025〕077777'), () => page.getByText('示信案〔2025〕077777号').waitFor());
    await measure('案件 search by 文号', () => page.getByTestId('case-search').locator('input').fill('示住建罚〔2025〕55555号'), () => page.getByText('示信案〔2025〕055555号').waitFor());
    await measure('案件 search by subject name fragment', () => page.getByTestId('case-search').locator('input').fill('第42424有'), () => page.getByText('示信案〔2025〕042424号').waitFor());
    await page.getByTestId('nav').getByRole('menuitem', { name: /主体/ }).click();
    await measure('主体 search common fragment', () => page.getByTestId('subject-search').locator('input').fill('样板供热'), () => page.getByTestId('subject-row').first().waitFor());
    await measure('主体 search by code prefix', () => page.getByTestId('subject-search').locator('input').fill('912100000000000777'), () => page.getByTestId('subject-row').first().waitFor());
  });
});
