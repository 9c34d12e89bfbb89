import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  checkImport,
  checkMapping,
  chooseSheet,
  cleanCode,
  createDuplicateTracker,
  flattenHeaderRows,
  groupCaseRows,
  importTemplate,
  locateHeaderRow,
  normaliseHeader,
  prepareSheet,
  proposeMapping,
  rejectionText,
  rowAction,
  validateRow,
  EXAMPLE_CITIZEN_ID,
  EXAMPLE_USCC,
  type CellValue,
  type ColumnMapping,
  type ExistingLookup,
  type ImportContext,
  type ImportTemplate,
  type SheetInput,
} from '../../shared';
import { checkCitizenId, upgradeCitizenId15 } from '../../shared/identifiers/citizen-id';
import { checkUscc } from '../../shared/identifiers/uscc';
import { corruptCheckChar } from '../../shared/identifiers/generators';
import { USCC_ALPHABET } from '../../shared/identifiers/uscc';
import { PRESET_CY_RE_2020, PRESET_HLJ_2022, RULE_SET_PRESETS } from '../../shared/rules/presets';
import { selectRuleSet } from '../../shared/rules/select';
import { dateToExcelSerial } from '../../shared/util/parse-date';

const today = '2026-11-04';
const ctx: ImportContext = { today };
const noneExisting: ExistingLookup = () => null;

/** A mapping from the template's own header row. */
function ownMapping(template: ImportTemplate): { headers: string[]; mapping: ColumnMapping } {
  const headers = template.columns.map((c) => (c.required === 'always' ? `*${c.header}` : c.header));
  const proposal = proposeMapping(template, headers);
  return { headers, mapping: proposal.mapping };
}

function rowOf(template: ImportTemplate, values: Record<string, CellValue>): CellValue[] {
  return template.columns.map((c) => values[c.key] ?? '');
}

const ORG = importTemplate('subjects_org');
const PERSON = importTemplate('subjects_person');
const CASES = importTemplate('cases');
const LINKS = importTemplate('linked_persons');

const ID_2 = '11010519491231002X';

describe('header normalisation and mapping', () => {
  it('normalises full-width, spaces, line breaks, required markers and (必填)', () => {
    expect(normaliseHeader('统一社会\n信用代码')).toBe(normaliseHeader('统一社会信用代码'));
    expect(normaliseHeader('＊统一社会信用代码（必填）')).toBe('统一社会信用代码');
    expect(normaliseHeader(' 身份证号 ')).toBe('身份证号');
    expect(normaliseHeader('\u200b主体名称\ufeff')).toBe('主体名称');
  });

  it.each([
    ['统一社会信用代码', 'uscc'],
    ['社会信用代码', 'uscc'],
    ['信用代码', 'uscc'],
    ['统一社会\r\n信用代码', 'uscc'],
    ['企业名称', 'name'],
    ['法定代表人', 'legalRepName'],
    ['法定代表人(负责人)', 'legalRepName'],
    ['法定代表人身份证号', 'legalRepCitizenId'],
  ])('organisation header %j → %s', (header, key) => {
    const proposal = proposeMapping(ORG, ['企业名称', '主体类别', header === '企业名称' ? '统一社会信用代码' : header]);
    const mapped = proposal.columns.find((c) => c.header === header.trim());
    expect(mapped?.fieldKey).toBe(key);
  });

  it.each(['身份证号', '公民身份号码', '证件号码', '身份证号码', '居民身份证号码'])('person header %j → citizenId', (header) => {
    const proposal = proposeMapping(PERSON, ['姓名', header]);
    expect(proposal.mapping.fields.citizenId).toBe(1);
    expect(proposal.missingRequired).toEqual([]);
  });

  it('reports missing required columns and conflicts, and is not confident about a contains-match', () => {
    const missing = proposeMapping(ORG, ['企业名称', '备注']);
    expect(missing.missingRequired.map((c) => c.header)).toEqual(['主体类别', '统一社会信用代码']);
    const conflict = proposeMapping(PERSON, ['姓名', '身份证号', '公民身份号码']);
    expect(conflict.conflicts).toEqual([{ fieldKey: 'citizenId', header: '公民身份号码', indices: [2, 1] }]);
    expect(conflict.mapping.fields.citizenId).toBe(2);
    const contains = proposeMapping(PERSON, ['姓名', '当事人公民身份号码（18位）']);
    expect(contains.columns[1]?.match).toBe('contains');
    expect(contains.confident).toBe(false);
    expect(proposeMapping(PERSON, ['姓名', '公民身份号码']).confident).toBe(true);
  });

  it('ignores our 错误说明 column and reuses a remembered mapping for the same headers', () => {
    const headers = ['姓名', '错误说明', '证件号'];
    const proposal = proposeMapping(PERSON, headers);
    expect(proposal.columns[1]?.match).toBe('ignored');
    const fixed: ColumnMapping = { ...proposal.mapping, fields: { name: 0, citizenId: 2 } };
    const again = proposeMapping(PERSON, headers, fixed);
    expect(again.mapping.fields).toEqual({ name: 0, citizenId: 2 });
    const otherHeaders = proposeMapping(PERSON, ['姓名', '证件号', '错误说明'], fixed);
    expect(otherHeaders.mapping.fields).toEqual({ name: 0, citizenId: 1 });
  });

  it('checkMapping refuses in Chinese', () => {
    const headers = ['姓名', '身份证号'];
    const { mapping } = proposeMapping(PERSON, headers);
    expect(checkMapping(PERSON, mapping, headers)).toEqual({ ok: true });
    expect(checkMapping(PERSON, { ...mapping, fields: { name: 0 } }, headers)).toMatchObject({ ok: false, code: 'mapping_missing_required', reason: expect.stringContaining('“公民身份号码”') });
    expect(checkMapping(PERSON, { ...mapping, fields: { name: 0, citizenId: 0 } }, headers)).toMatchObject({ code: 'mapping_column_twice', reason: expect.stringContaining('A列') });
    expect(checkMapping(PERSON, { ...mapping, fields: { name: 0, citizenId: 7 } }, headers)).toMatchObject({ code: 'mapping_bad_index' });
    expect(checkMapping(ORG, mapping, headers)).toMatchObject({ code: 'mapping_template_mismatch' });
  });

  it('finds the header below a title row and flattens a merged two-row header', () => {
    const rows = [['示例县失信主体登记册'], [], ['企业名称', '类别', '信用代码'], ['甲公司', '法人', EXAMPLE_USCC]];
    expect(locateHeaderRow(ORG, rows)).toEqual({ ok: true, index: 2 });
    expect(locateHeaderRow(ORG, [['甲', '乙'], ['丙']])).toMatchObject({ ok: false, code: 'header_not_found' });
    const merged = [
      ['主体名称', '法定代表人', null, '统一社会信用代码'],
      [null, '姓名', '身份证号', null],
    ];
    const flat = flattenHeaderRows(merged, 0, [
      { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } },
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 3 }, e: { r: 1, c: 3 } },
    ]);
    expect(flat).toEqual(['主体名称', '法定代表人姓名', '法定代表人身份证号', '统一社会信用代码']);
    expect(proposeMapping(ORG, flat).mapping.fields).toMatchObject({ name: 0, legalRepName: 1, legalRepCitizenId: 2, uscc: 3 });
  });

  it('prepareSheet: empty sheet, too many rows, merged header', () => {
    expect(prepareSheet(ORG, { name: '空表', rows: [[], [null, '']] })).toMatchObject({ ok: false, code: 'sheet_empty', reason: expect.stringContaining('空表') });
    const big: SheetInput = { name: '大表', rows: Array.from({ length: 100_100 }, () => ['x']) };
    expect(prepareSheet(ORG, big)).toMatchObject({ ok: false, code: 'sheet_too_many_rows' });
    const sheet: SheetInput = {
      name: '登记册',
      rows: [['主体名称', '主体类别', '法定代表人', null, '统一社会信用代码'], [null, null, '姓名', '身份证号', null], ['甲公司', '法人', '张三', ID_2, EXAMPLE_USCC]],
      merges: [{ s: { r: 0, c: 2 }, e: { r: 0, c: 3 } }, { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } }, { s: { r: 0, c: 4 }, e: { r: 1, c: 4 } }],
      hiddenRows: [2],
    };
    const prepared = prepareSheet(ORG, sheet);
    expect(prepared).toMatchObject({ ok: true, prepared: { headerRowIndex: 1, headers: ['主体名称', '主体类别', '法定代表人姓名', '法定代表人身份证号', '统一社会信用代码'], dataRowCount: 1, hiddenDataRows: 1 } });
  });

  it('a title merged across the row above the header stays out of the header', () => {
    const sheet: SheetInput = {
      name: '登记册',
      rows: [['示例县企业登记册', null, null], ['主体名称', '主体类别', '统一社会信用代码'], ['甲公司', '法人', EXAMPLE_USCC]],
      merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }],
    };
    expect(prepareSheet(ORG, sheet)).toMatchObject({ ok: true, prepared: { headerRowIndex: 1, headers: ['主体名称', '主体类别', '统一社会信用代码'], dataRowCount: 1 } });
  });

  it('chooseSheet: the template sheet, the only data sheet, or ask', () => {
    expect(chooseSheet(ORG, ['填写说明', '组织主体', '代码表'])).toEqual({ ok: true, name: '组织主体' });
    expect(chooseSheet(ORG, ['Sheet1'])).toEqual({ ok: true, name: 'Sheet1' });
    expect(chooseSheet(ORG, ['2025年', '2026年'])).toMatchObject({ ok: false, code: 'several_sheets', candidates: ['2025年', '2026年'] });
    expect(chooseSheet(ORG, [])).toMatchObject({ ok: false, code: 'no_sheets' });
  });
});

describe('cell normalisation', () => {
  it('full-width digits, inner spaces, lower-case x, invisible characters', () => {
    const fullWidth = [...EXAMPLE_CITIZEN_ID].map((ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0)).join('');
    expect(cleanCode(fullWidth)).toMatchObject({ ok: true, text: EXAMPLE_CITIZEN_ID, kinds: expect.arrayContaining(['full_width']) });
    expect(cleanCode(`\u200b${EXAMPLE_USCC.slice(0, 4)} ${EXAMPLE_USCC.slice(4)}\u00a0`)).toMatchObject({ ok: true, text: EXAMPLE_USCC, kinds: expect.arrayContaining(['invisible_removed', 'inner_spaces_removed']) });
    expect(cleanCode('11010519491231002x')).toMatchObject({ ok: true, text: '11010519491231002X', kinds: ['upper_cased'] });
  });

  it('a long code stored as a number is refused; a short one is read as digits', () => {
    expect(cleanCode(110105194912310020)).toMatchObject({ ok: false, code: 'code_stored_as_number', reason: expect.stringContaining('文本') });
    expect(cleanCode('1.10105E+17')).toMatchObject({ ok: false, code: 'code_stored_as_number' });
    expect(cleanCode(110105491231002)).toMatchObject({ ok: true, text: '110105491231002', kinds: ['number_as_text'] });
  });
});

describe('row validation (the forms’ rules)', () => {
  const { mapping: orgMapping } = ownMapping(ORG);
  const { mapping: personMapping } = ownMapping(PERSON);

  it('a good organisation row, with what was normalised', () => {
    const result = validateRow(ORG, orgMapping, rowOf(ORG, { name: ' 甲公司 ', kind: '法人', uscc: EXAMPLE_USCC.toLowerCase(), legalRepName: '张三', legalRepCitizenId: ID_2, township: '城关镇' }), 3, ctx);
    expect(result.status).toBe('valid');
    expect(result.value).toEqual({ kind: 'legal_person', name: '甲公司', uscc: EXAMPLE_USCC, legalRepresentative: { name: '张三', citizenId: ID_2 }, township: '城关镇', address: null, remark: null });
    expect(result.normalisations.map((n) => [n.fieldKey, n.kind])).toEqual([['name', 'trimmed'], ['uscc', 'upper_cased']]);
  });

  it('check-digit messages name the character, as the forms do', () => {
    const bad = corruptCheckChar(EXAMPLE_USCC, USCC_ALPHABET);
    const result = validateRow(ORG, orgMapping, rowOf(ORG, { name: '甲公司', kind: '法人', uscc: bad }), 4, ctx);
    const expected = checkUscc(bad);
    expect(result.status).toBe('invalid');
    expect(expected.ok).toBe(false);
    if (expected.ok) return;
    expect(result.errorText).toBe(`D列“统一社会信用代码”：“${bad}”：${expected.reason}`);
    expect(result.errorText).toContain('第18位校验码应为');
    const letterO = `${EXAMPLE_USCC.slice(0, 10)}O${EXAMPLE_USCC.slice(11)}`;
    expect(validateRow(ORG, orgMapping, rowOf(ORG, { name: '甲', kind: '法人', uscc: letterO }), 5, ctx).errorText).toContain('第11位字符"O"不允许使用');
  });

  it('a 15-digit old ID is refused with the computed 18-digit form shown', () => {
    const old = '110105491231002';
    const upgraded = upgradeCitizenId15(old);
    expect(upgraded.ok).toBe(true);
    if (!upgraded.ok) return;
    const result = validateRow(PERSON, personMapping, rowOf(PERSON, { name: '王五', citizenId: old }), 6, ctx);
    expect(result.status).toBe('invalid');
    expect(result.errorText).toContain('这是15位旧身份证号码');
    expect(result.errorText).toContain(upgraded.normalized);
    expect(checkCitizenId(old).ok).toBe(false);
  });

  it('required fields, Excel error values, unknown choices, over-long text', () => {
    const result = validateRow(ORG, orgMapping, rowOf(ORG, { name: '#N/A', kind: '合伙人', uscc: '', address: '长'.repeat(201) }), 7, ctx);
    const byKey = Object.fromEntries(result.errors.map((e) => [e.fieldKey, e.reason]));
    expect(byKey.name).toContain('Excel错误值');
    expect(byKey.kind).toContain('“合伙人”不是可选的值，可填写：法人、非法人组织、个体工商户');
    expect(byKey.uscc).toBe('必填，请填写');
    expect(byKey.address).toContain('最多200字');
  });

  it('legal representative ID without a name is refused', () => {
    const result = validateRow(ORG, orgMapping, rowOf(ORG, { name: '甲公司', kind: '法人', uscc: EXAMPLE_USCC, legalRepCitizenId: ID_2 }), 8, ctx);
    expect(result.errorText).toContain('请同时填写其姓名');
  });

  it('example rows and empty rows are never imported', () => {
    const example = ORG.examples[0] ?? {};
    expect(validateRow(ORG, orgMapping, rowOf(ORG, example), 2, ctx).status).toBe('example');
    expect(validateRow(ORG, orgMapping, rowOf(ORG, { ...example, rowLabel: '' }), 2, ctx).status).toBe('example');
    expect(validateRow(ORG, orgMapping, rowOf(ORG, { ...example, rowLabel: '【示例】' }), 2, ctx).status).toBe('example');
    expect(validateRow(ORG, orgMapping, ['', null, ' ', '\u200b'], 9, ctx).status).toBe('empty');
    expect(validateRow(ORG, orgMapping, rowOf(ORG, { ...example, rowLabel: '1', name: '乙公司' }), 2, ctx).status).toBe('valid');
  });
});

describe('case rows', () => {
  const { mapping } = ownMapping(CASES);
  const good = {
    caseRef: 'A-1',
    subjectName: '甲公司',
    subjectKind: '法人',
    uscc: EXAMPLE_USCC,
    behaviourCode: 'CY-RE-6-2 第六条（二）',
    behaviourText: '未取得预售许可证预售商品房',
    facts: '经查……',
    severity: '一般',
    listType: '失信名单',
    determiningDept: '朝阳市住房和城乡建设局',
    determinedOn: '2026/3/15',
    listedOn: dateToExcelSerial('2026-03-20') ?? 0,
    basisType: '行政处罚决定书',
    basisNo: '朝住建罚〔2026〕1号',
    basisIssuer: '朝阳市住房和城乡建设局',
    basisDecidedOn: '2026年3月1日',
    basisEffective: '是',
    township: '城关镇',
  };
  const chaoyang: ImportContext = { today, ruleSetOn: (d) => selectRuleSet(RULE_SET_PRESETS, 'LN-CY-RE', d) };

  it('a good row becomes a case draft with its basis document and rule set', () => {
    const result = validateRow(CASES, mapping, rowOf(CASES, good), 3, chaoyang);
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({
      caseRef: 'A-1',
      subject: { kind: 'legal_person', name: '甲公司', uscc: EXAMPLE_USCC, citizenId: null },
      behaviourCode: 'CY-RE-6-2',
      severity: 'general',
      listType: 'dishonesty_list',
      determinedOn: '2026-03-15',
      listedOn: '2026-03-20',
      basisDocument: { type: 'penalty_decision', documentNo: '朝住建罚〔2026〕1号', decidedOn: '2026-03-01', effective: true },
      ruleSet: { id: PRESET_CY_RE_2020.id, version: 1 },
    });
    expect(result.normalisations.filter((n) => n.kind === 'date_reformatted').map((n) => n.fieldKey)).toEqual(['determinedOn', 'basisDecidedOn']);
  });

  it('impossible dates, order of dates, not effective, future', () => {
    const result = validateRow(CASES, mapping, rowOf(CASES, { ...good, determinedOn: '2026-02-30', basisEffective: '否', listedOn: '2027-01-01' }), 4, chaoyang);
    const codes = result.errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['date_bad_day', 'basis_not_effective', 'date_in_future']));
    expect(result.errorText).toContain('2026年2月没有30日');
    const order = validateRow(CASES, mapping, rowOf(CASES, { ...good, listedOn: '2026-03-01', basisDecidedOn: '2026-04-01' }), 5, chaoyang);
    expect(order.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['listed_before_determined', 'basis_after_determination']));
  });

  it('the 003 deny-list through the catalogue module’s check', () => {
    const result = validateRow(CASES, mapping, rowOf(CASES, { ...good, behaviourCode: '', behaviourText: '多次越级上访' }), 6, chaoyang);
    expect(result.errors.map((e) => e.code)).toContain('behaviour_denied');
    expect(result.errorText).toContain('不得纳入信用监管');
    // The catalogue item 第六条(十六) names 上访 as the developer's consequence: allowed with the code.
    const item16 = validateRow(CASES, mapping, rowOf(CASES, { ...good, behaviourCode: 'CY-RE-6-16', behaviourText: '不履行合同导致群体性上访' }), 7, chaoyang);
    expect(item16.errors).toEqual([]);
    // Without a rule set the deny-list still applies; 黑龙江 does not enforce the Liaoning text.
    expect(validateRow(CASES, mapping, rowOf(CASES, { ...good, behaviourCode: '', behaviourText: '闯红灯' }), 8, ctx).errors.map((e) => e.code)).toContain('behaviour_denied');
  });

  it('catalogue codes of another rule set, unset periods, rule set not in force', () => {
    const hlj: ImportContext = { today, ruleSetOn: (d) => selectRuleSet(RULE_SET_PRESETS, 'HLJ', d) };
    const wrongCatalogue = validateRow(CASES, mapping, rowOf(CASES, { ...good, listedOn: '' }), 9, hlj);
    expect(wrongCatalogue.errors.map((e) => e.code)).toContain('behaviour_not_in_catalogue');
    // 黑龙江: the 书面决定 period is unset, so 认定 is refused until the office sets it.
    const unset = validateRow(CASES, mapping, rowOf(CASES, { ...good, behaviourCode: 'HLJ-29-4', listType: '严重失信主体名单', listedOn: '' }), 10, hlj);
    expect(unset.errors.map((e) => e.code)).toContain('period_unset');
    expect(unset.errorText).toContain(PRESET_HLJ_2022.shortTitle);
    const early = validateRow(CASES, mapping, rowOf(CASES, { ...good, determinedOn: '2019-05-01', basisDecidedOn: '2019-04-01', listedOn: '' }), 11, chaoyang);
    expect(early.errors.map((e) => e.code)).toContain('rule_set_not_in_force');
  });

  it('a natural person needs the ID and no USCC; an organisation the reverse', () => {
    const person = validateRow(CASES, mapping, rowOf(CASES, { ...good, subjectKind: '自然人', uscc: EXAMPLE_USCC, citizenId: '' }), 12, chaoyang);
    expect(person.errors.map((e) => [e.fieldKey, e.code])).toEqual(expect.arrayContaining([['citizenId', 'required'], ['uscc', 'not_for_person']]));
    const org = validateRow(CASES, mapping, rowOf(CASES, { ...good, citizenId: ID_2 }), 13, chaoyang);
    expect(org.errors.map((e) => e.code)).toContain('not_for_org');
  });

  it('groups rows with the same 案件编号 into one case and refuses disagreeing rows', () => {
    const sheet: SheetInput = {
      name: '失信案件',
      rows: [
        CASES.columns.map((c) => c.header),
        rowOf(CASES, good),
        rowOf(CASES, { ...good, basisType: '判决', basisNo: '（2026）辽13民初1号', basisIssuer: '朝阳市中级人民法院' }),
        rowOf(CASES, { ...good, basisNo: '朝住建罚〔2026〕9号', severity: '严重' }),
        rowOf(CASES, { ...good, caseRef: '', basisNo: '朝住建罚〔2026〕2号' }),
      ],
    };
    const checked = checkImport(CASES, sheet, proposeMapping(CASES, sheet.rows[0] ?? []).mapping, chaoyang, noneExisting);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.summary).toMatchObject({ valid: 4, create: 4, reject: 0 });
    const { drafts, refused } = groupCaseRows(checked.rows);
    expect(drafts.map((d) => [d.rowNumbers, d.basisDocuments.length])).toEqual([[[2, 3], 2], [[5], 1]]);
    expect(refused).toEqual([{ rowNumber: 4, reason: expect.stringContaining('“失信程度”不一致') }]);
  });
});

describe('linked persons', () => {
  const { mapping } = ownMapping(LINKS);
  it('role from the code table, ID checked', () => {
    const ok = validateRow(LINKS, mapping, rowOf(LINKS, { orgName: '甲公司', orgUscc: EXAMPLE_USCC, role: '法人代表', personName: '张三', citizenId: ID_2, since: '20200101' }), 2, ctx);
    expect(ok.value).toEqual({ organisation: { name: '甲公司', uscc: EXAMPLE_USCC }, role: '法定代表人', person: { name: '张三', citizenId: ID_2 }, since: '2020-01-01', remark: null });
    const bad = validateRow(LINKS, mapping, rowOf(LINKS, { orgName: '甲公司', orgUscc: EXAMPLE_USCC, role: '股东', personName: '张三', citizenId: `${ID_2.slice(0, 17)}9` }), 3, ctx);
    expect(bad.errors.map((e) => e.fieldKey)).toEqual(['role', 'citizenId']);
  });
});

describe('duplicates within the file and against the desk', () => {
  const { headers, mapping } = ownMapping(ORG);
  const existing: ExistingLookup = (key) => {
    if (key.kind !== 'subject') return null;
    if (key.code === EXAMPLE_USCC) return { id: 's1', label: '示例县（城关）商贸有限公司', name: '示例县（城关）商贸有限公司' };
    return null;
  };

  it('merge when the name matches (full/half-width folded), flag when it differs, reject repeats', () => {
    const sheet: SheetInput = {
      name: '组织主体',
      rows: [
        headers,
        rowOf(ORG, { name: '示例县(城关)商贸有限公司', kind: '法人', uscc: EXAMPLE_USCC }),
        rowOf(ORG, { name: '另一家公司', kind: '法人', uscc: EXAMPLE_USCC }),
      ],
    };
    const checked = checkImport(ORG, sheet, mapping, ctx, existing);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const [first, second] = checked.rows;
    expect(first?.duplicate).toMatchObject({ kind: 'existing_same', existing: { id: 's1' } });
    expect(first && rowAction(first)).toBe('merge');
    expect(second?.duplicate).toMatchObject({ kind: 'duplicate_in_file', firstRowNumber: 2 });
    expect(second && rowAction(second)).toBe('reject');
    expect(second && rejectionText(second)).toContain('与第2行的统一社会信用代码相同');

    const conflictSheet: SheetInput = { name: '组织主体', rows: [headers, rowOf(ORG, { name: '另一家公司', kind: '法人', uscc: EXAMPLE_USCC })] };
    const conflict = checkImport(ORG, conflictSheet, mapping, ctx, existing);
    if (!conflict.ok) throw new Error(conflict.reason);
    expect(conflict.rows[0]?.duplicate).toMatchObject({ kind: 'existing_conflict' });
    expect(conflict.summary).toMatchObject({ existingConflict: 1, reject: 1, create: 0 });
    expect(conflict.rows[0] && rejectionText(conflict.rows[0])).toContain('但名称不同');
  });

  it('the tracker works across chunks in row order', () => {
    const tracker = createDuplicateTracker(noneExisting);
    const value = { kind: 'natural_person' as const, name: '张三', citizenId: ID_2, township: null, address: null, remark: null };
    expect(tracker.check(2, value)).toEqual({ kind: 'new' });
    expect(tracker.check(5000, value)).toMatchObject({ kind: 'duplicate_in_file', firstRowNumber: 2 });
  });

  it('applyMapping picks the mapped cells only', () => {
    expect(applyMapping({ templateId: 'subjects_person', templateVersion: 1, fields: { name: 1, citizenId: 0 }, headerFingerprint: '' }, [ID_2, '张三', '多余'])).toEqual({ name: '张三', citizenId: ID_2 });
  });
});
