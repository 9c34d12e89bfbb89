import { refuse, type Refusal } from '../util/result';
import { cellToText, nameKey, type CellValue } from './cells';
import { flattenHeaderRows, locateHeaderRow, checkMapping, type CellRange, type ColumnMapping } from './mapping';
import type { ImportTemplate } from './templates';
import {
  validateRow,
  type CaseImportRow,
  type ImportContext,
  type ImportedBasisDocument,
  type ImportRowValue,
  type LinkedPersonRow,
  type OrgSubjectRow,
  type PersonSubjectRow,
  type RowResult,
} from './validate';

/**
 * The import pipeline around validateRow: sheet checks, duplicate detection within the file and
 * against the desk's records (through a lookup the caller passes in), the preview counts and the
 * grouping of case rows into cases. Nothing here writes; the desk writes the valid rows in ONE
 * transaction after the user chose "import the valid rows" or "nothing until all are fixed".
 */

/** One sheet as the worker read it. `rows[0]` is sheet row 1. */
export type SheetInput = {
  name: string;
  rows: readonly (readonly CellValue[])[];
  /** SheetJS `!merges`. */
  merges?: readonly CellRange[];
  /** 0-based indices of hidden rows (SheetJS `!rows[i].hidden`). */
  hiddenRows?: readonly number[];
};

/** More rows than this are refused before any validation (the window must stay responsive). */
export const MAX_IMPORT_ROWS = 100_000;

/** Messages for file-level problems the worker detects (wrong type, encrypted …), in one place. */
export const FILE_PROBLEM_MESSAGES = {
  unsupported_type: '无法读取该文件：请选择 Excel（.xlsx、.xls）、WPS表格（.et）或 CSV 文件',
  not_a_workbook: '该文件不是有效的表格文件（可能是改了扩展名的其他文件，如PDF），请在Excel或WPS中另存为 .xlsx 后再导入',
  encrypted: '该工作簿设置了打开密码，请在Excel或WPS中取消密码后另存，再导入',
  no_sheets: '该工作簿中没有工作表',
  csv_encoding: '无法识别CSV文件的文字编码，请在Excel或WPS中另存为“CSV UTF-8”或 .xlsx 后再导入',
  too_large: `文件过大，无法一次导入；请拆分为每个不超过${MAX_IMPORT_ROWS}行的文件`,
  read_failed: '读取文件时出错，请确认文件未损坏，可在Excel或WPS中打开后另存再试',
} as const;

export type FileProblem = keyof typeof FILE_PROBLEM_MESSAGES;

/** The sheet to import: the template's own sheet name, else the only sheet that is not an instruction or code sheet. */
export function chooseSheet(template: ImportTemplate, sheetNames: readonly string[]): { ok: true; name: string } | (Refusal & { candidates: string[] }) {
  if (sheetNames.length === 0) return { ...refuse('no_sheets', FILE_PROBLEM_MESSAGES.no_sheets), candidates: [] };
  const own = sheetNames.find((n) => nameKey(n) === nameKey(template.sheetName));
  if (own !== undefined) return { ok: true, name: own };
  const data = sheetNames.filter((n) => !['填写说明', '代码表', '说明'].includes(nameKey(n)));
  if (data.length === 1 && data[0] !== undefined) return { ok: true, name: data[0] };
  if (sheetNames.length === 1 && sheetNames[0] !== undefined) return { ok: true, name: sheetNames[0] };
  return { ...refuse('several_sheets', `工作簿中有${sheetNames.length}张工作表（${sheetNames.join('、')}），请选择要导入的工作表`), candidates: data.length > 0 ? data : [...sheetNames] };
}

export type PreparedSheet = {
  /** 0-based index of the (last) header row; data starts on the next row. */
  headerRowIndex: number;
  headers: string[];
  /** Data rows to validate: sheet rows after the header, with their 1-based sheet row numbers. */
  dataRowCount: number;
  hiddenDataRows: number;
};

/** Sheet-level checks: empty, too many rows, header row found (merged multi-row headers flattened). */
export function prepareSheet(template: ImportTemplate, sheet: SheetInput): { ok: true; prepared: PreparedSheet } | Refusal {
  const nonEmpty = sheet.rows.some((row) => row.some((cell) => cellToText(cell).trim() !== ''));
  if (!nonEmpty) return refuse('sheet_empty', `工作表“${sheet.name}”是空的，请确认选择了填好数据的工作表`);
  if (sheet.rows.length > MAX_IMPORT_ROWS + 20) {
    return refuse('sheet_too_many_rows', `工作表“${sheet.name}”有${sheet.rows.length}行，一次最多导入${MAX_IMPORT_ROWS}行，请拆分为几个文件后分别导入`);
  }
  const located = locateHeaderRow(template, sheet.rows);
  if (!located.ok) return located;
  let headerRowIndex = located.index;
  // A header over several rows: the block is the rows of the merged cells that cross the located
  // header row (a title merged across the row above does not cross it and stays out).
  const merges = sheet.merges ?? [];
  const crossing = merges.filter((m) => m.s.r <= headerRowIndex && m.e.r >= headerRowIndex);
  const firstHeaderRow = Math.min(headerRowIndex, ...crossing.map((m) => m.s.r));
  const lastHeaderRow = Math.max(headerRowIndex, ...crossing.map((m) => m.e.r));
  const mergesInHeader = merges.filter((m) => m.s.r >= firstHeaderRow && m.e.r <= lastHeaderRow);
  const headers =
    mergesInHeader.length > 0
      ? flattenHeaderRows(sheet.rows.slice(firstHeaderRow, lastHeaderRow + 1), firstHeaderRow, mergesInHeader)
      : (sheet.rows[headerRowIndex] ?? []).map((cell) => cellToText(cell).trim());
  headerRowIndex = lastHeaderRow;
  const hidden = new Set(sheet.hiddenRows ?? []);
  const dataRowCount = Math.max(0, sheet.rows.length - headerRowIndex - 1);
  let hiddenDataRows = 0;
  for (const index of hidden) if (index > headerRowIndex && index < sheet.rows.length) hiddenDataRows += 1;
  return { ok: true, prepared: { headerRowIndex, headers, dataRowCount, hiddenDataRows } };
}

/** What a row is compared on. */
export type DuplicateKey =
  | { kind: 'subject'; idType: 'uscc' | 'citizen_id'; code: string; name: string }
  | { kind: 'case'; subjectCode: string; basisDocumentNo: string; caseRef: string | null }
  | { kind: 'linked_person'; organisationUscc: string; role: string; citizenId: string };

/** A record already in the desk that a row matches. `name` (subjects) lets us tell merge from conflict. */
export type ExistingMatch = { id: string; label: string; name?: string };

/** The caller's lookup into the desk's own tables (by USCC / keyed ID hash / basis number). */
export type ExistingLookup = (key: DuplicateKey) => ExistingMatch | null;

export type DuplicateOutcome =
  | { kind: 'new' }
  | { kind: 'duplicate_in_file'; firstRowNumber: number; reason: string }
  | { kind: 'existing_same'; existing: ExistingMatch; reason: string }
  | { kind: 'existing_conflict'; existing: ExistingMatch; reason: string };

export function duplicateKeyOf(value: ImportRowValue): DuplicateKey {
  if ('basisDocument' in value) {
    const v = value as CaseImportRow;
    return { kind: 'case', subjectCode: v.subject.uscc ?? v.subject.citizenId ?? '', basisDocumentNo: nameKey(v.basisDocument.documentNo), caseRef: v.caseRef };
  }
  if ('organisation' in value) {
    const v = value as LinkedPersonRow;
    return { kind: 'linked_person', organisationUscc: v.organisation.uscc, role: v.role, citizenId: v.person.citizenId };
  }
  if (value.kind === 'natural_person') {
    const v = value as PersonSubjectRow;
    return { kind: 'subject', idType: 'citizen_id', code: v.citizenId, name: v.name };
  }
  const v = value as OrgSubjectRow;
  return { kind: 'subject', idType: 'uscc', code: v.uscc, name: v.name };
}

function keyString(key: DuplicateKey): string {
  switch (key.kind) {
    case 'subject':
      return `S|${key.idType}|${key.code}`;
    case 'case':
      return `C|${key.subjectCode}|${key.basisDocumentNo}`;
    case 'linked_person':
      return `L|${key.organisationUscc}|${key.role}|${key.citizenId}`;
  }
}

/**
 * Duplicate detection across the rows of one import (in the worker's chunks, in row order) and against
 * the desk. A subject matching an existing one with the same name is merged, with another name it is
 * flagged; never doubled. A case with a basis document already recorded for the subject is skipped.
 */
export function createDuplicateTracker(lookup: ExistingLookup) {
  const seen = new Map<string, number>();
  return {
    check(rowNumber: number, value: ImportRowValue): DuplicateOutcome {
      const key = duplicateKeyOf(value);
      const k = keyString(key);
      const first = seen.get(k);
      if (first !== undefined) {
        const what = key.kind === 'subject' ? (key.idType === 'uscc' ? '统一社会信用代码' : '公民身份号码') : key.kind === 'case' ? '主体和依据文书文号' : '主体、关联身份和身份证号码';
        return { kind: 'duplicate_in_file', firstRowNumber: first, reason: `与第${first}行的${what}相同，重复的行不会导入` };
      }
      seen.set(k, rowNumber);
      const existing = lookup(key);
      if (!existing) return { kind: 'new' };
      if (key.kind === 'subject') {
        if (existing.name === undefined || nameKey(existing.name) === nameKey(key.name)) {
          return { kind: 'existing_same', existing, reason: `已登记为“${existing.label}”，将合并到已有主体，不会重复登记` };
        }
        return { kind: 'existing_conflict', existing, reason: `${key.idType === 'uscc' ? '统一社会信用代码' : '公民身份号码'}与已登记的“${existing.label}”相同，但名称不同（本行为“${key.name}”），请核对后再导入` };
      }
      if (key.kind === 'case') return { kind: 'existing_same', existing, reason: `该主体依据同一文书的案件已登记（${existing.label}），不会重复登记` };
      return { kind: 'existing_same', existing, reason: `已登记（${existing.label}），不会重复登记` };
    },
  };
}

export type ImportedRow = RowResult<ImportRowValue> & { duplicate: DuplicateOutcome | null };

/**
 * What "import the valid rows" does with a checked row: create a record, merge into an existing
 * subject, skip (already recorded), reject (back to the user with 错误说明) or ignore (example/empty).
 */
export type RowAction = 'create' | 'merge' | 'skip' | 'reject' | 'ignore';

export function rowAction(row: ImportedRow): RowAction {
  if (row.status === 'empty' || row.status === 'example') return 'ignore';
  if (row.status === 'invalid' || row.value === null) return 'reject';
  const d = row.duplicate;
  if (d === null || d.kind === 'new') return 'create';
  if (d.kind === 'existing_same') return duplicateKeyOf(row.value).kind === 'subject' ? 'merge' : 'skip';
  return 'reject';
}

/** The 错误说明 of a rejected row, including the duplicate reason. */
export function rejectionText(row: ImportedRow): string {
  const d = row.duplicate;
  return [row.errorText, d && (d.kind === 'duplicate_in_file' || d.kind === 'existing_conflict') ? d.reason : ''].filter((t) => t !== '').join('；');
}

export type ImportSummary = {
  /** Rows that are neither empty nor examples. */
  dataRows: number;
  examples: number;
  empty: number;
  valid: number;
  invalid: number;
  /** Rows repeating an earlier row of the file (rejected). */
  duplicateInFile: number;
  /** Rows matching an existing code with another name (rejected). */
  existingConflict: number;
  create: number;
  merge: number;
  skip: number;
  reject: number;
  hidden: number;
};

export function summariseImport(rows: readonly ImportedRow[]): ImportSummary {
  const summary: ImportSummary = { dataRows: 0, examples: 0, empty: 0, valid: 0, invalid: 0, duplicateInFile: 0, existingConflict: 0, create: 0, merge: 0, skip: 0, reject: 0, hidden: 0 };
  for (const r of rows) {
    if (r.status === 'empty') summary.empty += 1;
    else if (r.status === 'example') summary.examples += 1;
    else {
      summary.dataRows += 1;
      if (r.hidden) summary.hidden += 1;
    }
    if (r.status === 'valid') summary.valid += 1;
    if (r.status === 'invalid') summary.invalid += 1;
    if (r.duplicate?.kind === 'duplicate_in_file') summary.duplicateInFile += 1;
    if (r.duplicate?.kind === 'existing_conflict') summary.existingConflict += 1;
    const action = rowAction(r);
    if (action !== 'ignore') summary[action] += 1;
  }
  return summary;
}

/**
 * Check a whole sheet (tests, small files; the worker runs the same steps per chunk with
 * validateRow + one tracker). Refuses when the sheet or the mapping cannot be used.
 */
export function checkImport(
  template: ImportTemplate,
  sheet: SheetInput,
  mapping: ColumnMapping,
  ctx: ImportContext,
  lookup: ExistingLookup,
): { ok: true; rows: ImportedRow[]; summary: ImportSummary; prepared: PreparedSheet } | Refusal {
  const prepared = prepareSheet(template, sheet);
  if (!prepared.ok) return prepared;
  const mappingCheck = checkMapping(template, mapping, prepared.prepared.headers);
  if (!mappingCheck.ok) return mappingCheck;
  const tracker = createDuplicateTracker(lookup);
  const hidden = new Set(sheet.hiddenRows ?? []);
  const rows: ImportedRow[] = [];
  for (let index = prepared.prepared.headerRowIndex + 1; index < sheet.rows.length; index += 1) {
    const result = validateRow(template, mapping, sheet.rows[index] ?? [], index + 1, ctx, { hidden: hidden.has(index) });
    const duplicate = result.status === 'valid' && result.value ? tracker.check(result.rowNumber, result.value) : null;
    rows.push({ ...result, duplicate });
  }
  return { ok: true, rows, summary: summariseImport(rows), prepared: prepared.prepared };
}

/** One case to register from one or more rows (one per basis document). */
export type CaseImportDraft = {
  /** Sheet rows the case came from. */
  rowNumbers: number[];
  row: CaseImportRow;
  basisDocuments: ImportedBasisDocument[];
};

const CASE_FIELDS_THAT_MUST_AGREE: readonly (keyof CaseImportRow)[] = ['behaviourCode', 'behaviourText', 'facts', 'severity', 'listType', 'determiningDept', 'determinedOn', 'listedOn'];
const CASE_FIELD_LABELS: Record<string, string> = {
  behaviourCode: '失信行为代码',
  behaviourText: '失信行为',
  facts: '失信事实',
  severity: '失信程度',
  listType: '名单类型',
  determiningDept: '认定部门',
  determinedOn: '认定日期',
  listedOn: '列入日期',
};

/**
 * Group the case rows to create into cases: rows with the same 案件编号 and subject are one case with several
 * basis documents; a row without 案件编号 is its own case. Rows of one case that disagree on a case
 * field are refused (the first row wins), with the field named.
 */
export function groupCaseRows(rows: readonly ImportedRow[]): { drafts: CaseImportDraft[]; refused: { rowNumber: number; reason: string }[] } {
  const drafts: CaseImportDraft[] = [];
  const refused: { rowNumber: number; reason: string }[] = [];
  const byRef = new Map<string, CaseImportDraft>();
  for (const r of rows) {
    if (rowAction(r) !== 'create' || !r.value || !('basisDocument' in r.value)) continue;
    const row = r.value as CaseImportRow;
    const subjectCode = row.subject.uscc ?? row.subject.citizenId ?? '';
    if (row.caseRef === null) {
      drafts.push({ rowNumbers: [r.rowNumber], row, basisDocuments: [row.basisDocument] });
      continue;
    }
    const key = `${nameKey(row.caseRef)}|${subjectCode}`;
    const draft = byRef.get(key);
    if (!draft) {
      const created = { rowNumbers: [r.rowNumber], row, basisDocuments: [row.basisDocument] };
      byRef.set(key, created);
      drafts.push(created);
      continue;
    }
    const differing = CASE_FIELDS_THAT_MUST_AGREE.filter((f) => JSON.stringify(draft.row[f]) !== JSON.stringify(row[f]));
    if (differing.length > 0) {
      refused.push({ rowNumber: r.rowNumber, reason: `与第${draft.rowNumbers[0] ?? ''}行同属案件“${row.caseRef}”，但${differing.map((f) => `“${CASE_FIELD_LABELS[f] ?? f}”`).join('、')}不一致，请改为一致` });
      continue;
    }
    draft.rowNumbers.push(r.rowNumber);
    draft.basisDocuments.push(row.basisDocument);
  }
  return { drafts, refused };
}
