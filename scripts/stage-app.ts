/**
 * Lays out what the installers package, in build/app (electron-builder's `directories.app`):
 * a package.json without dependencies (main and preload are bundled by esbuild, the renderer by
 * Vite, so no node_modules are needed at run time), dist-electron/ and dist/renderer/ — without
 * source maps. Everything else in the repository (tests, sources, dev tools, node_modules) stays
 * out by construction. `npx tsx scripts/stage-app.ts`, run by `npm run dist`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Copied from the project into the staged app, in this order. */
export const STAGED_FOLDERS = ['dist-electron', 'dist/renderer'] as const;
const SOURCE_MAP = /\.map$/;

type ProjectPackage = { name: string; productName: string; version: string; description: string; main: string; author?: unknown; license?: string };

export function stageApp(projectDir: string, appDir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as ProjectPackage;
  for (const folder of STAGED_FOLDERS) {
    if (!existsSync(join(projectDir, folder))) throw new Error(`${folder}/ is missing: run npm run build:renderer and npm run build:electron first`);
  }
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  const staged = {
    name: pkg.name,
    productName: pkg.productName,
    version: pkg.version,
    description: pkg.description,
    main: pkg.main,
    author: pkg.author ?? { name: '信用办案台', email: 'credit-desk@localhost' },
    license: pkg.license ?? 'UNLICENSED',
    private: true,
  };
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  for (const folder of STAGED_FOLDERS) {
    cpSync(join(projectDir, folder), join(appDir, folder), { recursive: true, filter: (source) => !SOURCE_MAP.test(source) });
  }
  return listFiles(appDir);
}

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const root = join(import.meta.dirname, '..');
  const files = stageApp(root, join(root, 'build', 'app'));
  console.log(`staged ${files.length} files in build/app`);
}
