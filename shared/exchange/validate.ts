import type { BasisDocumentType, ListType, SubjectKind } from '../case/events';
import { checkCitizenId } from '../identifiers/citizen-id';
import { checkUscc } from '../identifiers/uscc';
import { checkBehaviourAllowed, findBehaviour, BEHAVIOUR_CATALOGUES } from '../rules/catalogues';
import { describeUnsetPeriods, unsetPeriods } from '../rules/office';
import type { RuleSet, Severity } from '../rules/types';
import type { IsoDate } from '../util/dates';
import { parseDateInput, type DateSystem } from '../util/parse-date';
import type { Refusal } from '../util/result';
import { cleanCode, cleanText, columnLetter, isExcelErrorValue, nameKey, NORMALISATION_LABELS, type CellValue, type NormalisationKind } from './cells';
import { findCodeEntry, describeChoices, type LinkedRole, type YesNo } from './code-tables';
import { applyMapping, type ColumnMapping } from './mapping';
import { EXAMPLE_ROW_LABEL, type ColumnDef, type ImportTemplate } from './templates';

/**
 * Row validation of an import, by the same shared rules as the forms: identifier checks (the message
 * names the character), THE date parser, required fields, code tables, the behaviour catalogue and
 * deny-list, effective basis documents (黑龙江条例 第二十七条) and the rule set's unset periods.
 * Never throws: every problem becomes a FieldError with a Chinese reason for the 错误说明 column.
 */
export type FieldError = {
  fieldKey: string;
  header: string;
  /** Source column letter, or null when the column is not in the file. */
  column: string | null;
  code: string;
  reason: string;
};

export type Normalisation = { fieldKey: string; header: string; kind: NormalisationKind; before: string; after: string };

export type RowStatus = 'valid' | 'invalid' | 'example' | 'empty';

export type RowResult<T> = {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  status: RowStatus;
  value: T | null;
  errors: FieldError[];
  normalisations: Normalisation[];
  /** The 错误说明 text ('' when valid). */
  errorText: string;
  /** The row is hidden in the workbook (imported like any other, but shown to the user). */
  hidden: boolean;
  /** English description of a program defect met while checking the row (for the log only). */
  defect?: string;
};

export type ImportContext = {
  today: IsoDate;
  /** The workbook's date system for numeric date cells. */
  dateSystem?: DateSystem;
  /**
   * Cases only: the rule set in force on a 认定 date (e.g. selectRuleSet(...) of the office's
   * jurisdiction). Absent = no rule-set checks, but the deny-list is still applied.
   */
  ruleSetOn?: (determinedOn: IsoDate) => { ok: true; ruleSet: RuleSet } | Refusal;
};

export type OrgSubjectRow = {
  kind: SubjectKind;
  name: string;
  uscc: string;
  legalRepresentative: { name: string; citizenId: string | null } | null;
  township: string | null;
  address: string | null;
  remark: string | null;
};

export type PersonSubjectRow = { kind: 'natural_person'; name: string; citizenId: string; township: string | null; address: string | null; remark: string | null };

export type ImportedBasisDocument = { type: BasisDocumentType; documentNo: string; issuer: string; decidedOn: IsoDate; effective: true };

export type CaseImportRow = {
  caseRef: string | null;
  subject: { kind: SubjectKind; name: string; uscc: string | null; citizenId: string | null };
  behaviourCode: string | null;
  behaviourText: string;
  facts: string;
  severity: Severity;
  listType: ListType;
  determiningDept: string;
  determinedOn: IsoDate;
  listedOn: IsoDate | null;
  basisDocument: ImportedBasisDocument;
  /** Rule set in force on determinedOn (when the context gave one). */
  ruleSet: { id: string; version: number } | null;
  township: string | null;
  remark: string | null;
};

export type LinkedPersonRow = {
  organisation: { name: string; uscc: string };
  role: LinkedRole;
  person: { name: string; citizenId: string };
  since: IsoDate | null;
  remark: string | null;
};

export type ImportRowValue = OrgSubjectRow | PersonSubjectRow | CaseImportRow | LinkedPersonRow;

type Reader = ReturnType<typeof makeReader>;

function makeReader(template: ImportTemplate, mapping: ColumnMapping, cells: Record<string, CellValue>, ctx: ImportContext) {
  const errors: FieldError[] = [];
  const normalisations: Normalisation[] = [];
  const def = (key: string): ColumnDef => template.columns.find((c) => c.key === key) ?? { key, header: key, synonyms: [], kind: 'text', required: 'optional', width: 10, note: '' };
  const letter = (key: string): string | null => (mapping.fields[key] === undefined ? null : columnLetter(mapping.fields[key]));
  const fail = (key: string, code: string, reason: string): null => {
    errors.push({ fieldKey: key, header: def(key).header, column: letter(key), code, reason });
    return null;
  };
  const note = (key: string, kinds: readonly NormalisationKind[], before: CellValue, after: string): void => {
    for (const kind of kinds) normalisations.push({ fieldKey: key, header: def(key).header, kind, before: String(before ?? ''), after });
  };
  const has = (key: string): boolean => cleanText(cells[key]).text !== '';
  const requireValue = (key: string, when?: string): void => {
    if (!has(key)) fail(key, 'required', when ? `${when}，请填写` : '必填，请填写');
  };

  /** Free text; required per the column definition. */
  const text = (key: string): string | null => {
    const column = def(key);
    const raw = cells[key];
    const cleaned = cleanText(raw);
    if (cleaned.text === '') {
      if (column.required === 'always') fail(key, 'required', '必填，请填写');
      return null;
    }
    if (isExcelErrorValue(cleaned.text)) return fail(key, 'excel_error', `单元格是Excel错误值“${cleaned.text}”，请填写实际内容`);
    if (column.maxLength !== undefined && [...cleaned.text].length > column.maxLength) {
      return fail(key, 'too_long', `内容过长（${[...cleaned.text].length}字），最多${column.maxLength}字`);
    }
    note(key, cleaned.kinds, raw, cleaned.text);
    return cleaned.text;
  };

  const code = (key: string, kind: 'uscc' | 'citizen_id'): string | null => {
    const column = def(key);
    const raw = cells[key];
    if (cleanText(raw).text === '') {
      if (column.required === 'always') fail(key, 'required', '必填，请填写');
      return null;
    }
    const cleaned = cleanCode(raw);
    if (!cleaned.ok) return fail(key, cleaned.code, cleaned.reason);
    const check = kind === 'uscc' ? checkUscc(cleaned.text) : checkCitizenId(cleaned.text, { today: ctx.today });
    if (!check.ok) return fail(key, check.code, `“${cleanText(raw).text}”：${check.reason}`);
    note(key, cleaned.kinds, raw, check.normalized);
    return check.normalized;
  };

  const date = (key: string): IsoDate | null => {
    const column = def(key);
    const raw = cells[key];
    if (cleanText(raw).text === '') {
      if (column.required === 'always') fail(key, 'required', '必填，请填写');
      return null;
    }
    const parsed = parseDateInput(typeof raw === 'number' ? raw : cleanText(raw).text, { dateSystem: ctx.dateSystem ?? '1900' });
    if (!parsed.ok) return fail(key, parsed.code, parsed.reason);
    if (parsed.changed && typeof raw === 'string') note(key, ['date_reformatted'], raw, parsed.date);
    return parsed.date;
  };

  const choice = <V extends string>(key: string): V | null => {
    const column = def(key);
    const raw = cells[key];
    const cleaned = cleanText(raw);
    if (cleaned.text === '') {
      if (column.required === 'always') fail(key, 'required', `必填，${column.table ? describeChoices(column.table) : '请填写'}`);
      return null;
    }
    if (!column.table) return cleaned.text as V;
    const entry = findCodeEntry(column.table, cleaned.text);
    if (!entry) return fail(key, 'not_in_table', `“${cleaned.text}”不是可选的值，${describeChoices(column.table)}`);
    return entry.value as V;
  };

  return { errors, normalisations, fail, has, requireValue, text, code, date, choice };
}

function optional(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

function readOrgSubject(r: Reader): OrgSubjectRow | null {
  const name = r.text('name');
  const kind = r.choice<SubjectKind>('kind');
  const uscc = r.code('uscc', 'uscc');
  const legalRepName = r.text('legalRepName');
  const legalRepCitizenId = r.code('legalRepCitizenId', 'citizen_id');
  if (legalRepCitizenId !== null && legalRepName === null && !r.has('legalRepName')) r.fail('legalRepName', 'required', '填写了法定代表人身份证号码，请同时填写其姓名');
  const township = r.text('township');
  const address = r.text('address');
  const remark = r.text('remark');
  if (name === null || kind === null || uscc === null) return null;
  return {
    kind,
    name,
    uscc,
    legalRepresentative: legalRepName ? { name: legalRepName, citizenId: legalRepCitizenId } : null,
    township: optional(township),
    address: optional(address),
    remark: optional(remark),
  };
}

function readPersonSubject(r: Reader): PersonSubjectRow | null {
  const name = r.text('name');
  const citizenId = r.code('citizenId', 'citizen_id');
  const township = r.text('township');
  const address = r.text('address');
  const remark = r.text('remark');
  if (name === null || citizenId === null) return null;
  return { kind: 'natural_person', name, citizenId, township: optional(township), address: optional(address), remark: optional(remark) };
}

function readCase(r: Reader, ctx: ImportContext): CaseImportRow | null {
  const caseRef = r.text('caseRef');
  const subjectName = r.text('subjectName');
  const subjectKind = r.choice<SubjectKind>('subjectKind');
  let uscc: string | null = null;
  let citizenId: string | null = null;
  if (subjectKind === 'natural_person') {
    r.requireValue('citizenId', '主体是自然人时必填');
    citizenId = r.code('citizenId', 'citizen_id');
    if (r.has('uscc')) r.fail('uscc', 'not_for_person', '主体是自然人，不填统一社会信用代码（请核对“主体类别”）');
  } else if (subjectKind !== null) {
    r.requireValue('uscc', '主体不是自然人时必填');
    uscc = r.code('uscc', 'uscc');
    if (r.has('citizenId')) r.fail('citizenId', 'not_for_org', '主体是组织，不填公民身份号码；法定代表人、责任人请用“关联责任人”模板导入');
  }
  const behaviourCode = r.choice<string>('behaviourCode');
  const behaviourText = r.text('behaviourText');
  const facts = r.text('facts');
  const severity = r.choice<Severity>('severity');
  const listType = r.choice<ListType>('listType');
  const determiningDept = r.text('determiningDept');
  const determinedOn = r.date('determinedOn');
  const listedOn = r.date('listedOn');
  const basisType = r.choice<BasisDocumentType>('basisType');
  const basisNo = r.text('basisNo');
  const basisIssuer = r.text('basisIssuer');
  const basisDecidedOn = r.date('basisDecidedOn');
  const basisEffective = r.choice<YesNo>('basisEffective');
  const township = r.text('township');
  const remark = r.text('remark');

  if (determinedOn !== null && determinedOn > ctx.today) r.fail('determinedOn', 'date_in_future', `认定日期${determinedOn}晚于今天（${ctx.today}）`);
  if (listedOn !== null) {
    if (listedOn > ctx.today) r.fail('listedOn', 'date_in_future', `列入日期${listedOn}晚于今天（${ctx.today}）`);
    if (determinedOn !== null && listedOn < determinedOn) r.fail('listedOn', 'listed_before_determined', `列入日期${listedOn}早于认定日期${determinedOn}`);
  }
  if (basisDecidedOn !== null && determinedOn !== null && basisDecidedOn > determinedOn) {
    r.fail('basisDecidedOn', 'basis_after_determination', `依据文书作出日期${basisDecidedOn}晚于认定日期${determinedOn}，认定须以已作出的文书为依据`);
  }
  if (basisEffective === 'no') r.fail('basisEffective', 'basis_not_effective', '认定依据须为生效的法律文书（黑龙江省社会信用条例 第二十七条）；文书生效后再导入');

  // The rule set in force on the 认定 date decides the catalogue, the deny-list and unset periods.
  let ruleSet: RuleSet | null = null;
  if (determinedOn !== null && ctx.ruleSetOn) {
    const selected = ctx.ruleSetOn(determinedOn);
    if (selected.ok) ruleSet = selected.ruleSet;
    else r.fail('determinedOn', selected.code, selected.reason);
  }
  if (behaviourCode !== null) {
    const found = findBehaviour(behaviourCode);
    if (!found) r.fail('behaviourCode', 'behaviour_unknown', `失信行为代码“${behaviourCode}”不在失信行为目录中`);
    else if (ruleSet && !ruleSet.behaviourCatalogues.includes(found.catalogue.id)) {
      const names = BEHAVIOUR_CATALOGUES.filter((c) => ruleSet?.behaviourCatalogues.includes(c.id)).map((c) => c.title).join('、');
      r.fail('behaviourCode', 'behaviour_not_in_catalogue', `失信行为代码“${behaviourCode}”不在规则集《${ruleSet.shortTitle}》的失信行为目录中（${names || '无目录'}）`);
    }
  }
  // 朝阳2020方案 十七(二十七): applied unless the rule set says it does not bind (another province).
  if (behaviourText !== null && (ruleSet === null || ruleSet.enforcesDenyList)) {
    const check = checkBehaviourAllowed(behaviourCode ?? behaviourText);
    if (!check.ok) r.fail(behaviourCode ? 'behaviourCode' : 'behaviourText', check.code, check.reason);
  }
  if (ruleSet && severity !== null) {
    const unset = [...unsetPeriods(ruleSet, 'determined', severity), ...(listedOn !== null ? unsetPeriods(ruleSet, 'listed', severity) : [])];
    if (unset.length > 0) r.fail('determinedOn', 'period_unset', describeUnsetPeriods(unset, ruleSet));
  }

  if (
    subjectName === null || subjectKind === null || (uscc === null && citizenId === null) || behaviourText === null || facts === null || severity === null ||
    listType === null || determiningDept === null || determinedOn === null || basisType === null || basisNo === null || basisIssuer === null ||
    basisDecidedOn === null || basisEffective !== 'yes'
  ) {
    return null;
  }
  return {
    caseRef: optional(caseRef),
    subject: { kind: subjectKind, name: subjectName, uscc, citizenId },
    behaviourCode,
    behaviourText,
    facts,
    severity,
    listType,
    determiningDept,
    determinedOn,
    listedOn,
    basisDocument: { type: basisType, documentNo: basisNo, issuer: basisIssuer, decidedOn: basisDecidedOn, effective: true },
    ruleSet: ruleSet ? { id: ruleSet.id, version: ruleSet.version } : null,
    township: optional(township),
    remark: optional(remark),
  };
}

function readLinkedPerson(r: Reader, ctx: ImportContext): LinkedPersonRow | null {
  const orgName = r.text('orgName');
  const orgUscc = r.code('orgUscc', 'uscc');
  const role = r.choice<LinkedRole>('role');
  const personName = r.text('personName');
  const citizenId = r.code('citizenId', 'citizen_id');
  const since = r.date('since');
  if (since !== null && since > ctx.today) r.fail('since', 'date_in_future', `任职日期${since}晚于今天（${ctx.today}）`);
  const remark = r.text('remark');
  if (orgName === null || orgUscc === null || role === null || personName === null || citizenId === null) return null;
  return { organisation: { name: orgName, uscc: orgUscc }, role, person: { name: personName, citizenId }, since, remark: optional(remark) };
}

/** The 错误说明 text of a row: "C列“统一社会信用代码”：…；M列“认定日期”：…". */
export function errorTextOf(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.column ? `${e.column}列` : ''}“${e.header}”：${e.reason}`).join('；');
}

/** "D列“统一社会信用代码”：全角字符改为半角（…→…）" lines for the preview. */
export function describeNormalisation(n: Normalisation): string {
  return `“${n.header}”：${NORMALISATION_LABELS[n.kind]}（“${n.before}”→“${n.after}”）`;
}

/**
 * Whether a row is one of our example rows: its 序号 is 示例 (also 【示例】, 示例1 …), or it repeats a
 * template example exactly (the user deleted the 序号 but kept the row).
 */
export function isExampleRow(template: ImportTemplate, cells: Record<string, CellValue>): boolean {
  const label = nameKey(cleanText(cells.rowLabel).text).replace(/[[\]【】()（）]/g, '');
  if (label.startsWith(EXAMPLE_ROW_LABEL)) return true;
  return template.examples.some((example) => {
    const keys = Object.keys(example).filter((k) => k !== 'rowLabel' && (example[k] ?? '') !== '');
    return keys.length > 0 && keys.every((k) => cells[k] !== undefined && nameKey(cleanText(cells[k]).text) === nameKey(example[k] ?? ''));
  });
}

function isEmptyRow(row: readonly CellValue[]): boolean {
  return row.every((cell) => cleanText(cell).text === '');
}

/**
 * Validate one data row. `rowNumber` is the 1-based sheet row (for messages and the reject file).
 * The mapping must have passed checkMapping.
 */
export function validateRow(
  template: ImportTemplate,
  mapping: ColumnMapping,
  row: readonly CellValue[],
  rowNumber: number,
  ctx: ImportContext,
  options: { hidden?: boolean } = {},
): RowResult<ImportRowValue> {
  const hidden = options.hidden ?? false;
  const base = { rowNumber, errors: [], normalisations: [], errorText: '', hidden, value: null };
  try {
    if (isEmptyRow(row)) return { ...base, status: 'empty' };
    const cells = applyMapping(mapping, row);
    if (isExampleRow(template, cells)) return { ...base, status: 'example' };
    const reader = makeReader(template, mapping, cells, ctx);
    let value: ImportRowValue | null;
    switch (template.id) {
      case 'subjects_org':
        value = readOrgSubject(reader);
        break;
      case 'subjects_person':
        value = readPersonSubject(reader);
        break;
      case 'cases':
        value = readCase(reader, ctx);
        break;
      case 'linked_persons':
        value = readLinkedPerson(reader, ctx);
        break;
      default:
        value = null;
    }
    const valid = reader.errors.length === 0 && value !== null;
    return {
      rowNumber,
      status: valid ? 'valid' : 'invalid',
      value: valid ? value : null,
      errors: reader.errors,
      normalisations: reader.normalisations,
      errorText: errorTextOf(reader.errors),
      hidden,
    };
  } catch (error) {
    // A defect must not stop an import of 50,000 rows: the row is refused and the defect logged by the caller.
    const reason = '本行无法检查（程序内部错误），请联系维护人员';
    const defect = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, status: 'invalid', errors: [{ fieldKey: '', header: '整行', column: null, code: 'internal_error', reason }], errorText: reason, defect };
  }
}
