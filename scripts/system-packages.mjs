#!/usr/bin/env node
// The Debian packages the tests need, checked before `npm test` (pretest): Chromium for the
// end-to-end tests (never a downloaded browser), poppler-utils to read the PDFs, fonts-noto-cjk to
// render Chinese, and — only with --with-postgresql, as .ci/run asks — a PostgreSQL server for the
// platform tests on a real database (without it they run on embedded PGlite).
//
// As root with apt-get (a fresh Debian machine, CI), whatever is missing is installed. Otherwise
// each missing package is named on one line with the `apt-get install` that fixes it, and the
// script exits 1. Plain Node, no dependencies: it runs before `npm ci` too.
//
//   node scripts/system-packages.mjs [--with-postgresql] [--check-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && /Noto (Sans|Serif) CJK/i.test(result.stdout);
}

function hasPostgresServer() {
  try {
    return readdirSync('/usr/lib/postgresql').some((version) => existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb')));
  } catch {
    return false;
  }
}

/** Each package with what it is for and whether it is there. */
export function systemPackages({ withPostgresql = false } = {}) {
  const packages = [
    { name: 'chromium', purpose: 'the end-to-end tests drive it', present: () => (process.env.CHROME_PATH ? existsSync(process.env.CHROME_PATH) : CHROMIUM_PATHS.some((p) => existsSync(p))) },
    { name: 'poppler-utils', purpose: 'the document tests read PDFs with pdftotext, pdffonts and pdftoppm', present: () => ['pdftotext', 'pdffonts', 'pdftoppm'].every(onPath) },
    { name: 'fonts-noto-cjk', purpose: 'Chinese text in the browser and in rendered PDFs', present: hasCjkFont },
  ];
  if (withPostgresql) packages.push({ name: 'postgresql', purpose: 'the platform tests also run on a real PostgreSQL server', present: hasPostgresServer });
  return packages.map((p) => ({ ...p, present: p.present() }));
}

function canInstall() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && onPath('apt-get');
}

function main(argv) {
  const withPostgresql = argv.includes('--with-postgresql');
  const checkOnly = argv.includes('--check-only');
  let missing = systemPackages({ withPostgresql }).filter((p) => !p.present);
  if (missing.length === 0) return 0;
  if (!checkOnly && canInstall()) {
    const names = missing.map((p) => p.name);
    console.log(`[system-packages] installing ${names.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names, ...(names.includes('fonts-noto-cjk') ? ['fontconfig'] : [])], { stdio: ['ignore', 'ignore', 'inherit'], env });
    missing = systemPackages({ withPostgresql }).filter((p) => !p.present);
    if (missing.length === 0) return 0;
  }
  for (const p of missing) console.error(`Missing ${p.name} (${p.purpose}): run \`sudo apt-get install -y ${p.name}\``);
  return 1;
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exit(main(process.argv.slice(2)));
