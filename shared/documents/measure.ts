/**
 * Layout that depends on the width of a text in the fonts actually used. Builders run without
 * fonts (their units are plain data sent to the PDF worker), so they emit SPEC nodes — a line that
 * must fit on one line (`oneLine`), the 署名 and 成文日期 block (`signatureBlock`) — and
 * `resolveMeasured`, run where the fonts are loaded (assemble.ts), turns them into ordinary nodes
 * placed from the glyphs' advance widths (the fonts' hmtx tables, as pdfkit measures them).
 */
import type { FaceCoverage, FontPlan } from './glyphs';
import { BODY_SIZE, CHAR, LINE, MM, TEXT_WIDTH, type DocNode, type FontRole } from './layout';

/** Width in points of `text` set in the font chain of `role` at `fontSize` (no character spacing). */
export type Measure = (text: string, role: FontRole, fontSize: number) => number;

function faceFor(chain: readonly FaceCoverage[], cp: number): FaceCoverage {
  return chain.find((f) => f.has(cp)) ?? chain[0]!;
}

/** Each character in the first font of the chain that draws it (as glyphs.ts assigns fonts). */
export function measureWith(plan: FontPlan): Measure {
  return (text, role, fontSize) => {
    const chain = plan.chains[role];
    let em = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x0a || cp === 0x0d || cp === 0x200b || cp === 0xfeff) continue;
      em += faceFor(chain, cp).advance(cp) ?? 1;
    }
    return em * fontSize;
  };
}

/**
 * A line that must not break. It is set at `maxSize` with `spacing` between characters when that
 * fits `width`; otherwise the spacing goes and the size is reduced, down to `minSize`; below that
 * the characters are condensed (negative spacing, at most `maxCondense` em), and only then is the
 * size reduced further. The result always fits `width` on one line.
 */
export type OneLineSpec = { text: string; role: FontRole; width: number; maxSize: number; minSize: number; spacing: number; maxCondense: number };

export type OneLineFit = { fontSize: number; characterSpacing: number };

const down = (value: number): number => Math.floor(value * 100) / 100;

/** `em`: the text's width at 1 pt; `count`: its characters (spacing falls between them). */
export function fitOneLine(em: number, count: number, spec: Omit<OneLineSpec, 'text' | 'role'>): OneLineFit {
  const gaps = Math.max(0, count - 1);
  const width = (size: number, spacing: number) => size * em + spacing * gaps;
  if (em <= 0 || width(spec.maxSize, spec.spacing) <= spec.width) return { fontSize: spec.maxSize, characterSpacing: spec.spacing };
  const plain = spec.width / em;
  if (plain >= spec.minSize) return { fontSize: down(Math.min(plain, spec.maxSize)), characterSpacing: 0 };
  if (gaps > 0) {
    const condense = (spec.width - spec.minSize * em) / gaps;
    if (condense >= -spec.maxCondense * spec.minSize) return { fontSize: spec.minSize, characterSpacing: Math.floor(condense * 100) / 100 };
  }
  const size = down(spec.width / (em - spec.maxCondense * gaps));
  return { fontSize: size, characterSpacing: gaps > 0 ? -Math.ceil(spec.maxCondense * size * 100) / 100 : 0 };
}

/** 署名 and 成文日期 (and the seal image, if any): see `signatureNodes`. */
export type SignatureSpec = { name: string; date: string; sealImage?: string };

const SEAL_SIZE = 42 * MM;

/**
 * GB/T 9704-2012 7.3.5.1: the 成文日期 右空四字; the 发文机关署名 centred over the date (以成文日期为准居中);
 * the seal 居中下压 署名 and 日期 so both sit a little below its centre, its top within one line of the
 * text above. A name too long to be centred over a date 右空四字 inside the 版心 keeps the centring and
 * moves the date left (成文日期 is only 一般 右空四字): the name then ends at the right edge of the 版心.
 */
export function signatureNodes(spec: SignatureSpec, measure: Measure): DocNode {
  const dateWidth = measure(spec.date, 'body', BODY_SIZE);
  const nameWidth = measure(spec.name, 'body', BODY_SIZE);
  const dateIndent = Math.max(4 * CHAR, (nameWidth - dateWidth) / 2);
  const centre = TEXT_WIDTH - dateIndent - dateWidth / 2;
  const nameLeft = Math.max(0, centre - nameWidth / 2);
  const line = { font: 'body', fontSize: BODY_SIZE, pitch: LINE, noWrap: true };
  const date: DocNode = { text: spec.date, ...line, alignment: 'right', margin: [0, 0, dateIndent, 0] };
  if (!spec.sealImage) {
    // Two free lines above the 署名 for the seal stamped by hand.
    return { unbreakable: true, stack: [{ text: ' ', font: 'body', fontSize: BODY_SIZE, pitch: LINE * 2 }, { text: spec.name, ...line, margin: [nameLeft, 0, 0, 0] }, date] };
  }
  // No relative positioning: pdfmake mis-places relatively positioned nodes inside unbreakable blocks.
  const overlap = 0.55 * SEAL_SIZE; // text lines sit at the top of their line boxes
  const sealLeft = Math.max(0, Math.min(centre - SEAL_SIZE / 2, TEXT_WIDTH - SEAL_SIZE));
  return {
    unbreakable: true,
    stack: [
      { text: ' ', font: 'body', fontSize: BODY_SIZE, pitch: LINE * 0.5 },
      { image: spec.sealImage, width: SEAL_SIZE, height: SEAL_SIZE, margin: [sealLeft, 0, 0, 0] },
      { text: spec.name, ...line, margin: [nameLeft, -overlap, 0, 0] },
      date,
    ],
  };
}

function oneLineNode(node: DocNode, spec: OneLineSpec, measure: Measure): DocNode {
  const { oneLine: _spec, ...rest } = node;
  const fit = fitOneLine(measure(spec.text, spec.role, 1), Array.from(spec.text).length, spec);
  return { ...rest, text: spec.text, font: spec.role, fontSize: fit.fontSize, characterSpacing: fit.characterSpacing, noWrap: true };
}

function resolveNode(node: DocNode, measure: Measure): DocNode {
  if (node.oneLine) return oneLineNode(node, node.oneLine as OneLineSpec, measure);
  if (node.signatureBlock) {
    const { signatureBlock, ...rest } = node;
    return { ...rest, ...signatureNodes(signatureBlock as SignatureSpec, measure) };
  }
  if ('text' in node) return node;
  let out: DocNode | undefined;
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    const list = node[key];
    if (Array.isArray(list)) {
      out ??= { ...node };
      out[key] = list.map((child: unknown) => (typeof child === 'object' && child !== null ? resolveNode(child as DocNode, measure) : child));
    }
  }
  const table = node.table as { body?: unknown[][] } | undefined;
  if (table && Array.isArray(table.body)) {
    out ??= { ...node };
    out.table = { ...table, body: table.body.map((row) => row.map((cell) => (typeof cell === 'object' && cell !== null ? resolveNode(cell as DocNode, measure) : cell))) };
  }
  return out ?? node;
}

/** Replace every spec node by the nodes it stands for, measured with `measure`. */
export function resolveMeasured(content: readonly DocNode[], measure: Measure): DocNode[] {
  return content.map((node) => resolveNode(node, measure));
}
