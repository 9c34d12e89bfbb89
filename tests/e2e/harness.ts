/**
 * End-to-end harness: serves the built renderer (dist/renderer) on loopback in browser mode and
 * drives Debian's Chromium through playwright-core. Never downloads a browser.
 *
 *   const app = await startApp({ query: 'mode=training&today=2026-10-12' });   // a fixed date exists only in training
 *   await app.page.getByText('案件').click();
 *   await app.close();
 *
 * Screenshots of failing tests go to test-results/ (git-ignored): call `screenshotOnFailure(() => app?.page)`
 * once at the top of a describe block.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { APP_MIME_TYPES } from '../../electron/protocol/app-protocol';

const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIST = join(ROOT, 'dist/renderer');
export const TEST_RESULTS = join(ROOT, 'test-results');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to drive: CHROME_PATH, else Debian's. Fails loudly (never skips) when none is found. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist. Install Chromium (apt-get install -y chromium) or fix CHROME_PATH.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install Debian\'s: `apt-get install -y chromium fonts-noto-cjk poppler-utils` ' +
        '(or set CHROME_PATH to a Chromium/Chrome binary). Tests never download a browser.',
    );
  }
  return found;
}

// The same types the desktop build's app:// protocol serves, so both modes load the same assets.
const MIME: Record<string, string> = { ...APP_MIME_TYPES, '.woff2': 'font/woff2', '.pdf': 'application/pdf' };

/**
 * Vite's preview port (vite.config.ts), which the reference platform allows by default as a
 * browser-mode origin (platform/server/app.ts DEFAULT_DEV_ORIGINS): serving there lets the app
 * sync against a platform started with its default CORS allowlist.
 */
export const PREVIEW_PORT = 4173;

/** Listen on 127.0.0.1:PREVIEW_PORT, or on a random port when it is taken (then sync calls meet CORS). */
async function listenOnPreviewPort(server: Server): Promise<void> {
  const listen = (port: number) =>
    new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  try {
    await listen(PREVIEW_PORT);
  } catch {
    console.warn(`[e2e] port ${PREVIEW_PORT} is taken; serving on a random port (the platform's CORS will refuse sync calls from it)`);
    await listen(0);
  }
}

/**
 * A static file server for dist/renderer on 127.0.0.1: on Vite's preview port when free, or on `port`
 * (the bench keeps one origin across runs).
 */
export async function serveRenderer(root = RENDERER_DIST, port?: number): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the renderer first (npx vite build).`);
  }
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  if (port === undefined) await listenOnPreviewPort(server);
  else await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The flags every run of Debian's Chromium gets (tests and the bench). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type E2eApp = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** e.g. http://127.0.0.1:41234/ */
  baseUrl: string;
  /** Where downloads land (browser mode saves and prints as downloads). */
  downloadsDir: string;
  /** Errors the page printed to its console or threw; tests may assert there were none. */
  pageErrors: string[];
  /**
   * Everything a quiet console must not show, from the first load on: console errors and warnings
   * (the page's and its workers'), uncaught exceptions, and failed requests (e.g. a favicon 404).
   */
  consoleProblems: string[];
  /** Reload the app (IndexedDB persists across reloads within one app). */
  reload(): Promise<void>;
  close(): Promise<void>;
};

export type StartAppOptions = {
  /** Query string without '?', e.g. 'mode=training&today=2026-10-12' (a fixed date is honoured only in training). */
  query?: string;
  /** Hash route, e.g. '#/cases'. */
  hash?: string;
  viewport?: { width: number; height: number };
  /** The built renderer to serve: dist/renderer (default) or another, e.g. `buildDevRenderer()`'s. */
  root?: string;
};

/** Where the development build goes (git-ignored, beside dist/renderer). */
export const RENDERER_DEV_DIST = join(ROOT, 'dist/renderer-dev');

/**
 * The renderer built in development mode (React's and antd's development code, with their warnings),
 * served like the shipped build; `npm run web` runs the same code on Vite's dev server.
 */
export async function buildDevRenderer(): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'development',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: { outDir: RENDERER_DEV_DIST, emptyOutDir: true, minify: false, sourcemap: false, reportCompressedSize: false },
  });
  return RENDERER_DEV_DIST;
}

export async function startApp(options: StartAppOptions = {}): Promise<E2eApp> {
  const server = await serveRenderer(options.root);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const downloadsDir = mkdtempSync(join(tmpdir(), 'credit-desk-downloads-'));
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleProblems: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(String(error));
    consoleProblems.push(`uncaught: ${String(error)}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(`worker console.${message.type()}: ${message.text()}`);
    });
  });
  // The app's own requests only (the PDF viewer's chrome:// resources are Chromium's business).
  page.on('response', (response) => {
    if (response.url().startsWith(server.url) && response.status() >= 400) consoleProblems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(server.url)) consoleProblems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? ''})`);
  });
  const url = `${server.url}${options.query ? `?${options.query}` : ''}${options.hash ?? ''}`;
  await page.goto(url, { waitUntil: 'load' });
  return {
    browser,
    context,
    page,
    baseUrl: server.url,
    downloadsDir,
    pageErrors,
    consoleProblems,
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Register once per describe block: saves a full-page screenshot of a failing test in test-results/. */
export function screenshotOnFailure(getPage: () => Page | undefined): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      const page = getPage();
      if (!page || page.isClosed()) return;
      mkdirSync(TEST_RESULTS, { recursive: true });
      const name = task.name.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80);
      await page.screenshot({ path: join(TEST_RESULTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    });
  });
  afterEach(() => undefined);
}

/** 设置 → 培训模式 → 载入演示数据 (the fictional 示例县, training database only), then open 案件. */
export async function loadDemoData(page: Page): Promise<void> {
  await page.getByTestId('load-demo').click();
  await page.getByText(/载入演示数据：/).waitFor();
  await page.getByTestId('nav').getByRole('menuitem', { name: /案件/ }).click();
}

async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** 设置: a first-run office on the 朝阳房地产 rule set with its unset periods set (on the page's current desk). */
export async function setUpOfficeViaUi(page: Page): Promise<void> {
  await page.getByTestId('office-form').waitFor();
  await page.getByTestId('office-name').fill('示例县社会信用体系建设领导小组办公室');
  await page.getByTestId('office-uscc').fill('11210000MB0000001M');
  await page.getByTestId('office-region').fill('示例省示例市示例县');
  await pickOption(page, 'assign-CY-RE-6', '朝阳房地产规定');
  const preset = page.getByTestId('preset-settings-LN-CY-RE-2020');
  await preset.waitFor();
  await preset.getByTestId('period-LN-CY-RE-2020-repair_decision').fill('10');
  await page.getByTestId('office-decision-ref').fill('示信办〔2026〕1号');
  await page.getByTestId('office-case-prefix').fill('示信案');
  await page.getByTestId('office-doc-prefix').fill('示信决');
  await page.getByTestId('office-staff').click();
  await page.keyboard.type('李办');
  await page.keyboard.press('Enter');
  await page.getByTestId('office-save').click();
  await page.getByText('办公室设置已保存').waitFor();
}

/** 主体 → 登记 a fictional company → 新建案件 (认定 on `determinedOn`); returns the case id from the URL. */
export async function openCompanyCaseViaUi(page: Page, determinedOn: string, company = { name: '示例县虚构房地产开发有限公司', uscc: '91210000MA0000001B' }): Promise<string> {
  await page.getByTestId('nav').getByRole('menuitem', { name: /主体/ }).click();
  await page.getByTestId('subject-register-open').click();
  await page.getByTestId('subject-name').fill(company.name);
  await page.getByTestId('subject-uscc').fill(company.uscc);
  await page.getByTestId('subject-submit').click();
  await page.getByTestId('subject-new-case').click();
  const form = page.getByTestId('new-case-form');
  await form.waitFor();
  await page.getByTestId('case-behaviour').click();
  await page.keyboard.type('未取得商品房预售许可证');
  await page.keyboard.press('Enter');
  await form.getByTestId('case-ruleset').waitFor();
  await form.getByTestId('case-facts').fill('在示例县示例花园项目未取得商品房预售许可证即以认购方式预售（e2e，虚构）');
  await form.getByTestId('case-determined-on').fill(determinedOn);
  await form.getByTestId('case-dept').fill('示例县住房和城乡建设局');
  await form.getByTestId('basis-0-docno').fill('示住建罚〔e2e〕1号');
  await form.getByTestId('basis-0-issuer').fill('示例县住房和城乡建设局');
  await form.getByTestId('basis-0-date').fill(determinedOn);
  await form.getByTestId('case-proportionality').fill('与情节相当（e2e）');
  await form.getByTestId('case-submit').click();
  await page.getByTestId('case-detail').waitFor();
  return decodeURIComponent(page.url().split('#/cases/')[1] ?? '');
}

/** 文书 → 文号与号段: a block 1–100 of each document kind (short name, e.g. '列入决定书') for this device. */
export async function allocateBlocksViaUi(page: Page, kinds: readonly string[], year: number): Promise<void> {
  await page.getByTestId('nav').getByRole('menuitem', { name: /文书/ }).click();
  await page.getByRole('tab', { name: '文号与号段' }).click();
  const form = page.getByTestId('block-form');
  await form.waitFor();
  for (const kind of kinds) {
    await pickOption(page, 'block-kind', kind);
    await form.locator('#year').fill(String(year));
    await page.getByTestId('block-add').click();
    await page.getByText(new RegExp(`分配 ${year}年${kind} 1–100 号`)).waitFor();
  }
}

/**
 * On a case page: the act recorded by issuing its document (签发事先告知书 / 签发列入决定书). Opens the
 * issue form with the case chosen, sets the 成文日期, issues, and closes the preview. Returns the
 * preview title (e.g. "列入失信名单决定书示信决〔2025〕1号").
 */
export async function issueFromCaseAction(page: Page, actionType: string, date: string, fill: Record<string, string> = {}): Promise<string> {
  await page.getByTestId(`action-${actionType}`).click();
  const form = page.getByTestId('issue-form');
  await form.waitFor();
  await page.getByTestId('issue-date').fill(date);
  for (const [testId, value] of Object.entries(fill)) await page.getByTestId(testId).fill(value);
  await page.getByTestId('issue-case-filled').waitFor();
  await page.getByTestId('issue-submit').click();
  const title = page.locator('.ant-modal-title');
  await title.waitFor({ timeout: 90_000 });
  const text = (await title.textContent()) ?? '';
  await page.locator('.ant-modal-close').click();
  return text;
}
