/**
 * Packaging, as far as it can be tested without an Electron download: electron-builder's own schema
 * accepts the configuration; it builds what the offices need (Windows x64 NSIS per user, Debian
 * packages for amd64 and arm64) with the fuses set; the icons exist at every size; and the staged
 * app — the only thing packaged — holds the bundles and the renderer, no dependencies, tests,
 * sources or source maps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ICO_SIZES, ICON_SIZES } from '../../scripts/make-icons';
import { stageApp } from '../../scripts/stage-app';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; main: string; build: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the electron-builder configuration, indexed freely in assertions
const build = pkg.build as any;

describe('electron-builder configuration', () => {
  it('is valid by electron-builder\'s own schema', async () => {
    await expect(validateConfiguration(build, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds a per-user NSIS installer for Windows x64, and deb packages for amd64 and arm64', () => {
    expect(build.productName).toBe('信用办案台');
    expect(build.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // Per user, no elevation: installs on an office PC without an administrator.
    expect(build.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, differentialPackage: false });
    expect(build.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    // Fully offline: no update feed, no web installer, nothing rebuilt from source at install time.
    expect(build.publish).toBeNull();
    expect(JSON.stringify(build)).not.toContain('nsis-web');
    expect(build).toMatchObject({ npmRebuild: false, nodeGypRebuild: false, buildDependenciesFromSource: false });
  });

  it('sets the Electron fuses', () => {
    expect(build.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(build.asar).toBe(true);
  });

  it('packages the staged app only, without source maps', () => {
    expect(build.directories.app).toBe('build/app');
    expect(build.files).toContain('!**/*.map');
  });
});

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icons/%ix%i.png is a PNG of that size', (size) => {
    const png = PNG.sync.read(readFileSync(`assets/icons/${size}x${size}.png`));
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('assets/icon.ico holds every Windows size up to 256', () => {
    const ico = readFileSync(build.win.icon as string);
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256).sort((a, b) => a - b);
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('assets/icon.png is 512 px', () => {
    expect(PNG.sync.read(readFileSync('assets/icon.png')).width).toBe(512);
  });
});

describe('the staged app', () => {
  const project = mkdtempSync(join(tmpdir(), 'credit-desk-stage-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const put = (path: string, text = 'x') => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };

  it('holds the bundles, the renderer and a package.json without dependencies — nothing else', () => {
    put('package.json', readFileSync('package.json', 'utf8'));
    for (const file of [
      'dist-electron/main.cjs',
      'dist-electron/main.cjs.map',
      'dist-electron/preload.cjs',
      'dist-electron/preload.cjs.map',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/assets/index-abc.js.map',
      'dist/renderer/assets/NotoSerifSC.ttf',
      'node_modules/fastify/package.json',
      'node_modules/electron/package.json',
      'tests/e2e/harness.ts',
      'renderer/src/main.tsx',
      'platform/server/app.ts',
      '.platform-data/file-key',
    ]) {
      put(file);
    }
    const files = stageApp(project, join(project, 'build', 'app'));
    expect(files).toEqual(['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/assets/NotoSerifSC.ttf', 'dist/renderer/assets/index-abc.js', 'dist/renderer/index.html', 'package.json']);
    const staged = JSON.parse(readFileSync(join(project, 'build', 'app', 'package.json'), 'utf8'));
    expect(staged).toMatchObject({ name: pkg.name, version: pkg.version, main: pkg.main, productName: '信用办案台' });
    for (const key of ['dependencies', 'devDependencies', 'scripts', 'build']) expect(staged, key).not.toHaveProperty(key);
    expect(files).toContain(pkg.main);
  });
});
