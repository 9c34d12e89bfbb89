/**
 * End-to-end harness: serves the built renderer (dist/renderer) on loopback in browser mode and
 * drives Debian's Chromium through playwright-core. Never downloads a browser.
 *
 *   const app = await startApp({ query: 'today=2026-10-12' });
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

/** A static file server for dist/renderer on 127.0.0.1 (Vite's preview port when free). */
export async function serveRenderer(root = RENDERER_DIST): Promise<{ url: string; close: () => Promise<void> }> {
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
  await listenOnPreviewPort(server);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

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
  /** Reload the app (IndexedDB persists across reloads within one app). */
  reload(): Promise<void>;
  close(): Promise<void>;
};

export type StartAppOptions = {
  /** Query string without '?', e.g. 'today=2026-10-12'. */
  query?: string;
  /** Hash route, e.g. '#/cases'. */
  hash?: string;
  viewport?: { width: number; height: number };
};

export async function startApp(options: StartAppOptions = {}): Promise<E2eApp> {
  const server = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const downloadsDir = mkdtempSync(join(tmpdir(), 'credit-desk-downloads-'));
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
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

/** 设置 → 载入演示数据 (the fictional 示例县), then open 案件 with its first case row shown. */
export async function loadDemoData(page: Page): Promise<void> {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('load-demo-confirm').click();
  await page.getByText(/已载入演示数据/).waitFor();
  await page.getByTestId('nav').getByRole('menuitem', { name: /案件/ }).click();
}
