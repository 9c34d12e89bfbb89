/** Poppler helpers for the document tests: text extraction, fonts, page raster emptiness. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
