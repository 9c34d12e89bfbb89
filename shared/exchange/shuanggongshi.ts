import type { WorkingCalendar } from '../calendar/types';
import { checkCitizenId } from '../identifiers/citizen-id';
import { checkUscc } from '../identifiers/uscc';
import { isIsoDate, type IsoDate } from '../util/dates';
import type { CodeTable } from './code-tables';
import { BLANK, codeCell, dateCell, emptySheet, numberCell, textCell, type ExportCell, type ExportSheet } from './sheet';

/**
 * 双公示 行政处罚 export: the national column layout used by the provincial 信用 platforms
 * (30 columns, in this order, with the CF_ field codes of the platforms' tables), its code tables and
 * a row builder from a plain view object. The time limit for 上网公开 is 7 working days from the
 * decision (发改办财金〔2018〕424号: "自作出行政决定之日起7个工作日内上网公开").
 */
export type PenaltyColumnKind = 'text' | 'code' | 'amount' | 'date';

export type PenaltyColumn = {
  no: number;
  header: string;
  fieldCode: string;
  required: boolean;
  kind: PenaltyColumnKind;
  width: number;
  table?: CodeTable;
};

export type CounterpartCategory = '法人及非法人组织' | '自然人' | '个体工商户';

/** 行政相对人类别 (CF_XDR_LB). */
export const COUNTERPART_CATEGORY_TABLE: CodeTable<CounterpartCategory> = {
  id: 'cf_xdr_lb',
  title: '行政相对人类别',
  entries: [
    { value: '法人及非法人组织', label: '法人及非法人组织' },
    { value: '自然人', label: '自然人' },
    { value: '个体工商户', label: '个体工商户' },
  ],
};

/** 证件类型 (CF_FR_ZJLX, CF_XDR_ZJLX): the desk records 居民身份证 numbers only. */
export const ID_DOCUMENT_TYPE_TABLE: CodeTable<'身份证'> = { id: 'cf_zjlx', title: '证件类型', entries: [{ value: '身份证', label: '身份证', aliases: ['居民身份证'] }] };

/** 处罚类别 (CF_CFLB): the kinds of 行政处罚 of 行政处罚法 第九条 (2021). */
export const PENALTY_TYPES = [
  '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件',
  '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他',
] as const;

export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PENALTY_TYPE_TABLE: CodeTable<PenaltyType> = {
  id: 'cf_cflb',
  title: '处罚类别',
  basis: '中华人民共和国行政处罚法 第九条',
  entries: PENALTY_TYPES.map((value) => ({ value, label: value })),
};

const C = (no: number, header: string, fieldCode: string, required: boolean, kind: PenaltyColumnKind, width: number, table?: CodeTable): PenaltyColumn => ({
  no, header, fieldCode, required, kind, width, ...(table ? { table } : {}),
});

/** The 30 columns, in order. */
export const PENALTY_DISCLOSURE_COLUMNS: readonly PenaltyColumn[] = [
  C(1, '行政相对人名称', 'CF_XDR_MC', true, 'text', 28),
  C(2, '行政相对人类别', 'CF_XDR_LB', true, 'text', 16, COUNTERPART_CATEGORY_TABLE),
  C(3, '行政相对人代码_1(统一社会信用代码)', 'CF_XDR_SHXYM', false, 'code', 22),
  C(4, '行政相对人代码_2(工商注册号)', 'CF_XDR_GSZC', false, 'code', 18),
  C(5, '行政相对人代码_3(组织机构代码)', 'CF_XDR_ZZJG', false, 'code', 14),
  C(6, '行政相对人代码_4(税务登记号)', 'CF_XDR_SWDJ', false, 'code', 20),
  C(7, '行政相对人代码_5(事业单位证书号)', 'CF_XDR_SYDW', false, 'code', 18),
  C(8, '行政相对人代码_6(社会组织登记证号)', 'CF_XDR_SHZZ', false, 'code', 18),
  C(9, '法定代表人', 'CF_FRDB', false, 'text', 12),
  C(10, '法定代表人证件类型', 'CF_FR_ZJLX', false, 'text', 12, ID_DOCUMENT_TYPE_TABLE),
  C(11, '法定代表人证件号码', 'CF_FR_ZJHM', false, 'code', 22),
  C(12, '证件类型', 'CF_XDR_ZJLX', false, 'text', 10, ID_DOCUMENT_TYPE_TABLE),
  C(13, '证件号码', 'CF_XDR_ZJHM', false, 'code', 22),
  C(14, '行政处罚决定书文号', 'CF_WSH', true, 'text', 24),
  C(15, '违法行为类型', 'CF_WFXW', true, 'text', 20),
  C(16, '违法事实', 'CF_SY', true, 'text', 40),
  C(17, '处罚依据', 'CF_YJ', true, 'text', 30),
  C(18, '处罚类别', 'CF_CFLB', true, 'text', 14, PENALTY_TYPE_TABLE),
  C(19, '处罚内容', 'CF_NR', true, 'text', 30),
  C(20, '罚款金额(万元)', 'CF_NR_FK', false, 'amount', 12),
  C(21, '没收违法所得、没收非法财物的金额(万元)', 'CF_NR_WFFF', false, 'amount', 14),
  C(22, '暂扣或吊销证照名称及编号', 'CF_NR_ZKDX', false, 'text', 24),
  C(23, '处罚决定日期', 'CF_JDRQ', true, 'date', 12),
  C(24, '处罚有效期', 'CF_YXQ', true, 'date', 12),
  C(25, '公示截止期', 'CF_GSJZQ', false, 'date', 12),
  C(26, '处罚机关', 'CF_CFJG', true, 'text', 22),
  C(27, '处罚机关统一社会信用代码', 'CF_CFJGDM', true, 'code', 22),
  C(28, '数据来源单位', 'CF_SJLY', true, 'text', 22),
  C(29, '数据来源单位统一社会信用代码', 'CF_SJLYDM', true, 'code', 22),
  C(30, '备注', 'BZ', false, 'text', 20),
];

/** 上网公开 within 7 working days of the decision (发改办财金〔2018〕424号). Sector rules may differ. */
export const PENALTY_DISCLOSURE_LIMIT = { amount: 7, unit: 'working_days' as const, basis: '发改办财金〔2018〕424号' };

/** Last day for 上网公开 of a penalty decided on `decidedOn`. */
export function penaltyDisclosureDueOn(decidedOn: IsoDate, calendar: WorkingCalendar, workingDays: number = PENALTY_DISCLOSURE_LIMIT.amount): IsoDate {
  return calendar.addWorkingDays(decidedOn, workingDays);
}

/** A penalty as the desk knows it (plain data; amounts in 元, converted to 万元 on export). */
export type PenaltyDisclosureView = {
  counterpart: {
    name: string;
    category: CounterpartCategory;
    uscc?: string | null;
    businessRegistrationNo?: string | null;
    organisationCode?: string | null;
    taxRegistrationNo?: string | null;
    institutionCertificateNo?: string | null;
    socialOrganisationCertificateNo?: string | null;
    /** 法人及非法人组织 / 个体工商户. */
    legalRepresentative?: { name: string; citizenId?: string | null } | null;
    /** 自然人. */
    citizenId?: string | null;
  };
  decisionNo: string;
  violationType: string;
  facts: string;
  basis: string;
  penaltyTypes: readonly PenaltyType[];
  content: string;
  fineYuan?: number | null;
  confiscatedYuan?: number | null;
  licence?: string | null;
  decidedOn: IsoDate;
  validUntil: IsoDate;
  publicUntil?: IsoDate | null;
  authority: { name: string; uscc: string };
  dataSource: { name: string; uscc: string };
  remark?: string | null;
};

/** 元 → 万元, at most 6 decimals (1 分 = 0.000001 万元). */
export function yuanToWanYuan(yuan: number): number {
  return Math.round(yuan * 100) / 1_000_000;
}

export type PenaltyRowResult = { ok: true; cells: ExportCell[] } | { ok: false; errors: string[] };

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * One 双公示 row (30 cells in column order), or the Chinese reasons it cannot be exported: required
 * columns, code check digits, dates, amounts, and the counterpart category's own requirements
 * (organisations: 统一社会信用代码; natural persons: 证件号码, no organisation codes).
 */
export function buildPenaltyDisclosureRow(view: PenaltyDisclosureView): PenaltyRowResult {
  const errors: string[] = [];
  const cp = view.counterpart;
  const need = (label: string, value: string | null | undefined): void => {
    if (!present(value)) errors.push(`“${label}”必填`);
  };
  need('行政相对人名称', cp.name);
  need('行政处罚决定书文号', view.decisionNo);
  need('违法行为类型', view.violationType);
  need('违法事实', view.facts);
  need('处罚依据', view.basis);
  need('处罚内容', view.content);
  need('处罚机关', view.authority.name);
  need('数据来源单位', view.dataSource.name);
  if (view.penaltyTypes.length === 0) errors.push('“处罚类别”必填');
  const uscc = (label: string, value: string | null | undefined): string | null => {
    if (!present(value)) return null;
    const check = checkUscc(value);
    if (!check.ok) {
      errors.push(`“${label}”${check.reason}`);
      return null;
    }
    return check.normalized;
  };
  const citizen = (label: string, value: string | null | undefined): string | null => {
    if (!present(value)) return null;
    const check = checkCitizenId(value);
    if (!check.ok) {
      errors.push(`“${label}”${check.reason}`);
      return null;
    }
    return check.normalized;
  };
  const isPerson = cp.category === '自然人';
  const subjectUscc = uscc('统一社会信用代码', cp.uscc);
  if (!isPerson && !present(cp.uscc)) errors.push('法人及非法人组织、个体工商户须填写“统一社会信用代码”');
  if (isPerson && (present(cp.uscc) || present(cp.organisationCode) || present(cp.businessRegistrationNo))) errors.push('自然人不填写组织代码');
  const personId = isPerson ? citizen('证件号码', cp.citizenId) : null;
  if (isPerson && !present(cp.citizenId)) errors.push('自然人须填写“证件号码”');
  const repId = !isPerson ? citizen('法定代表人证件号码', cp.legalRepresentative?.citizenId) : null;
  const authorityUscc = uscc('处罚机关统一社会信用代码', view.authority.uscc);
  if (!present(view.authority.uscc)) errors.push('“处罚机关统一社会信用代码”必填');
  const sourceUscc = uscc('数据来源单位统一社会信用代码', view.dataSource.uscc);
  if (!present(view.dataSource.uscc)) errors.push('“数据来源单位统一社会信用代码”必填');
  for (const [label, date] of [['处罚决定日期', view.decidedOn], ['处罚有效期', view.validUntil]] as const) {
    if (!isIsoDate(date)) errors.push(`“${label}”不是有效日期`);
  }
  if (view.publicUntil !== null && view.publicUntil !== undefined && !isIsoDate(view.publicUntil)) errors.push('“公示截止期”不是有效日期');
  if (isIsoDate(view.decidedOn) && isIsoDate(view.validUntil) && view.validUntil < view.decidedOn) errors.push('“处罚有效期”早于“处罚决定日期”');
  for (const [label, amount] of [['罚款金额', view.fineYuan], ['没收违法所得、没收非法财物的金额', view.confiscatedYuan]] as const) {
    if (amount !== null && amount !== undefined && (!Number.isFinite(amount) || amount < 0)) errors.push(`“${label}”须为不小于0的数`);
  }
  if (view.penaltyTypes.includes('罚款') && (view.fineYuan === null || view.fineYuan === undefined)) errors.push('处罚类别含“罚款”，请填写罚款金额');
  if (errors.length > 0) return { ok: false, errors };

  const rep = !isPerson ? cp.legalRepresentative ?? null : null;
  const cells: ExportCell[] = [
    textCell(cp.name),
    textCell(cp.category),
    codeCell(subjectUscc),
    codeCell(cp.businessRegistrationNo),
    codeCell(cp.organisationCode),
    codeCell(cp.taxRegistrationNo),
    codeCell(cp.institutionCertificateNo),
    codeCell(cp.socialOrganisationCertificateNo),
    textCell(rep?.name),
    rep && repId ? textCell('身份证') : BLANK,
    codeCell(repId),
    personId ? textCell('身份证') : BLANK,
    codeCell(personId),
    textCell(view.decisionNo),
    textCell(view.violationType),
    textCell(view.facts),
    textCell(view.basis),
    textCell(view.penaltyTypes.join('、')),
    textCell(view.content),
    view.fineYuan === null || view.fineYuan === undefined ? BLANK : numberCell(yuanToWanYuan(view.fineYuan), '0.000000'),
    view.confiscatedYuan === null || view.confiscatedYuan === undefined ? BLANK : numberCell(yuanToWanYuan(view.confiscatedYuan), '0.000000'),
    textCell(view.licence),
    dateCell(view.decidedOn),
    dateCell(view.validUntil),
    dateCell(view.publicUntil ?? null),
    textCell(view.authority.name),
    codeCell(authorityUscc),
    textCell(view.dataSource.name),
    codeCell(sourceUscc),
    textCell(view.remark),
  ];
  return { ok: true, cells };
}

/** The 双公示 sheet of several penalties; views that cannot be exported are listed with their reasons. */
export function penaltyDisclosureSheet(views: readonly PenaltyDisclosureView[]): { sheet: ExportSheet; refused: { index: number; decisionNo: string; errors: string[] }[] } {
  const sheet = emptySheet('行政处罚');
  sheet.header = PENALTY_DISCLOSURE_COLUMNS.map((c) => c.header);
  sheet.columnWidths = PENALTY_DISCLOSURE_COLUMNS.map((c) => c.width);
  sheet.frozenRows = 1;
  const refused: { index: number; decisionNo: string; errors: string[] }[] = [];
  views.forEach((view, index) => {
    const row = buildPenaltyDisclosureRow(view);
    if (row.ok) sheet.rows.push(row.cells);
    else refused.push({ index, decisionNo: view.decisionNo, errors: row.errors });
  });
  return { sheet, refused };
}
