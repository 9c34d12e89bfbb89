/**
 * End-to-end: the app in browser mode (Debian Chromium) syncs against the reference platform on
 * loopback — settings (HTTPS refusal), 日终同步 with progress and report, a quarantined record,
 * pulled items, and the sneaker-net export imported idempotently.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../platform/server/app';
import { buildOutboxRow, type OutboxRow } from '../../shared/sync/outbox';
import { makeOffice } from '../sync/helpers';
import { screenshotOnFailure, startApp, type E2eApp } from './harness';

const N = 120;

describe('day’s-end sync in browser mode', () => {
  let app: E2eApp | undefined;
  let platform: Platform | undefined;
  const office = makeOffice('示例县信用办');
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office] });
    app = await startApp({ hash: '#/sync' });
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  it('syncs the outbox, quarantines a poison record, pulls, and exports a file the platform imports once', async () => {
    const page = app!.page;
    await page.getByTestId('sync-page').waitFor();
    // Rows as the case desk writes them (event + outbox row); written straight into IndexedDB here.
    const rows: OutboxRow[] = Array.from({ length: N }, (_, i) =>
      buildOutboxRow({
        id: `e2e-${String(i).padStart(4, '0')}`,
        deviceId: 'e2e-device',
        deviceSeq: i + 1,
        kind: 'case-event',
        entityId: 'case-e2e',
        payloadSchemaVersion: 1,
        payload: { type: 'statement_received', caseId: 'case-e2e', summary: i === 7 ? '坏\u0000数据' : `陈述申辩${i}` },
        recordedAt: new Date(Date.now() - (N - i) * 60_000).toISOString(),
      }),
    );
    await page.evaluate(
      (list) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('credit-desk');
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            for (const r of list) tx.objectStore('outbox').put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      rows,
    );
    await platform!.store.publish(office.id, { id: 'cal-2027', kind: 'holiday-calendar', payload: { year: 2027, holidays: [] } });
    await app!.reload();
    await page.getByTestId('sync-page').waitFor();
    await expect.poll(() => page.getByTestId('sync-status-badge').getAttribute('data-unsent')).toBe(String(N));

    // Plain HTTP to another machine is refused with a Chinese explanation.
    await page.getByTestId('platform-url').fill('http://10.20.30.40:8787');
    await page.getByTestId('platform-office').fill(office.id);
    await page.getByTestId('platform-token').fill(office.token);
    await page.getByTestId('platform-save').click();
    await expect.poll(() => page.getByTestId('platform-config-error').textContent()).toContain('HTTPS');

    await page.getByTestId('platform-url').fill(platform!.url);
    await page.getByTestId('platform-save').click();
    await page.getByTestId('platform-config-error').waitFor({ state: 'detached' });

    await page.getByTestId('sync-now').click();
    const report = page.getByTestId('sync-report');
    await report.waitFor();
    await expect.poll(() => page.getByTestId('report-sent').textContent(), { timeout: 30_000 }).toBe(String(N - 1));
    expect(await page.getByTestId('report-rejected').textContent()).toBe('1');
    expect(await page.getByTestId('report-pulled').textContent()).toBe('1');
    expect(await platform!.store.countOperations(office.id)).toBe(N - 1);
    await page.getByTestId('quarantine').getByText('空字符').first().waitFor();
    await page.getByTestId('inbox').getByText('节假日安排').waitFor();
    await expect.poll(() => page.getByTestId('sync-status-badge').getAttribute('data-unsent')).toBe('1');
    expect(await page.getByTestId('sync-progress').textContent()).toContain('100%');

    // Export what is unsent (the quarantined record), then import the file twice: nothing changes twice.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-sneakernet').click()]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.cdsync$/);
    expect(text).not.toContain('坏');
    const first = await platform!.store.importFile(text);
    const second = await platform!.store.importFile(text);
    expect(first.response.results.map((r) => r.status)).toEqual(['rejected']);
    expect(second.response.results).toEqual(first.response.results);
    expect(await platform!.store.countOperations(office.id)).toBe(N - 1);
    const unexpected = app!.pageErrors.filter((e) => !/Failed to load resource/.test(e));
    expect(unexpected).toEqual([]);
  });
});
