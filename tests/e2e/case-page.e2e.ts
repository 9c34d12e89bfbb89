/**
 * The case page as an officer uses it (issue 9 §2): the next lawful acts first, each with the deadline
 * it answers; every other act in one menu, an unavailable one saying why (shared/'s refusal); button
 * labels not spaced; the 期限提醒 a notice in the page that leaves the 经办人 selector free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotOnFailure, startApp, type E2eApp, loadDemoData } from './harness';

async function openCase(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav').getByRole('menuitem', { name: /案件/ }).click();
  await page.getByTestId('case-search').locator('input').fill(name);
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-detail').waitFor();
}

describe('case page: next acts, the menu of the others, the inline reminder', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);
  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
    await loadDemoData(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the next lawful acts as primary buttons with the deadline they answer', async () => {
    const page = app!.page;
    await openCase(page, '示例县样板物业服务有限公司');
    const next = page.getByTestId('next-acts').locator('[data-next="true"]');
    await next.first().waitFor();
    expect(await next.count()).toBeGreaterThan(0);
    expect(await next.count()).toBeLessThan(6);
    const classes = await next.first().getAttribute('class');
    expect(classes).toContain('ant-btn-primary');
    const deadlines = page.getByTestId('next-acts').locator('[data-testid^="next-act-deadline-"]');
    await deadlines.first().waitFor();
    await expect(deadlines.first().textContent()).resolves.toMatch(/答复“.+”（.*(届满|逾期)/);
  });

  it('puts every other act in the 其他办理 menu, where an unavailable act says why', async () => {
    const page = app!.page;
    await page.getByTestId('action-more').click();
    const menu = page.locator('.ant-dropdown:visible');
    await menu.waitFor();
    const unavailable = menu.locator('[data-available="false"]');
    expect(await unavailable.count()).toBeGreaterThan(0);
    // 信用修复决定 without an application: refused with shared/'s reason
    const decided = menu.locator('[data-testid="action-repair_decided"]');
    await expect(decided.getAttribute('data-available')).resolves.toBe('false');
    await expect(decided.getByTestId('action-refusal-reason').textContent()).resolves.toMatch(/^暂不能办理：.{4,}/);
    // the next acts are not repeated in the menu
    const firstNext = await page.getByTestId('next-acts').locator('[data-next="true"]').first().getAttribute('data-testid');
    expect(await menu.locator(`[data-testid="${firstNext}"]`).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('does not space two-character button labels', async () => {
    const page = app!.page;
    await page.getByTestId('action-more').click();
    await page.locator('.ant-dropdown:visible [data-testid="action-removed"]').click();
    const form = page.getByTestId('action-form-removed');
    await form.waitFor();
    await expect(form.getByTestId('action-cancel').textContent()).resolves.toBe('取消');
    await form.getByTestId('action-cancel').click();
  });

  it('one date input: typed 2026/10/9, 2026.10.8, 2026年10月7日, 20261006 are read as those days; 2026-02-30 is refused', async () => {
    const page = app!.page;
    await page.getByTestId('action-more').click();
    await page.locator('.ant-dropdown:visible [data-testid="action-removed"]').click();
    const form = page.getByTestId('action-form-removed');
    await form.waitFor();
    const input = form.getByTestId('field-occurredOn');
    const typedDates: [string, string][] = [['2026/10/9', '2026-10-09'], ['2026.10.8', '2026-10-08'], ['2026年10月7日', '2026-10-07'], ['20261006', '2026-10-06'], ['2026-10-05', '2026-10-05']];
    for (const [typed, day] of typedDates) {
      await input.click();
      await input.fill('');
      await input.pressSequentially(typed);
      await page.keyboard.press('Enter');
      await expect.poll(() => input.inputValue()).toBe(day);
    }
    await input.click();
    await input.fill('');
    await input.pressSequentially('2026-02-30');
    await form.getByTestId('field-note').click();
    await expect(form.getByTestId('field-occurredOn-refusal').textContent()).resolves.toContain('2026年2月没有30日');
    // the calendar is antd's zh_CN one, not the browser's mm/dd/yyyy
    expect(await input.getAttribute('type')).not.toBe('date');
    await input.click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    await expect(page.locator('.ant-picker-dropdown:visible .ant-picker-header-view').textContent()).resolves.toMatch(/\d{4}年/);
    await page.keyboard.press('Escape');
    await form.getByTestId('action-cancel').click();
  });

  it('shows the 期限提醒 in the page, never over the 经办人 selector', async () => {
    const page = app!.page;
    await app!.reload();
    const reminder = page.getByTestId('startup-reminder');
    await reminder.waitFor();
    await expect(reminder.textContent()).resolves.toMatch(/期限提醒：.*(已逾期|今天到期)/);
    expect(await page.locator('.ant-notification-notice').count()).toBe(0);
    // the selector is free at once (no popup over it): a click reaches it
    await page.getByTestId('staff-select').click({ trial: true, timeout: 2_000 });
    await reminder.getByTestId('startup-reminder-open').click();
    await page.getByTestId('page-deadlines').waitFor();
    await expect.poll(() => page.getByTestId('startup-reminder').count()).toBe(0);
  });
});
