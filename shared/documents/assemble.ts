/**
 * One PDF from one or many units (documents and their 送达回证): every unit starts on an odd page
 * (duplex printing: a document never shares a sheet with another), each document numbers its own
 * pages "— n —" (odd right, even left), and the blank padding pages and the 回证 carry no number.
 *
 * Page ownership is read after layout from the first and last leaf node of each unit: pdfmake
 * records `positions` (with pageNumber) on every laid-out text node and calls the footer only
 * once the whole document is laid out.
 */
import { applyFonts, type FontPlan, type MissingGlyph } from './glyphs';
import { measureWith, resolveMeasured } from './measure';
import { pageMargins, pageNumberNode, PAGE, type DocNode } from './layout';
import type { BuiltUnit } from './build';

export type PdfMeta = {
  title: string;
  author: string;
  subject?: string;
  /** Fixed creation date (ISO date) so the same input gives the same bytes. */
  creationDate: string;
};

export type AssembledPdf = {
  /** The pdfmake document definition (contains a footer function: not serialisable). */
  definition: DocNode;
  missing: MissingGlyph[];
  /** Page ranges per unit, filled during rendering (after layout). */
  pageRanges: () => { name: string; numberText: string; first: number; last: number }[];
  /** Total pages (blank padding included), known once rendered (pdfmake passes it to the footer). */
  pageCount: () => number;
};

type Positioned = { positions?: { pageNumber: number }[] };

function firstLeaf(node: DocNode): DocNode {
  if ('text' in node) return node;
  const children = (node.stack ?? node.columns) as DocNode[] | undefined;
  if (Array.isArray(children) && children.length > 0) {
    for (const child of children) {
      if (typeof child === 'object' && ('text' in child || 'stack' in child || 'columns' in child) && !(child.text === '')) return firstLeaf(child);
    }
  }
  return node;
}

function pageOf(node: DocNode, which: 'first' | 'last'): number | undefined {
  const positions = (node as Positioned).positions;
  if (!positions || positions.length === 0) return undefined;
  return (which === 'first' ? positions[0] : positions[positions.length - 1])?.pageNumber;
}

export function assemblePdf(units: readonly BuiltUnit[], plan: FontPlan, meta: PdfMeta): AssembledPdf {
  if (units.length === 0) throw new Error('nothing to print');
  const missing: MissingGlyph[] = [];
  const content: DocNode[] = [];
  const marks: { unit: BuiltUnit; first: DocNode; last: DocNode }[] = [];
  const measure = measureWith(plan);
  units.forEach((unit, index) => {
    const applied = applyFonts(resolveMeasured(unit.content, measure), plan);
    missing.push(...applied.missing);
    const nodes = applied.content;
    if (nodes.length === 0) return;
    if (index > 0) nodes[0] = { ...nodes[0], pageBreak: 'beforeEven' }; // pdfmake: lands on the next ODD page
    // An end marker outside any unbreakable block: pdfmake records the page of an unbreakable
    // block's first try, not where it was finally placed, so the last real node cannot be used.
    const end: DocNode = { text: ' ', fontSize: 1, lineHeight: 0.01 };
    marks.push({ unit, first: firstLeaf(nodes[0]!), last: end });
    content.push(...nodes, end);
  });

  let ranges: { unit: BuiltUnit; first: number; last: number }[] | undefined;
  const computeRanges = (): { unit: BuiltUnit; first: number; last: number }[] => {
    ranges ??= marks.map((m) => ({ unit: m.unit, first: pageOf(m.first, 'first') ?? 0, last: pageOf(m.last, 'last') ?? pageOf(m.first, 'first') ?? 0 }));
    return ranges;
  };
  const pageNumberCache = new Map<number, DocNode>();
  let totalPages = 0;
  const footer = (currentPage: number, pageCount: number): DocNode | null => {
    totalPages = pageCount;
    const all = computeRanges();
    let owner: { unit: BuiltUnit; first: number; last: number } | undefined;
    for (const r of all) if (r.first > 0 && r.first <= currentPage) owner = r;
    if (!owner || !owner.unit.numbered || currentPage > owner.last) return null;
    const local = currentPage - owner.first + 1;
    let node = pageNumberCache.get(local);
    if (!node) {
      node = applyFonts([pageNumberNode(local)], plan).content[0]!;
      pageNumberCache.set(local, node);
    }
    // pdfmake mutates nodes it lays out: hand it a fresh copy each time.
    return { ...node };
  };

  const [y, m, d] = meta.creationDate.split('-').map(Number) as [number, number, number];
  const definition: DocNode = {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageMargins: pageMargins(),
    content,
    footer,
    defaultStyle: { font: plan.chains.body[0]!.family, fontSize: 16 },
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject ?? meta.title,
      creator: '信用办案台',
      producer: '信用办案台',
      creationDate: new Date(Date.UTC(y, m - 1, d, 0, 0, 0)),
    },
    language: 'zh-CN',
    compress: true,
  };
  return {
    definition,
    missing,
    pageRanges: () => computeRanges().map((r) => ({ name: r.unit.name, numberText: r.unit.numberText, first: r.first, last: r.last })),
    pageCount: () => totalPages,
  };
}
