/**
 * End-to-end: the app in browser mode (Debian Chromium) syncs against the reference platform on
 * loopback — settings (HTTPS refusal), 日终同步 with progress and report, a quarantined record,
 * pulled items, and the sneaker-net export imported idempotently.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../platform/server/app';
import { buildOutboxRow, type OutboxRow } from '../../shared/sync/outbox';
import { pendingRowOf } from '../../renderer/src/db/outbox-pending';
import { makeOffice } from '../sync/helpers';
import { loadDemoData, openCompanyCaseViaUi, screenshotOnFailure, setUpOfficeViaUi, startApp, type E2eApp } from './harness';

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
    // Straight into IndexedDB means past the app's outbox middleware, so the unsent summaries
    // (outboxPending) it would keep are written in the same transaction, as it would write them.
    await page.evaluate(
      ([list, pending]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('credit-desk');
          open.onsuccess = () => {
            const tx = open.result.transaction(['outbox', 'outboxPending'], 'readwrite');
            for (const r of list) tx.objectStore('outbox').put(r);
            for (const p of pending) tx.objectStore('outboxPending').put(p);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      [rows, rows.flatMap((r) => pendingRowOf(r) ?? [])] as const,
    );
    // A test schedule in the holiday-cn shape (not the State Council's 2027 notice): applied through the office's import.
    await platform!.store.publish(office.id, { id: 'cal-2027', kind: 'holiday-calendar', payload: { year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] } });
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
    await page.getByTestId('inbox').getByText('已采用（工作日历）').waitFor();
    expect((await readStore<{ id: string }>(app!, 'calendars')).map((c) => c.id)).toContain('holidays-2027');
    await expect.poll(() => page.getByTestId('sync-status-badge').getAttribute('data-unsent')).toBe('1');
    expect(await page.getByTestId('sync-progress').textContent()).toContain('100%');

    // 设置 → 数据维护 → 重置本机数据 is refused while the quarantined record is unsent and not exported.
    await page.getByTestId('nav').getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('reset-local-data').click();
    await expect.poll(() => page.getByTestId('reset-refused').textContent()).toMatch(/还有 1 条记录未报送到市平台，不能重置本机数据.*导出离线同步文件/);
    expect(await readStore(app!, 'outbox')).toHaveLength(N);
    await page.getByTestId('nav').getByRole('menuitem', { name: '同步' }).click();
    await page.getByTestId('sync-page').waitFor();

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

    // Now the export covers it: the reset asks for 「确认重置」, deletes this device's database and reloads.
    await page.getByTestId('nav').getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('reset-local-data').click();
    await page.getByTestId('reset-confirm-input').fill('确认');
    expect(await page.getByTestId('reset-confirm-ok').isDisabled()).toBe(true);
    await page.getByTestId('reset-confirm-input').fill('确认重置');
    await page.getByTestId('reset-confirm-ok').click();
    // After the reload the app opens a fresh database (first run): nothing unsent, no office, no cases.
    await expect.poll(() => page.getByTestId('sync-status-badge').getAttribute('data-unsent'), { timeout: 30_000 }).toBe('0');
    expect(await readStore(app!, 'outbox')).toEqual([]);
    expect(await readStore(app!, 'calendars')).toEqual([]);
  });
});

/** Reads a whole object store of the app's IndexedDB (the office database unless named) from the page. */
async function readStore<T>(app: E2eApp, store: string, database = 'credit-desk'): Promise<T[]> {
  return app.page.evaluate(
    ([name, dbName]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as unknown[]);
          };
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [store, database] as const,
  ) as Promise<T[]>;
}

/** The local calendar date `days` before today (the office desk always runs on the real date). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('training data never syncs; objections filed online reach the office work list', () => {
  let app: E2eApp | undefined;
  let platform: Platform | undefined;
  const office = makeOffice('示例县信用办');
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office] });
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  it('refuses to connect or sync the training database: nothing reaches the platform', async () => {
    const page = app!.page;
    await loadDemoData(page);
    await page.goto(`${app!.baseUrl}?mode=training&today=2026-10-12#/sync`);
    await page.getByTestId('platform-url').fill(platform!.url);
    await page.getByTestId('platform-office').fill(office.id);
    await page.getByTestId('platform-token').fill(office.token);
    await page.getByTestId('platform-save').click();
    await expect.poll(() => page.getByTestId('platform-config-error').textContent()).toContain('培训模式');
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-report').textContent(), { timeout: 15_000 }).toContain('培训模式');
    expect(await platform!.store.countOperations(office.id)).toBe(0);
    expect((await readStore(app!, 'cases', 'credit-desk-training')).length).toBeGreaterThan(0);
    // The office's own database was never even created by the training session.
    const names = await app!.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names).toContain('credit-desk-training');
    expect(names).not.toContain('credit-desk');
  });

  it('pulls an objection filed online for an office case and shows its deadline on the 期限 page', async () => {
    const page = app!.page;
    await page.goto(`${app!.baseUrl}?mode=office#/settings`);
    await setUpOfficeViaUi(page);
    const caseId = await openCompanyCaseViaUi(page, daysAgo(40));
    await platform!.store.publish(office.id, {
      id: 'XYZG-OFFICE-1',
      kind: 'objection',
      caseId,
      payload: { objectionId: 'E2E-OBJ-OFFICE', filedOn: daysAgo(1), applicant: '网上异议申请人', reasons: '（e2e）认为认定事实有误', channel: 'credit_china' },
    });
    await page.getByTestId('nav').getByRole('menuitem', { name: '同步' }).click();
    await page.getByTestId('platform-url').fill(platform!.url);
    await page.getByTestId('platform-office').fill(office.id);
    await page.getByTestId('platform-token').fill(office.token);
    await page.getByTestId('platform-save').click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-report').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('ok');
    expect(await page.getByTestId('report-pulled').textContent()).toBe('1');
    const deadlines = await readStore<{ caseId: string; caseNo: string; scopeId: string | null; dueDate: string }>(app!, 'deadlines');
    const ours = deadlines.filter((d) => d.scopeId === 'E2E-OBJ-OFFICE' && d.dueDate);
    expect(ours.length).toBeGreaterThan(0);
    // The objection event and the office's own case were pushed; no training record was.
    expect(await platform!.store.countOperations(office.id)).toBeGreaterThan(0);
    await page.getByTestId('nav').getByRole('menuitem', { name: '期限' }).click();
    await page.getByTestId('deadline-table').waitFor();
    const row = page.locator(`[data-testid="deadline-row"][data-due="${ours[0]!.dueDate}"]`).filter({ hasText: ours[0]!.caseNo });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
