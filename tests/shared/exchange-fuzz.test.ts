import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkImport,
  findCodeEntry,
  importTemplate,
  proposeMapping,
  validateRow,
  EXAMPLE_CITIZEN_ID,
  EXAMPLE_USCC,
  IMPORT_TEMPLATE_IDS,
  type CellValue,
  type ImportTemplate,
} from '../../shared';
import { checkCitizenId } from '../../shared/identifiers/citizen-id';
import { checkUscc } from '../../shared/identifiers/uscc';
import { isIsoDate } from '../../shared/util/dates';
import { RULE_SET_PRESETS } from '../../shared/rules/presets';
import { selectRuleSet } from '../../shared/rules/select';

const today = '2026-11-04';
const ctx = { today, ruleSetOn: (d: string) => selectRuleSet(RULE_SET_PRESETS, 'LN-CY-RE', d) };

/** A valid row of each template: the template example with another name (an unchanged example is skipped). */
function validRow(template: ImportTemplate): Record<string, CellValue> {
  const nameKey = template.columns.find((c) => c.key === 'name' || c.key === 'subjectName' || c.key === 'orgName')?.key ?? 'name';
  return { ...(template.examples[0] ?? {}), rowLabel: '1', [nameKey]: '甲' };
}

const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom('=1+1', '#N/A', '\u200b', '１２３', '2026-02-30', '26-1-1', EXAMPLE_USCC, EXAMPLE_CITIZEN_ID, '示例', '法人', '自然人', '是', '否', '严重', '失信名单', '行政处罚决定', '2026/3/1', 46000, 60),
);

/** Mutations that make a valid row invalid, each with the field it breaks. */
const BREAKERS: Record<string, (key: string) => CellValue> = {
  uscc: () => `${EXAMPLE_USCC.slice(0, 17)}${EXAMPLE_USCC.endsWith('0') ? '1' : '0'}`,
  citizen_id: () => `${EXAMPLE_CITIZEN_ID.slice(0, 17)}${EXAMPLE_CITIZEN_ID.endsWith('0') ? '1' : '0'}`,
  date: () => '2026-02-30',
  choice: () => '不存在的选项',
  required: () => '',
};

describe('fuzz: validation never throws and never accepts an invalid row', () => {
  for (const id of IMPORT_TEMPLATE_IDS) {
    const template = importTemplate(id);
    const headers = template.columns.map((c) => c.header);
    const mapping = proposeMapping(template, headers).mapping;
    const row = (values: Record<string, CellValue>): CellValue[] => template.columns.map((c) => values[c.key] ?? null);

    it(`${id}: random rows → no throw, no defect, and every accepted row satisfies the field checks`, () => {
      fc.assert(
        fc.property(fc.array(junkCell, { minLength: 0, maxLength: template.columns.length + 3 }), fc.integer({ min: 2, max: 100_000 }), (cells, rowNumber) => {
          const result = validateRow(template, mapping, cells, rowNumber, ctx);
          expect(result.errors.some((e) => e.code === 'internal_error')).toBe(false);
          expect(result.status === 'valid').toBe(result.errors.length === 0 && result.value !== null && result.status !== 'example');
          if (result.status !== 'valid') return;
          // The oracle: each mapped cell of an accepted row passes its field's own check.
          template.columns.forEach((column, index) => {
            const raw = cells[index];
            const text = raw === null || raw === undefined ? '' : String(raw).trim();
            if (column.required === 'always') expect(text, column.header).not.toBe('');
            if (text === '') return;
            if (column.kind === 'choice' && column.table) expect(findCodeEntry(column.table, String(raw)), column.header).not.toBeNull();
          });
          const value = JSON.stringify(result.value);
          for (const match of value.match(/"(uscc|orgUscc)":"([^"]+)"/g) ?? []) expect(checkUscc(match.split(':')[1]?.replace(/"/g, '') ?? '').ok).toBe(true);
          for (const match of value.match(/"citizenId":"([^"]+)"/g) ?? []) expect(checkCitizenId(match.split(':')[1]?.replace(/"/g, '') ?? '').ok).toBe(true);
          for (const match of value.match(/"(determinedOn|listedOn|decidedOn|since)":"([^"]+)"/g) ?? []) expect(isIsoDate(match.split(':')[1]?.replace(/"/g, '') ?? '')).toBe(true);
        }),
        { numRuns: 1500 },
      );
    });

    it(`${id}: a valid row with any one field broken is never valid`, () => {
      const base = validRow(template);
      expect(validateRow(template, mapping, row(base), 2, ctx).status).toBe('valid');
      const breakable = template.columns.filter((c) => c.required === 'always' || c.kind === 'uscc' || c.kind === 'citizen_id' || c.kind === 'date' || (c.kind === 'choice' && c.required !== 'optional'));
      const breakings = breakable.flatMap((column) => {
        const values: CellValue[] = [];
        const byKind = BREAKERS[column.kind];
        if (byKind) values.push(byKind(column.key));
        if (column.required === 'always') values.push(BREAKERS.required?.(column.key) ?? '');
        return values.map((value) => ({ column, value }));
      });
      fc.assert(
        fc.property(fc.constantFrom(...breakings), fc.constantFrom('', ' ', '\u200b', '\u3000'), ({ column, value }, pad) => {
          const broken = `${pad}${String(value ?? '')}${pad}`;
          const result = validateRow(template, mapping, row({ ...base, [column.key]: broken }), 2, ctx);
          expect(result.status, `${column.header} = ${JSON.stringify(broken)}`).toBe('invalid');
          expect(result.errorText).toMatch(/[\u4e00-\u9fff]/);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('malformed sheets: no throw, nothing marked to create that is invalid', () => {
    const template = importTemplate('subjects_org');
    const headers = template.columns.map((c) => c.header);
    fc.assert(
      fc.property(fc.array(fc.array(junkCell, { maxLength: 12 }), { maxLength: 30 }), fc.boolean(), (rows, withHeader) => {
        const sheetRows = withHeader ? [headers, ...rows] : rows;
        const checked = checkImport(template, { name: 'x', rows: sheetRows, hiddenRows: [1, 3] }, proposeMapping(template, headers).mapping, ctx, () => null);
        if (!checked.ok) {
          expect(checked.reason).toMatch(/[\u4e00-\u9fff]/);
          return;
        }
        for (const r of checked.rows) {
          if (r.status === 'valid') {
            expect(r.value).not.toBeNull();
            expect(r.errors).toEqual([]);
          } else {
            expect(r.value).toBeNull();
          }
        }
        expect(checked.summary.create + checked.summary.merge + checked.summary.skip + checked.summary.reject + checked.summary.examples + checked.summary.empty).toBe(checked.rows.length);
      }),
      { numRuns: 400 },
    );
  });
});
