/**
 * Written documents end to end in browser mode: office document settings → a number block for
 * this device → issue a listing decision with its 信用修复告知书 (rendered in the Web Worker) →
 * preview (blob URL in an iframe) → print = download in browser mode; the PDF read back with
 * pdftotext carries the number, the required elements and, after the documents, the 送达回证 →
 * viewing a document is not logged, saving it is → printing one document brings its group and
 * 送达回证 → batch print with 送达回证 and a progress bar while the page stays responsive.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotOnFailure, startApp, type E2eApp } from './harness';

async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

function logRows(page: Page) {
  return page.getByTestId('print-log').locator('tbody tr.ant-table-row');
}

function docRow(page: Page, kindShort: string, number: string) {
  return page.locator('tr.ant-table-row', { hasText: number }).filter({ hasText: kindShort });
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

describe('documents in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-11-22', hash: '#/documents' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets the office details and number blocks for this device', async () => {
    const page = app!.page;
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

    await page.getByRole('tab', { name: '文号与号段' }).click();
    await page.getByTestId('block-add').click();
    await page.getByText(/已为设备 .* 分配 2026年列入决定书 1–100 号/).waitFor();
    await pickOption(page, 'block-kind', '修复告知书');
    await page.getByTestId('block-add').click();
    await page.getByText(/分配 2026年修复告知书 1–100 号/).waitFor();
    // an overlapping block is refused
    await page.getByTestId('block-add').click();
    await page.getByText(/重叠/).first().waitFor();

    // the template editor names paragraphs and placeholders in Chinese, not by their keys
    await page.getByRole('tab', { name: '文书模板' }).click();
    const templates = page.getByTestId('templates');
    await templates.getByText('救济途径段', { exact: true }).waitFor();
    await expect(templates.textContent()).resolves.toContain('{{reviewDays}}（申请行政复议的期限（日数））');
    for (const key of ['intro', 'validity', 'measures', 'remedies', 'repair']) await expect(page.getByTestId(`paragraph-label-${key}`).textContent()).resolves.toMatch(/^[\u4e00-\u9fff（）]+$/u);
  });

  it('issues a listing decision with its repair notice, previews it and downloads it as the print', async () => {
    const page = app!.page;
    await page.getByRole('tab', { name: '签发文书', exact: true }).click();
    await page.getByTestId('fill-sample').click();
    await page.getByTestId('issue-submit').click();
    const preview = page.getByTestId('pdf-preview');
    await preview.waitFor({ timeout: 90_000 });
    const src = await preview.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // Chromium's PDF viewer loaded the blob in the iframe (the CSP allows blob: frames only).
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:') || f.url().includes('pdf')), { timeout: 20_000 }).toBe(true);
    await expect(page.getByText(/预览：列入决定书某发改信用〔2026〕1号（\d页）/).count()).resolves.toBe(1);

    // looking at the issued document is not a print: nothing is logged yet
    await expect(page.getByTestId('print-log').count()).resolves.toBe(0);
    // printing one document = the decision, the 信用修复告知书 issued with it, then their 送达回证
    await page.getByTestId('print-with-proof').click();
    await page.getByText(/预览：列入决定书某发改信用〔2026〕1号、修复告知书某发改信用〔2026〕1号（含送达回证）（\d+页）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'decision.pdf');
    expect(text).toContain('列入严重失信主体名单决定书');
    const proofAt = text.indexOf('送达回证送达文书');
    expect(proofAt).toBeGreaterThan(text.indexOf('六、救济途径'));
    expect(proofAt).toBeGreaterThan(text.indexOf('某某县发展和改革局信用修复告知书'));
    expect(text.indexOf('某某县发展和改革局信用修复告知书')).toBeGreaterThan(text.indexOf('六、救济途径'));
    expect(text).toContain('某发改信用〔2026〕1号');
    for (const heading of ['一、列入理由', '二、列入依据', '三、列入期限', '五、移出条件和程序', '六、救济途径']) expect(text).toContain(heading);
    expect(text).toContain('自2026年11月22日起至2029年11月21日止');
    expect(text).toContain('60日内向某某县人民政府申请行政复议');
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('doc-number-1').first().waitFor();
    await expect(logRows(page).count()).resolves.toBe(1);
    await expect(logRows(page).first().textContent()).resolves.toContain('打印');
  });

  it('views an issued document without logging it; saving it is logged as a download with its SHA-256', async () => {
    const page = app!.page;
    await page.getByRole('tab', { name: '已签发文书' }).click();
    const row = docRow(page, '列入决定书', '某发改信用〔2026〕1号');
    await row.getByTestId('doc-view').click();
    await page.getByText(/预览：列入决定书某发改信用〔2026〕1号（\d页）/).waitFor();
    await page.locator('.ant-modal-close').click();
    await row.getByTestId('doc-view').click();
    await page.getByText(/预览：列入决定书某发改信用〔2026〕1号（\d页）/).waitFor();
    await expect(logRows(page).count()).resolves.toBe(1);

    const sha = ((await page.getByTestId('preview-sha256').textContent()) ?? '').replace(/^SHA-256\s*/, '').slice(0, 12);
    expect(sha).toMatch(/^[0-9a-f]{12}$/);
    const saved = await downloadText(app!, () => page.getByTestId('save-pdf').click(), 'saved.pdf');
    expect(saved).toContain('某发改信用〔2026〕1号');
    expect(saved).not.toContain('送达回证送达文书'); // the stored snapshot itself
    await page.locator('.ant-modal-close').click();
    await expect.poll(() => logRows(page).count()).toBe(2);
    const latest = (await logRows(page).first().textContent()) ?? '';
    expect(latest).toContain('下载');
    expect(latest).toContain(sha);
  });

  it('prints one document from the list with its group and 送达回证, logged as a reprint', async () => {
    const page = app!.page;
    await docRow(page, '修复告知书', '某发改信用〔2026〕1号').getByTestId('doc-print').click();
    await page.getByText(/预览：列入决定书某发改信用〔2026〕1号、修复告知书某发改信用〔2026〕1号（含送达回证）/).waitFor({ timeout: 90_000 });
    await expect(logRows(page).count()).resolves.toBe(2);
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'reprint.pdf');
    const proofAt = text.indexOf('送达回证送达文书');
    expect(text.indexOf('某某县发展和改革局列入严重失信主体名单决定书')).toBeGreaterThanOrEqual(0);
    expect(proofAt).toBeGreaterThan(text.indexOf('某某县发展和改革局信用修复告知书'));
    expect(text.slice(proofAt)).toContain('《信用修复告知书》');
    await page.locator('.ant-modal-close').click();
    await expect.poll(() => logRows(page).count()).toBe(3);
    await expect(logRows(page).first().textContent()).resolves.toContain('重印');
  });

  it('refuses a decision with a missing element and names it', async () => {
    const page = app!.page;
    await page.getByRole('tab', { name: '签发文书', exact: true }).click();
    await page.getByTestId('fill-sample').click();
    await page.getByLabel('移出条件和程序').fill('');
    await page.getByTestId('issue-submit').click();
    await expect(page.getByTestId('issue-refusal').textContent()).resolves.toContain('“移出条件”');
  });

  it('draws a rare character (𠮷) in a name with the fallback font the worker loads on demand', async () => {
    const page = app!.page;
    await page.getByRole('tab', { name: '签发文书', exact: true }).click();
    await page.getByTestId('fill-sample').click();
    await page.getByTestId('subject-name').fill('𠮷祥物流有限公司');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 90_000 });
    await page.getByTestId('print-with-proof').click();
    await page.getByText(/预览：列入决定书某发改信用〔2026〕2号、修复告知书某发改信用〔2026〕2号（含送达回证）/).waitFor({ timeout: 90_000 });
    const text = await downloadText(app!, () => page.getByTestId('print-pdf').click(), 'rare.pdf');
    expect(text).toContain('𠮷祥物流有限公司：');
    // the 送达回证 names the rare-character recipient too
    expect(text.slice(text.indexOf('送达回证送达文书'))).toContain('𠮷祥物流有限公司');
    expect(text).toContain('某发改信用〔2026〕2号');
    await page.locator('.ant-modal-close').click();
  });

  it('batch prints today’s documents with 送达回证, with progress, off the UI thread', async () => {
    const page = app!.page;
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
    expect(text).toContain('《列入严重失信主体名单决定书》');
    expect(text).toContain('《信用修复告知书》');
    // (the only 404 is the browser's favicon request: the app has no favicon)
    expect(app!.pageErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
