/**
 * Rendered PDFs, read back with poppler: the required elements, the number, the dates and the
 * deadlines that came from the input are in the text; pages are not empty; each unit starts on
 * an odd page; page numbers sit right on odd pages and left on even pages; same input, same bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, serviceProofFor } from '../../shared/documents/build';
import { engineRenderer } from '../../renderer/src/documents/engine';
import { renderUnits } from '../../renderer/src/documents/engine';
import type { ObjectionDecisionInput, RemovalDecisionInput, PriorNoticeInput } from '../../shared/documents/types';
import { COMPANY, legacyRepairNoticeInput, listingInput, nodeFontRegistry, nodePdfMake, OFFICE, sealPngDataUrl } from './fixtures';
import { inkPerPage, pageWords, pdfFonts, pdfPages, pdfText, writeTemp } from './pdf-tools';
import { execFileSync } from 'node:child_process';

const META = { title: '测试', author: OFFICE.name, creationDate: '2026-11-22' };

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('listing decision with its 信用修复告知书 as 附件, + 送达回证 (两书同达) in one PDF', () => {
  let bytes: Uint8Array;
  let ranges: { name: string; first: number; last: number }[];
  let proofText: string;

  beforeAll(async () => {
    const decision = buildDocument(listingInput(), { prefix: '某发改信用', year: 2026, seq: 15 });
    const proof = serviceProofFor([decision], OFFICE.name, COMPANY.name, { place: '某某县工业园区8号' });
    proofText = JSON.stringify(proof.content);
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), [decision, proof], META);
    bytes = out.bytes;
    ranges = out.ranges;
  });

  it('states the five required elements with the values from the input', () => {
    const text = squash(pdfText(bytes));
    for (const heading of ['一、列入理由', '二、列入依据', '三、列入期限', '五、移出条件和程序', '六、救济途径']) expect(text).toContain(heading);
    expect(text).toContain('使用不合格钢筋'); // 理由
    expect(text).toContain('国办发〔2020〕49号'); // 依据
    expect(text).toContain('列入名单的期限为三年，自2026年11月22日起算，至2029年11月22日届满（按《某某省社会信用条例》第三十七条计算；开始的当日不计入，到期月的对应日为期间的最后一日（《中华人民共和国民法典》第二百零一条、第二百零二条））'); // 期限
    expect(text).toContain('列入名单满一年的，可以向本机关申请提前移出'); // 移出条件
    expect(text).toContain('60日内向某某县人民政府申请行政复议'); // 救济途径
    expect(text).toContain('六个月内依法向某某县人民法院提起行政诉讼');
    expect(text).toContain('限制参与政府投资项目的招标投标。实施期限：自2026年11月22日至2029年11月21日'); // measures + periods
    expect(text).toContain('信用中国'); // repair route
  });

  it('prints the number once, the 附件说明, and the attachment with the repair dates on a page headed 附件', () => {
    const text = squash(pdfText(bytes));
    expect(text.match(/某发改信用〔2026〕\d+号/g)).toEqual(['某发改信用〔2026〕15号', '某发改信用〔2026〕15号']); // head and 送达回证
    expect(text).toContain('附件：信用修复告知书');
    expect(text).toContain('自2027年11月23日起可以申请信用修复');
    expect(text).toContain('最长公示至2029年11月22日');
    expect(text).not.toMatch(/\{\{\w+\}\}/);
    const pages = pdfPages(bytes).slice(ranges[0]!.first - 1, ranges[0]!.last);
    const attachmentPage = pages.findIndex((p) => squash(p).startsWith('附件信用修复告知书'));
    expect(attachmentPage).toBeGreaterThan(0);
    expect(squash(pages[attachmentPage - 1]!)).toContain('附件：信用修复告知书');
  });

  it('has a 送达回证 naming the decision with its attachment, and all its fields', () => {
    const proofPage = squash(pdfPages(bytes)[ranges[1]!.first - 1]!);
    for (const field of ['送达回证', '送达单位', '受送达人', '送达时间', '送达地点', '送达方式', '收件人', '与受送达人的关系', '见证人', '送达人', '备注']) {
      expect(proofPage).toContain(field);
    }
    // the form's two columns interleave in the extracted text: check the cell as built, and the page
    expect(proofText).toContain('《列入严重失信主体名单决定书》（附件：《信用修复告知书》）某发改信用〔2026〕15号');
    expect(proofPage).toContain('《列入严重失信主体名单决定书》（附件：《信用修');
    expect(proofPage).toContain('某发改信用〔2026〕15号');
  });

  it('starts every unit on an odd page and leaves only the padding pages blank', () => {
    expect(ranges.map((r) => r.name)).toEqual(['列入严重失信主体名单决定书', '送达回证']);
    for (const r of ranges) expect(r.first % 2).toBe(1);
    const ink = inkPerPage(bytes);
    const content = new Set(ranges.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i)));
    ink.forEach((share, index) => {
      if (content.has(index + 1)) expect(share, `page ${index + 1} is empty`).toBeGreaterThan(0.0002);
      else expect(share, `padding page ${index + 1}`).toBe(0);
    });
  });

  it('numbers pages “— n —” per document, odd right and even left, none on the 回证', () => {
    const pages = pdfPages(bytes);
    const decision = ranges[0]!;
    expect(decision.last).toBeGreaterThanOrEqual(2);
    for (let p = decision.first; p <= decision.last; p++) {
      const local = p - decision.first + 1;
      expect(pages[p - 1]).toMatch(new RegExp(`—\\s*${local}\\s*—`));
      const dashes = pageWords(bytes, p).filter((w) => w.word === '—');
      expect(dashes.length).toBe(2);
      if (local % 2 === 1) expect(dashes[0]!.xMin).toBeGreaterThan(400);
      else expect(dashes[1]!.xMax).toBeLessThan(200);
    }
    expect(pages[ranges[1]!.first - 1]).not.toContain('—');
  });

  it('sets 28 characters per line: full lines of Chinese text hold exactly 28', () => {
    const decision = ranges[0]!;
    const lines = pdfText(bytes, { first: decision.first, last: decision.last }).split('\n').map((l) => l.trim());
    const cjkOnly = lines.filter((l) => l.length > 0 && /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef《》“”、]+$/u.test(l));
    const longest = Math.max(...cjkOnly.map((l) => Array.from(l).length));
    expect(longest).toBe(28);
  });

  it('keeps body pages within 22 lines', () => {
    const pages = pdfPages(bytes);
    const second = pages[1]!.split('\n').filter((l) => l.trim() && !/^—\s*\d+\s*—$/.test(l.trim()));
    expect(second.length).toBeLessThanOrEqual(22);
    expect(second.length).toBeGreaterThanOrEqual(19);
  });

  it('embeds subsets of the bundled fonts', () => {
    const fonts = pdfFonts(bytes);
    expect(fonts).toContain('NotoSerifSC-Regular');
    expect(fonts).toContain('SourceHanSansSC-Bold');
  });
});

describe('the other document kinds', () => {
  it('renders 事先告知书 with the statement period and deadline', async () => {
    const input: PriorNoticeInput = {
      kind: 'prior-notice',
      listType: 'severe_dishonesty_list',
      office: OFFICE,
      subject: COMPANY,
      date: '2026-11-02',
      facts: '你单位拒不履行行政处罚决定。',
      basis: '《某某省社会信用条例》第二十八条。',
      intendedMeasures: [],
      statementDeadline: '2026-11-09',
      statementPeriodText: '5个工作日',
    };
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), [buildDocument(input, { prefix: '某发改信用告', year: 2026, seq: 3 })], META);
    const text = squash(pdfText(out.bytes));
    expect(text).toContain('列入严重失信主体名单事先告知书');
    expect(text).toContain('5个工作日内（即2026年11月9日前）');
    expect(text).toContain('陈述和申辩');
    expect(text).toContain('某发改信用告〔2026〕3号');
  });

  it('renders 异议处理决定书 with the reasons when not adopted, and 移出决定书', async () => {
    const objection: ObjectionDecisionInput = {
      kind: 'objection-decision',
      office: OFFICE,
      subject: COMPANY,
      date: '2026-12-01',
      receivedDate: '2026-11-25',
      objectionSummary: '认为罚款已缴纳，不应列入。',
      findings: '罚款已缴纳，但责令改正事项未完成。',
      outcome: 'rejected',
      reasons: '责令改正事项至今未完成，列入条件仍然成立。',
    };
    const removal: RemovalDecisionInput = {
      kind: 'removal-decision',
      listType: 'severe_dishonesty_list',
      office: OFFICE,
      subject: COMPANY,
      date: '2029-11-22',
      listingNumber: '某发改信用〔2026〕15号',
      listingDate: '2026-11-22',
      reason: 'expired',
      reasonText: '你单位列入名单的有效期已于2029年11月21日届满。',
      removalDate: '2029-11-22',
    };
    const units = [buildDocument(objection, { prefix: '某发改信用异', year: 2026, seq: 2 }), buildDocument(removal, { prefix: '某发改信用移', year: 2029, seq: 1 })];
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), units, META);
    const text = squash(pdfText(out.bytes));
    expect(text).toContain('本机关决定不予采纳你（单位）的异议，理由如下：责令改正事项至今未完成');
    expect(text).toContain('自2029年11月22日起将你（单位）移出严重失信主体名单');
    expect(text).toContain('某发改信用〔2026〕15号');
  });

  it('titles, intro sentences and list names follow the case\'s list: 失信名单 for an ordinary case', async () => {
    const ordinary = buildDocument(listingInput({ listType: 'dishonesty_list' }), { prefix: '某发改信用', year: 2026, seq: 17 });
    const removal = buildDocument({ kind: 'removal-decision', listType: 'dishonesty_list', office: OFFICE, subject: COMPANY, date: '2029-11-23', listingNumber: '某发改信用〔2026〕17号', listingDate: '2026-11-22', reason: 'expired', reasonText: '列入期限已届满。', removalDate: '2029-11-23' }, { prefix: '某发改信用移', year: 2029, seq: 2 });
    expect([ordinary.name, removal.name]).toEqual(['列入失信名单决定书', '移出失信名单决定书']);
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), [ordinary, removal], META);
    const text = squash(pdfText(out.bytes));
    expect(text).toContain('现决定将你（单位）列入失信名单');
    expect(text).toContain('作出《列入失信名单决定书》（某发改信用〔2026〕17号），将你（单位）列入失信名单');
    expect(text).toContain('移出失信名单，停止公示');
    expect(text).not.toContain('列入严重失信主体名单决定书');
    expect(text).not.toContain('将你（单位）列入严重失信主体名单');
  });
});

describe('deterministic output', () => {
  it('gives the same bytes for the same input', async () => {
    const renderer = engineRenderer(nodePdfMake(), nodeFontRegistry());
    const make = () => [buildDocument(listingInput(), { prefix: '某发改信用', year: 2026, seq: 15 })];
    const a = await renderer.render(make(), META);
    const b = await renderer.render(make(), META);
    expect(a.sha256).toBe(b.sha256);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = await renderer.render([buildDocument(listingInput(), { prefix: '某发改信用', year: 2026, seq: 16 })], META);
    expect(c.sha256).not.toBe(a.sha256);
  });
});

describe('units are plain data for the worker', () => {
  it('survives structured cloning (no functions in any kind)', () => {
    const decision = buildDocument(listingInput(), { prefix: '某发改信用', year: 2026, seq: 15 });
    const units = [decision, buildDocument(legacyRepairNoticeInput(decision.numberText), { prefix: 'X', year: 2026, seq: 1 }, { kind: 'repair-notice', version: 1, paragraphs: { intro: '本机关已于{{decisionDate}}作出《{{decisionName}}》（{{decisionNumber}}）。' } }), serviceProofFor([decision], OFFICE.name, COMPANY.name)];
    expect(structuredClone(units)).toEqual(units);
  });
});

describe('red letterhead and seal image', () => {
  it('prints the red 发文机关标志 with the number under it, and the seal over 署名 and 日期', async () => {
    const office = { ...OFFICE, letterhead: '某某县发展和改革局文件', sealImage: sealPngDataUrl() };
    const unit = buildDocument(listingInput({ office }), { prefix: '某发改信用', year: 2026, seq: 15 });
    const out = await renderUnits(nodePdfMake(), nodeFontRegistry(), [unit], META);
    const pages = pdfPages(out.bytes);
    expect(pages[0]!.split('\n').filter((l) => l.trim()).slice(0, 3)).toEqual(['某某县发展和改革局文件', '某发改信用〔2026〕15号', '列入严重失信主体名单决定书']);
    const last = pages.findLast((p) => p.includes('2026年11月22日'))!;
    expect(last.match(/某某县发展和改革局/g)).toHaveLength(1);
    expect(last).toContain('2026年11月22日');
    const images = execFileSync('pdfimages', ['-list', writeTemp(out.bytes)], { encoding: 'utf8' });
    expect(images.split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l))).toHaveLength(1);
  });
});
