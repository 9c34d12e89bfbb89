/**
 * 统计 and 信用 in browser mode on the fictional 示例县 (training mode, fixed date 2026-10-12):
 *  - the 统计 page draws its charts from the desk's buckets; each chart exports a PNG and an Excel
 *    sheet; filters narrow the figures;
 *  - 分级分类与抽查: the draw is refused while the ratios are unset, the office sets them (a new
 *    version), the seeded draw is recorded and exported;
 *  - on a subject: the 河北 class with the records that decided it; a 审批替代型 commitment whose
 *    two-month verification (黑龙江条例 第四十六条) is in the 期限 work list, its breach and what the
 *    rule set says, with the article; 守信激励 with the opt-out of 第三十七条 honoured in the report
 *    for others; the report printed as a PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { loadDemoData, screenshotOnFailure, startApp, type E2eApp } from './harness';

async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

async function download(app: E2eApp, click: () => Promise<void>, name: string): Promise<{ file: string; suggested: string }> {
  const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = join(app.downloadsDir, name);
  await d.saveAs(file);
  return { file, suggested: d.suggestedFilename() };
}

function consoleErrors(app: E2eApp): string[] {
  // The bundled fallback font is fetched lazily; its probe may log a 404 (as in the documents tests).
  return app.pageErrors.filter((e) => !/status of 404/.test(e));
}

/** One app per describe block: training mode on 2026-10-12 with the demo county loaded. */
function demoAppForBlock(): () => E2eApp {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);
  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
    await loadDemoData(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the app did not start');
    return app;
  };
}

describe('统计 and 分级分类 in browser mode', () => {
  const current = demoAppForBlock();

  it('draws the charts from the derived tables and exports each as a picture and as a sheet', async () => {
    const app = current();
    const page = app.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: /统计/ }).click();
    await page.getByTestId('stats-charts').waitFor();
    await page.getByTestId('chart-listings-canvas').locator('canvas').waitFor();
    await page.getByTestId('chart-joint').waitFor();

    const png = await download(app, () => page.getByTestId('chart-listings-png').click(), 'listings.png');
    expect(png.suggested).toMatch(/^列入与移出（按月）.*\.png$/);
    expect([...readFileSync(png.file).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const sheet = await download(app, () => page.getByTestId('chart-listings-xlsx').click(), 'listings.xlsx');
    expect(sheet.suggested).toMatch(/\.xlsx$/);
    const wb = XLSX.read(readFileSync(sheet.file), { cellDates: false });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: null });
    expect(rows[0]?.[0]).toBe('列入与移出（按月）');
    expect(rows.find((r) => r[0] === '月份')).toEqual(expect.arrayContaining(['月份', '列入（件）', '移出（件）']));
    // Three demo cases were listed (400, 180 and 480 days before 2026-10-12).
    const total = rows.filter((r) => typeof r[1] === 'number').reduce((n, r) => n + (r[1] as unknown as number), 0);
    expect(total).toBe(3);

    // The one demo objection (received 2026-10-04) is still being handled: one count in its month.
    const objections = await download(app, () => page.getByTestId('chart-objections-xlsx').click(), 'objections.xlsx');
    const o = XLSX.read(readFileSync(objections.file));
    const oRows = XLSX.utils.sheet_to_json<(string | number | null)[]>(o.Sheets[o.SheetNames[0]!]!, { header: 1, raw: true, defval: null });
    const october = oRows.find((r) => r[0] === '2026-10');
    expect(october?.slice(1, 3)).toEqual([0, 0]);
    expect(Number(october?.[3]) + Number(october?.[4])).toBe(1);

    // A filter narrows the figures and is named on the page.
    await pick(page, 'stats-township', '示例县');
    await expect.poll(() => page.getByTestId('stats-scope').textContent()).toContain('乡镇（街道）：示例县');
    await page.getByTestId('chart-listings-canvas').locator('canvas').waitFor();
    expect(consoleErrors(app)).toEqual([]);
  });

  it('refuses the draw while ratios are unset, then records a seeded draw and exports it', async () => {
    const app = current();
    const page = app.page;
    await page.getByRole('tab', { name: '分级分类与抽查' }).click();
    await page.getByTestId('graded-list').waitFor();
    // Demo cases determined within the year (200, 30 and 5 days ago) make three B类 companies.
    await expect.poll(() => page.getByTestId('grade-count-B').textContent()).toContain('3');
    await page.getByTestId('draw-seed').fill('2026-10-12 现场摇号 0417');
    await page.getByTestId('draw-submit').click();
    await expect.poll(() => page.getByTestId('draw-error').textContent()).toContain('分级分类设置');

    await page.getByRole('tab', { name: '分级分类设置' }).click();
    await page.getByTestId('scheme-unset').waitFor();
    await expect(page.getByTestId('scheme-unset').textContent()).resolves.toContain('评价指标');
    const policy = page.getByTestId('policy-HEBEI-6-2');
    for (const [tier, ratio] of [['A', '20'], ['B', '50'], ['C', '100'], ['D', '100']] as const) await policy.locator(`input[data-testid="ratio-${tier}"], [data-testid="ratio-${tier}"] input`).fill(ratio);
    await policy.getByTestId('ratio-decided-by').fill('示例县市场监督管理局');
    await policy.getByTestId('ratio-decision-ref').fill('示市监〔2026〕9号');
    await policy.getByTestId('ratio-save').click();
    await page.getByText('已生成抽查方案第2版').waitFor();

    await page.getByRole('tab', { name: '分级分类与抽查' }).click();
    await page.getByTestId('draw-submit').click();
    const result = page.getByTestId('draw-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('2026-10-12 现场摇号 0417');
    expect(await result.getByTestId('drawn-subject').count()).toBeGreaterThan(0);
    const drawn = await download(app, () => result.getByTestId('draw-export').click(), 'draw.xlsx');
    const wb = XLSX.read(readFileSync(drawn.file));
    expect(wb.SheetNames).toEqual(['抽取结果', '抽取记录']);
    const log = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['抽取记录']!, { header: 1, defval: null });
    expect(log.find((r) => r[0] === '抽取种子')?.[1]).toBe('2026-10-12 现场摇号 0417');
    expect(log.find((r) => r[0] === '抽取人')?.[1]).toBe('演示经办人甲');
    expect(log.find((r) => r[0] === '抽取时间')?.[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(consoleErrors(app)).toEqual([]);
  });
});

describe('信用 on a subject in browser mode', () => {
  const current = demoAppForBlock();

  async function openSubject(page: Page, name: string): Promise<void> {
    await page.getByTestId('nav').getByRole('menuitem', { name: /主体/ }).click();
    await page.getByTestId('subject-search').locator('input').fill(name);
    await expect.poll(() => page.getByTestId('subject-row').count()).toBe(1);
    await page.getByTestId('subject-row').first().click();
    await page.getByTestId('subject-credit').waitFor();
  }

  it('shows the 河北 class with the record that decided it and its source', async () => {
    const app = current();
    const page = app.page;
    await openSubject(page, '示例县样板物业');
    await expect(page.getByTestId('credit-grade-tag').textContent()).resolves.toBe('B类（一般失信）');
    await expect(page.getByTestId('credit-deciding-records').textContent()).resolves.toContain('示住建罚〔演示〕3号');
    await page.getByRole('tab', { name: '守信激励' }).click();
    await expect(page.getByTestId('incentive-verdict').textContent()).resolves.toBe('不是守信激励对象');
    await expect(page.getByTestId('credit-incentive').textContent()).resolves.toContain('一票否决');
    // The points scheme refuses to grade while its numbers are unset, naming what to set and where.
    await page.getByRole('tab', { name: '信用评分' }).click();
    await expect.poll(() => page.getByTestId('score-refusal').textContent()).toContain('评价指标未设置');
    await expect(page.getByTestId('score-refusal').textContent()).resolves.toContain('统计—分级分类设置');
  });

  it('a commitment: its two-month verification in the work list, the breach and what the rule set says', async () => {
    const app = current();
    const page = app.page;
    await openSubject(page, '示例县虚拟食品加工厂');
    await page.getByRole('tab', { name: '信用承诺' }).click();
    await page.getByTestId('commitment-date').fill('2026-08-01');
    await page.getByTestId('commitment-matter').fill('食品生产许可（演示）');
    await page.getByTestId('commitment-department').fill('示例县市场监督管理局（虚构）');
    await page.getByTestId('commitment-text').fill('本单位承诺符合食品生产许可条件（演示）');
    await page.getByTestId('commitment-submit').click();
    const card = page.getByTestId('commitment-card');
    await card.waitFor();
    await expect(card.getByTestId('commitment-stage').textContent()).resolves.toBe('已承诺');

    await pick(page, 'commitment-act', '作出许可决定');
    await card.getByTestId('commitment-act-date').fill('2026-08-03');
    await card.getByTestId('commitment-document').fill('示市监许〔演示〕8号');
    await card.getByTestId('commitment-act-submit').click();
    await expect.poll(() => card.getByTestId('commitment-deadline').textContent()).toContain('2026-10-08');
    await expect(card.getByTestId('commitment-deadline').textContent()).resolves.toContain('黑龙江省社会信用条例 第四十六条');

    // The 期限 work list shows it overdue; its row opens the subject.
    await page.getByTestId('nav').getByRole('menuitem', { name: /期限/ }).click();
    const row = page.getByTestId('deadline-row').filter({ hasText: '信用承诺核查' });
    await row.waitFor();
    await expect(row.getAttribute('data-overdue')).resolves.toBe('true');
    await row.click();
    await page.getByTestId('subject-credit').waitFor();
    await page.getByRole('tab', { name: '信用承诺' }).click();

    await pick(page, 'commitment-act', '核查结论');
    await pick(page, 'commitment-result', '未履行承诺');
    await card.getByTestId('commitment-findings').fill('现场核查不符合许可条件（演示）');
    await card.getByTestId('commitment-act-submit').click();
    const due = card.getByTestId('commitment-consequences');
    await due.waitFor();
    await expect(due.textContent()).resolves.toContain('依法予以指导或者责令限期整改（黑龙江省社会信用条例 第四十六条）');
    await expect(due.textContent()).resolves.toContain('记入信用记录（黑龙江省社会信用条例 第十八条（三））');

    await pick(page, 'commitment-act', '违诺处理');
    await pick(page, 'commitment-consequence', '记入信用记录');
    await card.getByTestId('commitment-document').fill('示市监〔演示〕20号');
    await card.getByTestId('commitment-act-submit').click();
    await page.getByText('已登记“违诺处理”').waitFor();
    await page.getByRole('tab', { name: '信用分级分类' }).click();
    await expect.poll(() => page.getByTestId('credit-grade-tag').textContent()).toBe('B类（一般失信）');
    await expect(page.getByTestId('credit-deciding-records').textContent()).resolves.toContain('未履行信用承诺');
    expect(consoleErrors(app)).toEqual([]);
  });

  it('守信激励 with the opt-out honoured in the report for others; the report prints as a PDF', async () => {
    const app = current();
    const page = app.page;
    await openSubject(page, '示例县演示建筑');
    await page.getByRole('tab', { name: '守信激励' }).click();
    await page.getByTestId('award-title').fill('守合同重信用企业（演示）');
    await page.getByTestId('award-grantor').fill('示例县市场监督管理局（虚构）');
    await page.getByTestId('award-date').fill('2026-01-05');
    await page.getByTestId('award-submit').click();
    await page.getByTestId('award-row').waitFor();
    await page.getByTestId('optout-note').fill('2026-10-10 书面申请（演示）');
    await page.getByTestId('optout-switch').click();
    await expect.poll(() => page.getByTestId('optout-state').textContent()).toContain('申请不公示自身守信信息');

    await page.getByRole('tab', { name: '信用报告' }).click();
    await expect.poll(() => page.getByTestId('report-section-positive').textContent()).toContain('守合同重信用企业');
    await page.getByTestId('report-audience').getByText('给他人（脱敏）').click();
    await expect.poll(() => page.getByTestId('report-section-positive').textContent()).toContain('第三十七条');
    await expect(page.getByTestId('report-section-positive').textContent()).resolves.not.toContain('守合同重信用企业');
    await expect(page.getByTestId('report-section-dishonesty').textContent()).resolves.toContain('信息来源：示例县住房和城乡建设局（虚构）');

    await page.getByTestId('report-audience').getByText('给信用主体本人').click();
    const pdf = await download(app, () => page.getByTestId('report-print').click(), 'report.pdf');
    expect(pdf.suggested).toMatch(/^信用信息报告（本人查询）.*\.pdf$/);
    const text = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
    expect(text).toContain('信用信息报告（本人查询）');
    expect(text).toContain('信息来源：示例县住房和城乡建设局（虚构）');
    expect(text).toContain('不限次数、免费');
    // No fee is asked or printed anywhere (the demo behaviour text itself speaks of 收费, so look for a fee item).
    expect(text).not.toMatch(/(查询|报告)(费|收费)|费用：|收费标准/);
    expect(consoleErrors(app)).toEqual([]);
  });
});
