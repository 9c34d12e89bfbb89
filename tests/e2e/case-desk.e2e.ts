/**
 * The case desk end to end in browser mode (issue 3 §5): office setup → subject registration (an
 * invalid 统一社会信用代码 is refused naming the wrong character) → 认定 → 事先告知 → 列入 → 送达 →
 * an objection received on 2026-09-30 is due 2026-10-10 and shows overdue in red on 2026-10-12 →
 * 不予采纳 with reasons → a repair application is refused before one year under the 朝阳 rule set
 * and accepted after → 移出; everything survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allocateBlocksViaUi, issueFromCaseAction, screenshotOnFailure, startApp, type E2eApp, loadDemoData, chooseAct } from './harness';

const OFFICE_USCC = '11210000MB0000001M';
const COMPANY_USCC = '91210000MA0000001B';

async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

async function act(page: Page, type: string, fields: Record<string, string>, date: string): Promise<void> {
  await chooseAct(page, type);
  const form = page.getByTestId(`action-form-${type}`);
  await form.waitFor();
  await form.getByTestId('field-occurredOn').fill(date);
  for (const [name, value] of Object.entries(fields)) await form.getByTestId(`field-${name}`).fill(value);
  await form.getByTestId('action-submit').click();
}

/** The act is on the timeline on that day (an earlier act of the same type does not count). */
async function expectRecorded(page: Page, type: string, on: string): Promise<void> {
  await page.getByTestId('case-timeline').locator(`[data-type="${type}"]`, { hasText: on }).first().waitFor({ timeout: 10_000 });
}

describe('case desk in browser mode', () => {
  let app: E2eApp | undefined;
  let caseUrl = '';
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up the office on first run', async () => {
    const page = app!.page;
    await page.getByTestId('office-form').waitFor();
    await page.getByTestId('office-name').fill('示例县社会信用体系建设领导小组办公室');
    await page.getByTestId('office-uscc').fill('11210000MB0000001X');
    await expect(page.getByTestId('office-form').getByText('第18位校验码应为M').waitFor()).resolves.toBeUndefined();
    await page.getByTestId('office-uscc').fill(OFFICE_USCC);
    await page.getByTestId('office-region').fill('示例省示例市示例县');
    await pickOption(page, 'assign-CY-RE-6', '朝阳房地产规定');
    const preset = page.getByTestId('preset-settings-LN-CY-RE-2020');
    await preset.waitFor();
    await preset.getByTestId('prenotice-LN-CY-RE-2020').click();
    await preset.getByTestId('period-LN-CY-RE-2020-pre_notice_statement').fill('5');
    await preset.getByTestId('period-LN-CY-RE-2020-repair_decision').fill('10');
    await pickOption(page, 'extra-periods-LN-CY-RE-2020', '异议处理决定');
    await page.keyboard.press('Escape');
    await preset.getByTestId('period-LN-CY-RE-2020-objection_decision').fill('3');
    await page.getByTestId('office-decision-ref').fill('示信办〔2026〕1号');
    await page.getByTestId('office-case-prefix').fill('示信案');
    await page.getByTestId('office-doc-prefix').fill('示信决');
    await page.getByTestId('office-staff').click();
    await page.keyboard.type('李办');
    await page.keyboard.press('Enter');
    await page.getByTestId('office-save').click();
    await page.getByText('办公室设置已保存').waitFor();
    await page.getByTestId('storage-quota').waitFor();
  });

  it('refuses an invalid 统一社会信用代码 naming the wrong character, then registers the subject', async () => {
    const page = app!.page;
    await page.goto(`${app!.baseUrl}?mode=training&today=2026-10-12#/subjects`);
    await page.getByTestId('subject-register-open').click();
    await page.getByTestId('subject-name').fill('示例县虚构房地产开发有限公司');
    await page.getByTestId('subject-uscc').fill('91210000MA000I001B');
    await page.getByText('第14位字符"I"不允许使用').waitFor();
    await page.getByTestId('subject-uscc').fill('91210000MA0000001C');
    await page.getByText('第18位校验码应为B').waitFor();
    await page.getByTestId('subject-submit').click();
    expect(page.url()).toContain('#/subjects');
    await expect(page.getByTestId('subject-detail').count()).resolves.toBe(0);
    await page.getByTestId('subject-uscc').fill(COMPANY_USCC);
    await page.getByTestId('subject-submit').click();
    await page.getByTestId('subject-detail').waitFor();
    await expect(page.getByTestId('subject-detail-uscc').textContent()).resolves.toBe(COMPANY_USCC);
  });

  it('opens a case and runs 事先告知 → 列入 → 送达 → 异议 (due 2026-10-10, overdue in red) → 不予采纳', async () => {
    const page = app!.page;
    await page.getByTestId('subject-new-case').click();
    const form = page.getByTestId('new-case-form');
    await form.waitFor();
    await page.getByTestId('case-behaviour').click();
    await page.keyboard.type('未取得商品房预售许可证');
    await page.keyboard.press('Enter');
    await form.getByTestId('case-ruleset').waitFor();
    await form.getByTestId('case-facts').fill('2025年10月在示例县示例花园项目未取得商品房预售许可证即以认购方式预售');
    await form.getByText('严重', { exact: true }).click();
    await form.getByTestId('case-determined-on').fill('2025-11-03');
    await form.getByTestId('case-dept').fill('示例县住房和城乡建设局');
    await form.getByTestId('basis-0-docno').fill('示住建罚〔2025〕12号');
    await form.getByTestId('basis-0-issuer').fill('示例县住房和城乡建设局');
    await form.getByTestId('basis-0-date').fill('2025-10-20');
    await form.getByTestId('case-proportionality').fill('预售面积较大、影响购房人权益，列入失信名单与情节相当');
    await form.getByTestId('case-submit').click();
    await page.getByTestId('case-detail').waitFor();
    caseUrl = page.url();
    await expect(page.getByTestId('case-no').textContent()).resolves.toBe('示信案〔2025〕0001号');

    // The documents of the office carry its number blocks; 事先告知 and 列入 are recorded by issuing them.
    await allocateBlocksViaUi(page, ['事先告知书', '列入决定书'], 2025);
    await page.goto(caseUrl);
    await page.getByTestId('case-detail').waitFor();
    const notice = await issueFromCaseAction(page, 'pre_notice_served', '2025-11-05', { 'issue-service-on': '2025-11-05' });
    expect(notice).toContain('列入失信名单事先告知书示信决〔2025〕1号');
    await page.goto(caseUrl);
    await expectRecorded(page, 'pre_notice_served', '2025-11-05');
    // 列入 inside the 陈述申辩 window is refused with its reason, before any number is taken
    await chooseAct(page, 'listed');
    await page.getByTestId('issue-date').fill('2025-11-06');
    await expect.poll(() => page.getByTestId('issue-not-ready').textContent()).toContain('陈述申辩期限');
    await page.goto(caseUrl);
    await page.getByTestId('case-detail').waitFor();
    const decision = await issueFromCaseAction(page, 'listed', '2025-11-20');
    // a 严重 case listed on the ordinary 失信名单 under 朝阳房地产规定: the title follows the list
    expect(decision).toContain('列入失信名单决定书示信决〔2025〕1号');
    await page.goto(caseUrl);
    await expectRecorded(page, 'listed', '2025-11-20');
    // 送达 refers to the issued decision (pre-selected), not to a typed 文号
    await act(page, 'served', {}, '2025-11-21');
    await expectRecorded(page, 'served', '2025-11-21');
    await expect(page.getByTestId('case-timeline').locator('[data-type="served"]').textContent()).resolves.toContain('示信决〔2025〕1号');
    await act(page, 'objection_received', { reasons: '认为预售面积认定有误' }, '2026-09-30');
    await expectRecorded(page, 'objection_received', '2026-09-30');
    const due = page.getByTestId('case-deadlines').locator('[data-due="2026-10-10"]');
    await due.first().waitFor();
    await expect(due.first().textContent()).resolves.toContain('异议处理决定');

    // the work list: overdue in red, a badge in the navigation
    await page.getByTestId('nav').getByRole('menuitem', { name: /期限/ }).click();
    const row = page.getByTestId('deadline-table').locator('[data-due="2026-10-10"][data-overdue="true"]');
    await row.first().waitFor();
    const color = await row.first().getByTestId('deadline-due').evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(207, 19, 34)');
    await page.getByTestId('nav-deadline-badge').waitFor();
    // a reminder at start-up names the overdue items
    await app!.reload();
    await expect(page.getByTestId('startup-reminder').textContent()).resolves.toMatch(/已逾期/);

    await page.goto(caseUrl);
    await page.getByTestId('case-detail').waitFor();
    await act(page, 'objection_decided', {}, '2026-10-12');
    await expect(page.getByTestId('action-refusal').textContent()).resolves.toContain('说明理由');
    await page.getByTestId('action-form-objection_decided').getByTestId('field-reasons').fill('经核查，预售事实有现场检查笔录和认购协议为证，认定无误');
    await page.getByTestId('action-form-objection_decided').getByTestId('action-submit').click();
    await expectRecorded(page, 'objection_decided', '2026-10-12');
  });

  it('registers a repair application filed before one year and answers it with 不予受理 naming the date', async () => {
    const page = app!.page;
    await act(page, 'repair_applied', {}, '2026-10-12');
    await expectRecorded(page, 'repair_applied', '2026-10-12');
    await chooseAct(page, 'repair_reviewed');
    const form = page.getByTestId('action-form-repair_reviewed');
    await form.waitFor();
    // the 不予受理 reason is prefilled by shared/: the waiting period, its article, and the first possible day
    await expect(form.getByTestId('field-reasons').inputValue()).resolves.toMatch(/自2026-11-2\d起方可申请.*不予受理/);
    await form.getByTestId('field-occurredOn').fill('2026-10-12');
    await form.getByTestId('action-submit').click();
    await expectRecorded(page, 'repair_reviewed', '2026-10-12');
  });

  it('keeps everything after a reload, then accepts the repair after one year and removes the subject', async () => {
    const page = app!.page;
    await app!.reload();
    await page.getByTestId('case-detail').waitFor();
    await expect(page.getByTestId('case-timeline').getByTestId('timeline-item').count()).resolves.toBe(8);
    await page.getByTestId('verify-case').click();
    await page.getByTestId('integrity-ok').waitFor();

    await page.goto(caseUrl.replace('today=2026-10-12', 'today=2026-11-23'));
    await page.reload();
    await page.getByTestId('case-detail').waitFor();
    await act(page, 'repair_applied', {}, '2026-11-23');
    await expectRecorded(page, 'repair_applied', '2026-11-23');
    await act(page, 'repair_reviewed', {}, '2026-11-23');
    await expectRecorded(page, 'repair_reviewed', '2026-11-23');
    await act(page, 'repair_decided', { reasons: '已纠正失信行为并作出信用承诺，信用确已修复' }, '2026-11-23');
    await expectRecorded(page, 'repair_decided', '2026-11-23');
    await expect(page.getByTestId('case-stage').textContent()).resolves.toContain('移出');
    await app!.reload();
    await page.getByTestId('case-detail').waitFor();
    await expect(page.getByTestId('case-stage').textContent()).resolves.toContain('移出');
    // (a 404 for /favicon.ico is the only resource the static server lacks)
    expect(app!.pageErrors.filter((e) => !/favicon|status of 404/.test(e))).toEqual([]);
  });
});

describe('case desk: demo data and a database from a newer version', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('载入演示数据 loads a fictional county with a working work list', async () => {
    const page = app!.page;
    await loadDemoData(page);
    await page.getByTestId('case-row').first().waitFor();
    await expect(page.getByTestId('case-row').count()).resolves.toBe(5);
    // search by subject name fragment, then by 文号 and case number (all through indexes)
    await page.getByTestId('case-search').locator('input').fill('示例县样板');
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
    await page.getByTestId('case-table').getByText('示例县样板物业服务有限公司').waitFor();
    await page.getByTestId('case-search').locator('input').fill('示住建罚〔演示〕2号');
    await expect.poll(() => page.getByTestId('case-table').getByText('示例县演示建筑工程有限公司').count()).toBe(1);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
    await page.getByTestId('case-search').locator('input').fill('示信案〔');
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(5);
    await page.getByTestId('nav').getByRole('menuitem', { name: /期限/ }).click();
    await page.getByTestId('deadline-table').locator('[data-overdue="true"]').first().waitFor();
    await page.getByTestId('nav').getByRole('menuitem', { name: /设置/ }).click();
    await page.getByTestId('verify-all').click();
    await page.getByTestId('integrity-ok').waitFor();
  });

  it('refuses to open data written by a newer app version, without wiping it', async () => {
    const page = app!.page;
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          // Simulate a newer app: bump the stored version (Dexie stores version × 10).
          const probe = indexedDB.open('credit-desk-training');
          probe.onsuccess = () => {
            const v = probe.result.version;
            probe.result.close();
            const bump = indexedDB.open('credit-desk-training', v + 10_000);
            bump.onupgradeneeded = () => undefined;
            bump.onsuccess = () => {
              bump.result.close();
              resolve();
            };
            bump.onerror = () => reject(bump.error);
          };
          probe.onerror = () => reject(probe.error);
        }),
    );
    await app!.reload();
    await page.getByTestId('db-refused').waitFor();
    await expect(page.getByTestId('db-refused').textContent()).resolves.toContain('较新版本');
    const subjects = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('credit-desk-training');
          open.onsuccess = () => {
            const req = open.result.transaction('subjects').objectStore('subjects').count();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
    expect(subjects).toBeGreaterThan(0);
  });
});
