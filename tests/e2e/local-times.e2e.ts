/**
 * End-to-end: every time on screen is local. The machine's clock is fixed at 19:43 UTC on
 * 1 December 2026 — already 03:43 on 2 December in Beijing, the browser's zone — so a UTC day or a
 * raw ISO string anywhere would show 2026-12-01 / 19:43 / "T19:43".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, screenshotOnFailure, startApp, type E2eApp } from './harness';

const DEVICE_TIME = '2026-12-01T19:43:45.474Z';
const LOCAL_DAY = '2026-12-02';
const LOCAL_TIME = '2026-12-02 03:43';

describe('local times in browser mode (Asia/Shanghai)', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training', hash: '#/settings' });
    await app.page.clock.setFixedTime(new Date(DEVICE_TIME));
    await app.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function expectNoRawTime(): Promise<void> {
    const text = (await app!.page.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(text).not.toContain('19:43');
    expect(text).not.toContain('UTC');
  }

  it('today is the local day, not the UTC day', async () => {
    await app!.page.getByTestId('load-demo').waitFor();
    await expect.poll(() => app!.page.getByTestId('today').textContent()).toContain(LOCAL_DAY);
  });

  it('the timeline, the subject list and the subject page show local times', async () => {
    const page = app!.page;
    await loadDemoData(page);
    await page.getByTestId('case-row').first().click();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByTestId('timeline-item').first().waitFor();
    await expect(timeline.textContent()).resolves.toContain(`登记于 ${LOCAL_TIME}`);
    await expectNoRawTime();

    await page.getByTestId('nav').getByRole('menuitem', { name: /主体/ }).click();
    await page.getByTestId('subject-row').first().waitFor();
    await expect(page.getByTestId('subject-table').textContent()).resolves.toContain(LOCAL_DAY);
    await expectNoRawTime();
    await page.getByTestId('subject-row').first().click();
    await page.getByTestId('subject-detail').waitFor();
    await expect(page.getByTestId('subject-detail').textContent()).resolves.toContain(LOCAL_TIME);
    await expectNoRawTime();
  });

  it('the sync report says when it ran in local time, without "UTC"', async () => {
    const page = app!.page;
    await page.goto(`${app!.baseUrl}?mode=office#/sync`);
    await page.getByTestId('sync-now').click();
    const report = page.getByTestId('sync-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain(LOCAL_TIME);
    await expectNoRawTime();
  });
});
