import { describe, expect, it } from 'vitest';
import {
  buildPenaltyDisclosureRow,
  checkImport,
  codeCell,
  dateCell,
  importTemplate,
  IMPORT_TEMPLATE_IDS,
  isExampleRow,
  applyMapping,
  looksLikeFormula,
  neutraliseFormula,
  penaltyDisclosureDueOn,
  penaltyDisclosureSheet,
  PENALTY_DISCLOSURE_COLUMNS,
  proposeMapping,
  publicationBasisFor,
  publicationListSheet,
  rejectedRowsWorkbook,
  rejectionText,
  restoreFormulaGuard,
  rowAction,
  sheetGrid,
  templateWorkbook,
  textCell,
  yuanToWanYuan,
  EXAMPLE_CITIZEN_ID,
  EXAMPLE_USCC,
  CODE_SHEET_NAME,
  type CellValue,
  type ExportCell,
  type ExportSheet,
  type PenaltyDisclosureView,
  type PublicationListEntry,
} from '../../shared';
import { publicationView } from '../../shared/masking/mask';
import { builtinCalendar } from '../../shared/calendar/calendar';
import { PRESET_CY_RE_2020, PRESET_HLJ_2022 } from '../../shared/rules/presets';
import { columnLetter } from '../../shared/exchange/cells';
import { computeCitizenIdCheckChar } from '../../shared/identifiers/citizen-id';

/** What a worker reading an exported sheet back with SheetJS (raw) would hand to the import. */
function readBack(sheet: ExportSheet): CellValue[][] {
  const cell = (c: ExportCell): CellValue => (c.type === 'blank' ? null : c.type === 'date' ? c.serial : c.value);
  return [...sheet.preamble.map((r) => r.map(cell)), ...(sheet.header.length > 0 ? [sheet.header] : []), ...sheet.rows.map((r) => r.map(cell))];
}

describe('formula-injection neutralisation (OWASP)', () => {
  it.each(['=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\0x'])('%j gets a leading quote', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(textCell(text)).toEqual({ type: 'text', value: `'${text}` });
    expect(restoreFormulaGuard(neutraliseFormula(text))).toEqual({ text, restored: true });
  });

  it('ordinary text is untouched; a quote not before a trigger is kept on re-import', () => {
    for (const text of ['示例县', '1-2', 'A=B', "'引号开头", '（2026）辽13民初1号']) {
      expect(neutraliseFormula(text)).toBe(text);
    }
    expect(restoreFormulaGuard("'引号开头")).toEqual({ text: "'引号开头", restored: false });
  });

  it('codes are text cells with the @ format; dates are real Excel dates', () => {
    expect(codeCell(EXAMPLE_CITIZEN_ID)).toEqual({ type: 'code', value: EXAMPLE_CITIZEN_ID, numberFormat: '@' });
    expect(dateCell('2026-11-04')).toEqual({ type: 'date', value: '2026-11-04', serial: 46330, numberFormat: 'yyyy-mm-dd' });
    expect(codeCell('')).toEqual({ type: 'blank' });
  });
});

describe('template workbooks', () => {
  it.each(IMPORT_TEMPLATE_IDS)('%s: instructions, data sheet, code table, widths, drop-downs, examples', (id) => {
    const template = importTemplate(id);
    const wb = templateWorkbook(template);
    expect(wb.sheets.map((s) => s.name)).toEqual(['填写说明', template.sheetName, CODE_SHEET_NAME]);
    const [instructions, data, codes] = wb.sheets;
    if (!instructions || !data || !codes) throw new Error('missing sheet');
    expect(instructions.rows.length).toBe(template.columns.length);
    expect(data.header.filter((h) => h.startsWith('*')).map((h) => h.slice(1))).toEqual(template.columns.filter((c) => c.required === 'always').map((c) => c.header));
    expect(data.columnWidths).toEqual(template.columns.map((c) => c.width));
    expect(data.columnWidths.every((w) => w >= 6 && w <= 40)).toBe(true);
    // Code columns are pre-formatted as text so typed IDs are not turned into 1.1E+17.
    expect(data.textColumns.map((i) => template.columns[i]?.kind)).toEqual(template.columns.filter((c) => c.kind === 'uscc' || c.kind === 'citizen_id').map((c) => c.kind));
    // Each drop-down points at the column of 代码表 that lists exactly its table.
    for (const v of data.validations) {
      const table = template.columns[v.column]?.table;
      if (!table) throw new Error('validation without table');
      const col = codes.header.indexOf(table.title);
      expect(v.listRange).toBe(`$${columnLetter(col)}$2:$${columnLetter(col)}$${table.entries.length + 1}`);
      expect(codes.rows.slice(0, table.entries.length).map((r) => (r[col]?.type === 'text' ? r[col].value : ''))).toEqual(table.entries.map((e) => e.label));
    }
    // Read back as a user's file, the example rows are recognised and never imported.
    const rows = readBack(data);
    const mapping = proposeMapping(template, rows[0] ?? []).mapping;
    for (const row of rows.slice(1)) expect(isExampleRow(template, applyMapping(mapping, row))).toBe(true);
    const checked = checkImport(template, { name: data.name, rows }, mapping, { today: '2026-11-04' }, () => null);
    expect(checked.ok && checked.summary).toMatchObject({ examples: template.examples.length, create: 0, reject: 0 });
  });

  it('an example edited into real data is a valid row; an example left as it is stays an example', () => {
    for (const id of IMPORT_TEMPLATE_IDS) {
      const template = importTemplate(id);
      const rows = readBack(templateWorkbook(template).sheets[1] as ExportSheet);
      const nameIndex = template.columns.findIndex((c) => ['name', 'subjectName', 'orgName'].includes(c.key));
      const edited = rows.map((r, i) => (i === 0 ? r : r.map((cell, c) => (c === 0 ? '1' : c === nameIndex ? '甲' : cell))));
      const relabelledOnly = rows.map((r, i) => (i === 0 ? r : ['1', ...r.slice(1)]));
      const mapping = proposeMapping(template, rows[0] ?? []).mapping;
      const checked = checkImport(template, { name: 'x', rows: edited }, mapping, { today: '2026-11-04' }, () => null);
      if (!checked.ok) throw new Error(checked.reason);
      expect(checked.rows.map((r) => [r.status, r.errorText])).toEqual(template.examples.map(() => ['valid', '']));
      const kept = checkImport(template, { name: 'x', rows: relabelledOnly }, mapping, { today: '2026-11-04' }, () => null);
      expect(kept.ok && kept.rows.map((r) => r.status)).toEqual(template.examples.map(() => 'example'));
    }
  });

  it('the behaviour drop-down follows the rule set’s catalogues', () => {
    const cy = importTemplate('cases', { behaviourCatalogues: PRESET_CY_RE_2020.behaviourCatalogues });
    const table = cy.columns.find((c) => c.key === 'behaviourCode')?.table;
    expect(table?.entries.length).toBe(17 + 7);
    expect(table?.entries.every((e) => e.value.startsWith('CY-RE-6-'))).toBe(true);
    const hlj = importTemplate('cases', { behaviourCatalogues: PRESET_HLJ_2022.behaviourCatalogues });
    expect(hlj.columns.find((c) => c.key === 'behaviourCode')?.table?.entries.map((e) => e.value)).toEqual(['HLJ-29-1', 'HLJ-29-2', 'HLJ-29-3', 'HLJ-29-4', 'HLJ-29-5', 'HLJ-29-6', 'HLJ-29-7', 'HLJ-29-8']);
  });
});

describe('rejected rows come back with 错误说明 and go in once fixed', () => {
  it('export → fix → re-import without duplicates', () => {
    const template = importTemplate('subjects_person');
    const header = ['姓名', '身份证号'];
    const bad = '110105194912310021'; // check character should be X
    const fixedId = `11010519491231003${computeCitizenIdCheckChar('11010519491231003') ?? ''}`;
    const sheet = { name: '人员', rows: [header, ['张三', EXAMPLE_CITIZEN_ID], ['=HYPERLINK("http://evil")', bad]] as CellValue[][] };
    const mapping = proposeMapping(template, header).mapping;
    const first = checkImport(template, sheet, mapping, { today: '2026-11-04' }, () => null);
    if (!first.ok) throw new Error(first.reason);
    const rejected = first.rows.filter((r) => rowAction(r) === 'reject');
    expect(rejected.map((r) => r.rowNumber)).toEqual([3]);
    const wb = rejectedRowsWorkbook('人员登记.xlsx', '人员', header, rejected.map((r) => ({ rowNumber: r.rowNumber, cells: sheet.rows[r.rowNumber - 1] ?? [], reason: rejectionText(r) })));
    expect(wb.fileName).toBe('人员登记-未导入的行.xlsx');
    const out = wb.sheets[0] as ExportSheet;
    const grid = sheetGrid(out);
    expect(grid[0]).toEqual(['姓名', '身份证号', '错误说明']);
    expect(grid[1]?.[0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(grid[1]?.[2]).toContain('B列“公民身份号码”');
    // The user fixes the ID in the returned file; the 错误说明 column is ignored on re-import.
    const back = readBack(out);
    const fixed = back.map((r, i) => (i === 1 ? [r[0], fixedId, r[2]] : r));
    const remap = proposeMapping(template, fixed[0] ?? []);
    expect(remap.columns[2]?.match).toBe('ignored');
    const second = checkImport(template, { name: '人员', rows: fixed }, remap.mapping, { today: '2026-11-04' }, () => null);
    if (!second.ok) throw new Error(second.reason);
    expect(second.rows[0]?.value).toMatchObject({ name: '=HYPERLINK("http://evil")', citizenId: fixedId });
    expect(second.rows[0]?.normalisations.map((n) => n.kind)).toContain('formula_guard_removed');
  });
});

const EXPECTED_30 = [
  '行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '行政相对人代码_2(工商注册号)', '行政相对人代码_3(组织机构代码)',
  '行政相对人代码_4(税务登记号)', '行政相对人代码_5(事业单位证书号)', '行政相对人代码_6(社会组织登记证号)', '法定代表人', '法定代表人证件类型',
  '法定代表人证件号码', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额(万元)',
  '没收违法所得、没收非法财物的金额(万元)', '暂扣或吊销证照名称及编号', '处罚决定日期', '处罚有效期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码',
  '数据来源单位', '数据来源单位统一社会信用代码', '备注',
];

const AUTHORITY = { name: '示例县应急管理局', uscc: EXAMPLE_USCC };
const penalty: PenaltyDisclosureView = {
  counterpart: { name: '示例县示例商贸有限公司', category: '法人及非法人组织', uscc: EXAMPLE_USCC, legalRepresentative: { name: '张示例', citizenId: EXAMPLE_CITIZEN_ID } },
  decisionNo: '示应急罚〔2026〕1号',
  violationType: '未按规定整改事故隐患',
  facts: '经检查……',
  basis: '《中华人民共和国安全生产法》第一百零二条',
  penaltyTypes: ['罚款'],
  content: '罚款人民币2000元',
  fineYuan: 2000,
  decidedOn: '2026-03-01',
  validUntil: '2029-03-01',
  publicUntil: '2027-03-01',
  authority: AUTHORITY,
  dataSource: AUTHORITY,
};

describe('双公示 行政处罚 layout', () => {
  it('exactly the 30 columns in order, with the 必填 flags of the national template', () => {
    expect(PENALTY_DISCLOSURE_COLUMNS.map((c) => c.header)).toEqual(EXPECTED_30);
    expect(PENALTY_DISCLOSURE_COLUMNS.map((c) => c.no)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(PENALTY_DISCLOSURE_COLUMNS.filter((c) => c.required).map((c) => c.no)).toEqual([1, 2, 14, 15, 16, 17, 18, 19, 23, 24, 26, 27, 28, 29]);
    expect(PENALTY_DISCLOSURE_COLUMNS.find((c) => c.no === 2)?.table?.entries.map((e) => e.value)).toEqual(['法人及非法人组织', '自然人', '个体工商户']);
  });

  it('a legal person’s row: codes as text, amounts in 万元, dates as dates', () => {
    const row = buildPenaltyDisclosureRow(penalty);
    if (!row.ok) throw new Error(row.errors.join());
    expect(row.cells).toHaveLength(30);
    expect(row.cells[2]).toEqual({ type: 'code', value: EXAMPLE_USCC, numberFormat: '@' });
    expect(row.cells[9]).toEqual({ type: 'text', value: '身份证' });
    expect(row.cells[10]).toEqual({ type: 'code', value: EXAMPLE_CITIZEN_ID, numberFormat: '@' });
    expect(row.cells[11]).toEqual({ type: 'blank' });
    expect(row.cells[19]).toMatchObject({ type: 'number', value: 0.2 });
    expect(row.cells[22]).toMatchObject({ type: 'date', value: '2026-03-01' });
    expect(row.cells[26]).toMatchObject({ type: 'code' });
    expect(yuanToWanYuan(1234.56)).toBe(0.123456);
  });

  it('a natural person’s row uses 证件类型/证件号码 and no organisation codes', () => {
    const row = buildPenaltyDisclosureRow({ ...penalty, counterpart: { name: '李示例', category: '自然人', citizenId: EXAMPLE_CITIZEN_ID } });
    if (!row.ok) throw new Error(row.errors.join());
    expect(row.cells.slice(2, 11).every((c) => c.type === 'blank')).toBe(true);
    expect(row.cells[11]).toEqual({ type: 'text', value: '身份证' });
    expect(row.cells[12]).toMatchObject({ type: 'code', value: EXAMPLE_CITIZEN_ID });
  });

  it('refuses what the platform would refuse, in Chinese', () => {
    const row = buildPenaltyDisclosureRow({ ...penalty, decisionNo: ' ', counterpart: { ...penalty.counterpart, uscc: '91211382MA0Y05L010' }, validUntil: '2025-01-01', fineYuan: null });
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.errors).toEqual(expect.arrayContaining(['“行政处罚决定书文号”必填', '“处罚有效期”早于“处罚决定日期”', '处罚类别含“罚款”，请填写罚款金额']));
    expect(row.errors.some((e) => e.startsWith('“统一社会信用代码”'))).toBe(true);
    const person = buildPenaltyDisclosureRow({ ...penalty, counterpart: { name: '李示例', category: '自然人', uscc: EXAMPLE_USCC } });
    expect(person.ok === false && person.errors).toEqual(expect.arrayContaining(['自然人不填写组织代码', '自然人须填写“证件号码”']));
  });

  it('a sheet of several penalties lists the refused ones; text cells are neutralised', () => {
    const { sheet, refused } = penaltyDisclosureSheet([penalty, { ...penalty, decisionNo: '示应急罚〔2026〕2号', facts: '=1+1' }, { ...penalty, decisionNo: '' }]);
    expect(sheet.header).toEqual(EXPECTED_30);
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[1]?.[15]).toEqual({ type: 'text', value: "'=1+1" });
    expect(refused).toEqual([{ index: 2, decisionNo: '', errors: ['“行政处罚决定书文号”必填'] }]);
  });

  it('the 7-working-day limit counts working days (发改办财金〔2018〕424号)', () => {
    // Decided Monday 2026-09-28: 09-29, 09-30, then the National Day holiday (10-01..10-07), then
    // 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13.
    expect(penaltyDisclosureDueOn('2026-09-28', builtinCalendar())).toBe('2026-10-13');
  });
});

describe('publication list', () => {
  const org = { subjectId: 's1', kind: 'legal_person' as const, name: '示例县示例商贸有限公司', uscc: EXAMPLE_USCC, legalRepresentative: { name: '张示例', citizenId: EXAMPLE_CITIZEN_ID } };
  const person = { subjectId: 's2', kind: 'natural_person' as const, name: '李示例', citizenId: EXAMPLE_CITIZEN_ID };
  const entry = (subject: PublicationListEntry['subject'], over: Partial<PublicationListEntry> = {}): PublicationListEntry => ({
    caseId: subject.subjectId,
    subject,
    listType: 'severe_dishonesty_list',
    behaviour: '恶意欠薪',
    facts: '拖欠工资……',
    determiningDept: '示例县人力资源和社会保障局',
    basis: '示人社罚〔2026〕3号 行政处罚决定',
    determinedOn: '2026-03-01',
    listedOn: '2026-03-10',
    validUntil: '2029-03-01',
    publicationActive: true,
    ...over,
  });

  it('masks ID numbers through the function passed in and prints the legal basis above the list', () => {
    const { sheet, excluded } = publicationListSheet({
      listType: 'severe_dishonesty_list',
      office: '示例县社会信用体系建设工作领导小组办公室',
      basis: publicationBasisFor(PRESET_HLJ_2022),
      maskingNote: '个人信息已脱敏',
      asOf: '2026-11-04',
      entries: [entry(org), entry(person), entry({ ...org, subjectId: 's3', name: '已移出公司' }, { publicationActive: false }), entry(org, { caseId: 'x', listType: 'dishonesty_list' })],
      mask: (s) => publicationView(s, 'masked'),
    });
    const grid = sheetGrid(sheet);
    expect(grid[0]?.[0]).toBe('示例县社会信用体系建设工作领导小组办公室严重失信主体名单公示');
    expect(grid[1]?.[0]).toBe('公示依据：《黑龙江省社会信用条例》第二十八条、第二十九条；个人信息依第二十三条脱敏处理');
    expect(grid[2]?.[0]).toContain('数据截至2026-11-04');
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0]?.[2]).toEqual({ type: 'code', value: EXAMPLE_USCC, numberFormat: '@' });
    expect(sheet.rows[0]?.[4]).toEqual({ type: 'code', value: `${EXAMPLE_CITIZEN_ID.slice(0, 6)}********${EXAMPLE_CITIZEN_ID.slice(14)}`, numberFormat: '@' });
    expect(sheet.rows[1]?.[1]).toEqual({ type: 'text', value: '李**' });
    expect(JSON.stringify(sheet.rows)).not.toContain(EXAMPLE_CITIZEN_ID);
    expect(excluded).toEqual([{ caseId: 's3', reason: expect.stringContaining('第三十七条') }]);
    expect(sheet.frozenRows).toBe(4);
  });

  it('a natural person under the offline profile is left out with the reason', () => {
    const { sheet, excluded } = publicationListSheet({
      listType: 'severe_dishonesty_list', office: '办公室', basis: publicationBasisFor(PRESET_CY_RE_2020), maskingNote: '', asOf: '2026-11-04',
      entries: [entry(person)], mask: (s) => publicationView(s, 'offline'),
    });
    expect(sheet.rows).toHaveLength(0);
    expect(excluded[0]?.reason).toContain('十六（二十六）');
    expect(sheetGrid(sheet)[1]?.[0]).toContain('第十二条（一）');
  });
});
