import { assertNever } from '../util/assert-never';
import { computeCitizenIdCheckChar } from '../identifiers/citizen-id';
import { computeUsccCheckChar } from '../identifiers/uscc';
import { DENY_LIST_BASIS } from '../rules/catalogues';
import {
  BASIS_TYPE_TABLE,
  behaviourCodeTable,
  LINKED_ROLE_TABLE,
  LIST_TYPE_TABLE,
  ORG_SUBJECT_KIND_TABLE,
  SEVERITY_TABLE,
  SUBJECT_KIND_TABLE,
  YES_NO_TABLE,
  type CodeTable,
} from './code-tables';

/**
 * Import templates: one per kind of register an office brings in. A template is data — Chinese
 * headers, accepted header variants, required flags, drop-down code tables, widths that print, the
 * instruction-sheet text and example rows. The same definition drives the downloadable workbook
 * (workbook.ts), the header mapping (mapping.ts) and the row validation (validate.ts).
 */
export type ColumnKind = 'row_label' | 'text' | 'long_text' | 'uscc' | 'citizen_id' | 'date' | 'choice';

export type Requirement = 'always' | 'conditional' | 'optional';

export type ColumnDef = {
  /** Stable field key (stored in remembered mappings; never rename). */
  key: string;
  /** Header as written in our template. */
  header: string;
  /** Other headers offices use for the same column (compared after normaliseHeader). */
  synonyms: readonly string[];
  kind: ColumnKind;
  required: Requirement;
  /** When `required` is 'conditional': when it is required (Chinese, for the instruction sheet). */
  requiredWhen?: string;
  table?: CodeTable;
  /** Column width in characters (Excel `wch`); the widths of a template add up to about one A4 landscape page per two screens. */
  width: number;
  /** What to type (instruction sheet). */
  note: string;
  maxLength?: number;
};

export type ImportTemplateId = 'subjects_org' | 'subjects_person' | 'cases' | 'linked_persons';

export type ImportTemplate = {
  id: ImportTemplateId;
  /** Bumped when columns change; remembered mappings of older versions are proposed again. */
  version: number;
  title: string;
  /** Name of the data sheet in the downloadable workbook. */
  sheetName: string;
  columns: readonly ColumnDef[];
  instructions: readonly string[];
  /** Example rows (values by column key); their 序号 is EXAMPLE_ROW_LABEL, so they are never imported. */
  examples: readonly Readonly<Record<string, string>>[];
};

/** The 序号 of an example row. Rows whose 序号 is this are skipped on import (see isExampleRow). */
export const EXAMPLE_ROW_LABEL = '示例';

/** Headers that are never data: our own 错误说明 column of a rejected-rows workbook. */
export const ERROR_COLUMN_HEADER = '错误说明';

// Example codes with correct check characters (凌源市 region code 211382), clearly fictitious names.
const EXAMPLE_USCC_BODY = '91211382MA0Y05L01';
export const EXAMPLE_USCC = `${EXAMPLE_USCC_BODY}${computeUsccCheckChar(EXAMPLE_USCC_BODY) ?? ''}`;
const EXAMPLE_ID_BODY = '21138219800101001';
export const EXAMPLE_CITIZEN_ID = `${EXAMPLE_ID_BODY}${computeCitizenIdCheckChar(EXAMPLE_ID_BODY) ?? ''}`;
const EXAMPLE_ID2_BODY = '21138219850615002';
const EXAMPLE_CITIZEN_ID_2 = `${EXAMPLE_ID2_BODY}${computeCitizenIdCheckChar(EXAMPLE_ID2_BODY) ?? ''}`;

const ROW_LABEL: ColumnDef = {
  key: 'rowLabel',
  header: '序号',
  synonyms: ['编号', '行号', 'NO', 'NO.'],
  kind: 'row_label',
  required: 'optional',
  width: 6,
  note: `可不填。填“${EXAMPLE_ROW_LABEL}”的行是示例，不会导入`,
};

const TOWNSHIP: ColumnDef = {
  key: 'township',
  header: '乡镇（街道）',
  synonyms: ['乡镇', '乡镇街道', '所属乡镇', '所在乡镇', '街道', '乡镇名称', '属地'],
  kind: 'text',
  required: 'optional',
  width: 14,
  note: '主体所在乡镇或街道，用于统计',
  maxLength: 50,
};

const REMARK: ColumnDef = { key: 'remark', header: '备注', synonyms: ['说明', '其他'], kind: 'long_text', required: 'optional', width: 24, note: '可不填', maxLength: 500 };

const USCC_SYNONYMS = ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '企业统一社会信用代码', '主体统一社会信用代码', '行政相对人代码_1', 'USCC'];
const ID_SYNONYMS = ['公民身份号码', '身份证号', '身份证号码', '证件号码', '居民身份证号码', '身份证', '证件号', '公民身份证号码'];
const USCC_NOTE = '18位，数字和大写字母（不含I、O、S、V、Z），请设为文本格式，勿用科学计数法';
const ID_NOTE = '18位居民身份证号码，末位可为X；15位旧号码请换成18位；请设为文本格式';
const DATE_NOTE = '如 2026-11-04、2026/11/4、2026年11月4日 或 20261104';

const SHARED_INSTRUCTIONS = [
  '带“*”的列必须填写；其余列可不填。',
  `“序号”填“${EXAMPLE_ROW_LABEL}”的行是填写示例，导入时跳过，可直接删除。`,
  `日期可写成 ${DATE_NOTE.replace('如 ', '')}；也可使用Excel日期格式。`,
  '统一社会信用代码、身份证号码等号码列请设置为“文本”格式，避免Excel把号码显示为 1.1E+17 并丢失末几位。',
  '下拉列表的可选值见“代码表”工作表；请勿修改表头文字，列的顺序可以调整。',
  '导入前会逐行检查；有问题的行可导出为带“错误说明”列的表格，改正后重新导入即可，不会重复登记。',
];

function subjectsOrgTemplate(): ImportTemplate {
  return {
    id: 'subjects_org',
    version: 1,
    title: '信用主体（企业及其他组织）导入模板',
    sheetName: '组织主体',
    columns: [
      ROW_LABEL,
      { key: 'name', header: '主体名称', synonyms: ['企业名称', '单位名称', '名称', '组织名称', '市场主体名称', '法人和其他组织名称', '行政相对人名称', '主体'], kind: 'text', required: 'always', width: 30, note: '与营业执照或登记证书一致', maxLength: 200 },
      { key: 'kind', header: '主体类别', synonyms: ['主体类型', '类别', '组织类别', '行政相对人类别'], kind: 'choice', required: 'always', table: ORG_SUBJECT_KIND_TABLE, width: 12, note: '法人、非法人组织或个体工商户' },
      { key: 'uscc', header: '统一社会信用代码', synonyms: USCC_SYNONYMS, kind: 'uscc', required: 'always', width: 22, note: USCC_NOTE },
      { key: 'legalRepName', header: '法定代表人（负责人）', synonyms: ['法定代表人', '法定代表人姓名', '法人代表', '负责人', '法定代表人或负责人', '经营者', '经营者姓名'], kind: 'text', required: 'optional', width: 14, note: '个体工商户填经营者姓名', maxLength: 50 },
      { key: 'legalRepCitizenId', header: '法定代表人身份证号码', synonyms: ['法定代表人身份证号', '法定代表人证件号码', '法人身份证号', '法定代表人公民身份号码', '负责人身份证号码', '经营者身份证号码'], kind: 'citizen_id', required: 'optional', width: 22, note: ID_NOTE },
      TOWNSHIP,
      { key: 'address', header: '住所', synonyms: ['地址', '住所地', '注册地址', '经营场所', '单位地址'], kind: 'text', required: 'optional', width: 30, note: '可不填', maxLength: 200 },
      REMARK,
    ],
    instructions: ['本表用于导入企业、个体工商户、社会组织等信用主体。统一社会信用代码是关联匹配的唯一标识（黑龙江省社会信用条例 第十九条），已登记的主体不会重复登记。', ...SHARED_INSTRUCTIONS],
    examples: [
      { rowLabel: EXAMPLE_ROW_LABEL, name: '示例县示例商贸有限公司', kind: '法人', uscc: EXAMPLE_USCC, legalRepName: '张示例', legalRepCitizenId: EXAMPLE_CITIZEN_ID, township: '城关镇', address: '示例县城关镇示例路1号', remark: '' },
    ],
  };
}

function subjectsPersonTemplate(): ImportTemplate {
  return {
    id: 'subjects_person',
    version: 1,
    title: '信用主体（自然人）导入模板',
    sheetName: '自然人主体',
    columns: [
      ROW_LABEL,
      { key: 'name', header: '姓名', synonyms: ['当事人姓名', '自然人姓名', '名称', '行政相对人名称'], kind: 'text', required: 'always', width: 12, note: '与身份证件一致', maxLength: 50 },
      { key: 'citizenId', header: '公民身份号码', synonyms: ID_SYNONYMS, kind: 'citizen_id', required: 'always', width: 22, note: ID_NOTE },
      TOWNSHIP,
      { key: 'address', header: '住址', synonyms: ['地址', '住所', '家庭住址', '户籍地址'], kind: 'text', required: 'optional', width: 30, note: '可不填；属于个人信息，仅内部使用', maxLength: 200 },
      REMARK,
    ],
    instructions: [
      '本表用于导入自然人信用主体。公民身份号码是关联匹配的标识（黑龙江省社会信用条例 第十九条）。',
      '姓名、身份证号码、住址属于个人信息，不得对外公开（黑龙江省社会信用条例 第二十三条），请妥善保管本表。',
      ...SHARED_INSTRUCTIONS,
    ],
    examples: [{ rowLabel: EXAMPLE_ROW_LABEL, name: '李示例', citizenId: EXAMPLE_CITIZEN_ID_2, township: '城关镇', address: '', remark: '' }],
  };
}

function casesTemplate(behaviourCatalogues?: readonly string[]): ImportTemplate {
  return {
    id: 'cases',
    version: 1,
    title: '失信案件（含认定依据文书）导入模板',
    sheetName: '失信案件',
    columns: [
      ROW_LABEL,
      { key: 'caseRef', header: '案件编号', synonyms: ['案号', '档案编号', '登记编号', '原编号'], kind: 'text', required: 'optional', width: 14, note: '同一案件有多份依据文书时，每份占一行，填相同的案件编号', maxLength: 60 },
      { key: 'subjectName', header: '主体名称', synonyms: ['企业名称', '单位名称', '名称', '当事人', '当事人名称', '姓名', '失信主体名称', '行政相对人名称'], kind: 'text', required: 'always', width: 28, note: '企业名称或自然人姓名', maxLength: 200 },
      { key: 'subjectKind', header: '主体类别', synonyms: ['主体类型', '类别', '行政相对人类别'], kind: 'choice', required: 'always', table: SUBJECT_KIND_TABLE, width: 12, note: '自然人、法人、非法人组织或个体工商户' },
      { key: 'uscc', header: '统一社会信用代码', synonyms: USCC_SYNONYMS, kind: 'uscc', required: 'conditional', requiredWhen: '主体不是自然人时必填', width: 22, note: USCC_NOTE },
      { key: 'citizenId', header: '公民身份号码', synonyms: ID_SYNONYMS, kind: 'citizen_id', required: 'conditional', requiredWhen: '主体是自然人时必填', width: 22, note: ID_NOTE },
      { key: 'behaviourCode', header: '失信行为代码', synonyms: ['行为代码', '失信行为类别', '目录代码', '失信行为目录'], kind: 'choice', required: 'optional', table: behaviourCodeTable(behaviourCatalogues), width: 24, note: '从下拉列表选择失信行为目录条目；目录以外的行为可不填代码，只写描述' },
      { key: 'behaviourText', header: '失信行为', synonyms: ['失信行为描述', '失信行为名称', '行为描述', '列入事由', '违法失信行为'], kind: 'text', required: 'always', width: 30, note: `简要写明失信行为；不得把信访、拆迁、闯红灯、不文明养犬、欠缴物业费、未执行垃圾分类等纳入（${DENY_LIST_BASIS}）`, maxLength: 500 },
      { key: 'facts', header: '失信事实', synonyms: ['认定的失信事实', '违法事实', '事实', '失信事实描述', '主要事实'], kind: 'long_text', required: 'always', width: 40, note: '认定的失信事实', maxLength: 4000 },
      { key: 'severity', header: '失信程度', synonyms: ['严重程度', '失信等级', '失信严重程度'], kind: 'choice', required: 'always', table: SEVERITY_TABLE, width: 10, note: '轻微、一般或严重' },
      { key: 'listType', header: '名单类型', synonyms: ['名单', '列入名单', '名单类别'], kind: 'choice', required: 'always', table: LIST_TYPE_TABLE, width: 18, note: '失信名单、严重失信主体名单等' },
      { key: 'determiningDept', header: '认定部门', synonyms: ['认定单位', '认定机关', '列入部门', '列入单位'], kind: 'text', required: 'always', width: 20, note: '作出认定的部门全称', maxLength: 100 },
      { key: 'determinedOn', header: '认定日期', synonyms: ['认定时间', '失信行为认定日期', '认定日'], kind: 'date', required: 'always', width: 12, note: DATE_NOTE },
      { key: 'listedOn', header: '列入日期', synonyms: ['列入时间', '列入名单日期', '列入严重失信主体名单日期'], kind: 'date', required: 'optional', width: 12, note: `已列入名单的填写，不早于认定日期；${DATE_NOTE}` },
      { key: 'basisType', header: '依据文书类型', synonyms: ['认定依据类型', '依据类型', '文书类型'], kind: 'choice', required: 'always', table: BASIS_TYPE_TABLE, width: 16, note: '判决、裁定、行政处罚决定等' },
      { key: 'basisNo', header: '依据文书文号', synonyms: ['文书文号', '依据文号', '决定书文号', '行政处罚决定书文号', '判决书文号', '文号', '认定依据'], kind: 'text', required: 'always', width: 24, note: '如 ×应急罚〔2026〕12号', maxLength: 100 },
      { key: 'basisIssuer', header: '依据文书作出机关', synonyms: ['作出机关', '文书作出机关', '处罚机关', '作出单位', '依据作出机关'], kind: 'text', required: 'always', width: 20, note: '作出该文书的法院或行政机关', maxLength: 100 },
      { key: 'basisDecidedOn', header: '依据文书作出日期', synonyms: ['文书日期', '作出日期', '处罚决定日期', '判决日期', '决定日期'], kind: 'date', required: 'always', width: 14, note: `不晚于认定日期；${DATE_NOTE}` },
      { key: 'basisEffective', header: '依据文书是否生效', synonyms: ['是否生效', '生效情况', '文书是否生效'], kind: 'choice', required: 'always', table: YES_NO_TABLE, width: 10, note: '须以生效的法律文书为依据（黑龙江省社会信用条例 第二十七条），填“是”' },
      TOWNSHIP,
      REMARK,
    ],
    instructions: [
      '本表用于导入已有的失信案件登记册：每行一份认定依据文书；同一案件有多份依据文书时，每份占一行并填相同的“案件编号”。',
      '失信行为应从失信行为目录中选择；目录以外的行为填写描述，系统会检查是否属于不得纳入信用监管的行为（朝阳市2020年社会信用体系建设工作方案 十七（二十七））。',
      '认定依据须为生效的司法裁判文书、仲裁文书或行政行为决定文书（黑龙江省社会信用条例 第二十七条）。',
      '主体须已在“信用主体”中登记，或在同一批导入的主体表中。',
      ...SHARED_INSTRUCTIONS,
    ],
    examples: [
      {
        rowLabel: EXAMPLE_ROW_LABEL,
        caseRef: '示例-001',
        subjectName: '示例县示例商贸有限公司',
        subjectKind: '法人',
        uscc: EXAMPLE_USCC,
        citizenId: '',
        behaviourCode: '',
        behaviourText: '未按规定整改安全生产隐患',
        facts: '经检查发现……，逾期未整改。',
        severity: '一般',
        listType: '失信名单',
        determiningDept: '示例县应急管理局',
        determinedOn: '2026-03-15',
        listedOn: '2026-03-20',
        basisType: '行政处罚决定',
        basisNo: '示应急罚〔2026〕1号',
        basisIssuer: '示例县应急管理局',
        basisDecidedOn: '2026-03-01',
        basisEffective: '是',
        township: '城关镇',
        remark: '',
      },
    ],
  };
}

function linkedPersonsTemplate(): ImportTemplate {
  return {
    id: 'linked_persons',
    version: 1,
    title: '关联责任人（法定代表人、主要责任人）导入模板',
    sheetName: '关联责任人',
    columns: [
      ROW_LABEL,
      { key: 'orgName', header: '主体名称', synonyms: ['企业名称', '单位名称', '名称', '组织名称'], kind: 'text', required: 'always', width: 28, note: '关联的企业或组织', maxLength: 200 },
      { key: 'orgUscc', header: '统一社会信用代码', synonyms: USCC_SYNONYMS, kind: 'uscc', required: 'always', width: 22, note: USCC_NOTE },
      { key: 'role', header: '关联身份', synonyms: ['身份', '职务', '人员类型', '关联类型', '责任人类型'], kind: 'choice', required: 'always', table: LINKED_ROLE_TABLE, width: 16, note: '法定代表人、主要负责人、主要责任人、实际控制人或直接责任人' },
      { key: 'personName', header: '姓名', synonyms: ['责任人姓名', '人员姓名', '法定代表人姓名', '主要责任人姓名'], kind: 'text', required: 'always', width: 12, note: '与身份证件一致', maxLength: 50 },
      { key: 'citizenId', header: '公民身份号码', synonyms: ID_SYNONYMS, kind: 'citizen_id', required: 'always', width: 22, note: ID_NOTE },
      { key: 'since', header: '任职日期', synonyms: ['任职起始日期', '起始日期', '担任日期'], kind: 'date', required: 'optional', width: 12, note: `可不填；${DATE_NOTE}` },
      REMARK,
    ],
    instructions: [
      '本表用于导入企业的法定代表人、主要负责人、主要责任人、实际控制人和直接责任人（黑龙江省社会信用条例 第三十三条；朝阳市治理房地产领域失信行为若干规定(试行) 第八条、第十二条）。',
      '姓名和身份证号码属于个人信息，不得对外公开（黑龙江省社会信用条例 第二十三条），请妥善保管本表。',
      ...SHARED_INSTRUCTIONS,
    ],
    examples: [{ rowLabel: EXAMPLE_ROW_LABEL, orgName: '示例县示例商贸有限公司', orgUscc: EXAMPLE_USCC, role: '法定代表人', personName: '张示例', citizenId: EXAMPLE_CITIZEN_ID, since: '2020-01-01', remark: '' }],
  };
}

export const IMPORT_TEMPLATE_IDS: readonly ImportTemplateId[] = ['subjects_org', 'subjects_person', 'cases', 'linked_persons'];

/**
 * The template of `id`. For 'cases', `behaviourCatalogues` limits the behaviour drop-down to the
 * catalogues of the office's rule set (RuleSet.behaviourCatalogues); all catalogues otherwise.
 */
export function importTemplate(id: ImportTemplateId, options: { behaviourCatalogues?: readonly string[] } = {}): ImportTemplate {
  switch (id) {
    case 'subjects_org':
      return subjectsOrgTemplate();
    case 'subjects_person':
      return subjectsPersonTemplate();
    case 'cases':
      return casesTemplate(options.behaviourCatalogues);
    case 'linked_persons':
      return linkedPersonsTemplate();
    default:
      return assertNever(id);
  }
}

export function requiredColumns(template: ImportTemplate): ColumnDef[] {
  return template.columns.filter((c) => c.required === 'always');
}
