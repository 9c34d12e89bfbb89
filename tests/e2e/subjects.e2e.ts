/**
 * End-to-end: 主体 → a company → 关联责任人 → a person not yet registered is registered right there
 * and linked as 法定代表人 (the person form validates a 公民身份号码, never a 统一社会信用代码).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCitizenIdCheckChar } from '../../shared/identifiers/citizen-id';
import { screenshotOnFailure, startApp, type E2eApp } from './harness';

const COMPANY = { name: '示例县虚构责任人测试有限公司', uscc: '91210000MA0000001B' };
const PERSON_FIRST17 = '21990019800521001';
const PERSON_ID = PERSON_FIRST17 + computeCitizenIdCheckChar(PERSON_FIRST17);

describe('关联责任人 in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);

  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/subjects' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers a new 法定代表人 from the company page and links it', async () => {
    const page = app!.page;
    await page.getByTestId('subject-register-open').click();
    await page.getByTestId('subject-name').fill(COMPANY.name);
    await page.getByTestId('subject-uscc').fill(COMPANY.uscc);
    await page.getByTestId('subject-submit').click();
    const detail = page.getByTestId('subject-detail');
    await detail.waitFor();

    await page.getByTestId('link-idnumber').fill(PERSON_ID);
    await page.getByTestId('link-lookup').click();
    const personForm = detail.getByTestId('subject-form');
    await personForm.waitFor();
    // The form starts with the number just looked up and asks for a person's 姓名, not a 名称.
    await expect(personForm.getByTestId('subject-idnumber').inputValue()).resolves.toBe(PERSON_ID);
    await expect(personForm.getByTestId('subject-uscc').count()).resolves.toBe(0);
    await personForm.getByTestId('subject-name').fill('示例责任人');
    await personForm.getByTestId('subject-submit').click();

    await page.getByText('已关联法定代表人').waitFor();
    await expect(personForm.getByTestId('subject-error').count()).resolves.toBe(0);
    const links = detail.locator('.ant-table-row', { hasText: '示例责任人' });
    await links.first().waitFor();
    await expect(links.first().textContent()).resolves.toContain('法定代表人');
    expect(await page.getByText('请输入18位统一社会信用代码').count()).toBe(0);
  });
});
