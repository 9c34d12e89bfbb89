import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotOnFailure, startApp, type E2eApp } from './harness';

describe('app shell in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens and shows the Chinese shell with every section', async () => {
    const page = app!.page;
    await expect(page.title()).resolves.toBe('信用办案台');
    const nav = page.getByTestId('nav');
    for (const label of ['案件', '主体', '期限', '文书', '同步', '设置']) {
      await nav.getByRole('menuitem', { name: label }).waitFor();
    }
    await nav.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('page-settings').waitFor();
    expect(page.url()).toContain('#/settings');
  });
});
