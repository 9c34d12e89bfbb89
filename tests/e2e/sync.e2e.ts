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

/** Reads a whole object store of the app's IndexedDB from the page. */
async function readStore<T>(app: E2eApp, store: string): Promise<T[]> {
  return app.page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('credit-desk');
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
    store,
  ) as Promise<T[]>;
}

describe('objections filed online reach the work list', () => {
  let app: E2eApp | undefined;
  let platform: Platform | undefined;
  const office = makeOffice('示例县信用办');
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    platform = await startPlatform({ port: 0, database: { kind: 'pglite' }, offices: [office] });
    app = await startApp({ query: 'today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  it('pulls an objection for a demo case and shows its deadline on the 期限 page', async () => {
    const page = app!.page;
    await page.getByTestId('load-demo').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText(/已载入演示数据/).waitFor();
    await expect.poll(async () => (await readStore(app!, 'cases')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const cases = await readStore<{ id: string; caseNo: string }>(app!, 'cases');
    for (const [i, c] of cases.entries()) {
      await platform!.store.publish(office.id, {
        id: `XYZG-${i}`,
        kind: 'objection',
        caseId: c.id,
        payload: { objectionId: `E2E-OBJ-${i}`, filedOn: '2026-10-09', applicant: '网上异议申请人', reasons: '（e2e）认为认定事实有误', channel: 'credit_china' },
      });
    }
    await page.goto(`${app!.baseUrl}?today=2026-10-12#/sync`);
    await page.getByTestId('platform-url').fill(platform!.url);
    await page.getByTestId('platform-office').fill(office.id);
    await page.getByTestId('platform-token').fill(office.token);
    await page.getByTestId('platform-save').click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-report').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('ok');
    expect(await page.getByTestId('report-pulled').textContent()).toBe(String(cases.length));

    const inbox = await readStore<{ id: string; caseId: string; applied?: { ok: boolean } }>(app!, 'syncInbox');
    const applied = inbox.filter((i) => i.applied?.ok);
    expect(applied.length).toBeGreaterThan(0);
    const deadlines = await readStore<{ caseId: string; caseNo: string; scopeId: string | null; dueDate: string }>(app!, 'deadlines');
    const ours = deadlines.filter((d) => d.scopeId?.startsWith('E2E-OBJ-') && d.dueDate);
    expect(ours.length).toBeGreaterThan(0);
    // The new objection events were themselves pushed back to the platform in the same run.
    expect(await platform!.store.countOperations(office.id)).toBeGreaterThan(0);

    await page.getByTestId('nav').getByRole('menuitem', { name: '期限' }).click();
    await page.getByTestId('deadline-table').waitFor();
    const target = ours[0]!;
    const row = page.locator(`[data-testid="deadline-row"][data-due="${target.dueDate}"]`).filter({ hasText: target.caseNo });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
