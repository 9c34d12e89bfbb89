/**
 * Excel exchange in Chromium: download the template, fill it (SheetJS, as WPS would save it), import
 * with row errors, fix and re-import the rejects, export the 双公示 and publication lists and read
 * them back; a LibreOffice headless conversion where LibreOffice is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';
import { PENALTY_DISCLOSURE_COLUMNS } from '../../shared/exchange/shuanggongshi';
import { loadDemoData, screenshotOnFailure, startApp, type E2eApp } from './harness';

function uscc(n: number): string {
  const body = `9121138${String(n).padStart(10, '0')}`.slice(0, 17);
  return `${body}${computeUsccCheckChar(body)}`;
}

async function download(app: E2eApp, click: () => Promise<void>, name: string): Promise<string> {
  const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = join(app.downloadsDir, name);
  await d.saveAs(file);
  return file;
}

function rowsOf(file: string, sheet?: string): unknown[][] {
  const book = XLSX.read(readFileSync(file), { type: 'buffer', cellDates: false });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet ?? book.SheetNames[0]!]!, { header: 1, raw: true, defval: null });
}

function libreOfficeCheck(file: string): void {
  const binary = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
  if (!binary) {
    console.log(`LibreOffice conversion of ${file} skipped: libreoffice is not installed on this machine`);
    return;
  }
  execFileSync(binary, ['--headless', '--convert-to', 'csv', '--outdir', join(file, '..'), file], { timeout: 120_000 });
  expect(existsSync(file.replace(/\.xlsx$/, '.csv'))).toBe(true);
}

describe('导入导出 in browser mode', () => {
  let app: E2eApp | undefined;
  screenshotOnFailure(() => app?.page);
  beforeAll(async () => {
    app = await startApp({ query: 'mode=training&today=2026-10-12', hash: '#/settings' });
    await loadDemoData(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('downloads the template, imports it filled with row errors, re-imports the fixed rejects without duplicates', async () => {
    const page = app!.page;
    await page.getByTestId('nav').getByRole('menuitem', { name: /导入导出/ }).click();
    await page.getByTestId('exchange-page').waitFor();
    const template = await download(app!, () => page.getByTestId('template-subjects_org').click(), 'template.xlsx');
    const book = XLSX.read(readFileSync(template), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['填写说明', '组织主体', '代码表']);
    const ws = book.Sheets['组织主体']!;
    const header = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 })[0] as string[];
    expect(header.slice(0, 4)).toEqual(['序号', '*主体名称', '*主体类别', '*统一社会信用代码']);
    const bad = `${uscc(502).slice(0, 17)}${uscc(502).endsWith('0') ? '1' : '0'}`;
    XLSX.utils.sheet_add_aoa(ws, [['1', '示例县导入甲有限公司', '法人', uscc(501)], ['2', '示例县导入乙有限公司', '法人', bad], ['3', '示例县导入丙有限公司', '个体工商户', uscc(503)]], { origin: 'A3' });
    const filled = join(app!.downloadsDir, '企业登记册.xlsx');
    writeFileSync(filled, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    await page.getByTestId('import-card').locator('input[type=file]').setInputFiles(filled);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-valid').textContent()).toBe('2');
    expect(await page.getByTestId('preview-invalid').textContent()).toBe('1');
    await page.getByTestId('import-write').click();
    await page.getByTestId('import-result').getByText(/新登记主体 2 个/).waitFor();
    const rejects = await download(app!, () => page.getByTestId('import-download-rejects').click(), 'rejects.xlsx');
    const rejected = rowsOf(rejects);
    expect(rejected[0]?.at(-1)).toBe('错误说明');
    expect(String(rejected[1]?.at(-1))).toMatch(/^D列“统一社会信用代码”：.*校验码/);

    // fix the code in the returned workbook and import it again, with a row already imported added back
    const fixedBook = XLSX.read(readFileSync(rejects), { type: 'buffer' });
    const fws = fixedBook.Sheets[fixedBook.SheetNames[0]!]!;
    fws['D2'] = { t: 's', v: uscc(502) };
    XLSX.utils.sheet_add_aoa(fws, [['1', '示例县导入甲有限公司', '法人', uscc(501)]], { origin: 'A3' });
    const fixed = join(app!.downloadsDir, '企业登记册-改正.xlsx');
    writeFileSync(fixed, XLSX.write(fixedBook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await page.getByRole('button', { name: '导入其他文件' }).click();
    await page.getByTestId('import-card').locator('input[type=file]').setInputFiles(fixed);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-valid').textContent()).toBe('2');
    await page.getByTestId('import-write').click();
    await page.getByTestId('import-result').getByText(/新登记主体 1 个，合并到已有主体 1 行/).waitFor();
  });

  it('exports the publication list and the 双公示 sheet, which read back', async () => {
    const page = app!.page;
    await page.getByRole('tab', { name: '导出' }).click();
    const list = await download(app!, () => page.getByTestId('export-publication-dishonesty').click(), 'dishonesty.xlsx');
    const rows = rowsOf(list);
    expect(String(rows[0]?.[0])).toContain('失信名单公示');
    expect(String(rows[1]?.[0])).toMatch(/^公示依据：/);
    expect(rows[3]?.[1]).toBe('主体名称');
    libreOfficeCheck(list);

    const penalty = page.getByTestId('export-penalty');
    await penalty.locator('.ant-table-row').first().locator('input[type=checkbox]').check();
    const row = penalty.locator('.ant-table-row').first();
    await row.getByTestId('penalty-basis').fill('《城市房地产开发经营管理条例》第三十六条');
    await row.getByTestId('penalty-types').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '警告' }).first().click();
    await row.getByTestId('penalty-content').fill('警告');
    await row.getByTestId('penalty-authority-uscc').fill(uscc(900));
    const sheet = await download(app!, () => page.getByTestId('export-penalty-run').click(), 'penalty.xlsx');
    const penaltyRows = rowsOf(sheet);
    expect(penaltyRows[0]).toEqual(PENALTY_DISCLOSURE_COLUMNS.map((c) => c.header));
    expect(penaltyRows[1]).toHaveLength(30);
    libreOfficeCheck(sheet);
  });
});
