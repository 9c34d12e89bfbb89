/**
 * End-to-end: 培训模式 is shown on every screen, never syncs or exports, is wiped in one click and its
 * fixed date (`?today=`) is honoured only there; 日终同步 before the platform connection is set says at
 * once what is missing and where to set it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, screenshotOnFailure, startApp, type E2eApp } from './harness';

const SECTIONS = ['案件', '主体', '期限', '文书', '统计', '同步', '设置'];

describe('培训模式 in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the 培训模式 banner on every screen', async () => {
    const page = app!.page;
    await loadDemoData(page);
    for (const name of SECTIONS) {
      await page.getByTestId('nav').getByRole('menuitem', { name: new RegExp(name) }).click();
      await page.getByTestId('training-banner').waitFor();
      await expect(page.getByTestId('training-banner').textContent()).resolves.toContain('不会同步');
    }
    await expect(page.getByTestId('today').textContent()).resolves.toContain('2026-10-12');
    await expect(page.getByTestId('sync-status-badge').textContent()).resolves.toContain('培训模式');
  });

  it('refuses 日终同步 and the offline export, saying how to leave training', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: '同步' }).click();
    await expect(page.getByTestId('sync-training').textContent()).resolves.toContain('退出培训模式');
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-report').textContent()).toContain('培训模式');
    await page.getByTestId('export-sneakernet').click();
    await page.locator('.ant-message').getByText(/培训模式的数据是虚构的，不能导出/).waitFor();
  });

  it('清空培训数据 in one click empties the training database', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('training-wipe').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /清\s*空/ }).click();
    await page.getByText('培训数据已清空').waitFor();
    await page.getByTestId('nav').getByRole('menuitem', { name: /案件/ }).click();
    await page.getByTestId('training-banner').waitFor();
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(0);
  });

  it('the office desk has no banner and ignores ?today=', async () => {
    const page = app!.page;
    await page.goto(`${app!.baseUrl}?mode=office&today=2026-10-12#/cases`);
    await page.getByTestId('today').waitFor();
    await expect(page.getByTestId('training-banner').count()).resolves.toBe(0);
    const today = (await page.getByTestId('today').textContent()) ?? '';
    expect(today).not.toContain('2026-10-12');
    expect(today).not.toContain('指定日期');
  });
});

describe('日终同步 before the platform connection is set', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=office', hash: '#/sync' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says at once what is missing and where to set it, before and after pressing', async () => {
    const page = app!.page;
    const notice = page.getByTestId('sync-not-configured');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('“市平台连接设置”');
    await expect(page.getByTestId('platform-settings').textContent()).resolves.toContain('市平台连接设置');
    await page.getByTestId('sync-now').click();
    const report = page.getByTestId('sync-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('市平台连接设置');
    await expect(report.textContent()).resolves.toContain('单位令牌');
    await expect(page.getByTestId('sync-progress').textContent()).resolves.not.toContain('正在连接');
  });
});
