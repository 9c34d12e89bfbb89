/**
 * Per-character font fallback. pdfmake has none: a character missing from the chosen font prints
 * as a box or nothing. `applyFonts` maps each text's font ROLE to the office's chain of real
 * fonts, keeps a text whole when the first font draws every character (the common, fast case),
 * and otherwise splits it into runs, each with the first font of the chain that has the glyph —
 * inline runs of one text node, so the line does not break. A character no font has is
 * reported; issuing is refused with the character named.
 */
import type { DocNode, FontRole } from './layout';

export type FaceCoverage = {
  /** pdfmake family name this face is registered under. */
  family: string;
  has(codePoint: number): boolean;
  /** (ascent − descent) / unitsPerEm: pdfkit's line height per point of font size. */
  lineEm: number;
  /** The glyph's advance width in em (per point of font size); undefined when the font lacks it. */
  advance(codePoint: number): number | undefined;
};

export type FontPlan = {
  /** For each role, the fonts to try in order (first = the chosen font). */
  chains: Readonly<Record<FontRole, readonly FaceCoverage[]>>;
};

export type MissingGlyph = { char: string; codePoint: string; context: string };

const ROLES: readonly string[] = ['body', 'title', 'heading'];

function isRole(value: unknown): value is FontRole {
  return typeof value === 'string' && ROLES.includes(value);
}

/** Characters that never need a glyph (line breaks, joiners). */
function ignorable(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x200b || cp === 0x200d || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

type Ctx = { role: FontRole; fontSize: number; pitch: number | undefined };

type Run = { face: FaceCoverage; text: string };

function lineHeightFor(face: FaceCoverage, ctx: Ctx): number | undefined {
  if (ctx.pitch === undefined) return undefined;
  return ctx.pitch / (face.lineEm * ctx.fontSize);
}

function splitRuns(text: string, chain: readonly FaceCoverage[], missing: MissingGlyph[]): Run[] | undefined {
  const primary = chain[0];
  if (!primary) throw new Error('font chain is empty');
  // Fast path: everything in the primary font.
  let allPrimary = true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!ignorable(cp) && !primary.has(cp)) {
      allPrimary = false;
      break;
    }
  }
  if (allPrimary) return undefined;
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    let face = ignorable(cp) ? primary : chain.find((f) => f.has(cp));
    if (!face) {
      const at = text.indexOf(ch);
      missing.push({ char: ch, codePoint: formatCodePoint(cp), context: text.slice(Math.max(0, at - 8), at + ch.length + 8) });
      face = primary;
    }
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

function resolveText(node: DocNode, ctx: Ctx, plan: FontPlan, missing: MissingGlyph[]): DocNode {
  const chain = plan.chains[ctx.role];
  const primary = chain[0]!;
  const { pitch: _pitch, font: _font, ...rest } = node;
  const base: DocNode = { ...rest, font: primary.family };
  const lh = lineHeightFor(primary, ctx);
  if (lh !== undefined) base.lineHeight = lh;
  const text = node.text;
  if (typeof text === 'string' || typeof text === 'number') {
    const runs = splitRuns(String(text), chain, missing);
    if (!runs) return base;
    base.text = runs.map((r) => {
      const inline: DocNode = { text: r.text, font: r.face.family };
      const rlh = lineHeightFor(r.face, ctx);
      if (rlh !== undefined) inline.lineHeight = rlh;
      return inline;
    });
    return base;
  }
  if (Array.isArray(text)) {
    base.text = text.flatMap((part): DocNode[] => {
      const inline: DocNode = typeof part === 'string' ? { text: part } : (part as DocNode);
      const innerCtx = contextOf(inline, ctx);
      const resolved = resolveText(inline, innerCtx, plan, missing);
      // Flatten one level: pdfmake inlines may not nest arrays deeply.
      return Array.isArray(resolved.text) ? (resolved.text as DocNode[]).map((r) => ({ ...resolved, ...r })) : [resolved];
    });
    return base;
  }
  return base;
}

function contextOf(node: DocNode, parent: Ctx): Ctx {
  return {
    role: isRole(node.font) ? node.font : parent.role,
    fontSize: typeof node.fontSize === 'number' ? node.fontSize : parent.fontSize,
    pitch: typeof node.pitch === 'number' ? node.pitch : parent.pitch,
  };
}

function resolveNode(node: DocNode, parent: Ctx, plan: FontPlan, missing: MissingGlyph[]): DocNode {
  const ctx = contextOf(node, parent);
  if ('text' in node) return resolveText(node, ctx, plan, missing);
  const out: DocNode = { ...node };
  delete out.pitch;
  if (isRole(node.font)) out.font = plan.chains[node.font][0]!.family;
  if (Array.isArray(node.stack)) out.stack = resolveList(node.stack as DocNode[], ctx, plan, missing);
  if (Array.isArray(node.columns)) out.columns = resolveList(node.columns as DocNode[], ctx, plan, missing);
  if (Array.isArray(node.ul)) out.ul = resolveList(node.ul as DocNode[], ctx, plan, missing);
  if (Array.isArray(node.ol)) out.ol = resolveList(node.ol as DocNode[], ctx, plan, missing);
  const table = node.table as { body?: unknown[][] } | undefined;
  if (table && Array.isArray(table.body)) {
    out.table = { ...table, body: table.body.map((row) => resolveList(row as DocNode[], ctx, plan, missing)) };
  }
  return out;
}

function resolveList(nodes: readonly (DocNode | string)[], ctx: Ctx, plan: FontPlan, missing: MissingGlyph[]): DocNode[] {
  return nodes.map((n) => resolveNode(typeof n === 'string' ? { text: n } : n, ctx, plan, missing));
}

export type AppliedFonts = { content: DocNode[]; missing: MissingGlyph[] };

/** Map roles to fonts, split runs per character where needed, and collect undrawable characters. */
export function applyFonts(content: readonly DocNode[], plan: FontPlan, root: Partial<Ctx> = {}): AppliedFonts {
  const missing: MissingGlyph[] = [];
  const ctx: Ctx = { role: root.role ?? 'body', fontSize: root.fontSize ?? 16, pitch: root.pitch };
  const out = resolveList(content, ctx, plan, missing);
  return { content: out, missing };
}

/** Unique missing characters, in first-seen order, for a refusal message. */
export function describeMissing(missing: readonly MissingGlyph[]): string {
  const seen = new Map<string, MissingGlyph>();
  for (const m of missing) if (!seen.has(m.char)) seen.set(m.char, m);
  return Array.from(seen.values(), (m) => `“${m.char}”（${m.codePoint}，见“${m.context}”）`).join('、');
}
