/**
 * Workbooks the office takes out of the desk, built from shared/exchange's export model (text cells
 * neutralised against formula injection, codes written as text): the 双公示 行政处罚 layout, the
 * publication list of a 失信名单 / 严重失信主体名单 (each case's masking profile; ID numbers masked by
 * default; the list's legal basis in the header rows), the case list with the current filter, the
 * work list (期限) and a subject's full record. Reads only; nothing here writes.
 */
import { LIST_TYPE_LABELS, type ListType, type SubjectRef } from '../../../shared/case/events';
import { caseFactsFrom, publicationEntryFrom, describeBasisDocument } from '../../../shared/credit/case-facts';
import { publicationView } from '../../../shared/masking/mask';
import type { PublicationProfile } from '../../../shared/masking/types';
import { publicationBasisFor, publicationListSheet, type PublicationListEntry } from '../../../shared/exchange/publication-list';
import { penaltyDisclosureSheet, type PenaltyDisclosureView, type PenaltyType } from '../../../shared/exchange/shuanggongshi';
import { codeCell, dateCell, emptySheet, safeFileName, textCell, titleRow, type ExportWorkbook } from '../../../shared/exchange/sheet';
import { SEVERITY_LABELS } from '../../../shared/rules/types';
import type { IsoDate } from '../../../shared/util/dates';
import type { Desk } from './desk';
import { domainEvent, foldStoredCase } from './cases';
import { listCases, savedCaseListFilter, type CaseListFilter } from './case-list';
import { listDeadlines } from './deadlines';
import { getOffice } from './settings';
import { linkedPersons, subjectLabel } from './subjects';
import { presetById } from './rules';

const PAGE = 500;

async function allFolded(desk: Desk, caseIds: readonly string[]) {
  const out = [];
  for (const id of caseIds) {
    const folded = await foldStoredCase(desk, id);
    if (folded) out.push(folded);
  }
  return out;
}

/** The publication list of `listType`: every listed case whose publication is active, masked per case. */
export async function publicationListExport(desk: Desk, listType: ListType): Promise<{ workbook: ExportWorkbook; listed: number; excluded: { caseId: string; reason: string }[] }> {
  const office = await getOffice(desk.db);
  const ids = (await desk.db.caseList.filter((r) => r.listType === listType).primaryKeys()).map(String);
  const folded = await allFolded(desk, ids);
  const profiles = new Map<string, PublicationProfile>();
  const entries: PublicationListEntry[] = [];
  let basis: string | null = null;
  for (const f of folded) {
    const facts = caseFactsFrom(f.state, f.events.map(domainEvent));
    const entry = publicationEntryFrom(facts);
    if (!entry || entry.listType !== listType) continue;
    // A case not (yet) published is not on the public list.
    if (!facts.publishedOn) continue;
    entries.push(entry);
    profiles.set(entry.caseId, f.state.publicationProfile ?? 'masked');
    basis ??= publicationBasisFor(f.ctx.ruleSet);
  }
  const mainPreset = office?.assignments.map((a) => presetById(a.ruleSetId)).find((p) => !!p);
  const { sheet, excluded } = publicationListSheet({
    listType,
    office: office?.name ?? '',
    basis: basis ?? (mainPreset ? publicationBasisFor(mainPreset) : '《黑龙江省社会信用条例》第二十八条、第二十九条'),
    maskingNote: '自然人姓名和身份证号码按各案件的公示方式处理，默认脱敏（黑龙江省社会信用条例 第二十三条）',
    asOf: desk.clock.today(),
    entries,
    mask: (subject, entry) => publicationView(subject as unknown as SubjectRef, (entry && profiles.get(entry.caseId)) ?? 'masked'),
  });
  return { workbook: { fileName: safeFileName(`${LIST_TYPE_LABELS[listType]}公示-${desk.clock.today()}.xlsx`), sheets: [sheet] }, listed: sheet.rows.length, excluded };
}

/** What the desk does not record about a penalty decision; the officer supplies it in the export dialog. */
export type PenaltyDetails = { basis: string; penaltyTypes: PenaltyType[]; content: string; fineYuan: number | null; authorityUscc: string; validUntil: IsoDate | null };

export type PenaltyCandidate = { key: string; caseId: string; caseNo: string; subjectLabel: string; documentNo: string; issuer: string; decidedOn: IsoDate };

/** Penalty decisions the cases rest on (basis documents of type 行政处罚决定), newest first. */
export async function penaltyCandidates(desk: Desk): Promise<PenaltyCandidate[]> {
  const basis = await desk.db.basisDocuments.filter((b) => b.type === 'penalty_decision').toArray();
  const cases = new Map((await desk.db.cases.bulkGet([...new Set(basis.map((b) => b.caseId))])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return basis
    .flatMap((b) => {
      const c = cases.get(b.caseId);
      return c ? [{ key: `${b.caseId}|${b.docNo}`, caseId: b.caseId, caseNo: c.caseNo, subjectLabel: c.subjectLabel, documentNo: b.docNo, issuer: b.issuingAuthority, decidedOn: b.decisionDate }] : [];
    })
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
}

/** The 双公示 行政处罚 workbook (30 columns in the national order) of the chosen decisions; refused ones with reasons. */
export async function penaltyDisclosureExport(desk: Desk, chosen: readonly { candidate: PenaltyCandidate; details: PenaltyDetails }[]): Promise<{ workbook: ExportWorkbook; refused: { key: string; documentNo: string; reasons: string[] }[] }> {
  const office = await getOffice(desk.db);
  const views: PenaltyDisclosureView[] = [];
  const keys: string[] = [];
  for (const { candidate, details } of chosen) {
    const folded = await foldStoredCase(desk, candidate.caseId);
    const subject = await desk.db.subjects.get(folded?.caseRow.subjectId ?? '');
    if (!folded || !subject) continue;
    const facts = caseFactsFrom(folded.state, folded.events.map(domainEvent));
    const reps = subject.kind === 'natural_person' ? [] : await linkedPersons(desk, subject.id);
    const rep = reps.find((l) => l.link.role === '法定代表人');
    views.push({
      counterpart: {
        name: subjectLabel(subject),
        category: subject.kind === 'natural_person' ? '自然人' : subject.kind === 'individual_business' ? '个体工商户' : '法人及非法人组织',
        uscc: subject.uscc ?? null,
        citizenId: subject.kind === 'natural_person' ? (subject.pii?.idNumber ?? null) : null,
        legalRepresentative: rep ? { name: subjectLabel(rep.person), citizenId: rep.person.pii?.idNumber ?? null } : null,
      },
      decisionNo: candidate.documentNo,
      violationType: facts.behaviourText,
      facts: facts.facts,
      basis: details.basis,
      penaltyTypes: details.penaltyTypes,
      content: details.content,
      fineYuan: details.fineYuan,
      decidedOn: candidate.decidedOn,
      validUntil: details.validUntil ?? facts.validUntil ?? candidate.decidedOn,
      authority: { name: candidate.issuer, uscc: details.authorityUscc },
      dataSource: { name: office?.name ?? '', uscc: office?.uscc ?? '' },
    });
    keys.push(candidate.key);
  }
  const { sheet, refused } = penaltyDisclosureSheet(views);
  return {
    workbook: { fileName: safeFileName(`双公示-行政处罚-${desk.clock.today()}.xlsx`), sheets: [sheet] },
    refused: refused.map((r) => ({ key: keys[r.index] ?? '', documentNo: r.decisionNo, reasons: r.errors })),
  };
}

/** The case list with the filter the 案件 page uses now (remembered filter). */
export async function caseListExport(desk: Desk, filter?: CaseListFilter): Promise<ExportWorkbook> {
  const f = filter ?? (await savedCaseListFilter(desk));
  const sheet = emptySheet('案件列表');
  const header = ['案件编号', '主体', '失信行为', '失信程度', '名单', '乡镇（街道）', '认定日期', '阶段', '下一期限', '期限事项'];
  titleRow(sheet, `案件列表（${desk.clock.today()}导出）`, header.length);
  const parts = [f.stage && `阶段：${f.stage}`, f.listType && `名单：${LIST_TYPE_LABELS[f.listType as ListType] ?? f.listType}`, f.severity && `严重程度：${SEVERITY_LABELS[f.severity as keyof typeof SEVERITY_LABELS] ?? f.severity}`, f.region !== undefined && `乡镇（街道）：${f.region || '（未填写）'}`, f.determinedFrom && `认定日期自${f.determinedFrom}`, f.determinedTo && `至${f.determinedTo}`].filter(Boolean);
  titleRow(sheet, `筛选条件：${parts.length > 0 ? parts.join('；') : '全部案件'}`, header.length);
  sheet.header = header;
  sheet.columnWidths = [22, 28, 30, 10, 18, 14, 12, 16, 12, 24];
  sheet.frozenRows = sheet.preamble.length + 1;
  for (let offset = 0; ; offset += PAGE) {
    const page = await listCases(desk, f, offset, PAGE);
    for (const c of page) {
      sheet.rows.push([textCell(c.caseNo), textCell(c.subjectLabel), textCell(c.behaviourLabel), textCell(SEVERITY_LABELS[c.severity as keyof typeof SEVERITY_LABELS] ?? c.severity), textCell(LIST_TYPE_LABELS[c.listType as ListType] ?? ''), textCell(c.region), dateCell(c.determinationDate), textCell(c.stateLabel), dateCell(c.nextDue || null), textCell(c.nextDueLabel)]);
    }
    if (page.length < PAGE) break;
  }
  return { fileName: safeFileName(`案件列表-${desk.clock.today()}.xlsx`), sheets: [sheet] };
}

/** The work list (期限): every open deadline, the earliest first. */
export async function workListExport(desk: Desk): Promise<ExportWorkbook> {
  const sheet = emptySheet('期限');
  const header = ['到期日', '事项', '案件编号', '主体', '说明'];
  titleRow(sheet, `办理期限（${desk.clock.today()}导出）`, header.length);
  sheet.header = header;
  sheet.columnWidths = [12, 30, 22, 28, 30];
  sheet.frozenRows = sheet.preamble.length + 1;
  for (let page = 0; ; page++) {
    const { rows, hasMore } = await listDeadlines(desk, { filter: 'all', page, pageSize: PAGE });
    for (const d of rows) {
      const note = d.unset ? '期限未设置，请在“设置”中按本地规定填写' : d.paused ? '计时中止' : d.provisional ? '节假日安排未公布，日期为暂定' : d.dueDate < desk.clock.today() ? '已逾期' : '';
      sheet.rows.push([dateCell(d.dueDate || null), textCell(d.label), textCell(d.caseNo), textCell(d.subjectLabel), textCell(note)]);
    }
    if (!hasMore) break;
  }
  return { fileName: safeFileName(`期限-${desk.clock.today()}.xlsx`), sheets: [sheet] };
}

/** A subject's full record: its particulars, linked persons and every case with its basis documents. For internal use (not masked). */
export async function subjectRecordExport(desk: Desk, subjectId: string): Promise<ExportWorkbook | null> {
  const subject = await desk.db.subjects.get(subjectId);
  if (!subject) return null;
  const label = subjectLabel(subject);
  const info = emptySheet('主体信息');
  titleRow(info, `信用主体记录：${label}（${desk.clock.today()}导出，内部使用，含个人信息，请妥善保管）`, 2);
  info.header = ['项目', '内容'];
  info.columnWidths = [20, 50];
  const isPerson = subject.kind === 'natural_person';
  info.rows.push([textCell(isPerson ? '姓名' : '名称'), textCell(label)]);
  info.rows.push([textCell(isPerson ? '公民身份号码' : '统一社会信用代码'), codeCell(isPerson ? (subject.pii?.idNumber ?? '') : (subject.uscc ?? ''))]);
  if (subject.region) info.rows.push([textCell('乡镇（街道）'), textCell(subject.region)]);
  if (isPerson && subject.pii?.address) info.rows.push([textCell('住址'), textCell(subject.pii.address)]);
  if (!isPerson) {
    for (const l of await linkedPersons(desk, subject.id)) info.rows.push([textCell(l.link.role), textCell(`${subjectLabel(l.person)}（${l.person.pii?.idNumber ?? ''}）`)]);
  }
  const cases = emptySheet('案件');
  cases.header = ['案件编号', '失信行为', '失信事实', '失信程度', '名单', '认定部门', '认定日期', '列入日期', '有效期至', '阶段', '认定依据'];
  cases.columnWidths = [22, 30, 40, 10, 18, 20, 12, 12, 12, 16, 40];
  cases.frozenRows = 1;
  const caseRows = await desk.db.cases.where('subjectId').equals(subjectId).toArray();
  for (const f of await allFolded(desk, caseRows.map((c) => c.id))) {
    const facts = caseFactsFrom(f.state, f.events.map(domainEvent));
    cases.rows.push([
      textCell(f.caseRow.caseNo),
      textCell(facts.behaviourText),
      textCell(facts.facts),
      textCell(facts.severity ? SEVERITY_LABELS[facts.severity] : ''),
      textCell(facts.listType ? LIST_TYPE_LABELS[facts.listType] : ''),
      textCell(facts.determiningDept),
      dateCell(facts.determinedOn),
      dateCell(facts.listedOn),
      dateCell(facts.validUntil),
      textCell(facts.stageLabel),
      textCell(facts.basisDocuments.map(describeBasisDocument).join('；')),
    ]);
  }
  return { fileName: safeFileName(`主体记录-${label}.xlsx`), sheets: [info, cases] };
}
