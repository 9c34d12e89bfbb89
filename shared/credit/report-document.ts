import type { BuiltUnit } from '../documents/build';
import { formatChineseDate } from '../documents/format';
import { blankLines, flushLine, heading, paragraph, signature, title, type DocNode } from '../documents/layout';
import type { CreditReport, ReportItem } from './report';

/**
 * A subject's credit report (buildCreditReport) as one printable unit on the GB/T 9704 page of the
 * documents module (layout building blocks: 标题, 一、 headings, 3号 body paragraphs, 署名 and 成文日期).
 * A report is not a numbered decision: it carries no 文号 and is not issued, only printed.
 */
function itemNodes(item: ReportItem, index: number): DocNode[] {
  const nodes: DocNode[] = [paragraph(`（${index + 1}）${item.title}`, { font: 'heading' })];
  for (const f of item.fields) if (f.value.trim() !== '') nodes.push(paragraph(`${f.label}：${f.value}`));
  const documents = item.source.documents.length > 0 ? `；依据文书：${item.source.documents.join('；')}` : '';
  nodes.push(paragraph(`信息来源：${item.source.department || '—'}${documents}`));
  if (item.changes.length > 0) {
    nodes.push(paragraph('变动情况：'));
    for (const c of item.changes) nodes.push(paragraph(`${formatChineseDate(c.date)}\u3000${c.label}${c.detail ? `：${c.detail}` : ''}`));
  }
  return nodes;
}

export function creditReportUnit(report: CreditReport): BuiltUnit {
  const content: DocNode[] = [title([report.office, report.title]), blankLines(1)];
  content.push(flushLine(`生成日期：${formatChineseDate(report.generatedOn)}`), blankLines(1));
  for (const section of report.sections) {
    content.push(heading(section.title));
    if (section.items.length === 0) content.push(paragraph(section.emptyText || '无'));
    section.items.forEach((item, i) => content.push(...itemNodes(item, i)));
  }
  content.push(heading('说明'));
  report.notes.forEach((n, i) => content.push(paragraph(`${i + 1}. ${n}`)));
  content.push(signature(report.office, formatChineseDate(report.generatedOn)));
  return { kind: 'credit-report', name: report.title, numberText: '', numbered: true, attachments: [], content };
}
