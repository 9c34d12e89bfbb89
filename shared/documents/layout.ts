/**
 * GB/T 9704-2012《党政机关公文格式》 page geometry and the building blocks of a Chinese official
 * document. Builders emit pdfmake nodes whose `font` is a ROLE ('body', 'title',
 * 'heading'); `applyFonts` (glyphs.ts) later maps roles to real font families per character
 * and turns `pitch` (the wanted line pitch in points) into pdfmake's `lineHeight` factor.
 */

/** A pdfmake content node, kept loose here: shared/ does not depend on pdfmake's types. */
export type DocNode = { [key: string]: unknown };

import type { OneLineSpec, SignatureSpec } from './measure';

export type FontRole = 'body' | 'title' | 'heading';

export const MM = 72 / 25.4;

export const PAGE = {
  /** A4 in points. */
  width: 210 * MM,
  height: 297 * MM,
  /** 天头 37, 订口 28, right 26, bottom 35 (mm) → 版心 156 × 225 mm. */
  marginTop: 37 * MM,
  marginLeft: 28 * MM,
  marginRight: 26 * MM,
  marginBottom: 35 * MM,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight; // 156 mm
export const TEXT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom; // 225 mm

/** 3号 = 16 pt; 2号 = 22 pt; 4号 = 14 pt. */
export const SIZE = { body: 16, title: 22, pageNumber: 14, letterhead: 30 } as const;

/** 22 lines per page: the line pitch that fills the 版心 exactly. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE = TEXT_HEIGHT / LINES_PER_PAGE;
/** One character cell (28 per line): 156 mm / 28 = 15.79 pt. */
export const CHAR = TEXT_WIDTH / CHARS_PER_LINE;
/**
 * Body text size on the 28-character grid. 3号 is 16 pt, but 28 × 16 pt = 158 mm overflows the
 * 156 mm 版心; Word/WPS keep 28 per line by compressing the character pitch to the grid. pdfmake
 * breaks Chinese text into one-character pieces and ignores character spacing between them when
 * fitting a line, so the grid is honoured by setting the glyph size to the cell (15.79 pt, 1.3 %
 * under 16 pt) instead.
 */
export const BODY_SIZE = Math.floor(CHAR * 1000) / 1000;

export const RED = '#D7000F';

export function pageMargins(): [number, number, number, number] {
  return [PAGE.marginLeft, PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom];
}

/** A body paragraph: 3号, first line indented two characters, lines on the 22-line grid. */
export function paragraph(text: string, extra: DocNode = {}): DocNode {
  return { text, font: 'body', fontSize: BODY_SIZE, pitch: LINE, leadingIndent: 2 * CHAR, alignment: 'justify', ...extra };
}

/** A line flush left (顶格), e.g. the 主送 line. */
export function flushLine(text: string, extra: DocNode = {}): DocNode {
  return { text, font: 'body', fontSize: BODY_SIZE, pitch: LINE, ...extra };
}

/** 一、 level heading (黑体), indented two characters like a paragraph. */
export function heading(text: string): DocNode {
  return { text, font: 'heading', fontSize: BODY_SIZE, pitch: LINE, leadingIndent: 2 * CHAR };
}

export function blankLines(n: number): DocNode {
  return { text: ' ', font: 'body', fontSize: BODY_SIZE, pitch: LINE * n };
}

/** 标题: 2号, centred; each given line is its own line (梯形 arrangement is the caller's split). */
export function title(lines: readonly string[]): DocNode {
  return { stack: lines.map((line) => ({ text: line, font: 'title', fontSize: SIZE.title, pitch: LINE * 1.25, alignment: 'center' })) };
}

/**
 * Optional red 版头 (GB/T 9704-2012 7.2.4 发文机关标志, 7.2.5 发文字号, 7.2.7 分隔线): the 发文机关标志 centred
 * on ONE line — a long office name is set smaller, then condensed, never broken (measure.ts fits it with
 * the font's metrics) —, the 发文字号 two lines below, the red rule 4 mm under the number.
 */
export function letterhead(mark: string, numberText: string): DocNode[] {
  const fit: OneLineSpec = { text: mark, role: 'title', width: TEXT_WIDTH, maxSize: SIZE.letterhead, minSize: SIZE.title, spacing: 2, maxCondense: 0.12 };
  return [
    { oneLine: fit, pitch: LINE * 2, alignment: 'center', color: RED },
    blankLines(1),
    { text: numberText, font: 'body', fontSize: BODY_SIZE, pitch: LINE, alignment: 'center' },
    { canvas: [{ type: 'line', x1: 0, y1: 4 * MM, x2: TEXT_WIDTH, y2: 4 * MM, lineWidth: 1.2, lineColor: RED }], margin: [0, 0, 0, LINE] },
  ];
}

/**
 * 署名 and 成文日期 with the seal area free above them, or the seal image over both (GB/T 9704-2012
 * 7.3.5.1): the date 右空四字, the office name centred over the date. Placed from the measured widths
 * once the fonts are known (measure.ts `signatureNodes`).
 */
export function signature(officeName: string, dateText: string, sealImage?: string): DocNode {
  const spec: SignatureSpec = { name: officeName, date: dateText, ...(sealImage ? { sealImage } : {}) };
  return { signatureBlock: spec };
}

/** The page number footer "— n —": 4号, 7 mm below the 版心; odd pages right, even pages left, 空一字. */
export function pageNumberNode(localPage: number): DocNode {
  const odd = localPage % 2 === 1;
  const space = SIZE.pageNumber; // 一字 of 4号
  return {
    text: `— ${localPage} —`,
    font: 'body',
    fontSize: SIZE.pageNumber,
    pitch: SIZE.pageNumber * 1.4,
    alignment: odd ? 'right' : 'left',
    margin: [PAGE.marginLeft + (odd ? 0 : space), 7 * MM - 4, PAGE.marginRight + (odd ? space : 0), 0],
  };
}
