/// <reference lib="webworker" />
/**
 * The import worker: parsing and validation off the UI thread (the window stays responsive). Each
 * request is answered by id; a validation reports progress per chunk and stops at a 'cancel'.
 */
import { ImportEngine } from './import-engine';
import type { FromImportWorker, ToImportWorker } from './import-protocol';

const engine = new ImportEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromImportWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
// A macrotask between chunks lets the 'cancel' message in.
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = async (event: MessageEvent<ToImportWorker>) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'open':
        post({ id: m.id, type: 'opened', result: engine.open(new Uint8Array(m.bytes), m.fileName, m.templateId) });
        break;
      case 'prepare':
        post({ id: m.id, type: 'prepared', result: engine.prepare(m.sheetName) });
        break;
      case 'validate': {
        const result = await engine.validate(m.mapping, m.rules, (done, total) => post({ id: m.id, type: 'progress', done, total }), yieldToEvents);
        post({ id: m.id, type: 'validated', result });
        break;
      }
      case 'cancel':
        engine.cancel();
        break;
      case 'rejects': {
        const result = engine.rejectedWorkbook(m.rejected);
        post({ id: m.id, type: 'rejects', result }, result ? [result.bytes.buffer] : []);
        break;
      }
    }
  } catch (error) {
    console.error('import worker failed', error);
    post({ id: m.id, type: 'failed', message: '读取或检查表格时出错，请确认文件未损坏，可在Excel或WPS中打开后另存为 .xlsx 再试' });
  }
};
