/**
 * `npm test` first checks the Debian packages the tests need (scripts/system-packages.mjs): on a
 * machine without them, each missing package is one line naming the `apt-get install` that fixes
 * it, and the run stops there (instead of "spawnSync pdftotext ENOENT" deep inside a test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const emptyBin = mkdtempSync(join(tmpdir(), 'no-packages-'));
afterAll(() => rmSync(emptyBin, { recursive: true, force: true }));

describe('system package check', () => {
  it('names each missing package on one line with its apt-get install, and fails', () => {
    const result = spawnSync(process.execPath, ['scripts/system-packages.mjs', '--check-only', '--with-postgresql'], {
      encoding: 'utf8',
      env: { PATH: emptyBin, CHROME_PATH: join(emptyBin, 'chromium') },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    for (const name of ['chromium', 'poppler-utils', 'fonts-noto-cjk']) {
      expect(lines.filter((line) => line.includes(`apt-get install -y ${name}\``)), name).toHaveLength(1);
    }
    expect(lines.every((line) => /^Missing \S+ \(.+\): run `sudo apt-get install -y \S+`$/.test(line))).toBe(true);
  });

  it('runs before every test command', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['pretest', 'pretest:unit', 'pretest:e2e']) expect(scripts[name], name).toBe('node scripts/system-packages.mjs');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
  });
});
