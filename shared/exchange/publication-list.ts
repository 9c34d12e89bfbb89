import type { ListType, SubjectKind } from '../case/events';
import type { IsoDate } from '../util/dates';
import { LIST_TYPE_LABELS } from '../case/events';
import { codeCell, dateCell, emptySheet, textCell, titleRow, type ExportSheet } from './sheet';

/**
 * The publication list of a 失信名单 / 严重失信主体名单 (朝阳房地产规定 第十二条(一): 基本信息, 列入事由
 * — 事实、认定部门、认定依据、认定日期、有效期 — and 其他信息 — 联合奖惩、信用修复、移出信息). Every row's
 * subject passes through the masking function the caller gives (the case's masking profile, e.g.
 * `(s) => publicationView(s, profile)`), so ID numbers are masked by default and a subject the
 * profile does not publish is left out. Listings whose publication has ended are left out
 * (黑龙江条例 第三十七条: 期满不得再行公示).
 */
export type PublicationSubject = {
  subjectId: string;
  kind: SubjectKind;
  name: string;
  uscc?: string;
  citizenId?: string;
  legalRepresentative?: { name: string; citizenId?: string };
  responsiblePersons?: { name: string; citizenId?: string; role?: string }[];
};

/** What the masking function returns; shared/masking's PublicationView has this shape. */
export type MaskedPublication =
  | { published: false; reason: string }
  | {
      published: true;
      name: string;
      code: string | null;
      legalRepresentative: { name: string; citizenId: string | null } | null;
      responsiblePersons: { name: string; citizenId: string | null }[];
    };

/** Masks one entry's subject; it gets the entry so that each case's own profile can apply. */
export type PublicationMasker = (subject: PublicationSubject, entry?: PublicationListEntry) => MaskedPublication;

/** One listing as the desk knows it (plain data). */
export type PublicationListEntry = {
  caseId: string;
  subject: PublicationSubject;
  listType: ListType;
  /** 列入事由: the behaviour and the facts. */
  behaviour: string;
  facts: string;
  determiningDept: string;
  /** 认定依据: the basis documents ("×应急罚〔2026〕1号 行政处罚决定"). */
  basis: string;
  determinedOn: IsoDate;
  listedOn: IsoDate | null;
  validUntil: IsoDate | null;
  /** Whether the listing is being published now (not removed, not expired). */
  publicationActive: boolean;
  /** 其他信息: joint sanctions, repair, removal (already worded by the caller). */
  otherInformation?: string;
};

/** The legal basis printed above the list, by rule-set family (jurisdictionKey). */
export const PUBLICATION_BASIS_BY_JURISDICTION: Readonly<Record<string, string>> = {
  'LN-CY-RE': '《朝阳市治理房地产领域失信行为若干规定(试行)》第八条、第十二条（一）',
  'LN-CY-PLAN': '《朝阳市2020年社会信用体系建设工作方案》（朝信办发〔2020〕6号）；涉及个人的信息不予公示（十六（二十六））',
  HLJ: '《黑龙江省社会信用条例》第二十八条、第二十九条；个人信息依第二十三条脱敏处理',
};

export function publicationBasisFor(ruleSet: { jurisdictionKey: string; title: string }): string {
  return PUBLICATION_BASIS_BY_JURISDICTION[ruleSet.jurisdictionKey] ?? `《${ruleSet.title}》`;
}

export const PUBLICATION_LIST_HEADER = [
  '序号',
  '主体名称',
  '统一社会信用代码（身份证号码）',
  '法定代表人（负责人）',
  '法定代表人身份证号码',
  '主要责任人',
  '列入事由',
  '失信事实',
  '认定部门',
  '认定依据',
  '认定日期',
  '列入日期',
  '有效期至',
  '其他信息（联合奖惩、信用修复、移出）',
] as const;

const WIDTHS = [6, 28, 22, 14, 22, 20, 24, 40, 18, 28, 12, 12, 12, 30];

export type PublicationListInput = {
  listType: ListType;
  /** Issuing office, for the title ("示例县社会信用体系建设工作领导小组办公室"). */
  office: string;
  /** Legal basis of the list (publicationBasisFor). */
  basis: string;
  /** How personal data is treated, for the header ("个人信息已脱敏"). */
  maskingNote: string;
  asOf: IsoDate;
  entries: readonly PublicationListEntry[];
  mask: PublicationMasker;
};

export function publicationListSheet(input: PublicationListInput): { sheet: ExportSheet; excluded: { caseId: string; reason: string }[] } {
  const label = LIST_TYPE_LABELS[input.listType];
  const sheet = emptySheet(label);
  const width = PUBLICATION_LIST_HEADER.length;
  titleRow(sheet, `${input.office}${label}公示`, width);
  titleRow(sheet, `公示依据：${input.basis}`, width);
  titleRow(sheet, `数据截至${input.asOf}；${input.maskingNote}`, width);
  sheet.header = [...PUBLICATION_LIST_HEADER];
  sheet.columnWidths = [...WIDTHS];
  sheet.frozenRows = sheet.preamble.length + 1;
  const excluded: { caseId: string; reason: string }[] = [];
  for (const entry of input.entries) {
    if (entry.listType !== input.listType) continue;
    if (!entry.publicationActive) {
      excluded.push({ caseId: entry.caseId, reason: '已移出或公示期满，不再公示（黑龙江省社会信用条例 第三十七条）' });
      continue;
    }
    const masked = input.mask(entry.subject, entry);
    if (!masked.published) {
      excluded.push({ caseId: entry.caseId, reason: masked.reason });
      continue;
    }
    const persons = masked.responsiblePersons.map((p) => (p.citizenId ? `${p.name}（${p.citizenId}）` : p.name)).join('；');
    sheet.rows.push([
      textCell(String(sheet.rows.length + 1)),
      textCell(masked.name),
      codeCell(masked.code),
      textCell(masked.legalRepresentative?.name),
      codeCell(masked.legalRepresentative?.citizenId),
      textCell(persons),
      textCell(entry.behaviour),
      textCell(entry.facts),
      textCell(entry.determiningDept),
      textCell(entry.basis),
      dateCell(entry.determinedOn),
      dateCell(entry.listedOn),
      dateCell(entry.validUntil),
      textCell(entry.otherInformation),
    ]);
  }
  return { sheet, excluded };
}
