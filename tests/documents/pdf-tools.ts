/**
 * Poppler helpers for the document tests: text extraction, fonts, page raster emptiness. A missing
 * poppler-utils fails with one line naming the `apt-get install` that fixes it (never a bare ENOENT).
 */
import { execFileSync as exec, type ExecFileSyncOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Debian package that provides each tool the tests spawn. */
const PACKAGE_OF: Readonly<Record<string, string>> = { pdftotext: 'poppler-utils', pdffonts: 'poppler-utils', pdftoppm: 'poppler-utils', pdfimages: 'poppler-utils' };

export class MissingSystemPackageError extends Error {
  constructor(command: string) {
    const pkg = PACKAGE_OF[command] ?? command;
    super(`Missing ${pkg} (${command} not found): run \`sudo apt-get install -y ${pkg}\``);
    this.name = 'MissingSystemPackageError';
  }
}

/** execFileSync that turns "spawnSync pdftotext ENOENT" into one line naming the package to install. */
export function execFileSync(command: string, args: readonly string[], options: ExecFileSyncOptions & { encoding: 'utf8' }): string;
export function execFileSync(command: string, args: readonly string[], options?: ExecFileSyncOptions): Buffer;
export function execFileSync(command: string, args: readonly string[], options?: ExecFileSyncOptions): string | Buffer {
  try {
    return exec(command, args, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingSystemPackageError(command);
    throw error;
  }
}

export function writeTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-doc-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function pdfText(bytes: Uint8Array, options: { first?: number; last?: number; layout?: boolean } = {}): string {
  const file = writeTemp(bytes);
  const args = [...(options.layout ? ['-layout'] : []), ...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

/** Text of each page (pdftotext separates pages with form feeds). */
export function pdfPages(bytes: Uint8Array): string[] {
  const text = pdfText(bytes);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export function pdfFonts(bytes: Uint8Array): string {
  return execFileSync('pdffonts', [writeTemp(bytes)], { encoding: 'utf8' });
}

/** Words with their boxes on one page (pdftotext -bbox). */
export function pageWords(bytes: Uint8Array, page: number): { word: string; xMin: number; yMin: number; xMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), writeTemp(bytes), '-'], { encoding: 'utf8' });
  return Array.from(html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g), (m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    word: m[4]!,
  }));
}

/**
 * Rasterise every page (pdftoppm, greyscale) and return the share of dark pixels per page.
 * A page that should carry text but rasterises white is an empty page.
 */
export function inkPerPage(bytes: Uint8Array, dpi = 30): number[] {
  const file = writeTemp(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-png-'));
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'p')]);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort((a, b) => Number(a.match(/(\d+)\.pgm$/)![1]) - Number(b.match(/(\d+)\.pgm$/)![1]));
  return files.map((f) => {
    const data = readFileSync(join(dir, f));
    // P5\n<w> <h>\n255\n<bytes>
    let offset = 0;
    let fields = 0;
    while (fields < 4) {
      while (data[offset] === 0x20 || data[offset] === 0x0a) offset++;
      while (data[offset] !== 0x20 && data[offset] !== 0x0a) offset++;
      fields++;
    }
    offset++;
    let dark = 0;
    for (let i = offset; i < data.length; i++) if (data[i]! < 128) dark++;
    return dark / (data.length - offset);
  });
}

/** Also write PNGs (for looking at pages by eye). */
export function pagesToPng(bytes: Uint8Array, dpi = 50): string {
  const file = writeTemp(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-png-'));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
  return dir;
}

/** One page rasterised in colour (pdftoppm PPM): width, height and RGB bytes, row by row. */
export function pageRgb(bytes: Uint8Array, page: number, dpi = 72): { width: number; height: number; rgb: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'credit-desk-ppm-'));
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', writeTemp(bytes), join(dir, 'page')]);
  const out = readFileSync(join(dir, 'page.ppm'));
  // P6\n<w> <h>\n255\n<bytes>
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM image');
  const offset = header[0].length;
  return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(out.buffer, out.byteOffset + offset, out.byteLength - offset) };
}
