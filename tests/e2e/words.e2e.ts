/**
 * End-to-end: no English, jargon, digests or raw ids on screen. Every screen and tab is walked with the
 * demo data; its visible text must hold no SHA-256 digest, no record or device id, no "JSON",
 * "holiday-cn", "UTC", no {{placeholder}}, and no browser file input ("Choose File / No file chosen").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoData, screenshotOnFailure, startApp, type E2eApp } from './harness';

const FORBIDDEN: [RegExp, string][] = [
  [/[0-9a-f]{12,}/, 'a hex digest'],
  [/\b[0-9A-HJKMNP-TV-Z]{26}\b/, 'a ULID (record or device id)'],
  [/SHA-?256|哈希/i, 'SHA-256 / 哈希'],
  [/JSON|holiday-cn/i, 'JSON / holiday-cn'],
  [/UTC/, 'UTC'],
  [/\{\{\w+\}\}/, 'a {{placeholder}}'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d/, 'a raw ISO time'],
];

async function expectPlainWords(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const [pattern, what] of FORBIDDEN) expect(text.match(pattern)?.[0], `${where}: ${what}`).toBeUndefined();
  expect(await page.locator('input[type="file"]:visible').count(), `${where}: a browser file input`).toBe(0);
}

describe('words on screen in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every screen and tab speaks plain Chinese', async () => {
    const page = app!.page;
    await loadDemoData(page);
    await page.getByTestId('case-row').first().waitFor();
    await expectPlainWords(page, '案件');
    await page.getByTestId('case-row').first().click();
    await page.getByTestId('case-timeline').getByTestId('timeline-item').first().waitFor();
    await expectPlainWords(page, '案件页');

    for (const section of ['主体', '期限', '统计', '同步', '设置']) {
      await page.getByTestId('nav').getByRole('menuitem', { name: new RegExp(section) }).click();
      await page.getByTestId(`page-${{ 主体: 'subjects', 期限: 'deadlines', 统计: 'statistics', 同步: 'sync', 设置: 'settings' }[section]}`).waitFor();
      await page.waitForLoadState('networkidle');
      await expectPlainWords(page, section);
    }

    await page.getByTestId('nav').getByRole('menuitem', { name: /文书/ }).click();
    for (const tab of ['文号与号段', '文书模板', '机关与字体']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      await expectPlainWords(page, `文书 → ${tab}`);
    }
    // the device id is one click away
    await page.getByRole('tab', { name: '文号与号段' }).click();
    await page.getByTestId('device-id').getByText('技术信息').click();
    await expect(page.getByTestId('device-id-details').textContent()).resolves.toMatch(/本机设备编号：[0-9A-Z]{26}/);
  });
});
