/** The UI-thread side of the PDF worker: a DocumentRenderer whose work happens off the UI thread. */
import type { PdfMeta } from '../../../shared/documents/assemble';
import type { BuiltUnit } from '../../../shared/documents/build';
import type { MissingGlyph } from '../../../shared/documents/glyphs';
import type { FontChoice, FontSource } from './engine';
import type { DocumentRenderer, RenderOutput } from './issue';
import type { FromWorker, ToWorker, WorkerFont } from './worker-protocol';

export type FontsReady = { family: string; label: string; source: FontSource; glyphs: number }[];

export class WorkerRenderError extends Error {
  readonly messageZh: string;
  readonly missing: MissingGlyph[] | undefined;
  constructor(message: string, messageZh: string, missing?: MissingGlyph[]) {
    super(message);
    this.messageZh = messageZh;
    this.missing = missing;
  }
}

type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void; onProgress?: (fraction: number) => void };

export type WorkerRenderer = DocumentRenderer & {
  ready: Promise<FontsReady>;
  reinit(fonts: WorkerFont[], choice: FontChoice): Promise<FontsReady>;
  dispose(): void;
};

export function createWorkerRenderer(fonts: WorkerFont[], choice: FontChoice): WorkerRenderer {
  const worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf-documents' });
  let nextId = 1;
  const pending = new Map<number, Pending>();

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const p = pending.get(message.id);
    if (!p) return;
    if (message.type === 'progress') {
      p.onProgress?.(message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'error') p.reject(new WorkerRenderError(message.message, message.messageZh, message.missing));
    else p.resolve(message);
  };
  worker.onerror = (event) => {
    const error = new WorkerRenderError(event.message || 'worker failed', `文书生成程序出错：${event.message || '未知错误'}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  function call(message: Omit<ToWorker, 'id'> & { type: ToWorker['type'] }, onProgress?: (f: number) => void, transfer: Transferable[] = []): Promise<FromWorker> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage({ ...message, id } as ToWorker, transfer);
    });
  }

  const init = async (f: WorkerFont[], c: FontChoice): Promise<FontsReady> => {
    const answer = await call({ type: 'init', fonts: f, choice: c } as Omit<ToWorker, 'id'> & { type: 'init' });
    if (answer.type !== 'ready') throw new Error(`unexpected ${answer.type}`);
    return answer.fonts;
  };
  let ready = init(fonts, choice);

  return {
    get ready() {
      return ready;
    },
    reinit(f, c) {
      ready = init(f, c);
      return ready;
    },
    async check(units: BuiltUnit[]) {
      await ready;
      const answer = await call({ type: 'check', units } as Omit<ToWorker, 'id'> & { type: 'check' });
      if (answer.type !== 'checked') throw new Error(`unexpected ${answer.type}`);
      return answer.missing;
    },
    async render(units: BuiltUnit[], meta: PdfMeta, onProgress?: (fraction: number) => void): Promise<RenderOutput> {
      await ready;
      const answer = await call({ type: 'render', units, meta } as Omit<ToWorker, 'id'> & { type: 'render' }, onProgress);
      if (answer.type !== 'rendered') throw new Error(`unexpected ${answer.type}`);
      console.info(`[documents] rendered ${answer.pages} pages in ${Math.round(answer.ms)} ms`);
      return { bytes: answer.bytes, pages: answer.pages, sha256: answer.sha256 };
    },
    dispose() {
      worker.terminate();
    },
  };
}
