import { addDays, addYears, isIsoDate, type IsoDate } from '../util/dates';
import { refuse, type Refusal } from '../util/result';
import type { PenaltyType } from '../exchange/shuanggongshi';
import { describeSource, type CreditRecord } from './records';

/**
 * 河北 企业信用分级分类 (河北省人民政府办公厅关于推进企业信用分级分类监管工作的实施意见, 冀政办字〔2022〕54号):
 *  四(一)  A(守信)、B(一般失信)、C(严重失信)、D("黑名单") from the records of 1 year;
 *  四(二)  评价周期为1年;
 *  四(三)  A: 1年内无失信行为记录; B: 1年内有5次以下(含5次)一般失信行为记录且未造成严重后果;
 *          C: 1年内有5次以上一般失信行为记录或存在严重失信行为记录 (纳入严重失信主体名单且未移出, 或
 *          暂扣许可证件、降低资质等级、吊销许可证件(不含吊销营业执照)、限制开展生产经营活动、责令停产停业、
 *          责令关闭、限制从业等行政处罚); D: 已被依法吊销营业执照;
 *  六(二)  the supervision of each class in 双随机、一公开.
 * Readings (docs/credit-grading.md): B includes 5 and C starts at 6 general records ("5次以上" read as
 * more than 5, because B says "含5次"); "1年内" is the year ending on the evaluation day, both days
 * counted from the day after; an unremoved severe listing counts whenever it was made; a general record
 * marked as having caused serious consequences is treated as a severe one (B excludes it, and the text
 * names no other class); a listing removed before the evaluation day counts as a general record when it
 * is dated within the year; a withdrawn record (basis revoked, objection upheld) never counts.
 */
export type HebeiGrade = 'A' | 'B' | 'C' | 'D';

export const HEBEI_BASIS = '河北省人民政府办公厅关于推进企业信用分级分类监管工作的实施意见（冀政办字〔2022〕54号）';

export const HEBEI_GRADE_LABELS: Record<HebeiGrade, string> = { A: 'A类（守信）', B: 'B类（一般失信）', C: 'C类（严重失信）', D: 'D类（“黑名单”）' };

/** 六(二): how each class is supervised. */
export const HEBEI_SUPERVISION: Record<HebeiGrade, string> = {
  A: '可合理降低抽查比例和频次，除投诉举报、大数据监测发现问题、转办交办案件线索及法律、法规另有规定外，根据实际情况一般不主动实施现场检查',
  B: '按常规比例和频次抽查，对有投诉举报和确有必要的，可适当提高抽查比例和频次',
  C: '列为重点监管对象，定向和随机抽查相结合，并提高抽查比例和频次，依法依规实施失信惩戒措施',
  D: '依法依规严格执行限制措施',
};

/** 四(三): the penalties that make a record severe (吊销许可证件 other than the business licence). */
export const HEBEI_SEVERE_PENALTIES: readonly PenaltyType[] = ['暂扣许可证件', '降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业'];

/** More than this many general records in the year → C (B "5次以下(含5次)"). */
export const HEBEI_GENERAL_RECORDS_MAX_FOR_B = 5;

export type IgnoredRecord = { record: CreditRecord; reason: string };

export type HebeiGrading = {
  ok: true;
  grade: HebeiGrade;
  label: string;
  /** The evaluation year: from … to (both included). */
  window: { from: IsoDate; to: IsoDate };
  /** The records that decided the grade (empty for A). */
  decidingRecords: CreditRecord[];
  general: CreditRecord[];
  severe: CreditRecord[];
  ignored: IgnoredRecord[];
  /** Chinese sentences: the period, the counts, the rule that applied, each deciding record with its source. */
  explanation: string[];
  supervision: string;
  basis: string;
};

export type HebeiInput = {
  records: readonly CreditRecord[];
  /** Evaluation day (the end of the 1-year cycle). */
  asOf: IsoDate;
  /** Date the business licence was revoked, when the subject's registration says so. */
  businessLicenceRevokedOn?: IsoDate | null;
};

/** The first day of the year ending on `asOf` ("1年内"): the day after the same day a year earlier. */
export function hebeiWindowStart(asOf: IsoDate): IsoDate {
  return addDays(addYears(asOf, -1), 1);
}

function severeReason(record: CreditRecord, asOf: IsoDate, from: IsoDate): string | null {
  const listing = record.severeListing;
  if (listing && listing.listedOn <= asOf && (listing.removedOn === null || listing.removedOn > asOf)) return '被纳入严重失信主体名单且未移出';
  if (record.date < from) return null;
  if (record.penaltyType && HEBEI_SEVERE_PENALTIES.includes(record.penaltyType) && !record.revokesBusinessLicence) return `被处以${record.penaltyType}的行政处罚`;
  if (record.kind === 'severe' && !listing) return '严重失信行为记录';
  if (record.kind === 'general' && record.seriousConsequence) return '一般失信行为造成严重后果';
  return null;
}

function line(record: CreditRecord): string {
  const removed = record.severeListing?.removedOn ? `；已于${record.severeListing.removedOn}移出严重失信主体名单，按一般失信行为记录计` : '';
  return `${record.date} ${record.description}（来源：${describeSource(record.source)}${removed}）`;
}

/**
 * The 河北 class of an enterprise on `asOf`, with the records that decided it and a Chinese
 * explanation. Refuses only when `asOf` is not a date.
 */
export function gradeHebei(input: HebeiInput): HebeiGrading | Refusal {
  const { asOf } = input;
  if (!isIsoDate(asOf)) return refuse('grading_bad_date', '评价日期不是有效日期');
  const from = hebeiWindowStart(asOf);
  const general: CreditRecord[] = [];
  const severe: { record: CreditRecord; reason: string }[] = [];
  const revocations: CreditRecord[] = [];
  const ignored: IgnoredRecord[] = [];

  for (const record of input.records) {
    if (record.withdrawn) {
      ignored.push({ record, reason: `已于${record.withdrawn.on}撤销或更正（${record.withdrawn.reason}），不计入` });
      continue;
    }
    if (record.date > asOf) {
      ignored.push({ record, reason: `晚于评价日${asOf}，不计入本次评价` });
      continue;
    }
    if (record.revokesBusinessLicence) {
      revocations.push(record);
      continue;
    }
    const reason = severeReason(record, asOf, from);
    if (reason) {
      severe.push({ record, reason });
      continue;
    }
    if (record.date < from) {
      ignored.push({ record, reason: `不在评价期间（${from}至${asOf}）内` });
      continue;
    }
    // A listing removed before asOf is no longer 严重 ("且未移出"); dated within the year it is still a record.
    general.push(record);
  }

  const window = { from, to: asOf };
  const explanation: string[] = [`评价期间：${from}至${asOf}（1年）`];
  const licenceRevoked = input.businessLicenceRevokedOn !== null && input.businessLicenceRevokedOn !== undefined && input.businessLicenceRevokedOn <= asOf;
  let grade: HebeiGrade;
  let deciding: CreditRecord[];
  if (licenceRevoked || revocations.length > 0) {
    grade = 'D';
    deciding = revocations;
    const when = licenceRevoked ? input.businessLicenceRevokedOn : revocations[0]?.date;
    explanation.push(`企业已于${when ?? ''}被依法吊销营业执照，评为D类（四（三））`);
  } else if (severe.length > 0) {
    grade = 'C';
    deciding = severe.map((s) => s.record);
    explanation.push(`存在严重失信行为记录${severe.length}条，评为C类（四（三））`);
    for (const s of severe) explanation.push(`严重失信：${s.reason}——${line(s.record)}`);
  } else if (general.length > HEBEI_GENERAL_RECORDS_MAX_FOR_B) {
    grade = 'C';
    deciding = general;
    explanation.push(`1年内一般失信行为记录${general.length}次，超过5次，评为C类（四（三）；5次及以下为B类）`);
  } else if (general.length > 0) {
    grade = 'B';
    deciding = general;
    explanation.push(`1年内一般失信行为记录${general.length}次（5次以下，含5次），且未造成严重后果，评为B类（四（三））`);
  } else {
    grade = 'A';
    deciding = [];
    explanation.push('1年内无失信行为记录，评为A类（四（三））');
  }
  if (grade !== 'C' || severe.length === 0) for (const r of deciding) explanation.push(`计入：${line(r)}`);
  if (ignored.length > 0) explanation.push(`未计入${ignored.length}条：${ignored.map((i) => `${i.record.description}（${i.reason}）`).join('；')}`);
  explanation.push(`监管措施：${HEBEI_SUPERVISION[grade]}（六（二））`);
  return {
    ok: true,
    grade,
    label: HEBEI_GRADE_LABELS[grade],
    window,
    decidingRecords: deciding,
    general,
    severe: severe.map((s) => s.record),
    ignored,
    explanation,
    supervision: HEBEI_SUPERVISION[grade],
    basis: `${HEBEI_BASIS} 四（一）至（三）、六（二）`,
  };
}
