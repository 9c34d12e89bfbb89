/**
 * The app-side glue of the documents feature: one PDF worker per window (fonts loaded once) and
 * output (preview URL, print or save through the desktop bridge, download in browser mode). Storage
 * and issuing live in the desk layer (renderer/src/desk/documents).
 */
import { desktopApi, isBrowserMode } from '../bridge/desktop';
import { downloadBytes } from '../bridge/browser-bridge';
import { bundledFonts, loadFontChoice, saveFontChoice, systemFonts } from './fonts';
import type { FontChoice } from './engine';
import { createWorkerRenderer, type WorkerRenderer } from './worker-client';
import type { WorkerFont } from './worker-protocol';
import type { Delivery } from './issue';

let renderer: WorkerRenderer | undefined;
let fontsPromise: Promise<WorkerFont[]> | undefined;

export function availableFonts(): Promise<WorkerFont[]> {
  fontsPromise ??= systemFonts()
    .catch((error: unknown) => {
      console.warn('[documents] system fonts unavailable', error);
      return [] as WorkerFont[];
    })
    .then((sys) => [...bundledFonts(), ...sys]);
  return fontsPromise;
}

/** The window's PDF worker (created on first use). */
export async function documentRenderer(): Promise<WorkerRenderer> {
  if (renderer) return renderer;
  const fonts = await availableFonts();
  renderer ??= createWorkerRenderer(fonts, loadFontChoice(fonts.map((f) => f.family)));
  return renderer;
}

export async function changeFontChoice(choice: FontChoice): Promise<void> {
  saveFontChoice(choice);
  const r = await documentRenderer();
  await r.reinit(await availableFonts(), choice);
}

export function pdfBlobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}

/**
 * Desktop: the system print dialog. Browser mode: a download (print from the PDF viewer).
 * `handedOut` tells whether the bytes left (a cancelled dialog hands nothing out).
 */
export async function printPdf(bytes: Uint8Array, title: string): Promise<Delivery> {
  if (isBrowserMode()) {
    downloadBytes(bytes, `${title}.pdf`, 'application/pdf');
    return { handedOut: true, message: '已下载PDF，请在PDF阅读器中打印。' };
  }
  const result = await desktopApi().printPdf({ title, bytes });
  if (!result.ok) throw new Error(result.error.messageZh);
  return result.value.printed ? { handedOut: true, message: '已发送到打印机。' } : { handedOut: false, message: '已取消打印。' };
}

export async function savePdf(bytes: Uint8Array, fileName: string): Promise<Delivery> {
  const result = await desktopApi().saveFile({ suggestedName: fileName, mimeType: 'application/pdf', bytes });
  if (!result.ok) throw new Error(result.error.messageZh);
  if (!result.value.saved) return { handedOut: false, message: '已取消保存。' };
  return { handedOut: true, message: isBrowserMode() ? '已下载PDF。' : `已保存到 ${result.value.path ?? '所选位置'}。` };
}
