/**
 * Written documents end to end in browser mode, filled from the folded case (training database,
 * fixed dates): the office's printed details and number blocks → a 事先告知书 issued from the case page
 * (its 陈述申辩 date computed by the case) → after the window, the 列入决定书 with its 信用修复告知书 as
 * 附件 under ONE 文号 (titles follow the case's list; the printed period is the case's own) → preview
 * (blob URL in an iframe) → print = download in browser mode; the PDF read back with pdftotext carries
 * the number, the required elements and, after the document, the 送达回证 naming the decision and its
 * 附件 → viewing is not logged, saving is → reprint from the list → a missing officer field is refused
 * naming it → a rare character prints → batch print with 送达回证 and progress off the UI thread.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allocateBlocksViaUi, loadDemoData, openCompanyCaseViaUi, screenshotOnFailure, startApp, type E2eApp, chooseAct } from './harness';

function logRows(page: Page) {
  return page.getByTestId('print-log').locator('tbody tr.ant-table-row');
}

function docRow(page: Page, number: string) {
  return page.locator('tr.ant-table-row', { hasText: number });
}

async function downloadText(app: E2eApp, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = join(app.downloadsDir, name);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  // drop the page-number footers ("— 2 —") so text broken across pages reads on
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .replace(/—\s*\d+\s*—/g, '')
    .replace(/\s+/g, '');
}

/** Opens a demo case by a fragment of its subject's name. */
async function openCase(app: E2eApp, today: string, name: string): Promise<string> {
  const page = app.page;
  await page.goto(`${app.baseUrl}?mode=training&today=${today}#/cases`);
  await page.getByTestId('case-search').locator('input').fill(name);
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
  return page.url();
}

/** From the case page: the act recorded by its document, issued; the preview stays open. */
async function issueFromCase(page: Page, action: string, date: string): Promise<void> {
  await chooseAct(page, action);
  await page.getByTestId('issue-form').waitFor();
  await page.getByTestId('issue-date').fill(date);
  await page.getByTestId('issue-case-filled').waitFor();
  await page.getByTestId('issue-submit').click();
  await page.getByTestId('pdf-preview').waitFor({ timeout: 90_000 });
}

describe('documents in browser mode, filled from the case', () => {
  let app: E2eApp | undefined;
  let caseUrl = '';
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-11-22', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets the office’s printed details and number blocks for this device', async () => {
    const page = app!.page;
    await loadDemoData(page);
    await page.getByTestId('nav').getByRole('menuitem', { name: /文书/ }).click();
    await page.getByTestId('documents-page').waitFor();
    await page.getByRole('tab', { name: '机关与字体' }).click();
    await page.getByTestId('doc-office-name').fill('某某县发展和改革局');
    await page.getByTestId('doc-office-prefix').fill('某发改信用');
    await page.getByTestId('doc-office-review').fill('某某县人民政府');
    await page.getByTestId('doc-office-court').fill('某某县人民法院');
    await page.getByTestId('doc-office-save').click();
    await page.getByText('已保存。').waitFor();
    // the worker loaded the bundled fonts
    await page.getByText('思源宋体（内置）').first().waitFor({ timeout: 60_000 });

    await allocateBlocksViaUi(page, ['事先告知书', '列入决定书', '异议受理通知书'], 2026);
    // an overlapping block is refused
    await page.getByTestId('block-add').click();
    await page.getByText(/重叠/).first().waitFor();

    // the template editor names paragraphs and placeholders in Chinese, not by their keys
    await page.getByRole('tab', { name: '文书模板' }).click();
    const templates = page.getByTestId('templates');
    await templates.getByText('救济途径段', { exact: true }).waitFor();
    await expect(templates.textContent()).resolves.toContain('【申请行政复议的期限】（日数）');
    // Fields by their Chinese names, in the help text and in the paragraphs being edited.
    expect(((await templates.textContent()) ?? '') + (await templates.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('')))).not.toMatch(/\{\{|[A-Za-z]{3,}/);
    for (const key of ['intro', 'validity', 'measures', 'remedies', 'repair']) await expect(page.getByTestId(`paragraph-label-${key}`).textContent()).resolves.toMatch(/^[\u4e00-\u9fff（）]+$/u);
  });

  it('issues the 事先告知书 from the case page; its 陈述申辩 date is the case’s', async () => {
    const page = app!.page;
    caseUrl = await openCase(app!, '2026-11-22', '示例县模拟供热');
    await issueFromCase(page, 'pre_notice_served', '2026-11-22');
    await page.getByText(/预览：列入失信名单事先告知书某发改信用〔2026〕1号（\d页）/).waitFor();
    await page.getByTestId('print-with-proof').click();
    await page.getByText(/预览：列入失信名单事先告知书某发改信用〔2026〕1号（含送达回证）（\d+页）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'notice.pdf');
    expect(text).toContain('列入失信名单事先告知书');
    expect(text).toContain('某发改信用〔2026〕1号');
    // 5 working days from service on Sunday 2026-11-22 (设置 of the demo office)
    expect(text).toContain('2026年11月27日');
    await page.locator('.ant-modal-close').click();
  });

  it('issues the 列入决定书 with its 信用修复告知书 as 附件 under one 文号, printing the case’s own period', async () => {
    const page = app!.page;
    await page.goto(caseUrl.replace('today=2026-11-22', 'today=2026-12-07'));
    await page.getByTestId('case-detail').waitFor();
    await issueFromCase(page, 'listed', '2026-12-07');
    const src = await page.getByTestId('pdf-preview').getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // Chromium's PDF viewer loaded the blob in the iframe (the CSP allows blob: frames only).
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:') || f.url().includes('pdf')), { timeout: 20_000 }).toBe(true);
    await page.getByText(/预览：列入失信名单决定书某发改信用〔2026〕1号（\d+页）/).waitFor();
    // looking at the issued document is not a print: only the earlier notice print is logged
    await expect(logRows(page).count()).resolves.toBe(1);
    await page.getByTestId('print-with-proof').click();
    await page.getByText(/预览：列入失信名单决定书某发改信用〔2026〕1号（含送达回证）（\d+页）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'decision.pdf');
    expect(text).toContain('列入失信名单决定书');
    expect(text).not.toContain('严重失信主体名单决定书');
    for (const heading of ['一、列入理由', '二、列入依据', '三、列入期限', '五、移出条件和程序', '六、救济途径']) expect(text).toContain(heading);
    // the period exactly as the case counts it: from 认定 (朝阳房地产规定 第十条), three years, the end day per 民法典
    expect(text).toContain('2026年11月17日');
    expect(text).toContain('2029年11月17日');
    expect(text).toContain('第二百零一条');
    expect(text).toContain('60日内向某某县人民政府申请行政复议');
    // the 信用修复告知书 is the decision's 附件: after the body, no number of its own; one year after 列入
    const attachmentAt = text.indexOf('附件信用修复告知书');
    expect(text).toContain('附件：信用修复告知书');
    expect(attachmentAt).toBeGreaterThan(text.indexOf('六、救济途径'));
    expect(text).toContain('2027年12月8日');
    const proofAt = text.indexOf('送达回证送达文书');
    expect(proofAt).toBeGreaterThan(attachmentAt);
    // (the cell wraps; pdftotext reads the row's label 名称及文号 between the two lines)
    expect(text.slice(proofAt)).toMatch(/《列入失信名单决定书》（附件：《信用修复告知(名称及文号)?书》）某发改信用〔2026〕1号/);
    await page.locator('.ant-modal-close').click();
    await expect(logRows(page).count()).resolves.toBe(2);
    await expect(logRows(page).first().textContent()).resolves.toContain('打印');
    // the case records the 列入 by this decision
    await page.goto(caseUrl.replace('today=2026-11-22', 'today=2026-12-07'));
    await page.getByTestId('case-timeline').locator('[data-type="listed"]').first().waitFor();
    await expect(page.getByTestId('case-timeline').locator('[data-type="listed"]').textContent()).resolves.toContain('某发改信用〔2026〕1号');
  });

  it('views an issued document without logging it; saving it is logged as a download with its SHA-256', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: /文书/ }).click();
    const row = docRow(page, '列入失信名单决定书').filter({ hasText: '某发改信用〔2026〕1号' });
    await row.getByTestId('doc-view').click();
    await page.getByText(/预览：列入失信名单决定书某发改信用〔2026〕1号（\d+页）/).waitFor();
    await page.locator('.ant-modal-close').click();
    await expect(logRows(page).count()).resolves.toBe(2);
    await row.getByTestId('doc-view').click();
    await page.getByText(/预览：列入失信名单决定书某发改信用〔2026〕1号（\d+页）/).waitFor();
    // the digest is one click away, under 技术信息
    await page.getByTestId('preview-technical').getByText('技术信息').click();
    const sha = ((await page.getByTestId('preview-technical-details').textContent()) ?? '').match(/[0-9a-f]{64}/)?.[0] ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const saved = await downloadText(app!, () => page.getByTestId('save-pdf').click(), 'saved.pdf');
    expect(saved).toContain('某发改信用〔2026〕1号');
    expect(saved).not.toContain('送达回证送达文书'); // the stored snapshot itself
    await page.locator('.ant-modal-close').click();
    await expect.poll(() => logRows(page).count()).toBe(3);
    const latest = (await logRows(page).first().textContent()) ?? '';
    expect(latest).toContain('下载');
    expect(latest).not.toContain(sha.slice(0, 12));
    await logRows(page).first().getByText('技术信息').click();
    await expect(logRows(page).first().textContent()).resolves.toContain(sha);
  });

  it('prints one document from the list with its 送达回证, logged as a reprint', async () => {
    const page = app!.page;
    await docRow(page, '列入失信名单决定书').filter({ hasText: '某发改信用〔2026〕1号' }).getByTestId('doc-print').click();
    await page.getByText(/预览：列入失信名单决定书某发改信用〔2026〕1号（含送达回证）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'reprint.pdf');
    expect(text.indexOf('送达回证送达文书')).toBeGreaterThan(text.indexOf('附件信用修复告知书'));
    await page.locator('.ant-modal-close').click();
    await expect.poll(() => logRows(page).count()).toBe(4);
    await expect(logRows(page).first().textContent()).resolves.toContain('重印');
  });

  it('refuses a document whose officer field is missing, naming it, without taking a number', async () => {
    const page = app!.page;
    await openCase(app!, '2026-12-07', '示例县虚构置业');
    await page.goto(`${app!.baseUrl}?mode=training&today=2026-12-07#/documents`);
    await page.getByRole('tab', { name: '签发文书', exact: true }).click();
    await page.getByTestId('issue-case').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '示例县虚构置业' }).first().click();
    await page.getByTestId('kind-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '异议受理通知书' }).first().click();
    await page.getByTestId('issue-case-filled').waitFor();
    await page.getByTestId('officer-objectionSummary').fill('');
    await page.getByTestId('issue-submit').click();
    await expect(page.getByTestId('issue-refusal').textContent()).resolves.toContain('异议内容');
    await page.getByRole('tab', { name: '文号与号段' }).click();
    await expect(page.getByText('没有作废的文号。').count()).resolves.toBe(1);
  });

  it('draws a rare character (𠮷) in a name with the fallback font the worker loads on demand', async () => {
    const page = app!.page;
    await page.goto(`${app!.baseUrl}?mode=training&today=2026-12-07#/subjects`);
    await openCompanyCaseViaUi(page, '2026-12-01', { name: '𠮷祥物流有限公司', uscc: '91210000MA0000002E' });
    await issueFromCase(page, 'pre_notice_served', '2026-12-07');
    await page.getByTestId('print-with-proof').click();
    await page.getByText(/预览：列入失信名单事先告知书某发改信用〔2026〕2号（含送达回证）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'rare.pdf');
    expect(text).toContain('𠮷祥物流有限公司：');
    // the 送达回证 names the rare-character recipient too
    expect(text.slice(text.indexOf('送达回证送达文书'))).toContain('𠮷祥物流有限公司');
    await page.locator('.ant-modal-close').click();
  });

  it('batch prints today’s documents with 送达回证, with progress, off the UI thread', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: /文书/ }).click();
    await page.getByRole('tab', { name: '已签发文书' }).click();
    await page.getByRole('button', { name: '选择今日签发的文书' }).click();
    // Watch, inside the page, for the progress bar and for how long the UI thread stalls while
    // the worker renders (frames keep coming: the longest gap between animation frames).
    await page.evaluate(() => {
      const w = window as unknown as { __progressSeen: boolean; __maxFrameGap: number; __watch: boolean };
      w.__progressSeen = false;
      w.__maxFrameGap = 0;
      w.__watch = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__maxFrameGap = Math.max(w.__maxFrameGap, t - last);
        last = t;
        if (document.querySelector('[data-testid="print-progress"]')) w.__progressSeen = true;
        if (w.__watch) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('batch-print').click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 90_000 });
    const watched = await page.evaluate(() => {
      const w = window as unknown as { __progressSeen: boolean; __maxFrameGap: number; __watch: boolean };
      w.__watch = false;
      return { progressSeen: w.__progressSeen, maxFrameGap: w.__maxFrameGap };
    });
    expect(watched.progressSeen).toBe(true);
    expect(watched.maxFrameGap).toBeLessThan(1000);
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'batch.pdf');
    expect(text).toContain('送达回证');
    expect(text).toContain('《列入失信名单决定书》');
    expect(text).toContain('《列入失信名单事先告知书》');
    // (the only 404 is the browser's favicon request: the app has no favicon)
    expect(app!.pageErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
