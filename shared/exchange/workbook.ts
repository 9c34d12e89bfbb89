import { columnLetter, type CellValue } from './cells';
import { describeChoices, type CodeTable } from './code-tables';
import { cellFromImport, codeCell, emptySheet, safeSheetName, textCell, titleRow, type ExportCell, type ExportWorkbook } from './sheet';
import { ERROR_COLUMN_HEADER, type ColumnDef, type ImportTemplate } from './templates';

/** Sheets of a template workbook. */
export const INSTRUCTION_SHEET_NAME = '填写说明';
export const CODE_SHEET_NAME = '代码表';

/** How many template rows get drop-downs and text-formatted code cells. */
export const TEMPLATE_INPUT_ROWS = 2000;

/** Header as printed: required columns carry a leading "*". */
export function printedHeader(column: ColumnDef): string {
  return column.required === 'always' ? `*${column.header}` : column.header;
}

function requirementText(column: ColumnDef): string {
  if (column.required === 'always') return '必填';
  if (column.required === 'conditional') return column.requiredWhen ?? '视情况填写';
  return '选填';
}

function exampleCell(column: ColumnDef, value: string | undefined): ExportCell {
  return column.kind === 'uscc' || column.kind === 'citizen_id' ? codeCell(value) : textCell(value);
}

/**
 * The downloadable template: 填写说明 (instructions and a table of the columns), the data sheet with
 * the header, example rows (序号 "示例", never imported), drop-downs and text-formatted code columns,
 * and 代码表 with every code table the drop-downs refer to.
 */
export function templateWorkbook(template: ImportTemplate): ExportWorkbook {
  const tables: CodeTable[] = [];
  for (const c of template.columns) if (c.table && !tables.some((t) => t.id === c.table?.id)) tables.push(c.table);

  const instructions = emptySheet(INSTRUCTION_SHEET_NAME);
  titleRow(instructions, template.title, 4);
  instructions.preamble.push([textCell('填写说明')]);
  template.instructions.forEach((line, i) => instructions.preamble.push([textCell(`${i + 1}. ${line}`)]));
  instructions.preamble.push([]);
  instructions.header = ['列名', '是否必填', '填写要求', '可选值'];
  instructions.rows = template.columns.map((c) => [textCell(c.header), textCell(requirementText(c)), textCell(c.note), textCell(c.table ? describeChoices(c.table) : '')]);
  instructions.columnWidths = [22, 18, 60, 40];

  const data = emptySheet(safeSheetName(template.sheetName));
  data.header = template.columns.map(printedHeader);
  data.rows = template.examples.map((example) => template.columns.map((c) => exampleCell(c, example[c.key])));
  data.columnWidths = template.columns.map((c) => c.width);
  data.frozenRows = 1;
  data.textColumns = template.columns.flatMap((c, i) => (c.kind === 'uscc' || c.kind === 'citizen_id' ? [i] : []));
  data.textRows = TEMPLATE_INPUT_ROWS;

  const codes = emptySheet(CODE_SHEET_NAME);
  codes.header = tables.map((t) => t.title);
  const longest = Math.max(0, ...tables.map((t) => t.entries.length));
  codes.rows = Array.from({ length: longest }, (_, r) => tables.map((t) => textCell(t.entries[r]?.label ?? '')));
  codes.columnWidths = tables.map((t) => Math.min(40, Math.max(10, ...t.entries.map((e) => [...e.label].length + 2))));
  codes.frozenRows = 1;

  data.validations = template.columns.flatMap((c, column) => {
    if (!c.table) return [];
    const tableIndex = tables.findIndex((t) => t.id === c.table?.id);
    const letter = columnLetter(tableIndex);
    const count = c.table.entries.length;
    return [{ column, firstRow: 1, lastRow: TEMPLATE_INPUT_ROWS, listSheet: CODE_SHEET_NAME, listRange: `$${letter}$2:$${letter}$${count + 1}`, title: c.header }];
  });

  return { fileName: `${template.title}.xlsx`, sheets: [instructions, data, codes] };
}

/**
 * The rejected rows returned to the user: the original header and cells (numbers stay numbers, text
 * is neutralised) plus a 错误说明 column. Fixed and re-imported, the rows go in; the 错误说明 column
 * is ignored by the mapping and rows already imported are recognised as duplicates.
 */
export function rejectedRowsWorkbook(
  sourceFileName: string,
  sheetName: string,
  headers: readonly string[],
  rejected: readonly { rowNumber: number; cells: readonly CellValue[]; reason: string }[],
): ExportWorkbook {
  const width = Math.max(headers.length, ...rejected.map((r) => r.cells.length));
  const errorIndex = headers.findIndex((h) => h.trim() === ERROR_COLUMN_HEADER);
  const baseWidth = errorIndex >= 0 ? errorIndex : width;
  const sheet = emptySheet(safeSheetName(sheetName));
  sheet.header = [...Array.from({ length: baseWidth }, (_, i) => headers[i] ?? ''), ERROR_COLUMN_HEADER];
  sheet.rows = rejected.map((r) => [...Array.from({ length: baseWidth }, (_, i) => cellFromImport(r.cells[i])), textCell(r.reason)]);
  sheet.columnWidths = [...Array.from({ length: baseWidth }, () => 16), 60];
  sheet.frozenRows = 1;
  const base = sourceFileName.replace(/\.(xlsx|xls|et|csv)$/i, '');
  return { fileName: `${base}-未导入的行.xlsx`, sheets: [sheet] };
}
