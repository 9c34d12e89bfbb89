/**
 * The import as a desk act: preview counts, "import the valid rows" vs "nothing until all are fixed",
 * merge instead of doubling, one audit row (file name, hash, counts) and outbox rows, rejected rows
 * returned with 错误说明 and re-imported without duplicates; a fuzz test that nothing is written
 * unless the user confirms valid rows.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkImport,
  importTemplate,
  printedHeader,
  proposeMapping,
  rejectedRowsWorkbook,
  type CellValue,
  type ImportTemplate,
  type ImportTemplateId,
  type SheetInput,
} from '../../../shared';
import { computeUsccCheckChar } from '../../../shared/identifiers/uscc';
import { computeCitizenIdCheckChar } from '../../../shared/identifiers/citizen-id';
import { commitImport, importRules, previewImport, type ImportChoice } from '../../../renderer/src/desk/imports';
import { importContextFrom } from '../../../renderer/src/exchange/import-context';
import { officeDesk } from '../fixtures';
import type { Desk } from '../../../renderer/src/desk/desk';

const TABLES = ['subjects', 'subjectLinks', 'cases', 'caseEvents', 'basisDocuments', 'outbox', 'auditLog'] as const;

async function counts(desk: Desk): Promise<Record<(typeof TABLES)[number], number>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await desk.db.table(t).count()] as const))) as Record<(typeof TABLES)[number], number>;
}

export function uscc(n: number): string {
  const body = `9121138${String(n).padStart(10, '0')}`.slice(0, 17);
  return `${body}${computeUsccCheckChar(body)}`;
}

export function citizenId(n: number): string {
  const body = `21138219800101${String(n).padStart(3, '0')}`;
  return `${body}${computeCitizenIdCheckChar(body)}`;
}

function sheetOf(template: ImportTemplate, rows: Record<string, CellValue>[]): SheetInput {
  return { name: template.sheetName, rows: [template.columns.map(printedHeader), ...rows.map((r) => template.columns.map((c) => r[c.key] ?? null))] };
}

async function check(desk: Desk, id: ImportTemplateId, sheet: SheetInput) {
  const template = importTemplate(id);
  const rules = await importRules(desk);
  const checked = checkImport(template, sheet, proposeMapping(template, sheet.rows[0] ?? []).mapping, importContextFrom(rules), () => null);
  if (!checked.ok) throw new Error(checked.reason);
  return { template, rows: checked.rows.map(({ duplicate: _, ...r }) => r) };
}

const FILE = { name: '企业登记册.xlsx', sha256: 'ab'.repeat(32), size: 1234 };

async function commit(desk: Desk, id: ImportTemplateId, sheet: SheetInput, choice: ImportChoice) {
  const { template, rows } = await check(desk, id, sheet);
  return commitImport(desk, { templateId: id, template, file: FILE, rows, choice });
}

const org = (n: number, extra: Record<string, CellValue> = {}): Record<string, CellValue> => ({ rowLabel: String(n), name: `示例县第${n}商贸有限公司`, kind: '法人', uscc: uscc(n), ...extra });

describe('importing subjects', () => {
  it('previews valid, invalid and duplicate rows; "nothing until all are fixed" writes nothing; "import the valid rows" writes them with one audit row and outbox rows', async () => {
    const desk = await officeDesk();
    const bad = `${uscc(2).slice(0, 17)}${uscc(2).endsWith('0') ? '1' : '0'}`;
    const sheet = sheetOf(importTemplate('subjects_org'), [
      { rowLabel: '示例', name: '示例县示例商贸有限公司', kind: '法人', uscc: uscc(99) },
      org(1, { legalRepName: '张一', legalRepCitizenId: citizenId(1) }),
      org(2, { uscc: bad }),
      org(3),
      org(4, { uscc: uscc(3) }),
    ]);
    const { rows } = await check(desk, 'subjects_org', sheet);
    const preview = await previewImport(desk, rows);
    expect(preview.summary).toMatchObject({ examples: 1, valid: 3, invalid: 1, duplicateInFile: 1, create: 2, reject: 2 });
    const before = await counts(desk);
    const refused = await commit(desk, 'subjects_org', sheet, 'all_or_nothing');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('没有导入任何数据');
    expect(await counts(desk)).toEqual(before);

    const done = await commit(desk, 'subjects_org', sheet, 'valid_rows');
    if (!done.ok) throw new Error(done.reason);
    expect(done.written).toMatchObject({ subjects: 3, links: 1 });
    expect(done.rejected.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(done.rejected[0]!.reason).toMatch(/^D列“统一社会信用代码”：.*第18位/);
    expect(done.rejected[1]!.reason).toContain('与第5行');
    const after = await counts(desk);
    expect(after.subjects - before.subjects).toBe(3);
    expect(after.subjectLinks - before.subjectLinks).toBe(1);
    expect(after.outbox - before.outbox).toBe(3);
    const audit = (await desk.db.auditLog.toArray()).filter((a) => a.action === '导入表格');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor.name).toBe('李办');
    expect(audit[0]!.detail).toMatchObject({ fileName: FILE.name, fileSha256: FILE.sha256, template: 'subjects_org', rejected: 2 });
  });

  it('the rejected rows come back with 错误说明; fixed and re-imported (with the rows already in), nothing is doubled', async () => {
    const desk = await officeDesk();
    const template = importTemplate('subjects_org');
    const bad = `${uscc(2).slice(0, 17)}${uscc(2).endsWith('0') ? '1' : '0'}`;
    const sheet = sheetOf(template, [org(1), org(2, { uscc: bad })]);
    const first = await commit(desk, 'subjects_org', sheet, 'valid_rows');
    if (!first.ok) throw new Error(first.reason);
    const rejects = rejectedRowsWorkbook(FILE.name, template.sheetName, sheet.rows[0]!.map(String), first.rejected.map((r) => ({ rowNumber: r.rowNumber, cells: sheet.rows[r.rowNumber - 1]!, reason: r.reason })));
    const rejectSheet = rejects.sheets[0]!;
    expect(rejectSheet.header.at(-1)).toBe('错误说明');
    expect(rejectSheet.rows).toHaveLength(1);
    // fix the code and import the whole register again: row 1 merges, row 2 is created
    const fixed = sheetOf(template, [org(1), org(2)]);
    const before = await counts(desk);
    const second = await commit(desk, 'subjects_org', fixed, 'valid_rows');
    if (!second.ok) throw new Error(second.reason);
    expect(second.written).toMatchObject({ subjects: 1, merged: 1 });
    expect((await counts(desk)).subjects - before.subjects).toBe(1);
    // the same file a third time: everything merges, nothing is written twice
    const third = await commit(desk, 'subjects_org', fixed, 'valid_rows');
    if (!third.ok) throw new Error(third.reason);
    expect(third.written).toMatchObject({ subjects: 0, merged: 2 });
    expect((await counts(desk)).subjects - before.subjects).toBe(1);
  });

  it('a code registered under another name is flagged, not merged', async () => {
    const desk = await officeDesk();
    await commit(desk, 'subjects_org', sheetOf(importTemplate('subjects_org'), [org(1)]), 'valid_rows');
    const r = await commit(desk, 'subjects_org', sheetOf(importTemplate('subjects_org'), [org(1, { name: '另一个名称有限公司' })]), 'valid_rows');
    if (!r.ok) throw new Error(r.reason);
    expect(r.rejected[0]!.reason).toContain('名称不同');
  });

  it('persons and linked persons: the organisation must be registered; the person is registered once', async () => {
    const desk = await officeDesk();
    const people = sheetOf(importTemplate('subjects_person'), [{ rowLabel: '1', name: '王五', citizenId: citizenId(5).toLowerCase() }]);
    const p = await commit(desk, 'subjects_person', people, 'valid_rows');
    if (!p.ok) throw new Error(p.reason);
    expect(p.written.subjects).toBe(1);
    await commit(desk, 'subjects_org', sheetOf(importTemplate('subjects_org'), [org(7)]), 'valid_rows');
    const links = sheetOf(importTemplate('linked_persons'), [
      { rowLabel: '1', orgName: '示例县第7商贸有限公司', orgUscc: uscc(7), role: '主要责任人', personName: '王五', citizenId: citizenId(5) },
      { rowLabel: '2', orgName: '示例县第8商贸有限公司', orgUscc: uscc(8), role: '法定代表人', personName: '赵六', citizenId: citizenId(6) },
    ]);
    const l = await commit(desk, 'linked_persons', links, 'valid_rows');
    if (!l.ok) throw new Error(l.reason);
    expect(l.written).toMatchObject({ subjects: 0, links: 1 });
    expect(l.rejected[0]).toMatchObject({ rowNumber: 3 });
    expect(l.rejected[0]!.reason).toContain('尚未登记');
    const again = await commit(desk, 'linked_persons', links, 'valid_rows');
    if (!again.ok) throw new Error(again.reason);
    expect(again.written.links).toBe(0);
    expect(again.written.skipped).toBe(1);
  });
});

describe('importing cases', () => {
  const caseRow = (n: number, extra: Record<string, CellValue> = {}): Record<string, CellValue> => ({
    rowLabel: String(n),
    caseRef: `原-${n}`,
    subjectName: `示例县第${n}商贸有限公司`,
    subjectKind: '法人',
    uscc: uscc(n),
    behaviourCode: 'CY-RE-6-2',
    behaviourText: '未取得商品房预售许可证预售商品房',
    facts: '2025年在示例县擅自预售（虚构）',
    severity: '一般',
    listType: '失信名单',
    determiningDept: '示例县住房和城乡建设局',
    determinedOn: '2025/11/3',
    basisType: '行政处罚决定',
    basisNo: `示住建罚〔2025〕${n}号`,
    basisIssuer: '示例县住房和城乡建设局',
    basisDecidedOn: 45950,
    basisEffective: '是',
    ...extra,
  });

  it('registers cases with their basis documents (several rows of one 案件编号 are one case), their subjects, and skips them on re-import', async () => {
    const desk = await officeDesk();
    const sheet = sheetOf(importTemplate('cases'), [
      caseRow(1),
      caseRow(1, { rowLabel: '2', basisType: '行政处罚决定', basisNo: '示住建罚〔2025〕101号' }),
      caseRow(2, { behaviourText: '信访', behaviourCode: null }),
      caseRow(3, { determinedOn: '2025-02-30' }),
    ]);
    const r = await commit(desk, 'cases', sheet, 'valid_rows');
    if (!r.ok) throw new Error(r.reason);
    expect(r.written).toMatchObject({ cases: 1, subjects: 1 });
    expect(await desk.db.basisDocuments.count()).toBe(2);
    expect((await desk.db.cases.toArray())[0]!.caseNo).toBe('原-1');
    expect(r.rejected.map((x) => x.rowNumber)).toEqual([4, 5]);
    expect(r.rejected[1]!.reason).toContain('2025年2月没有30日');
    const before = await counts(desk);
    const again = await commit(desk, 'cases', sheet, 'valid_rows');
    if (!again.ok) throw new Error(again.reason);
    expect(again.written.cases).toBe(0);
    expect(await counts(desk)).toEqual({ ...before, auditLog: before.auditLog });
  });
});

describe('fuzz: nothing is written unless the user confirms valid rows', () => {
  const template = importTemplate('subjects_org');
  const cell: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.constantFrom('法人', '个体工商户', '示例', uscc(1), uscc(2), citizenId(1), '=1+1', '\u200b', '１２３'));
  const row = fc.array(cell, { minLength: 0, maxLength: template.columns.length + 2 });
  it('checking and previewing never write; all-or-nothing writes nothing while a row is rejected; valid rows write exactly the rows to create', async () => {
    const desk = await officeDesk();
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.boolean(), async (rows, allOrNothing) => {
        const sheet: SheetInput = { name: template.sheetName, rows: [template.columns.map(printedHeader), ...rows] };
        const before = await counts(desk);
        const { rows: checked } = await check(desk, 'subjects_org', sheet);
        const preview = await previewImport(desk, checked);
        expect(await counts(desk)).toEqual(before);
        const r = await commitImport(desk, { templateId: 'subjects_org', template, file: FILE, rows: checked, choice: allOrNothing ? 'all_or_nothing' : 'valid_rows' });
        const after = await counts(desk);
        if (allOrNothing && preview.summary.reject > 0) {
          expect(r.ok).toBe(false);
          expect(after).toEqual(before);
        } else if (r.ok) {
          expect(after.subjects - before.subjects).toBe(preview.summary.create);
        } else expect(after).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
