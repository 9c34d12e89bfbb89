/** Messages between the UI thread (import-client.ts) and the import worker (import.worker.ts). */
import type { ColumnMapping, ImportTemplateId } from '../../../shared';
import type { CheckedRow, ImportRules } from '../desk/imports';
import type { OpenResult, PrepareResult } from './import-engine';

export type ToImportWorker =
  | { id: number; type: 'open'; bytes: ArrayBuffer; fileName: string; templateId: ImportTemplateId }
  | { id: number; type: 'prepare'; sheetName: string }
  | { id: number; type: 'validate'; mapping: ColumnMapping; rules: ImportRules }
  | { id: number; type: 'cancel' }
  | { id: number; type: 'rejects'; rejected: { rowNumber: number; reason: string }[] };

export type FromImportWorker =
  | { id: number; type: 'opened'; result: OpenResult }
  | { id: number; type: 'prepared'; result: PrepareResult }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'validated'; result: { ok: true; rows: CheckedRow[] } | { ok: false; message: string } | null }
  | { id: number; type: 'rejects'; result: { bytes: Uint8Array; fileName: string } | null }
  | { id: number; type: 'failed'; message: string };
