/**
 * The app-side glue of the documents feature: one PDF worker per window (fonts loaded once),
 * the office's document settings, start-up reconciliation of the 文号 ledger, and output
 * (preview URL, print or save through the desktop bridge, download in browser mode).
 */
import type { CreditDeskDb } from '../db/database';
import { getSetting, putSetting, type OfficeProfile as DeskOfficeProfile } from '../db/repositories/settings';
import { desktopApi, isBrowserMode } from '../bridge/desktop';
import { downloadBytes } from '../bridge/browser-bridge';
import type { OfficeProfile } from '../../../shared/documents/types';
import { bundledFonts, loadFontChoice, saveFontChoice, systemFonts } from './fonts';
import type { FontChoice } from './engine';
import { createDexieDocumentStore, type DocumentStore } from './store';
import { documentOutboxHook } from './outbox-hook';
import { createWorkerRenderer, type WorkerRenderer } from './worker-client';
import type { WorkerFont } from './worker-protocol';
import type { Delivery } from './issue';

export const DOC_SETTINGS_KEY = 'documents.office';

/** What the office sets for its documents (on top of the case desk's office profile). */
export type DocumentOfficeSettings = {
  name?: string;
  numberPrefix?: string;
  letterhead?: string;
  reviewBody?: string;
  court?: string;
  address?: string;
  phone?: string;
  sealImage?: string;
};

export async function loadDocumentSettings(db: CreditDeskDb): Promise<DocumentOfficeSettings> {
  return (await getSetting<DocumentOfficeSettings>(db, DOC_SETTINGS_KEY)) ?? {};
}

export async function saveDocumentSettings(db: CreditDeskDb, settings: DocumentOfficeSettings): Promise<void> {
  await putSetting(db, DOC_SETTINGS_KEY, settings);
}

/** The office as printed: the case desk's profile, completed by the document settings. */
export function documentOffice(desk: DeskOfficeProfile | null, settings: DocumentOfficeSettings): OfficeProfile {
  const name = settings.name?.trim() || desk?.name || '';
  const region = desk?.region?.trim() ?? '';
  return {
    officeId: desk?.uscc?.trim() || name || 'office',
    name,
    numberPrefix: settings.numberPrefix?.trim() || desk?.numbering.documentPrefix || '',
    ...(settings.letterhead?.trim() ? { letterhead: settings.letterhead.trim() } : {}),
    reviewBody: settings.reviewBody?.trim() || (region ? `${region}人民政府` : ''),
    court: settings.court?.trim() || (region ? `${region}人民法院` : ''),
    ...(settings.address?.trim() ? { address: settings.address.trim() } : {}),
    ...(settings.phone?.trim() ? { phone: settings.phone.trim() } : {}),
    ...(settings.sealImage ? { sealImage: settings.sealImage } : {}),
  };
}

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

const stores = new WeakMap<CreditDeskDb, DocumentStore>();

export function documentStore(db: CreditDeskDb): DocumentStore {
  let store = stores.get(db);
  if (!store) {
    store = createDexieDocumentStore(db, documentOutboxHook(db));
    stores.set(db, store);
  }
  return store;
}

/** A reservation older than this is an interrupted issue (an issue takes seconds). */
export const STALE_RESERVATION_MS = 10 * 60 * 1000;

/**
 * On opening the documents page: numbers left 'reserved' by a crash are voided with the reason.
 * Recent reservations are left alone: another window of this device may be issuing right now.
 */
export async function reconcileStale(db: CreditDeskDb, deviceId: string, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_RESERVATION_MS).toISOString();
  const fixed = await documentStore(db).reconcile(deviceId, now.toISOString(), before);
  if (fixed.length > 0) console.warn(`[documents] reconciled ${fixed.length} interrupted number reservation(s)`);
  return fixed.filter((e) => e.state === 'voided').length;
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
