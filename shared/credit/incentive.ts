import type { SubjectKind } from '../case/events';
import { addDays, addYears, type IsoDate } from '../util/dates';
import { nameKey } from '../exchange/cells';
import { describeSource, type CreditRecord } from './records';

/**
 * 守信激励对象 eligibility (凌源市推进"信易批"工作实施方案, 凌信办〔2020〕35号, 三(一)): any one of
 *  1. 被县级以上政府或政府部门给予行政奖励或授予荣誉称号;
 *  2. 被我市3个以上部门单位给予行政奖励或授予荣誉称号;
 *  3. 连续三年没有失信记录;
 *  4. 信用等级评价达到A级以上的企业;
 * and "一票否决制，凡是存在失信记录的，无论受到何种奖励，不得列为守信激励对象".
 * Publication: 黑龙江条例 第三十七条 "信用主体提出不公示自身守信信息的，不得公示".
 * Readings (docs/credit-grading.md): the veto looks at the three years ending on the evaluation day
 * (the period of criterion 3) plus any record still in effect, withdrawn records excluded; criterion 3
 * needs the subject to have existed for those three years; "A级以上" = a grade of one or more A's
 * (A, AA, AAA, A+); criterion 4 is for organisations ("企业"), not natural persons.
 */
export const INCENTIVE_BASIS = '凌源市推进“信易批”工作实施方案（凌信办〔2020〕35号）三（一）';

export type GrantorLevel = 'national' | 'provincial' | 'city' | 'county' | 'township' | 'other';

export type Award = {
  id: string;
  title: string;
  grantor: string;
  /** A government, a government department, or another unit (事业单位, 群团组织, 行业协会 …). */
  grantorKind: 'government' | 'government_department' | 'other_unit';
  grantorLevel: GrantorLevel;
  /** The grantor is a unit of the office's own city/county (criterion 2 "我市"). */
  local: boolean;
  date: IsoDate;
  document: string | null;
  revoked?: boolean;
};

export type IncentiveInput = {
  subject: { kind: SubjectKind; /** 成立/登记日期; null = unknown. */ establishedOn: IsoDate | null };
  awards: readonly Award[];
  records: readonly CreditRecord[];
  grade: { scheme: string; grade: string; evaluatedOn: IsoDate } | null;
  /** The subject asked not to publish its positive information (黑龙江条例 第三十七条). */
  optedOutOfPublication: boolean;
  asOf: IsoDate;
};

export type CriterionResult = { no: 1 | 2 | 3 | 4; label: string; met: boolean; reason: string; evidence: string[] };

export type IncentiveResult = {
  eligible: boolean;
  criteria: CriterionResult[];
  veto: { applied: boolean; records: CreditRecord[]; reason: string };
  publication: { allowed: boolean; reason: string };
  period: { from: IsoDate; to: IsoDate };
  basis: string;
  explanation: string[];
};

const COUNTY_OR_ABOVE: readonly GrantorLevel[] = ['national', 'provincial', 'city', 'county'];

/** "A级以上": one or more A's, optionally a plus (A, AA, AAA, A+). */
export function isGradeAOrAbove(grade: string): boolean {
  return /^A{1,3}\+?$/.test(grade.trim().toUpperCase().replace(/级$/, '').replace(/类$/, ''));
}

export function checkIncentiveEligibility(input: IncentiveInput): IncentiveResult {
  const { asOf } = input;
  const from = addDays(addYears(asOf, -3), 1);
  const period = { from, to: asOf };
  const awards = input.awards.filter((a) => !a.revoked && a.date <= asOf);
  const describeAward = (a: Award): string => `${a.date} ${a.grantor}授予“${a.title}”${a.document ? `（${a.document}）` : ''}`;

  const high = awards.filter((a) => a.grantorKind !== 'other_unit' && COUNTY_OR_ABOVE.includes(a.grantorLevel));
  const c1: CriterionResult = {
    no: 1,
    label: '被县级以上政府或政府部门给予行政奖励或授予荣誉称号',
    met: high.length > 0,
    reason: high.length > 0 ? `有${high.length}项县级以上政府或政府部门的奖励或荣誉` : '没有县级以上政府或政府部门的奖励或荣誉',
    evidence: high.map(describeAward),
  };

  const localGrantors = new Map<string, Award>();
  for (const a of awards) if (a.local && !localGrantors.has(nameKey(a.grantor))) localGrantors.set(nameKey(a.grantor), a);
  const c2: CriterionResult = {
    no: 2,
    label: '被本市（县）3个以上部门单位给予行政奖励或授予荣誉称号',
    met: localGrantors.size >= 3,
    reason: `本市（县）给予奖励或荣誉的部门单位${localGrantors.size}个${localGrantors.size >= 3 ? '' : '，不足3个'}`,
    evidence: [...localGrantors.values()].map(describeAward),
  };

  const counted = input.records.filter((r) => !r.withdrawn && r.date <= asOf);
  const inPeriod = counted.filter((r) => r.date >= from);
  const inEffect = counted.filter((r) => r.date < from && (r.endedOn === null || r.endedOn === undefined || r.endedOn > asOf));
  const vetoRecords = [...inPeriod, ...inEffect];

  const existedLongEnough = input.subject.establishedOn !== null && input.subject.establishedOn <= addYears(asOf, -3);
  const c3: CriterionResult = {
    no: 3,
    label: '连续三年没有失信记录',
    met: existedLongEnough && inPeriod.length === 0,
    reason:
      input.subject.establishedOn === null
        ? '成立（登记）日期不详，无法确认连续三年没有失信记录'
        : !existedLongEnough
          ? `${input.subject.establishedOn}成立，不满三年`
          : inPeriod.length === 0
            ? `${from}至${asOf}没有失信记录`
            : `${from}至${asOf}有${inPeriod.length}条失信记录`,
    evidence: inPeriod.map((r) => `${r.date} ${r.description}（${describeSource(r.source)}）`),
  };

  const isOrganisation = input.subject.kind !== 'natural_person';
  const gradeOk = input.grade !== null && isGradeAOrAbove(input.grade.grade);
  const c4: CriterionResult = {
    no: 4,
    label: '信用等级评价达到A级以上的企业',
    met: isOrganisation && gradeOk,
    reason: !isOrganisation
      ? '本项只适用于企业'
      : input.grade === null
        ? '没有信用等级评价结果'
        : gradeOk
          ? `${input.grade.evaluatedOn}${input.grade.scheme}评价为${input.grade.grade}`
          : `${input.grade.evaluatedOn}${input.grade.scheme}评价为${input.grade.grade}，未达到A级`,
    evidence: input.grade ? [`${input.grade.scheme}：${input.grade.grade}（${input.grade.evaluatedOn}）`] : [],
  };

  const criteria = [c1, c2, c3, c4];
  const anyMet = criteria.some((c) => c.met);
  const vetoApplied = vetoRecords.length > 0;
  const veto = {
    applied: vetoApplied,
    records: vetoRecords,
    reason: vetoApplied
      ? `存在失信记录${vetoRecords.length}条（${vetoRecords.map((r) => `${r.date} ${r.description}`).join('；')}），实行一票否决，无论受到何种奖励，不得列为守信激励对象`
      : '评价期间没有失信记录，也没有仍在有效期内的失信记录',
  };
  const eligible = anyMet && !vetoApplied;
  const publication = !eligible
    ? { allowed: false, reason: '不是守信激励对象' }
    : input.optedOutOfPublication
      ? { allowed: false, reason: '信用主体提出不公示自身守信信息，不得公示（黑龙江省社会信用条例 第三十七条）' }
      : { allowed: true, reason: '守信信息可以依法公示（黑龙江省社会信用条例 第三十七条）' };
  const explanation = [
    ...criteria.map((c) => `条件${c.no}（${c.label}）：${c.met ? '符合' : '不符合'}，${c.reason}`),
    `一票否决：${veto.reason}`,
    eligible ? `符合守信激励对象条件（${INCENTIVE_BASIS}）` : anyMet ? `因一票否决，不得列为守信激励对象（${INCENTIVE_BASIS}）` : `不符合任何一项条件，不列为守信激励对象（${INCENTIVE_BASIS}）`,
  ];
  return { eligible, criteria, veto, publication, period, basis: INCENTIVE_BASIS, explanation };
}
