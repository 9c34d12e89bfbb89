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
};

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

function readCmap(view: DataView, cmapOffset: number, coverage: Uint32Array): void {
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
  if (!best) return;
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
  readCmap(view, cmap.offset, coverage);
  const name = tables.get('name');
  return {
    postscriptName: name ? readName(view, name.offset, 6) : undefined,
    familyName: name ? readName(view, name.offset, 1) : undefined,
    unitsPerEm: view.getUint16(head.offset + 18),
    ascent: view.getInt16(hhea.offset + 4),
    descent: view.getInt16(hhea.offset + 6),
    coverage,
  };
}

export function coverageHas(coverage: Uint32Array, codePoint: number): boolean {
  return ((coverage[codePoint >>> 5] ?? 0) & (1 << (codePoint & 31))) !== 0;
}
