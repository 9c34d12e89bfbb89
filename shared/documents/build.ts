/**
 * Pure builders: document input + template + 文号 → pdfmake content (with font ROLES, see layout.ts).
 * One function per document kind, plus the 送达回证.
 */
import { STATUTORY_REMEDY_PERIODS } from '../rules/remedies';
import { assertNever } from '../util/assert-never';
import { DOCUMENT_DATE_FIELDS } from './case-fields';
import { chineseNumber, fillTemplate, formatChineseDate, formatDocNumber } from './format';
import { blankLines, BODY_SIZE, CHAR, flushLine, heading, letterhead, LINE, paragraph, signature, SIZE, title, type DocNode } from './layout';
import { resolveTemplate, type DocumentTemplate, type TemplateParagraphs } from './templates';
import { documentTitle, listNameOf } from './titles';
import type { StoredDocumentKind } from './kinds';
import {
  REPAIR_NOTICE_NAME,
  type DocNumber,
  type ListingDecisionInput,
  type MeasureInput,
  type ServiceProofInput,
  type StoredDocumentInput,
  type SubjectInfo,
} from './types';

/** One unit of a printed batch: a document or a 送达回证. */
export type BuiltUnit = {
  // Plain data only (sent to the PDF worker by structured clone): no functions in `content`.
  kind: StoredDocumentKind | 'service-proof' | 'credit-report';
  name: string;
  numberText: string;
  /** Attachments printed with the document (附件, no number of their own), e.g. 信用修复告知书. */
  attachments: string[];
  /** Page numbers are printed (documents) or not (the 回证 form). */
  numbered: boolean;
  content: DocNode[];
};

function subjectLines(subject: SubjectInfo): DocNode[] {
  const idLabel = subject.kind === 'natural-person' ? '身份证号码' : '统一社会信用代码';
  const lines: DocNode[] = [flushLine(`${subject.name}：`)];
  const info: string[] = [];
  if (subject.idNumber.trim()) info.push(`${idLabel}：${subject.idNumber}`);
  if (subject.legalRepresentative?.trim()) info.push(`法定代表人（负责人）：${subject.legalRepresentative}`);
  if (subject.address?.trim()) info.push(`住所（地址）：${subject.address}`);
  for (const line of info) lines.push(paragraph(line));
  return lines;
}

function head(input: StoredDocumentInput, numberText: string): DocNode[] {
  const name = documentTitle(input);
  if (input.office.letterhead?.trim()) {
    return [...letterhead(input.office.letterhead, numberText), title([name]), blankLines(1)];
  }
  return [
    title([input.office.name, name]),
    { text: numberText, font: 'body', fontSize: BODY_SIZE, pitch: LINE, alignment: 'right' },
    blankLines(1),
  ];
}

function measuresList(measures: readonly MeasureInput[]): DocNode[] {
  return measures.map((m, i) => paragraph(`（${chineseNumber(i + 1)}）${m.text}。实施期限：${m.period}${m.basis?.trim() ? `（依据：${m.basis}）` : ''}。`));
}

function splitParagraphs(text: string): DocNode[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => paragraph(t));
}

function remedyValues(input: { office: { reviewBody: string; court: string } }, r?: ListingDecisionInput['remedies']): Record<string, string> {
  return {
    reviewDays: String(r?.reviewDays ?? STATUTORY_REMEDY_PERIODS.administrativeReviewDays),
    reviewBody: r?.reviewBody ?? input.office.reviewBody,
    litigationMonths: chineseNumber(r?.litigationMonths ?? STATUTORY_REMEDY_PERIODS.administrativeLitigationMonths),
    court: r?.court ?? input.office.court,
  };
}

/** Uncertainty markers of the dates a paragraph prints (case-fields.ts says which paragraph prints which date). */
function notesOf(input: StoredDocumentInput, paragraphKey: string): string {
  if (input.kind === 'repair-notice' || !input.certaintyNotes) return '';
  const notes = new Set<string>();
  for (const f of DOCUMENT_DATE_FIELDS[input.kind]) {
    const note = f.paragraph === paragraphKey ? input.certaintyNotes[f.field] : undefined;
    if (note) notes.add(note);
  }
  return [...notes].map((n) => `（注：${n}）`).join('');
}

type Fill = (key: string, values: Record<string, string>) => string;

function filler(input: StoredDocumentInput, paragraphs: TemplateParagraphs): Fill {
  return (key, values) => fillTemplate(paragraphs[key] ?? '', values) + notesOf(input, key);
}

/** The 信用修复告知书 text; `keys` maps its parts to the paragraph keys of the template that holds them. */
function repairNoticeBody(
  fill: Fill,
  keys: { intro: string; conditions: string; barred?: string; materials: string; window: string; contact: string },
  n: { earliestApplyDate: string | null; latestEndDate: string; barBasis?: string; materials: readonly string[]; window: string; contact?: string },
  intro: Record<string, string>,
): DocNode[] {
  const date = formatChineseDate;
  const conditions =
    n.earliestApplyDate === null && keys.barred
      ? fill(keys.barred, { latestEndDate: date(n.latestEndDate), barBasis: n.barBasis ?? '' })
      : fill(keys.conditions, { earliestApplyDate: n.earliestApplyDate ? date(n.earliestApplyDate) : '', latestEndDate: date(n.latestEndDate) });
  const out: DocNode[] = [paragraph(fill(keys.intro, intro)), paragraph(conditions), paragraph(fill(keys.materials, {})), ...n.materials.map((m, i) => paragraph(`${i + 1}. ${m}`)), paragraph(fill(keys.window, { window: n.window }))];
  if (n.contact?.trim()) out.push(paragraph(fill(keys.contact, { contact: n.contact })));
  return out;
}

/** Objection outcomes of snapshots made by earlier versions, mapped to their paragraph. */
const LEGACY_OBJECTION_PARAGRAPHS: Readonly<Record<string, string>> = { adopted: 'adopted', 'partly-adopted': 'partlyAdopted', 'not-adopted': 'notAdopted' };
const OBJECTION_PARAGRAPHS: Readonly<Record<string, string>> = { upheld_correct: 'adopted', upheld_remove: 'upheldRemove', rejected: 'notAdopted' };

function bodyOf(input: StoredDocumentInput, t: DocumentTemplate): DocNode[] {
  const fill = filler(input, t.paragraphs);
  const date = formatChineseDate;
  const listName = listNameOf(input);
  switch (input.kind) {
    case 'prior-notice': {
      const out: DocNode[] = [paragraph(fill('intro', { listName })), heading('一、拟列入的事实和理由'), ...splitParagraphs(input.facts), heading('二、拟列入的依据'), ...splitParagraphs(input.basis)];
      if (input.intendedMeasures.length > 0) out.push(heading('三、拟采取的失信惩戒措施'), ...measuresList(input.intendedMeasures));
      out.push(heading(`${input.intendedMeasures.length > 0 ? '四' : '三'}、你（单位）依法享有的权利`));
      out.push(paragraph(fill('rights', { statementPeriod: input.statementPeriodText, statementDeadline: date(input.statementDeadline) })));
      if (input.contact?.trim()) out.push(paragraph(fill('contact', { contact: input.contact })));
      return out;
    }
    case 'listing-decision': {
      const legacyName = (input as { listName?: string }).listName?.trim();
      const out: DocNode[] = [
        paragraph(fill('intro', { listName: legacyName || listName })),
        heading('一、列入理由'),
        ...splitParagraphs(input.facts),
        heading('二、列入依据'),
        ...splitParagraphs(input.basis),
        heading('三、列入期限'),
        paragraph(fill('validity', { validityText: input.validity.text, validFrom: date(input.validity.from), validTo: date(input.validity.to), validityBasis: input.validity.basis ?? '' })),
        heading('四、失信惩戒措施及其期限'),
      ];
      if (input.measures.length > 0) out.push(paragraph(fill('measures', {})), ...measuresList(input.measures));
      else out.push(paragraph('本决定不附加失信惩戒措施。'));
      out.push(heading('五、移出条件和程序'), ...splitParagraphs(input.removalConditions));
      out.push(heading('六、救济途径'), paragraph(fill('remedies', { objectionTo: input.remedies.objectionTo, ...remedyValues(input, input.remedies) })));
      out.push(heading('七、信用修复'), paragraph(fill('repair', { repairRoute: input.repairRoute })));
      return out;
    }
    case 'repair-notice':
      return repairNoticeBody(fill, { intro: 'intro', conditions: 'conditions', materials: 'materials', window: 'window', contact: 'contact' }, input, { decisionDate: date(input.date), decisionName: input.decisionName, decisionNumber: input.decisionNumber });
    case 'objection-acceptance':
      return [
        paragraph(fill('intro', { receivedDate: date(input.receivedDate), objectionSummary: input.objectionSummary })),
        paragraph(fill('body', { replyDeadline: date(input.replyDeadline), markingNote: input.markingNote ?? '' })),
      ];
    case 'objection-decision': {
      const values = { reasons: input.reasons, correction: input.correction ?? '', listName };
      const key = OBJECTION_PARAGRAPHS[input.outcome] ?? LEGACY_OBJECTION_PARAGRAPHS[input.outcome] ?? 'notAdopted';
      const out: DocNode[] = [
        paragraph(fill('intro', { receivedDate: date(input.receivedDate), objectionSummary: input.objectionSummary })),
        paragraph(fill('findings', { findings: input.findings })),
        paragraph(fill(key, values)),
      ];
      if (key === 'partlyAdopted' && input.correction?.trim()) out.push(paragraph(`已作如下更正：${input.correction}`));
      out.push(paragraph(fill('remedies', remedyValues(input))));
      return out;
    }
    case 'repair-acceptance':
      return [
        paragraph(fill('intro', { applicationDate: date(input.applicationDate) })),
        ...input.materials.map((m, i) => paragraph(`${i + 1}. ${m}`)),
        paragraph(fill('body', { decisionDeadline: date(input.decisionDeadline) })),
      ];
    case 'repair-decision': {
      const key = input.outcome === 'granted' ? 'granted' : 'refused';
      return [
        paragraph(fill('intro', { applicationDate: date(input.applicationDate) })),
        paragraph(fill(key, { reasons: input.reasons, effectiveDate: input.effectiveDate ? date(input.effectiveDate) : '' })),
        paragraph(fill('remedies', remedyValues(input))),
      ];
    }
    case 'removal-decision':
      return [
        paragraph(fill('intro', { listingDate: date(input.listingDate), listingNumber: input.listingNumber, listName, listingTitle: `列入${listName}决定书` })),
        paragraph(fill('body', { reasonText: input.reasonText, removalDate: date(input.removalDate), listName })),
      ];
    default:
      return assertNever(input);
  }
}

/**
 * The 信用修复告知书 as 附件 of the listing decision (GB/T 9704-2012: the attachment starts a new page,
 * "附件" in 3号黑体 顶格 at its top left, then its title). Snapshots of earlier versions have none.
 */
function repairNoticeAttachment(input: ListingDecisionInput, t: DocumentTemplate): DocNode[] {
  const notice = (input as Partial<ListingDecisionInput>).repairNotice;
  if (!notice) return [];
  const fill = filler(input, t.paragraphs);
  return [
    { pageBreak: 'before', stack: [flushLine('附件', { font: 'heading' }), blankLines(1), title([REPAIR_NOTICE_NAME]), blankLines(1), flushLine(`${input.subject.name}：`)] },
    ...repairNoticeBody(fill, { intro: 'noticeIntro', conditions: 'noticeConditions', barred: 'noticeBarred', materials: 'noticeMaterials', window: 'noticeWindow', contact: 'noticeContact' }, notice, {}),
  ];
}

/** Names of the attachments a document carries (listed under it, printed after it, no number of their own). */
export function attachmentNames(input: StoredDocumentInput): string[] {
  return input.kind === 'listing-decision' && (input as Partial<ListingDecisionInput>).repairNotice ? [REPAIR_NOTICE_NAME] : [];
}

/** Short enough to move to the next page together with its heading (about five lines). */
const KEEP_WITH_HEADING_CHARS = 140;

/** A heading never ends a page alone: it is kept together with a short following paragraph. */
function keepHeadingsWithNext(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const next = nodes[i + 1];
    if (node.font === 'heading' && next && typeof next.text === 'string' && next.text.length <= KEEP_WITH_HEADING_CHARS) {
      out.push({ unbreakable: true, stack: [node, next] });
      i++;
    } else out.push(node);
  }
  return out;
}

function templateOf(input: StoredDocumentInput, template?: DocumentTemplate): DocumentTemplate {
  // A legacy 信用修复告知书 is rebuilt from the template stored with it.
  if (input.kind === 'repair-notice') return template ?? { kind: 'repair-notice', version: 1, paragraphs: {} };
  return resolveTemplate(input.kind, template);
}

/** Build one document (and its attachments). The input must have passed `checkIssuable`. */
export function buildDocument(input: StoredDocumentInput, number: DocNumber, template?: DocumentTemplate): BuiltUnit {
  const t = templateOf(input, template);
  const numberText = formatDocNumber(number);
  const attachments = attachmentNames(input);
  const body = bodyOf(input, t);
  // 附件说明 (GB/T 9704-2012): one line below the body, indented two characters, before the signature.
  if (attachments.length > 0) body.push(blankLines(1), paragraph(`附件：${attachments.join('、')}`));
  const last = body.pop();
  const lastHeading = body.length > 0 && body[body.length - 1]!.font === 'heading' ? body.pop() : undefined;
  // The signature never stands alone on a page: it keeps the last paragraph with it (GB/T 9704-2012 7.3.5).
  const closing: DocNode = { unbreakable: true, stack: [...(lastHeading ? [lastHeading] : []), ...(last ? [last] : []), signature(input.office.name, formatChineseDate(input.date), input.office.sealImage)] };
  const content: DocNode[] = [...head(input, numberText), ...subjectLines(input.subject), ...keepHeadingsWithNext(body), closing];
  if (input.kind === 'listing-decision') content.push(...keepHeadingsWithNext(repairNoticeAttachment(input, t)));
  return { kind: input.kind, name: documentTitle(input), numberText, attachments, numbered: true, content };
}

const FILL = '                    ';

const PROOF_SIZE = SIZE.pageNumber; // 4号 in the form
const PROOF_PITCH = 22;

function cell(text: string, extra: DocNode = {}): DocNode {
  return { text, font: 'body', fontSize: PROOF_SIZE, pitch: PROOF_PITCH, ...extra };
}

/**
 * 送达回证 (民事诉讼法 第八十七至八十九条): one form may list several documents served together.
 */
export function buildServiceProof(proof: ServiceProofInput): BuiltUnit {
  const label = (text: string): DocNode => cell(text, { font: 'heading', alignment: 'center', margin: [0, 5, 0, 5] });
  const value = (text: string | undefined, extra: DocNode = {}): DocNode => cell(text?.trim() ? text : FILL, { margin: [4, 5, 4, 5], ...extra });
  const sign = (relation: boolean): DocNode => ({
    stack: [
      cell(relation ? '（签名或盖章）' : '（签名）', { margin: [4, 5, 4, 0] }),
      ...(relation ? [cell('与受送达人的关系：', { margin: [4, 0, 4, 0] })] : []),
      cell('年    月    日    时    分', { alignment: 'right', margin: [4, relation ? 0 : 8, 12, 5] }),
    ],
  });
  const docs = proof.documents.map((d) => `《${d.name}》${d.attachments?.length ? `（附件：${d.attachments.map((a) => `《${a}》`).join('')}）` : ''}${d.number}`).join('\n');
  const body: DocNode[][] = [
    [label('送达文书\n名称及文号'), value(docs)],
    [label('送达单位'), value(proof.servingUnit)],
    [label('受送达人'), value(proof.recipient)],
    [label('送达时间'), value(proof.time?.trim() ? proof.time : '        年    月    日    时    分')],
    [label('送达地点'), value(proof.place)],
    [label('送达方式'), value(proof.method?.trim() ? proof.method : '直接送达 / 留置送达 / 邮寄送达 / 委托送达 / 电子送达')],
    [label('收件人'), sign(true)],
    [label('见证人'), proof.witness?.trim() ? value(proof.witness) : sign(false)],
    [label('送达人'), proof.server?.trim() ? value(proof.server) : sign(false)],
    [label('备注'), value(proof.remarks, { margin: [4, 5, 4, 24] })],
  ];
  return {
    kind: 'service-proof',
    name: '送达回证',
    attachments: [],
    numberText: proof.documents.map((d) => d.number).join('、'),
    numbered: false,
    content: [
      { ...title(['送达回证']), margin: [0, 0, 0, LINE / 2] },
      // Default table layout (1 pt rules): units must stay structured-cloneable (no functions) for the worker.
      { table: { widths: [5.2 * CHAR, '*'], body, dontBreakRows: true } },
      {
        text: '注：受送达人拒绝签收的，送达人应在备注栏记明拒收事由和日期，由见证人、送达人签名或盖章，把文书留在受送达人的住所（民事诉讼法第八十九条）。',
        font: 'body',
        fontSize: 10.5,
        pitch: 15,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

/** The 送达回证 for a set of documents served together on one recipient (attachments named with their document). */
export function serviceProofFor(units: readonly BuiltUnit[], servingUnit: string, recipient: string, extra: Partial<ServiceProofInput> = {}): BuiltUnit {
  return buildServiceProof({ ...extra, servingUnit, recipient, documents: units.map((u) => ({ name: u.name, number: u.numberText, ...(u.attachments.length > 0 ? { attachments: u.attachments } : {}) })) });
}
