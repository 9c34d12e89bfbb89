/**
 * Refusals before issuing: a decision missing any of its legally required elements is a legal
 * defect, and so is a printed date that differs from the case (黑龙江条例 第三十九条 lists 超期公示 among
 * the grounds of objection): both are refused with a Chinese reason that names the element.
 */
import type { CaseState } from '../case/state';
import { LIST_TYPE_LABELS, OBJECTION_OUTCOME_LABELS } from '../case/events';
import { certaintyMarker } from '../rules/periods';
import { isIsoDate } from '../util/dates';
import { refuse, type Check } from '../util/result';
import { caseDate, DOCUMENT_DATE_FIELDS, objectionFor, repairFor } from './case-fields';
import { placeholdersOf } from './format';
import { describePlaceholder, paragraphLabel, REQUIRED_PLACEHOLDERS, resolveTemplate, type DocumentTemplate } from './templates';
import { documentTitle } from './titles';
import type { DocumentInput } from './types';

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

type Problem = { code: string; reason: string };

function commonProblems(input: DocumentInput): Problem[] {
  const out: Problem[] = [];
  if (blank(input.office?.name)) out.push({ code: 'office-name-missing', reason: '发文机关名称未填写' });
  if (blank(input.office?.numbering?.documentPrefix)) out.push({ code: 'number-prefix-missing', reason: '发文机关代字未设置' });
  if (blank(input.subject?.name)) out.push({ code: 'subject-name-missing', reason: '当事人名称或姓名未填写' });
  if (!isIsoDate(input.date)) out.push({ code: 'date-invalid', reason: '成文日期无效' });
  return out;
}

function dateProblem(value: unknown, label: string, code: string): Problem[] {
  return isIsoDate(value) ? [] : [{ code, reason: `${label}无效或未填写` }];
}

/** The five required elements of a listing decision (理由、依据、期限、移出条件、救济途径) and the rest. */
function listingProblems(input: Extract<DocumentInput, { kind: 'listing-decision' }>): Problem[] {
  const out: Problem[] = [];
  if (blank(input.facts)) out.push({ code: 'element-reason-missing', reason: '缺少必备要素“理由”（失信行为事实）' });
  if (blank(input.basis)) out.push({ code: 'element-basis-missing', reason: '缺少必备要素“依据”' });
  if (!input.validity || blank(input.validity.text) || blank(input.validity.basis) || !isIsoDate(input.validity.from) || !isIsoDate(input.validity.to)) {
    out.push({ code: 'element-period-missing', reason: '缺少必备要素“期限”（有效期、起止日期及计算依据）' });
  } else if (input.validity.to < input.validity.from) {
    out.push({ code: 'element-period-invalid', reason: '必备要素“期限”的截止日期早于起始日期' });
  }
  if (blank(input.removalConditions)) out.push({ code: 'element-removal-missing', reason: '缺少必备要素“移出条件”' });
  const r = input.remedies;
  if (!r || blank(r.objectionTo) || blank(r.reviewBody) || blank(r.court) || !(r.reviewDays > 0) || !(r.litigationMonths > 0)) {
    out.push({ code: 'element-remedy-missing', reason: '缺少必备要素“救济途径”（异议受理机关、行政复议机关及期限、行政诉讼法院及期限）' });
  }
  input.measures?.forEach((m, i) => {
    if (blank(m.text)) out.push({ code: 'measure-missing', reason: `第${i + 1}项惩戒措施内容为空` });
    else if (blank(m.period)) out.push({ code: 'measure-period-missing', reason: `惩戒措施“${m.text}”缺少实施期限` });
  });
  if (blank(input.repairRoute)) out.push({ code: 'repair-route-missing', reason: '缺少信用修复途径' });
  const n = input.repairNotice;
  if (!n) out.push({ code: 'repair-notice-missing', reason: '缺少附件《信用修复告知书》' });
  else {
    if (n.earliestApplyDate !== null && !isIsoDate(n.earliestApplyDate)) out.push({ code: 'earliest-apply-invalid', reason: '附件《信用修复告知书》的可申请修复日期无效' });
    if (n.earliestApplyDate === null && blank(n.barBasis)) out.push({ code: 'bar-basis-missing', reason: '附件《信用修复告知书》未写明不得申请修复的依据' });
    if (!isIsoDate(n.latestEndDate)) out.push({ code: 'latest-end-invalid', reason: '附件《信用修复告知书》的最长公示截止日期无效' });
    if (blank(n.window)) out.push({ code: 'window-missing', reason: '附件《信用修复告知书》缺少信用修复办理途径' });
  }
  return out;
}

function kindProblems(input: DocumentInput): Problem[] {
  switch (input.kind) {
    case 'listing-decision':
      return listingProblems(input);
    case 'prior-notice':
      return [
        ...(blank(input.facts) ? [{ code: 'facts-missing', reason: '缺少拟列入的事实和理由' }] : []),
        ...(blank(input.basis) ? [{ code: 'basis-missing', reason: '缺少拟列入的依据' }] : []),
        ...(blank(input.statementPeriodText) ? [{ code: 'statement-period-missing', reason: '缺少陈述、申辩期限' }] : []),
        ...dateProblem(input.statementDeadline, '陈述、申辩截止日期', 'statement-deadline-invalid'),
      ];
    case 'objection-acceptance':
      return [
        ...dateProblem(input.receivedDate, '异议收到日期', 'received-invalid'),
        ...dateProblem(input.replyDeadline, '异议答复期限', 'reply-deadline-invalid'),
        ...(blank(input.objectionSummary) ? [{ code: 'objection-missing', reason: '缺少异议内容' }] : []),
      ];
    case 'objection-decision':
      return [
        ...dateProblem(input.receivedDate, '异议收到日期', 'received-invalid'),
        ...(blank(input.findings) ? [{ code: 'findings-missing', reason: '缺少核实情况' }] : []),
        ...(input.outcome === 'rejected' && blank(input.reasons) ? [{ code: 'reasons-missing', reason: '异议未予采纳的，必须说明理由' }] : []),
        ...(input.outcome === 'upheld_correct' && blank(input.correction) ? [{ code: 'correction-missing', reason: '采纳异议并更正的，应写明更正内容' }] : []),
      ];
    case 'repair-acceptance':
      return [...dateProblem(input.applicationDate, '申请日期', 'application-invalid'), ...dateProblem(input.decisionDeadline, '决定期限', 'decision-deadline-invalid')];
    case 'repair-decision':
      return [
        ...dateProblem(input.applicationDate, '申请日期', 'application-invalid'),
        ...(blank(input.reasons) ? [{ code: 'reasons-missing', reason: input.outcome === 'refused' ? '不予信用修复的，必须说明理由' : '准予信用修复的，应写明审核理由' }] : []),
        ...(input.outcome === 'granted' ? dateProblem(input.effectiveDate, '修复生效日期', 'effective-invalid') : []),
      ];
    case 'removal-decision':
      return [
        ...(blank(input.listingNumber) ? [{ code: 'listing-number-missing', reason: '缺少原列入决定书文号' }] : []),
        ...dateProblem(input.listingDate, '原列入日期', 'listing-date-invalid'),
        ...dateProblem(input.removalDate, '移出日期', 'removal-date-invalid'),
        ...(blank(input.reasonText) ? [{ code: 'removal-reason-missing', reason: '缺少移出理由' }] : []),
      ];
  }
}

function templateProblems(input: DocumentInput, template: DocumentTemplate): Problem[] {
  const required = REQUIRED_PLACEHOLDERS[input.kind] ?? {};
  const out: Problem[] = [];
  for (const [key, names] of Object.entries(required)) {
    const text = template.paragraphs[key];
    const present = new Set(placeholdersOf(text ?? ''));
    const lost = names.filter((n) => !present.has(n));
    if (text === undefined || lost.length > 0) {
      out.push({ code: 'template-element-dropped', reason: `文书模板第${template.version}版的“${paragraphLabel(input.kind, key)}”${text === undefined ? '缺失' : `删去了必备内容 ${lost.map(describePlaceholder).join('、')}`}，请在“文书模板”中恢复` });
    }
  }
  return out;
}

const WHY: Record<'absent' | 'unset' | 'paused', string> = { absent: '案件中没有该事项', unset: '该期限在规则集中未设置，请在"设置"中确定', paused: '该期限的计时中止中' };

/** Where the document disagrees with the folded case: printed dates, list, outcome, uncertainty markers. */
function caseProblems(input: DocumentInput, state: CaseState): Problem[] {
  const out: Problem[] = [];
  for (const f of DOCUMENT_DATE_FIELDS[input.kind]) {
    const printed = f.read(input);
    if (printed === undefined) continue;
    const expected = caseDate(state, f.source, input.regardingId);
    if (!expected.ok) {
      out.push({ code: expected.why === 'unset' ? 'period-unset' : 'case-date-missing', reason: `“${f.label}”无法按案件确定：${WHY[expected.why]}${expected.period ? `（${expected.period.label}，${expected.period.basis}）` : ''}` });
      continue;
    }
    if (printed !== expected.date) {
      const basis = expected.period ? `（${expected.period.label}，${expected.period.basis}）` : '';
      out.push({ code: 'date-differs-from-case', reason: `“${f.label}”填写为${printed ?? '空'}，案件记载为${expected.date ?? '不得申请'}${basis}` });
      continue;
    }
    const marker = certaintyMarker(expected.certainty);
    if (marker && expected.certainty === 'uncertain' && input.certaintyNotes?.[f.field] !== marker) {
      out.push({ code: 'certainty-marker-missing', reason: `“${f.label}”依据的期限数值尚未核实，须注明“${marker}”` });
    }
  }
  if ('listType' in input && state.listType !== null && input.listType !== state.listType) {
    out.push({ code: 'list-differs-from-case', reason: `文书所列名单为“${LIST_TYPE_LABELS[input.listType]}”，案件记载为“${LIST_TYPE_LABELS[state.listType]}”` });
  }
  if (input.kind === 'objection-decision') {
    const o = objectionFor(state, input.regardingId);
    if (!o?.outcome) out.push({ code: 'objection-not-decided', reason: '案件中尚未登记该异议的处理决定，请先办理“异议决定”' });
    else if (o.outcome !== input.outcome) out.push({ code: 'outcome-differs-from-case', reason: `处理结果为“${OBJECTION_OUTCOME_LABELS[input.outcome]}”，案件记载为“${OBJECTION_OUTCOME_LABELS[o.outcome]}”` });
  }
  if (input.kind === 'repair-decision') {
    const r = repairFor(state, input.regardingId);
    const decided = r?.stage === 'P4' ? 'granted' : r?.stage === 'P4R' ? 'refused' : null;
    if (decided === null) out.push({ code: 'repair-not-decided', reason: '案件中尚未登记该修复申请的决定，请先办理“修复决定”' });
    else if (decided !== input.outcome) out.push({ code: 'outcome-differs-from-case', reason: `决定为“${input.outcome === 'granted' ? '准予信用修复' : '不予信用修复'}”，案件记载相反` });
  }
  return out;
}

/** Everything wrong with a document before it may be issued (empty = fine). With the case, its dates are checked too. */
export function documentProblems(input: DocumentInput, template?: DocumentTemplate, state?: CaseState): Problem[] {
  const resolved = resolveTemplate(input.kind, template);
  return [...(state ? caseProblems(input, state) : []), ...commonProblems(input), ...kindProblems(input), ...templateProblems(input, resolved)];
}

/**
 * Refuses to issue with one Chinese reason listing every problem. Given the folded case, a printed
 * date that differs from the case's declared period or fact (case-fields.ts), or depends on an unset
 * period, is refused naming the field and both dates.
 */
export function checkIssuable(input: DocumentInput, template?: DocumentTemplate, state?: CaseState): Check {
  const problems = documentProblems(input, template, state);
  if (problems.length === 0) return { ok: true };
  return refuse(problems[0]!.code, `不能签发《${documentTitle(input)}》：${problems.map((p) => p.reason).join('；')}。`);
}
