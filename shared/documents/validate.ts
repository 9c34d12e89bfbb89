/**
 * Refusals before issuing: a decision missing any of its legally required elements is a legal
 * defect, so it is refused with a Chinese reason that names the element.
 */
import { isIsoDate } from '../util/dates';
import { refuse, type Check } from '../util/result';
import { placeholdersOf } from './format';
import { describePlaceholder, paragraphLabel, REQUIRED_PLACEHOLDERS, resolveTemplate, type DocumentTemplate } from './templates';
import { DOCUMENT_KIND_NAMES, type DocumentInput } from './types';

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

type Problem = { code: string; reason: string };

function commonProblems(input: DocumentInput): Problem[] {
  const out: Problem[] = [];
  if (blank(input.office?.name)) out.push({ code: 'office-name-missing', reason: '发文机关名称未填写' });
  if (blank(input.office?.numberPrefix)) out.push({ code: 'number-prefix-missing', reason: '发文机关代字未设置' });
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
  if (!input.validity || blank(input.validity.text) || !isIsoDate(input.validity.from) || !isIsoDate(input.validity.to)) {
    out.push({ code: 'element-period-missing', reason: '缺少必备要素“期限”（有效期及起止日期）' });
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
    case 'repair-notice':
      return [
        ...(blank(input.decisionNumber) ? [{ code: 'decision-number-missing', reason: '缺少同时送达的决定书文号' }] : []),
        ...dateProblem(input.earliestApplyDate, '可申请修复日期', 'earliest-apply-invalid'),
        ...dateProblem(input.latestEndDate, '最长公示截止日期', 'latest-end-invalid'),
        ...(blank(input.window) ? [{ code: 'window-missing', reason: '缺少信用修复办理途径' }] : []),
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
        ...(input.outcome !== 'adopted' && blank(input.reasons) ? [{ code: 'reasons-missing', reason: '异议未予（全部）采纳的，必须说明理由' }] : []),
        ...(input.outcome !== 'not-adopted' && blank(input.correction) ? [{ code: 'correction-missing', reason: '采纳异议的，应写明更正内容' }] : []),
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

/** Everything wrong with a document before it may be issued (empty = fine). */
export function documentProblems(input: DocumentInput, template?: DocumentTemplate): Problem[] {
  const resolved = resolveTemplate(input.kind, template);
  return [...commonProblems(input), ...kindProblems(input), ...templateProblems(input, resolved)];
}

/** Refuses to issue with one Chinese reason listing every problem. */
export function checkIssuable(input: DocumentInput, template?: DocumentTemplate): Check {
  const problems = documentProblems(input, template);
  if (problems.length === 0) return { ok: true };
  return refuse(problems[0]!.code, `不能签发《${DOCUMENT_KIND_NAMES[input.kind]}》：${problems.map((p) => p.reason).join('；')}。`);
}
