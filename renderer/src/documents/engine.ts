/**
 * The rendering engine shared by the Web Worker (browser build of pdfmake) and Node tests/bench
 * (pdfmake's Node build): fonts in, PDF bytes out. No DOM, no Dexie — callable anywhere.
 */
import { assemblePdf, type PdfMeta } from '../../../shared/documents/assemble';
import type { BuiltUnit } from '../../../shared/documents/build';
import { advanceWidth, coverageHas, readFontFace, type FontFaceInfo } from '../../../shared/documents/font-tables';
import { describeMissing, type FaceCoverage, type FontPlan, type MissingGlyph } from '../../../shared/documents/glyphs';
import type { DocNode, FontRole } from '../../../shared/documents/layout';

/** The part of pdfmake (browser or Node build) the engine uses. */
export type PdfMakeLike = {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string | [string, string]>>): void;
  createPdf(definition: object, options?: object): { getBuffer(): Promise<Uint8Array> };
  setProgressCallback?(callback: ((fraction: number) => void) | undefined): void;
};

/** Where a font comes from: bundled with the app (OFL) or the office machine. */
export type FontSource = 'bundled' | 'system';

export type LoadedFont = {
  /** Family name used inside pdfmake (unique). */
  family: string;
  /** Human label, e.g. 仿宋（本机） */
  label: string;
  source: FontSource;
  bytes: Uint8Array;
  face: FontFaceInfo;
  /** For a TTC: the PostScript name of the face to use. */
  collectionFace?: string;
};

export type FontChoice = Readonly<Record<FontRole, readonly string[]>>;

/**
 * Bundled OFL fonts: Noto Serif SC (body), Source Han Sans SC Bold (titles, 黑体-like headings)
 * and Source Han Sans SC Regular, loaded only when a text needs a character the body font lacks
 * (e.g. 𠮷 U+20BB7), so a rare character in a name is drawn in regular weight, not bold.
 */
export const BUNDLED_BODY = 'NotoSerifSC';
export const BUNDLED_TITLE = 'SourceHanSansSCBold';
export const BUNDLED_FALLBACK = 'SourceHanSansSC';

export const DEFAULT_CHOICE: FontChoice = {
  body: [BUNDLED_BODY, BUNDLED_FALLBACK, BUNDLED_TITLE],
  title: [BUNDLED_TITLE, BUNDLED_BODY],
  heading: [BUNDLED_TITLE, BUNDLED_BODY],
};

export function loadFont(family: string, label: string, source: FontSource, bytes: Uint8Array): LoadedFont {
  const face = readFontFace(bytes, 0);
  const isCollection = bytes.byteLength >= 4 && bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66; // 'ttcf'
  return { family, label, source, bytes, face, ...(isCollection && face.postscriptName ? { collectionFace: face.postscriptName } : {}) };
}

export class FontRegistry {
  private readonly fonts = new Map<string, LoadedFont>();
  private readonly coverages = new Map<string, FaceCoverage>();

  add(font: LoadedFont): void {
    this.fonts.set(font.family, font);
    const { coverage, ascent, descent, unitsPerEm } = font.face;
    const advances = new Map<number, number | undefined>();
    const advance = (cp: number): number | undefined => {
      if (!advances.has(cp)) {
        const units = advanceWidth(font.bytes, font.face, cp);
        advances.set(cp, units === undefined ? undefined : units / unitsPerEm);
      }
      return advances.get(cp);
    };
    this.coverages.set(font.family, { family: font.family, has: (cp) => coverageHas(coverage, cp), lineEm: (ascent - descent) / unitsPerEm, advance });
  }

  has(family: string): boolean {
    return this.fonts.has(family);
  }

  list(): LoadedFont[] {
    return Array.from(this.fonts.values());
  }

  /**
   * Font chains per role; unknown families are skipped, the bundled fonts always end each chain.
   * `primaryOnly`: just the first font of each role (to find out whether any fallback is needed).
   */
  plan(choice: FontChoice = DEFAULT_CHOICE, primaryOnly = false): FontPlan {
    const chain = (role: FontRole): FaceCoverage[] => {
      const names = primaryOnly ? [...choice[role], ...DEFAULT_CHOICE[role]] : [...choice[role], ...DEFAULT_CHOICE[role], ...Array.from(this.fonts.keys())];
      const out: FaceCoverage[] = [];
      for (const n of names) {
        const c = this.coverages.get(n);
        if (c && !out.includes(c)) out.push(c);
        if (primaryOnly && out.length > 0) break;
      }
      if (out.length === 0) throw new Error('no fonts loaded');
      return out;
    };
    return { chains: { body: chain('body'), title: chain('title'), heading: chain('heading') } };
  }

  /** Register every font with a pdfmake instance (bytes go into its virtual file system once). */
  install(pdfmake: PdfMakeLike): void {
    for (const f of this.fonts.values()) {
      const vfsName = `${f.family}.font`;
      if (!pdfmake.virtualfs.existsSync(vfsName)) pdfmake.virtualfs.writeFileSync(vfsName, f.bytes);
    }
  }

  /** Fresh descriptors per render: pdfmake replaces the file name by the bytes inside them. */
  descriptors(): Record<string, Record<string, string | [string, string]>> {
    const out: Record<string, Record<string, string | [string, string]>> = {};
    for (const f of this.fonts.values()) {
      const vfsName = `${f.family}.font`;
      const file = (): string | [string, string] => (f.collectionFace ? [vfsName, f.collectionFace] : vfsName);
      out[f.family] = { normal: file(), bold: file(), italics: file(), bolditalics: file() };
    }
    return out;
  }
}

export class MissingGlyphError extends Error {
  readonly missing: MissingGlyph[];
  readonly messageZh: string;
  constructor(missing: MissingGlyph[]) {
    super(`no available font draws ${missing.map((m) => m.codePoint).join(', ')}`);
    this.name = 'MissingGlyphError';
    this.missing = missing;
    this.messageZh = `不能签发：所有可用字体都无法显示以下字符 ${describeMissing(missing)}。请安装含该字的字体（如本机仿宋、宋体扩展字库）后重试，或核对该字是否录入有误。`;
  }
}

export type RenderResult = {
  bytes: Uint8Array;
  pages: number;
  ranges: { name: string; numberText: string; first: number; last: number }[];
};

/** Check glyphs only (cheap): the characters no available font can draw. */
export function findMissingGlyphs(units: readonly BuiltUnit[], registry: FontRegistry, choice?: FontChoice, primaryOnly = false): MissingGlyph[] {
  return assemblePdf(units, registry.plan(choice, primaryOnly), { title: '', author: '', creationDate: '2000-01-01' }).missing;
}

/** Whether some character is missing from the chosen (first) font of its role. */
export function needsFallback(units: readonly BuiltUnit[], registry: FontRegistry, choice?: FontChoice): boolean {
  return findMissingGlyphs(units, registry, choice, true).length > 0;
}

/** Lay out and render units into one PDF. Throws MissingGlyphError before rendering anything. */
export async function renderUnits(
  pdfmake: PdfMakeLike,
  registry: FontRegistry,
  units: readonly BuiltUnit[],
  meta: PdfMeta,
  options: { choice?: FontChoice; onProgress?: (fraction: number) => void } = {},
): Promise<RenderResult> {
  const assembled = assemblePdf(units, registry.plan(options.choice), meta);
  if (assembled.missing.length > 0) throw new MissingGlyphError(assembled.missing);
  registry.install(pdfmake);
  pdfmake.setFonts(registry.descriptors());
  pdfmake.setProgressCallback?.(options.onProgress ?? (() => undefined));
  const buffer = await pdfmake.createPdf(assembled.definition as DocNode).getBuffer();
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const ranges = assembled.pageRanges();
  return { bytes, pages: assembled.pageCount(), ranges };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A DocumentRenderer over the engine in this thread (Node tests, bench; the worker uses the same calls). */
export function engineRenderer(pdfmake: PdfMakeLike, registry: FontRegistry, choice?: FontChoice): {
  check(units: BuiltUnit[]): Promise<MissingGlyph[]>;
  render(units: BuiltUnit[], meta: PdfMeta, onProgress?: (fraction: number) => void): Promise<{ bytes: Uint8Array; pages: number; sha256: string }>;
} {
  // pdfmake keeps global state (fonts, progress callback): serialise renders.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async check(units) {
      return findMissingGlyphs(units, registry, choice);
    },
    render(units, meta, onProgress) {
      const run = queue.then(async () => {
        const out = await renderUnits(pdfmake, registry, units, meta, { ...(choice ? { choice } : {}), ...(onProgress ? { onProgress } : {}) });
        return { bytes: out.bytes, pages: out.pages, sha256: await sha256Hex(out.bytes) };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
