import { refuse, type Refusal } from '../util/result';
import { sha256Hex } from '../util/sha256';
import { stripInvisible } from '../util/parse-date';
import { cellToText, columnLetter, type CellValue } from './cells';
import { ERROR_COLUMN_HEADER, type ColumnDef, type ImportTemplate } from './templates';

/**
 * Header mapping: which column of the user's sheet holds which template field. Pure: the renderer
 * shows `proposeMapping`'s proposal, lets the user confirm or fix it, stores the confirmed
 * `ColumnMapping` under `headerFingerprint` (so the same register layout is recognised next time) and
 * passes it to `checkMapping` / `applyMapping`.
 */
export type MatchKind = 'exact' | 'synonym' | 'contains' | 'ignored' | 'none';

export type ProposedColumn = {
  index: number;
  /** A, B, C … */
  letter: string;
  header: string;
  fieldKey: string | null;
  match: MatchKind;
};

export type ColumnMapping = {
  templateId: ImportTemplate['id'];
  templateVersion: number;
  /** Field key → source column index. Unmapped optional fields are absent. */
  fields: Readonly<Record<string, number>>;
  headerFingerprint: string;
};

export type MappingProposal = {
  columns: ProposedColumn[];
  mapping: ColumnMapping;
  /** Required template columns no source column was matched to. */
  missingRequired: ColumnDef[];
  /** Fields claimed by more than one source column; the best match was kept. */
  conflicts: { fieldKey: string; header: string; indices: number[] }[];
  /** True when every mapped column matched exactly or by a known variant (nothing to confirm). */
  confident: boolean;
};

/**
 * A header as compared: NFKC (全角 → 半角), invisible characters and all white space (line breaks
 * in wrapped headers) removed, the required marker "*" and a trailing "(必填)/(选填)" removed, upper case.
 */
export function normaliseHeader(raw: CellValue): string {
  return stripInvisible(cellToText(raw).normalize('NFKC'))
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\((必填|必填项|选填|可选|非必填|可不填)\)$/u, '')
    .replace(/^\*+|\*+$/g, '')
    .toUpperCase();
}

/** normaliseHeader without any parenthesised part: "法定代表人(负责人)姓名" → "法定代表人姓名". */
function headerCore(normalised: string): string {
  return normalised.replace(/\([^()]*\)/g, '').replace(/[_·・:：]/g, '');
}

type Candidate = { fieldKey: string; match: MatchKind; score: number };

function matchHeader(template: ImportTemplate, header: string): Candidate | null {
  const n = normaliseHeader(header);
  if (n === '') return null;
  if (n === normaliseHeader(ERROR_COLUMN_HEADER)) return { fieldKey: '', match: 'ignored', score: 0 };
  const core = headerCore(n);
  let best: Candidate | null = null;
  for (const column of template.columns) {
    const own = normaliseHeader(column.header);
    if (n === own) return { fieldKey: column.key, match: 'exact', score: 1000 };
    const names = [own, ...column.synonyms.map(normaliseHeader)];
    if (names.includes(n) || names.map(headerCore).includes(core)) {
      const candidate = { fieldKey: column.key, match: 'synonym' as const, score: 500 };
      if (!best || best.score < candidate.score) best = candidate;
      continue;
    }
    // A longer header that contains a known name ("企业统一社会信用代码(18位)"): weaker, to confirm.
    for (const name of names.map(headerCore)) {
      if (name.length >= 2 && core.includes(name)) {
        const candidate = { fieldKey: column.key, match: 'contains' as const, score: name.length };
        if (!best || best.score < candidate.score) best = candidate;
      }
    }
  }
  return best;
}

/** SHA-256 of the normalised header row: the key under which a confirmed mapping is remembered. */
export function headerFingerprint(template: ImportTemplate, headers: readonly CellValue[]): string {
  return sha256Hex(`${template.id}\u0001${template.version}\u0001${headers.map(normaliseHeader).join('\u0001')}`);
}

/**
 * Propose a mapping for `headers` (the header row's cells). When `remembered` is a confirmed mapping
 * with the same fingerprint and template version, it is reused as is.
 */
export function proposeMapping(template: ImportTemplate, headers: readonly CellValue[], remembered?: ColumnMapping | null): MappingProposal {
  const fingerprint = headerFingerprint(template, headers);
  const columns: ProposedColumn[] = headers.map((h, index) => ({ index, letter: columnLetter(index), header: cellToText(h).trim(), fieldKey: null, match: 'none' }));
  const conflicts: MappingProposal['conflicts'] = [];
  const fields: Record<string, number> = {};
  if (remembered && remembered.headerFingerprint === fingerprint && remembered.templateVersion === template.version && remembered.templateId === template.id) {
    for (const [key, index] of Object.entries(remembered.fields)) {
      const column = columns[index];
      if (column) {
        column.fieldKey = key;
        column.match = 'exact';
        fields[key] = index;
      }
    }
  } else {
    const byField = new Map<string, { index: number; score: number; match: MatchKind }[]>();
    headers.forEach((h, index) => {
      const m = matchHeader(template, cellToText(h));
      const column = columns[index];
      if (!m || !column) return;
      if (m.match === 'ignored') {
        column.match = 'ignored';
        return;
      }
      const list = byField.get(m.fieldKey) ?? [];
      list.push({ index, score: m.score, match: m.match });
      byField.set(m.fieldKey, list);
    });
    for (const [fieldKey, list] of byField) {
      const sorted = [...list].sort((a, b) => b.score - a.score || a.index - b.index);
      const winner = sorted[0];
      if (!winner) continue;
      fields[fieldKey] = winner.index;
      const column = columns[winner.index];
      if (column) {
        column.fieldKey = fieldKey;
        column.match = winner.match;
      }
      if (sorted.length > 1) {
        const def = template.columns.find((c) => c.key === fieldKey);
        conflicts.push({ fieldKey, header: def?.header ?? fieldKey, indices: sorted.map((s) => s.index) });
      }
    }
  }
  const missingRequired = template.columns.filter((c) => c.required === 'always' && fields[c.key] === undefined);
  const confident = conflicts.length === 0 && missingRequired.length === 0 && columns.every((c) => c.match !== 'contains');
  return {
    columns,
    mapping: { templateId: template.id, templateVersion: template.version, fields, headerFingerprint: fingerprint },
    missingRequired,
    conflicts,
    confident,
  };
}

/**
 * Whether a (user-fixed) mapping can be used: template and version match, every required column is
 * mapped, indices exist and no source column feeds two fields. Chinese reason naming the problem.
 */
export function checkMapping(template: ImportTemplate, mapping: ColumnMapping, headers: readonly CellValue[]): { ok: true } | Refusal {
  if (mapping.templateId !== template.id || mapping.templateVersion !== template.version) {
    return refuse('mapping_template_mismatch', `列对应关系属于另一个模板或旧版模板，请重新确认“${template.title}”的列对应关系`);
  }
  const used = new Map<number, string>();
  for (const [key, index] of Object.entries(mapping.fields)) {
    const def = template.columns.find((c) => c.key === key);
    if (!def) return refuse('mapping_unknown_field', `列对应关系中有模板不存在的字段“${key}”，请重新确认`);
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      return refuse('mapping_bad_index', `“${def.header}”对应的列不存在，请重新选择`);
    }
    const other = used.get(index);
    if (other) return refuse('mapping_column_twice', `${columnLetter(index)}列同时对应了“${other}”和“${def.header}”，一列只能对应一个字段`);
    used.set(index, def.header);
  }
  const missing = template.columns.filter((c) => c.required === 'always' && mapping.fields[c.key] === undefined);
  if (missing.length > 0) {
    return refuse('mapping_missing_required', `表格中没有找到必填列：${missing.map((c) => `“${c.header}”`).join('、')}。请在列对应中指定，或在表格中补上这些列`);
  }
  return { ok: true };
}

/** The row's cells by field key (unmapped fields absent). */
export function applyMapping(mapping: ColumnMapping, row: readonly CellValue[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, index] of Object.entries(mapping.fields)) out[key] = row[index];
  return out;
}

/**
 * The header row among the first `maxScan` rows (templates and department registers often have a
 * title row above): the row matching most template columns. Refuses when none matches a required one.
 */
export function locateHeaderRow(template: ImportTemplate, rows: readonly (readonly CellValue[])[], maxScan = 10): { ok: true; index: number } | Refusal {
  let bestIndex = -1;
  let bestScore = 0;
  const required = new Set(template.columns.filter((c) => c.required === 'always').map((c) => c.key));
  rows.slice(0, maxScan).forEach((row, index) => {
    const keys = new Set(row.map((cell) => matchHeader(template, cellToText(cell))?.fieldKey).filter((k): k is string => !!k));
    const score = [...keys].filter((k) => required.has(k)).length * 10 + keys.size;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = index;
    }
  });
  if (bestIndex < 0 || bestScore < 10) {
    return refuse('header_not_found', `在前${maxScan}行中没有找到“${template.title}”的表头（如“${template.columns.find((c) => c.required === 'always')?.header ?? ''}”），请确认选择了正确的模板和工作表`);
  }
  return { ok: true, index: bestIndex };
}

export type CellRange = { s: { r: number; c: number }; e: { r: number; c: number } };

/**
 * One header row from a header spanning several rows with merged cells (SheetJS `!merges`): a merged
 * cell's text fills its whole range, then the texts of each column are joined top to bottom, repeats
 * dropped ("法定代表人" over "姓名" → "法定代表人姓名").
 */
export function flattenHeaderRows(rows: readonly (readonly CellValue[])[], firstRow: number, merges: readonly CellRange[] = []): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length), ...merges.map((m) => m.e.c + 1));
  const grid = rows.map((row) => Array.from({ length: width }, (_, c) => cellToText(row[c]).trim()));
  for (const m of merges) {
    const top = grid[m.s.r - firstRow];
    const text = top?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= m.e.r; r += 1) {
      const line = grid[r - firstRow];
      if (!line) continue;
      for (let c = m.s.c; c <= m.e.c; c += 1) if (c < width) line[c] = text;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const line of grid) {
      const text = line[c] ?? '';
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.join('');
  });
}
