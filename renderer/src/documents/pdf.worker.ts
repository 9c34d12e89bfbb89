/// <reference lib="webworker" />
/**
 * The PDF worker: lays out and renders documents off the UI thread, so the window stays
 * responsive during a batch. Fonts are fetched (bundled) or received (system) once at init.
 */
import pdfMakeBrowser from 'pdfmake/build/pdfmake';
import { DEFAULT_CHOICE, FontRegistry, loadFont, MissingGlyphError, findMissingGlyphs, needsFallback, renderUnits, sha256Hex, type FontChoice, type PdfMakeLike } from './engine';
import type { BuiltUnit } from '../../../shared/documents/build';
import type { FromWorker, ToWorker, WorkerFont } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const pdfmake = pdfMakeBrowser as unknown as PdfMakeLike;
let registry: FontRegistry | undefined;
let choice: FontChoice = DEFAULT_CHOICE;
let lazyFonts: WorkerFont[] = [];

async function bytesOf(f: WorkerFont): Promise<Uint8Array> {
  return f.bytes ?? new Uint8Array(await (await fetch(f.url!)).arrayBuffer());
}

/** Load the lazy fallback fonts the first time a text needs a character the chosen fonts lack. */
async function ensureFallback(units: BuiltUnit[]): Promise<void> {
  if (!registry || lazyFonts.length === 0 || !needsFallback(units, registry, choice)) return;
  const pending = lazyFonts;
  lazyFonts = [];
  for (const f of pending) registry.add(loadFont(f.family, f.label, f.source, await bytesOf(f)));
  console.info(`[documents worker] loaded fallback font(s) ${pending.map((f) => f.family).join(', ')}`);
}
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      const next = new FontRegistry();
      for (const f of message.fonts) {
        if (f.lazy) continue;
        next.add(loadFont(f.family, f.label, f.source, await bytesOf(f)));
      }
      registry = next;
      lazyFonts = message.fonts.filter((f) => f.lazy);
      choice = message.choice;
      post({
        type: 'ready',
        id: message.id,
        fonts: next.list().map((f) => ({ family: f.family, label: f.label, source: f.source, glyphs: f.face.coverage.reduce((n, w) => n + popcount(w), 0) })),
      });
      return;
    }
    case 'check': {
      if (!registry) throw new Error('fonts not loaded');
      await ensureFallback(message.units);
      post({ type: 'checked', id: message.id, missing: findMissingGlyphs(message.units, registry, choice) });
      return;
    }
    case 'render': {
      if (!registry) throw new Error('fonts not loaded');
      await ensureFallback(message.units);
      const started = performance.now();
      // pdfmake reports every drawn item: post at most one message per percent.
      let lastPosted = -1;
      const out = await renderUnits(pdfmake, registry, message.units, message.meta, {
        choice,
        onProgress: (fraction) => {
          const percent = Math.floor(fraction * 100);
          if (percent === lastPosted) return;
          lastPosted = percent;
          post({ type: 'progress', id: message.id, fraction });
        },
      });
      const sha256 = await sha256Hex(out.bytes);
      const bytes = out.bytes.slice(); // own buffer, transferable
      post({ type: 'rendered', id: message.id, bytes, pages: out.pages, sha256, ms: performance.now() - started }, [bytes.buffer]);
      return;
    }
  }
}

function popcount(word: number): number {
  let w = word - ((word >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  queue = queue.then(() =>
    handle(message).catch((error: unknown) => {
      if (error instanceof MissingGlyphError) {
        post({ type: 'error', id: message.id, message: error.message, messageZh: error.messageZh, missing: error.missing });
        return;
      }
      const text = error instanceof Error ? error.message : String(error);
      console.error('[documents worker]', text);
      post({ type: 'error', id: message.id, message: text, messageZh: `生成PDF失败：${text}` });
    }),
  );
};
