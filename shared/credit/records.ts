import type { IsoDate } from '../util/dates';
import type { PenaltyType } from '../exchange/shuanggongshi';

/**
 * A credit record as the grading, incentive and report functions see it: one piece of dishonesty
 * information about a subject, with its source (which department, which document). Cases of the desk
 * become records through recordsFromCase (case-facts.ts); records from other departments (imported
 * penalties, court lists) are built by the caller.
 */
export type CreditRecordKind = 'general' | 'severe';

/**
 * 河北分级分类 三(一) information classes: 一般失信行为信息 (司法判决及执行信息、行政处罚、行政强制执行、
 * 经营异常名录、欠缴税款、非正常纳税户、欠缴水电气费、未履行信用承诺、合同违约) and 严重失信行为信息
 * (the severe penalties and 纳入严重失信主体名单).
 */
export type CreditInfoCategory =
  | 'judicial' // 司法判决及执行信息
  | 'penalty' // 行政处罚
  | 'enforcement' // 行政强制执行
  | 'abnormal_operation' // 经营异常名录
  | 'tax_arrears' // 欠缴税款
  | 'abnormal_taxpayer' // 非正常纳税户
  | 'utility_arrears' // 欠缴水电气费
  | 'commitment_breach' // 未履行信用承诺
  | 'contract_breach' // 合同违约
  | 'severe_list' // 纳入严重失信主体名单
  | 'dishonesty_list' // 列入失信名单 (a listing of the desk)
  | 'other';

export const CREDIT_INFO_CATEGORY_LABELS: Record<CreditInfoCategory, string> = {
  judicial: '司法判决及执行信息',
  penalty: '行政处罚',
  enforcement: '行政强制执行',
  abnormal_operation: '经营异常名录',
  tax_arrears: '欠缴税款',
  abnormal_taxpayer: '非正常纳税户',
  utility_arrears: '欠缴水电气费',
  commitment_breach: '未履行信用承诺',
  contract_breach: '合同违约',
  severe_list: '纳入严重失信主体名单',
  dishonesty_list: '列入失信名单',
  other: '其他失信信息',
};

export type RecordSource = {
  /** The department that produced the information (认定部门 / 处罚机关 / 法院). */
  department: string;
  /** The document it rests on ("行政处罚决定 示应急罚〔2026〕1号"), or null when none was given. */
  document: string | null;
};

export type CreditRecord = {
  id: string;
  kind: CreditRecordKind;
  category: CreditInfoCategory;
  /** The legal date of the information (认定日期, 处罚决定日期, 列入日期). */
  date: IsoDate;
  description: string;
  source: RecordSource;
  /** For 行政处罚: its kind (行政处罚法 第九条). */
  penaltyType?: PenaltyType | null;
  /** 吊销许可证件 that is the business licence (营业执照): grade D in 河北, not C. */
  revokesBusinessLicence?: boolean;
  /** For a 严重失信主体名单 listing: when listed and when removed (null = still listed). */
  severeListing?: { listedOn: IsoDate; removedOn: IsoDate | null } | null;
  /** The general record caused serious consequences (河北 B requires "未造成严重后果"). */
  seriousConsequence?: boolean;
  /** The day the record stopped being in effect (repair, removal, expiry), null = in effect. */
  endedOn?: IsoDate | null;
  /** The record was withdrawn as wrong (basis revoked, objection upheld): it never counts. */
  withdrawn?: { on: IsoDate; reason: string } | null;
  /** The desk case it comes from, if any. */
  caseId?: string | null;
};

/** Whether the record is in effect on `date` (dated on or before, not ended, not withdrawn). */
export function recordInEffect(record: CreditRecord, date: IsoDate): boolean {
  if (record.withdrawn) return false;
  if (record.date > date) return false;
  return record.endedOn === null || record.endedOn === undefined || record.endedOn > date;
}

/** "行政处罚决定 示应急罚〔2026〕1号（示例县应急管理局）" */
export function describeSource(source: RecordSource): string {
  return source.document ? `${source.document}（${source.department}）` : source.department;
}
