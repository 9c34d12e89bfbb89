/**
 * The UI-thread side of the import worker: one worker per import, answered by request id; cancel
 * stops the validation at the next chunk, dispose ends the worker.
 */
import type { ColumnMapping, ImportTemplateId } from '../../../shared';
import type { CheckedRow, ImportRules } from '../desk/imports';
import type { OpenResult, PrepareResult } from './import-engine';
import type { FromImportWorker, ToImportWorker } from './import-protocol';

type Pending = { resolve: (m: FromImportWorker) => void; onProgress?: (done: number, total: number) => void };

export type ImportWorkerClient = {
  open(file: Blob, fileName: string, templateId: ImportTemplateId): Promise<OpenResult>;
  prepare(sheetName: string): Promise<PrepareResult>;
  validate(mapping: ColumnMapping, rules: ImportRules, onProgress: (done: number, total: number) => void): Promise<{ ok: true; rows: CheckedRow[] } | { ok: false; message: string } | null>;
  cancel(): void;
  rejects(rejected: { rowNumber: number; reason: string }[]): Promise<{ bytes: Uint8Array; fileName: string } | null>;
  dispose(): void;
};

/** A request without its id (the id is added by `call`). */
type WorkerRequest = ToImportWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

const CRASHED = '检查表格的程序意外停止（可能是文件过大或内存不足），请把文件拆分后重试';

export function createImportWorker(): ImportWorkerClient {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'excel-import' });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress?.(m.done, m.total);
      return;
    }
    pending.delete(m.id);
    p.resolve(m);
  };
  worker.onerror = (event) => {
    console.error('import worker error', event.message);
    for (const [id, p] of pending) p.resolve({ id, type: 'failed', message: CRASHED });
    pending.clear();
  };
  const call = (message: WorkerRequest, onProgress?: (done: number, total: number) => void, transfer: Transferable[] = []) => {
    const id = nextId++;
    return new Promise<FromImportWorker>((resolve) => {
      pending.set(id, { resolve, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage({ ...message, id } as ToImportWorker, transfer);
    });
  };
  return {
    async open(file, fileName, templateId) {
      const bytes = await file.arrayBuffer();
      const m = await call({ type: 'open', bytes, fileName, templateId }, undefined, [bytes]);
      return m.type === 'opened' ? m.result : { ok: false, message: m.type === 'failed' ? m.message : CRASHED };
    },
    async prepare(sheetName) {
      const m = await call({ type: 'prepare', sheetName });
      return m.type === 'prepared' ? m.result : { ok: false, message: m.type === 'failed' ? m.message : CRASHED };
    },
    async validate(mapping, rules, onProgress) {
      const m = await call({ type: 'validate', mapping, rules }, onProgress);
      return m.type === 'validated' ? m.result : { ok: false, message: m.type === 'failed' ? m.message : CRASHED };
    },
    cancel() {
      worker.postMessage({ id: 0, type: 'cancel' } satisfies ToImportWorker);
    },
    async rejects(rejected) {
      const m = await call({ type: 'rejects', rejected });
      return m.type === 'rejects' ? m.result : null;
    },
    dispose() {
      worker.terminate();
      for (const [id, p] of pending) p.resolve({ id, type: 'failed', message: '已取消' });
      pending.clear();
    },
  };
}
