/**
 * A minimal, pure reader of the parts of an OpenType font the document layer needs:
 * which code points the font maps to a glyph (cmap formats 4 and 12), the vertical metrics
 * pdfkit uses for line height (head.unitsPerEm, hhea ascent/descent) and the PostScript name
 * (needed to pick a face out of a TrueType collection such as simsun.ttc).
 *
 * Works on TTF, OTF (CFF) and TTC bytes. No Node, no DOM: a Uint8Array in, plain data out.
 */

export type FontFaceInfo = {
  postscriptName: string | undefined;
  familyName: string | undefined;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  /** Bit i set ⇔ code point i maps to a non-zero glyph. Length 0x110000 / 32. */
  coverage: Uint32Array;
  /** Where to look up advance widths in the same bytes (see `advanceWidth`). */
  metrics: FontMetricsIndex;
};

/** Offsets into the font bytes: the chosen cmap subtable and the horizontal metrics. */
export type FontMetricsIndex = { cmapSubtable: number; cmapFormat: number; hmtx: number; numberOfHMetrics: number };

const COVERAGE_WORDS = 0x110000 >>> 5;

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

type TableDirectory = Map<string, { offset: number; length: number }>;

function readDirectory(view: DataView, faceOffset: number): TableDirectory {
  const numTables = view.getUint16(faceOffset + 4);
  const tables: TableDirectory = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = faceOffset + 12 + i * 16;
    tables.set(tag(view, rec), { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

/** Offsets of the faces in the file: one for TTF/OTF, several for a TTC. */
export function faceOffsets(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new Error('font file too short');
  const head = tag(view, 0);
  if (head === 'ttcf') {
    const count = view.getUint32(8);
    return Array.from({ length: count }, (_, i) => view.getUint32(12 + i * 4));
  }
  const version = view.getUint32(0);
  if (version === 0x00010000 || head === 'OTTO' || head === 'true') return [0];
  throw new Error(`not an OpenType font (signature ${head})`);
}

function setBit(coverage: Uint32Array, cp: number): void {
  if (cp >= 0 && cp < 0x110000) coverage[cp >>> 5]! |= 1 << (cp & 31);
}

function bestCmapSubtable(view: DataView, cmapOffset: number): number | undefined {
  const numTables = view.getUint16(cmapOffset + 2);
  // Prefer the full-repertoire subtable (3,10 / 0,4 / 0,6 → format 12), then the BMP one (3,1 / 0,3 → format 4).
  let best: { offset: number; score: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmapOffset + view.getUint32(rec + 4);
    const format = view.getUint16(offset);
    let score = 0;
    if (format === 12 && ((platform === 3 && encoding === 10) || platform === 0)) score = 3;
    else if (format === 4 && ((platform === 3 && (encoding === 1 || encoding === 0)) || platform === 0)) score = 2;
    if (score > 0 && (!best || score > best.score)) best = { offset, score };
  }
  return best?.offset;
}

function readCmap(view: DataView, subtable: number | undefined, coverage: Uint32Array): void {
  if (subtable === undefined) return;
  const best = { offset: subtable };
  const format = view.getUint16(best.offset);
  if (format === 12) {
    const nGroups = view.getUint32(best.offset + 12);
    for (let g = 0; g < nGroups; g++) {
      const rec = best.offset + 16 + g * 12;
      const start = view.getUint32(rec);
      const end = Math.min(view.getUint32(rec + 4), 0x10ffff);
      const startGlyph = view.getUint32(rec + 8);
      for (let cp = start; cp <= end; cp++) if (startGlyph + (cp - start) !== 0) setBit(coverage, cp);
    }
    return;
  }
  // format 4
  const segX2 = view.getUint16(best.offset + 6);
  const endCodes = best.offset + 14;
  const startCodes = endCodes + segX2 + 2;
  const idDeltas = startCodes + segX2;
  const idRangeOffsets = idDeltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = view.getUint16(endCodes + s * 2);
    const start = view.getUint16(startCodes + s * 2);
    const delta = view.getInt16(idDeltas + s * 2);
    const rangeOffsetPos = idRangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetPos);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const glyphPos = rangeOffsetPos + rangeOffset + (cp - start) * 2;
        if (glyphPos + 2 > view.byteLength) continue;
        glyph = view.getUint16(glyphPos);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) setBit(coverage, cp);
    }
  }
}

function readName(view: DataView, nameOffset: number, wanted: number): string | undefined {
  const count = view.getUint16(nameOffset + 2);
  const strings = nameOffset + view.getUint16(nameOffset + 4);
  let fallback: string | undefined;
  for (let i = 0; i < count; i++) {
    const rec = nameOffset + 6 + i * 12;
    const platform = view.getUint16(rec);
    const nameId = view.getUint16(rec + 6);
    if (nameId !== wanted) continue;
    const length = view.getUint16(rec + 8);
    const offset = strings + view.getUint16(rec + 10);
    if (platform === 3 || platform === 0) {
      let out = '';
      for (let j = 0; j + 1 < length; j += 2) out += String.fromCharCode(view.getUint16(offset + j));
      const language = view.getUint16(rec + 4);
      if (platform === 3 && language === 0x409) return out;
      fallback ??= out;
    } else if (platform === 1 && fallback === undefined) {
      let out = '';
      for (let j = 0; j < length; j++) out += String.fromCharCode(view.getUint8(offset + j));
      fallback = out;
    }
  }
  return fallback;
}

/** Read one face (index into a collection; 0 for a plain font). */
export function readFontFace(bytes: Uint8Array, faceIndex = 0): FontFaceInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = faceOffsets(bytes);
  const faceOffset = offsets[faceIndex];
  if (faceOffset === undefined) throw new Error(`font has no face ${faceIndex}`);
  const tables = readDirectory(view, faceOffset);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const cmap = tables.get('cmap');
  if (!head || !hhea || !cmap) throw new Error('font lacks head, hhea or cmap');
  const coverage = new Uint32Array(COVERAGE_WORDS);
  const subtable = bestCmapSubtable(view, cmap.offset);
  readCmap(view, subtable, coverage);
  const name = tables.get('name');
  const hmtx = tables.get('hmtx');
  return {
    postscriptName: name ? readName(view, name.offset, 6) : undefined,
    familyName: name ? readName(view, name.offset, 1) : undefined,
    unitsPerEm: view.getUint16(head.offset + 18),
    ascent: view.getInt16(hhea.offset + 4),
    descent: view.getInt16(hhea.offset + 6),
    coverage,
    metrics: {
      cmapSubtable: subtable ?? 0,
      cmapFormat: subtable === undefined ? 0 : view.getUint16(subtable),
      hmtx: hmtx?.offset ?? 0,
      numberOfHMetrics: hmtx ? view.getUint16(hhea.offset + 34) : 0,
    },
  };
}

/** The glyph a code point maps to (0: none), by binary search in the cmap subtable. */
function glyphOf(view: DataView, m: FontMetricsIndex, cp: number): number {
  const at = m.cmapSubtable;
  if (m.cmapFormat === 12) {
    let lo = 0;
    let hi = view.getUint32(at + 12) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const rec = at + 16 + mid * 12;
      const start = view.getUint32(rec);
      const end = view.getUint32(rec + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return view.getUint32(rec + 8) + (cp - start);
    }
    return 0;
  }
  if (m.cmapFormat !== 4 || cp > 0xffff) return 0;
  const segX2 = view.getUint16(at + 6);
  const endCodes = at + 14;
  const startCodes = endCodes + segX2 + 2;
  const idDeltas = startCodes + segX2;
  const idRangeOffsets = idDeltas + segX2;
  let lo = 0;
  let hi = segX2 / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.getUint16(endCodes + mid * 2) < cp) lo = mid + 1;
    else hi = mid;
  }
  const start = view.getUint16(startCodes + lo * 2);
  if (cp < start || cp > view.getUint16(endCodes + lo * 2)) return 0;
  const delta = view.getInt16(idDeltas + lo * 2);
  const rangeOffsetPos = idRangeOffsets + lo * 2;
  const rangeOffset = view.getUint16(rangeOffsetPos);
  if (rangeOffset === 0) return (cp + delta) & 0xffff;
  const glyphPos = rangeOffsetPos + rangeOffset + (cp - start) * 2;
  if (glyphPos + 2 > view.byteLength) return 0;
  const glyph = view.getUint16(glyphPos);
  return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
}

/**
 * The advance width of a code point's glyph in font units (hmtx; glyphs past numberOfHMetrics take
 * the last advance), or undefined when the font has no glyph for it or no horizontal metrics.
 */
export function advanceWidth(bytes: Uint8Array, face: FontFaceInfo, codePoint: number): number | undefined {
  const m = face.metrics;
  if (m.numberOfHMetrics === 0 || m.cmapFormat === 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glyph = glyphOf(view, m, codePoint);
  if (glyph === 0) return undefined;
  const index = Math.min(glyph, m.numberOfHMetrics - 1);
  return view.getUint16(m.hmtx + index * 4);
}

export function coverageHas(coverage: Uint32Array, codePoint: number): boolean {
  return ((coverage[codePoint >>> 5] ?? 0) & (1 << (codePoint & 31))) !== 0;
}
