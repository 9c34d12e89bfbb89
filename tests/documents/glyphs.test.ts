/**
 * Rare characters: a name with 𠮷 (U+20BB7, missing from Noto Serif SC) is drawn by the next font
 * of the chain without breaking the line, and pdftotext reads it back; a character no font has
 * is refused with the character named, before a number is taken.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/documents/build';
import { applyFonts, type FontPlan } from '../../shared/documents/glyphs';
import { paragraph } from '../../shared/documents/layout';
import { BUNDLED_BODY, BUNDLED_FALLBACK, BUNDLED_TITLE, FontRegistry, findMissingGlyphs, MissingGlyphError, needsFallback, renderUnits } from '../../renderer/src/documents/engine';
import { listingInput, nodeFontRegistry, nodePdfMake, COMPANY } from './fixtures';
import { pageWords, pdfFonts, pdfText } from './pdf-tools';

const NO_FONT_CHAR = String.fromCodePoint(0x31350); // CJK Extension H: in neither bundled font
const META = { title: '生僻字', author: '测试', creationDate: '2026-11-22' };

describe('per-character font fallback', () => {
  it('knows which bundled font has which rare character', () => {
    const plan = nodeFontRegistry().plan();
    const [serif, sans, bold] = plan.chains.body;
    expect(serif!.family).toBe(BUNDLED_BODY);
    expect(sans!.family).toBe(BUNDLED_FALLBACK);
    expect(bold!.family).toBe(BUNDLED_TITLE);
    expect(serif!.has(0x20bb7)).toBe(false);
    expect(sans!.has(0x20bb7)).toBe(true);
    for (const ch of '堃喆玥') expect(serif!.has(ch.codePointAt(0)!)).toBe(true);
    expect(serif!.has(0x31350) || sans!.has(0x31350)).toBe(false);
  });

  it('keeps a fully covered text whole and splits only around the rare character', () => {
    const plan = nodeFontRegistry().plan();
    const plain = applyFonts([paragraph('王堃、张喆、李玥')], plan);
    expect(plain.content[0]!.text).toBe('王堃、张喆、李玥');
    expect(plain.content[0]!.font).toBe(BUNDLED_BODY);
    const rare = applyFonts([paragraph('法定代表人：𠮷祥，电话')], plan);
    expect(rare.missing).toEqual([]);
    expect(rare.content[0]!.text).toEqual([
      { text: '法定代表人：', font: BUNDLED_BODY, lineHeight: expect.any(Number) },
      { text: '𠮷', font: BUNDLED_FALLBACK, lineHeight: expect.any(Number) },
      { text: '祥，电话', font: BUNDLED_BODY, lineHeight: expect.any(Number) },
    ]);
  });

  it('renders 𠮷, 堃, 喆, 玥 in a name and pdftotext reads them back on one line', async () => {
    const input = listingInput({ subject: { ...COMPANY, name: '𠮷祥物流有限公司', legalRepresentative: '王堃（副职：张喆、李玥）' } });
    const unit = buildDocument(input, { prefix: '某发改信用', year: 2026, seq: 7 });
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), [unit], META);
    const text = pdfText(out.bytes);
    expect(text).toContain('𠮷祥物流有限公司：');
    expect(text).toContain('王堃（副职：张喆、李玥）');
    expect(pdfFonts(out.bytes)).toContain('SourceHanSansSC-Regular');
    // the fallback run sits on the same baseline row as the rest of the name
    const words = pageWords(out.bytes, 1).filter((w) => w.word.includes('𠮷') || w.word.includes('祥物流'));
    expect(words.length).toBeGreaterThan(0);
    const rows = new Set(words.map((w) => Math.round(w.yMin / 5)));
    expect(rows.size).toBe(1);
  });

  it('knows when the lazily loaded fallback font is needed, and uses the bold font until it is loaded', () => {
    const plain = buildDocument(listingInput(), { prefix: '某发改信用', year: 2026, seq: 7 });
    const rare = buildDocument(listingInput({ subject: { ...COMPANY, name: '𠮷祥物流有限公司' } }), { prefix: '某发改信用', year: 2026, seq: 7 });
    expect(needsFallback([plain], nodeFontRegistry())).toBe(false);
    expect(needsFallback([rare], nodeFontRegistry())).toBe(true);
    const withoutLazy = new FontRegistry();
    for (const f of nodeFontRegistry().list()) if (f.family !== BUNDLED_FALLBACK) withoutLazy.add(f);
    const applied = applyFonts([paragraph('𠮷祥')], withoutLazy.plan());
    expect((applied.content[0]!.text as { font: string }[])[0]!.font).toBe(BUNDLED_TITLE);
  });

  it('refuses, naming the character, when no font draws it', async () => {
    const input = listingInput({ subject: { ...COMPANY, name: `${NO_FONT_CHAR}记商行` } });
    const unit = buildDocument(input, { prefix: '某发改信用', year: 2026, seq: 8 });
    const missing = findMissingGlyphs([unit], nodeFontRegistry());
    expect(missing[0]).toMatchObject({ char: NO_FONT_CHAR, codePoint: 'U+31350' });
    const error = await renderUnits(nodePdfMake(), nodeFontRegistry(), [unit], META).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGlyphError);
    expect((error as MissingGlyphError).messageZh).toContain(`“${NO_FONT_CHAR}”（U+31350`);
  });

  it('reports no missing glyph for a plan whose chain covers everything', () => {
    const plan: FontPlan = { chains: { body: [{ family: 'All', has: () => true, lineEm: 1.4, advance: () => 1 }], title: [{ family: 'All', has: () => true, lineEm: 1.4, advance: () => 1 }], heading: [{ family: 'All', has: () => true, lineEm: 1.4, advance: () => 1 }] } };
    expect(applyFonts([paragraph(NO_FONT_CHAR)], plan).missing).toEqual([]);
  });
});

describe('office system fonts (TrueType collections such as simsun.ttc)', () => {
  it('uses a chosen system font for the body, with the bundled fonts behind it', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const ttc = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'; // Debian fonts-noto-cjk, stands in for simsun.ttc
    expect(existsSync(ttc), 'fonts-noto-cjk is installed').toBe(true);
    const { FontRegistry, loadFont } = await import('../../renderer/src/documents/engine');
    const base = nodeFontRegistry();
    const registry = new FontRegistry();
    for (const f of base.list()) registry.add(f);
    const system = loadFont('SysSong', '宋体（本机）', 'system', new Uint8Array(readFileSync(ttc)));
    expect(system.collectionFace).toBeTruthy();
    registry.add(system);
    const choice = { body: ['SysSong'], title: [BUNDLED_TITLE], heading: [BUNDLED_TITLE] };
    const unit = buildDocument(listingInput({ subject: { ...COMPANY, name: '𠮷祥物流有限公司' } }), { prefix: '某发改信用', year: 2026, seq: 9 });
    const out = await renderUnits(nodePdfMake(), registry, [unit], META, { choice });
    expect(pdfFonts(out.bytes)).toContain('NotoSerifCJK');
    expect(pdfText(out.bytes)).toContain('𠮷祥物流有限公司');
  });
});
