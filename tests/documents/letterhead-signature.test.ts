/**
 * The printed page as GB/T 9704-2012 places it, read back from the rendered PDF: the red 发文机关标志
 * on ONE line for the longest office names we know (7.2.4), and 署名 / 成文日期 per 7.3.5.1 — the date
 * 右空四字, the name centred over the date — measured from pdftotext's word boxes.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/documents/build';
import { CHAR, PAGE, TEXT_WIDTH } from '../../shared/documents/layout';
import { fitOneLine } from '../../shared/documents/measure';
import { PRESET_LY_2020 } from '../../shared/rules/presets';
import { DEMO_OFFICE } from '../../renderer/src/desk/demo';
import { renderUnits } from '../../renderer/src/documents/engine';
import { listingInput, nodeFontRegistry, nodePdfMake, OFFICE, sealPngDataUrl } from './fixtures';
import { pageRgb, pageWords, pdfPages, pdfText } from './pdf-tools';

const META = { title: '版式', author: OFFICE.name, creationDate: '2026-11-22' };
const NUMBER = { prefix: '某发改信用', year: 2026, seq: 15 };

async function render(office: typeof OFFICE): Promise<Uint8Array> {
  const unit = buildDocument(listingInput({ office }), NUMBER);
  return (await renderUnits(nodePdfMake(), nodeFontRegistry(), [unit], META)).bytes;
}

/** Rows (top to bottom) of the first page that carry red ink, grouped into bands of consecutive rows. */
function redBands(bytes: Uint8Array, dpi: number): { top: number; bottom: number }[] {
  const { width, height, rgb } = pageRgb(bytes, 1, dpi);
  const bands: { top: number; bottom: number }[] = [];
  for (let y = 0; y < height; y++) {
    let red = false;
    for (let x = 0; x < width && !red; x++) {
      const i = (y * width + x) * 3;
      red = rgb[i]! > 150 && rgb[i + 1]! < 110 && rgb[i + 2]! < 110;
    }
    if (!red) continue;
    const last = bands.at(-1);
    if (last && last.bottom === y - 1) last.bottom = y;
    else bands.push({ top: y, bottom: y });
  }
  return bands;
}

const LONGEST_REAL = `${PRESET_LY_2020.issuer}文件`; // 凌源市社会信用体系建设工作领导小组办公室文件, 21 characters
const DEMO = DEMO_OFFICE.letterhead!;
const EXTREME = '黑龙江省某某市某某县社会信用体系建设工作领导小组办公室文件'; // 28 characters: needs condensing

describe('发文机关标志 on one line (GB/T 9704-2012 7.2.4)', () => {
  it.each([
    ['the longest real office name', LONGEST_REAL],
    ['the demo office', DEMO],
    ['an extreme name that must be condensed', EXTREME],
    ['a short name (kept at full size)', '某某县发展和改革局文件'],
  ])('%s: one line inside the 版心, one red band above the rule', async (_label, mark) => {
    const bytes = await render({ ...OFFICE, letterhead: mark });
    const first = pdfText(bytes, { first: 1, last: 1, layout: true })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(first[0]!.replace(/\s+/g, '')).toBe(mark);
    expect(first[1]).toBe('某发改信用〔2026〕15号');
    const words = pageWords(bytes, 1).filter((w) => mark.includes(w.word) && w.word.length > 1);
    const left = Math.min(...words.map((w) => w.xMin));
    const right = Math.max(...words.map((w) => w.xMax));
    expect(left).toBeGreaterThanOrEqual(PAGE.marginLeft - 0.5);
    expect(right).toBeLessThanOrEqual(PAGE.marginLeft + TEXT_WIDTH + 0.5);
    expect(Math.abs((left + right) / 2 - (PAGE.marginLeft + TEXT_WIDTH / 2))).toBeLessThan(2); // centred
    // Rasterised: the mark is one band of red rows (one line of ≤ 30 pt glyphs), then the red rule.
    const dpi = 72;
    const bands = redBands(bytes, dpi);
    expect(bands).toHaveLength(2);
    expect(bands[0]!.bottom - bands[0]!.top + 1).toBeLessThanOrEqual(32);
    expect(bands[1]!.bottom - bands[1]!.top + 1).toBeLessThanOrEqual(3);
  });

  it('keeps a short name at full size and spacing, sets a long one smaller, condenses only below 2号', () => {
    const spec = { width: 400, maxSize: 30, minSize: 22, spacing: 2, maxCondense: 0.12 };
    expect(fitOneLine(10, 10, spec)).toEqual({ fontSize: 30, characterSpacing: 2 });
    expect(fitOneLine(16, 16, spec)).toEqual({ fontSize: 25, characterSpacing: 0 });
    const condensed = fitOneLine(20, 20, spec);
    expect(condensed.fontSize).toBe(22);
    expect(condensed.characterSpacing).toBeLessThan(0);
    expect(22 * 20 + condensed.characterSpacing * 19).toBeLessThanOrEqual(400);
    const tiny = fitOneLine(40, 40, spec);
    expect(tiny.fontSize).toBeLessThan(22);
    expect(tiny.fontSize * 40 + tiny.characterSpacing * 39).toBeLessThanOrEqual(400);
  });
});

describe('署名 and 成文日期 (GB/T 9704-2012 7.3.5.1)', () => {
  const DATE = '2026年11月22日';
  const dateRight = PAGE.marginLeft + TEXT_WIDTH - 4 * CHAR;

  it.each([
    ['a name longer than the date, no seal', '某某县发展和改革局', undefined],
    ['a name shorter than the date, no seal', '某某县信用办', undefined],
    ['a name with the seal image', '某某县发展和改革局', sealPngDataUrl()],
  ])('%s: date 右空四字, name centred over it', async (_label, name, sealImage) => {
    const bytes = await render({ ...OFFICE, name, ...(sealImage ? { sealImage } : {}) });
    const pages = pdfPages(bytes);
    const page = pages.findLastIndex((p) => p.includes(DATE)) + 1;
    const words = pageWords(bytes, page);
    const date = words.findLast((w) => w.word === DATE)!;
    const signed = words.findLast((w) => w.word === name)!;
    expect(date, 'date printed').toBeDefined();
    expect(signed, 'name printed on one line').toBeDefined();
    expect(Math.abs(date.xMax - dateRight)).toBeLessThan(1.5);
    expect(Math.abs((signed.xMin + signed.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1.5);
    expect(signed.yMin).toBeLessThan(date.yMin); // the name is above the date
  });

  it('a name too long to centre over a date 右空四字 stays centred and ends at the 版心 edge; the date moves left', async () => {
    const name = DEMO_OFFICE.name; // 示例县社会信用体系建设领导小组办公室（演示）
    const bytes = await render({ ...OFFICE, name, sealImage: sealPngDataUrl() });
    const page = pdfPages(bytes).findLastIndex((p) => p.includes(DATE)) + 1;
    const words = pageWords(bytes, page);
    const date = words.findLast((w) => w.word === DATE)!;
    const signed = words.findLast((w) => w.word === name)!;
    expect(signed, 'name printed on one line').toBeDefined();
    expect(Math.abs(signed.xMax - (PAGE.marginLeft + TEXT_WIDTH))).toBeLessThan(1.5);
    expect(date.xMax).toBeLessThan(dateRight);
    expect(Math.abs((signed.xMin + signed.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(1.5);
  });
});
