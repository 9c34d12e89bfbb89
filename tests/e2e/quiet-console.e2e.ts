/**
 * A quiet console: with the demo data (training database), walk every screen — each section of the
 * navigation and each of its tabs, the case list and a case page, the dialogs (登记主体, 新建案件, the
 * issue form) and a document preview — and fail on any console error or warning, uncaught exception
 * or failed request the app caused, from the first load (e.g. a favicon 404) to the last screen.
 * It runs on a development build (the code `npm run web` serves): React's and antd's warnings exist only there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECTIONS } from '../../renderer/src/router';
import { allocateBlocksViaUi, buildDevRenderer, screenshotOnFailure, startApp, type E2eApp } from './harness';

const TODAY = '2026-11-22';

/** Click every tab of the page's tab bars in turn (nested tab bars included), waiting for each panel. */
async function visitTabs(page: Page, visited: string[]): Promise<void> {
  const tabs = page.locator('.ant-tabs-tab:visible');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const label = ((await tab.textContent()) ?? '').trim();
    await tab.click();
    await expect.poll(() => tab.getAttribute('class')).toContain('ant-tabs-tab-active');
    await page.waitForLoadState('networkidle');
    visited.push(label);
  }
}

describe('a quiet console on every screen', () => {
  let app: E2eApp | undefined;
  const visited: string[] = [];
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    const root = await buildDevRenderer();
    app = await startApp({ query: `mode=training&today=${TODAY}`, hash: '#/settings', root });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it('walks every section and tab with the demo data', async () => {
    const page = app!.page;
    await visitTabs(page, visited);
    // the development build is slower: give the demo data time to load
    await page.getByTestId('load-demo').click();
    await page.getByText(/载入演示数据：/).waitFor({ timeout: 240_000 });
    for (const section of SECTIONS) {
      await page.getByTestId('nav').getByRole('menuitem', { name: section.label }).click();
      await page.getByTestId(`page-${section.key}`).waitFor();
      await page.waitForLoadState('networkidle');
      visited.push(section.label);
      await visitTabs(page, visited);
    }
    expect(visited).toEqual(expect.arrayContaining(['案件', '主体', '期限', '文书', '统计', '导入导出', '同步', '设置', '机关与字体', '文号与号段', '文书模板']));
    expect(app!.consoleProblems).toEqual([]);
  });

  it('opens a case page and the dialogs', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: '案件' }).click();
    await page.getByTestId('case-row').first().click();
    await page.getByTestId('case-detail').waitFor();
    await page.waitForLoadState('networkidle');
    await visitTabs(page, visited);

    await page.getByTestId('nav').getByRole('menuitem', { name: '主体' }).click();
    await page.getByTestId('subject-register-open').click();
    await page.getByTestId('subject-name').waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('nav').getByRole('menuitem', { name: '案件' }).click();
    await page.getByTestId('case-new').click();
    await page.getByTestId('new-case-form').waitFor();
    await page.waitForLoadState('networkidle');
    expect(app!.consoleProblems).toEqual([]);
  });

  it('issues a document and previews it', async () => {
    const page = app!.page;
    await allocateBlocksViaUi(page, ['事先告知书'], 2026);
    await page.goto(`${app!.baseUrl}?mode=training&today=${TODAY}#/cases`);
    await page.getByTestId('case-search').locator('input').fill('示例县模拟供热');
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('case-row').first().click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('action-pre_notice_served').click();
    await page.getByTestId('issue-form').waitFor();
    await page.getByTestId('issue-date').fill(TODAY);
    await page.getByTestId('issue-case-filled').waitFor();
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 90_000 });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('nav').getByRole('menuitem', { name: '文书' }).click();
    await page.getByTestId('doc-view').first().click();
    await page.getByTestId('pdf-preview').waitFor({ timeout: 90_000 });
    await page.locator('.ant-modal-close').click();
    await app!.reload();
    await page.getByTestId('nav').waitFor();
    await page.waitForLoadState('networkidle');
    expect(app!.consoleProblems).toEqual([]);
  });
});
