/**
 * The import steps that run off the UI thread (import.worker.ts wraps this; the bench and tests call
 * it directly): open the file (xlsx-reader), pick the sheet, find the header and propose a mapping,
 * then validate every row with shared/exchange's validateRow in chunks, reporting progress and
 * yielding between chunks so a cancel arrives. The sheet's cells stay here; the UI thread receives
 * the checked values only, and asks for the rejected rows as a workbook with 错误说明.
 */
import * as XLSX from '@e965/xlsx';
import {
  chooseSheet,
  importTemplate,
  prepareSheet,
  proposeMapping,
  rejectedRowsWorkbook,
  validateRow,
  checkMapping,
  headerFingerprint,
  type ColumnMapping,
  type ImportTemplateId,
  type MappingProposal,
  type PreparedSheet,
  type SheetInput,
} from '../../../shared';
import { sha256, toHex } from '../../../shared/sync/hash';
import type { CheckedRow, ImportRules } from '../desk/imports';
import { importContextFrom } from './import-context';
import { openWorkbook, sheetInput, type FileFormat, type OpenedWorkbook } from './xlsx-reader';
import { workbookBytesWith } from './xlsx-writer';

export type OpenResult =
  | { ok: true; format: FileFormat; encoding: OpenedWorkbook['encoding']; sheetNames: string[]; sheet: string | null; candidates: string[]; sha256: string; size: number; message?: string }
  | { ok: false; message: string };

export type PrepareResult =
  | { ok: true; sheetName: string; prepared: PreparedSheet; proposal: MappingProposal; fingerprint: string }
  | { ok: false; message: string };

/** Rows validated between two progress reports (and two chances to be cancelled). */
export const VALIDATE_CHUNK = 1000;

export class ImportEngine {
  private opened: OpenedWorkbook | null = null;
  private fileName = '';
  private templateId: ImportTemplateId = 'subjects_org';
  private sheet: SheetInput | null = null;
  private prepared: PreparedSheet | null = null;
  private cancelled = false;

  open(bytes: Uint8Array, fileName: string, templateId: ImportTemplateId): OpenResult {
    this.fileName = fileName;
    this.templateId = templateId;
    this.sheet = null;
    this.prepared = null;
    const hash = toHex(sha256(bytes));
    const opened = openWorkbook(bytes, fileName);
    if (!opened.ok) return { ok: false, message: opened.message };
    this.opened = opened;
    const chosen = chooseSheet(importTemplate(templateId), opened.sheetNames);
    return {
      ok: true,
      format: opened.format,
      encoding: opened.encoding,
      sheetNames: opened.sheetNames,
      sheet: chosen.ok ? chosen.name : null,
      candidates: chosen.ok ? [] : chosen.candidates,
      sha256: hash,
      size: bytes.length,
      ...(chosen.ok ? {} : { message: chosen.reason }),
    };
  }

  prepare(sheetName: string): PrepareResult {
    if (!this.opened) return { ok: false, message: '请先选择要导入的文件' };
    const template = importTemplate(this.templateId);
    const read = sheetInput(this.opened, sheetName);
    if (!read.ok) return { ok: false, message: read.message };
    const prepared = prepareSheet(template, read.sheet);
    if (!prepared.ok) return { ok: false, message: prepared.reason };
    this.sheet = read.sheet;
    this.prepared = prepared.prepared;
    // The parsed workbook is no longer needed: only this sheet's plain cells are kept.
    this.opened = { ...this.opened, book: { SheetNames: [], Sheets: {} } };
    const headers = prepared.prepared.headers;
    return { ok: true, sheetName, prepared: prepared.prepared, proposal: proposeMapping(template, headers), fingerprint: headerFingerprint(template, headers) };
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Every data row checked, in row order; null when cancelled. */
  async validate(mapping: ColumnMapping, rules: ImportRules, onProgress: (done: number, total: number) => void, yieldToEvents: () => Promise<void> = () => Promise.resolve()): Promise<{ ok: true; rows: CheckedRow[] } | { ok: false; message: string } | null> {
    const sheet = this.sheet;
    const prepared = this.prepared;
    if (!sheet || !prepared) return { ok: false, message: '请先选择要导入的工作表' };
    const template = importTemplate(this.templateId, { behaviourCatalogues: rules.behaviourCatalogues });
    const usable = checkMapping(template, mapping, prepared.headers);
    if (!usable.ok) return { ok: false, message: usable.reason };
    this.cancelled = false;
    const ctx = importContextFrom(rules, this.opened?.dateSystem ?? '1900');
    const hidden = new Set(sheet.hiddenRows ?? []);
    const first = prepared.headerRowIndex + 1;
    const total = Math.max(0, sheet.rows.length - first);
    const out: CheckedRow[] = [];
    for (let start = first; start < sheet.rows.length; start += VALIDATE_CHUNK) {
      const end = Math.min(sheet.rows.length, start + VALIDATE_CHUNK);
      for (let index = start; index < end; index++) {
        const r = validateRow(template, mapping, sheet.rows[index] ?? [], index + 1, ctx, { hidden: hidden.has(index) });
        if (r.status !== 'empty') out.push(r);
      }
      onProgress(end - first, total);
      await yieldToEvents();
      if (this.cancelled) return null;
    }
    return { ok: true, rows: out };
  }

  /** The rejected rows with their original cells and a 错误说明 column, as .xlsx bytes. */
  rejectedWorkbook(rejected: readonly { rowNumber: number; reason: string }[]): { bytes: Uint8Array; fileName: string } | null {
    const sheet = this.sheet;
    const prepared = this.prepared;
    if (!sheet || !prepared) return null;
    const workbook = rejectedRowsWorkbook(this.fileName, sheet.name, prepared.headers, rejected.map((r) => ({ rowNumber: r.rowNumber, cells: sheet.rows[r.rowNumber - 1] ?? [], reason: r.reason })));
    return { bytes: workbookBytesWith(XLSX, workbook), fileName: workbook.fileName };
  }
}
