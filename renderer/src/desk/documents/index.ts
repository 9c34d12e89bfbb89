/**
 * Written documents as desk use cases: the Dexie store (number blocks, 文号 ledger, snapshots,
 * templates, print log), the office's document settings, start-up reconciliation of interrupted
 * issues, and issuing/printing with the desk's clock, ids and officer.
 */
import type { CreditDeskDb } from '../../db/database';
import type { Desk } from '../desk';
import { getSetting, putAuditedSetting, type OfficeProfile as DeskOfficeProfile } from '../settings';
import { deskWrite, refuseWrite, type DeskRefused } from '../write';
import { DOCUMENT_KINDS, type DocumentKind, type OfficeProfile } from '../../../../shared/documents/types';
import type { LedgerEntry, NumberBlock } from '../../../../shared/documents/numbering';
import type { IssuedDocument, PrintLogEntry } from '../../../../shared/documents/issued';
import type { DocumentTemplate } from '../../../../shared/documents/templates';
import type { CaseRow } from '../../db/types';
import type { DocumentRenderer, IssueDeps } from '../../documents/issue';
import { createDexieDocumentStore, type DocumentStore } from './store';
import { documentOutboxHook } from './outbox-hook';

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

export function saveDocumentSettings(desk: Desk, settings: DocumentOfficeSettings): Promise<{ ok: true } | DeskRefused> {
  return putAuditedSetting(desk, DOC_SETTINGS_KEY, settings, '修改发文机关与文书设置');
}

/** The office as printed: the case desk's profile, completed by the document settings. */
export function documentOffice(desk: DeskOfficeProfile | null | undefined, settings: DocumentOfficeSettings): OfficeProfile {
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

const stores = new WeakMap<Desk, DocumentStore>();

/** The desk's document store (its issuing transaction also writes the outbox and audit rows). */
export function documentStore(desk: Desk): DocumentStore {
  let store = stores.get(desk);
  if (!store) {
    store = createDexieDocumentStore(desk.db, documentOutboxHook(desk));
    stores.set(desk, store);
  }
  return store;
}

/** A reservation older than this is an interrupted issue (an issue takes seconds). */
export const STALE_RESERVATION_MS = 10 * 60 * 1000;

/**
 * On opening the documents page: numbers left 'reserved' by a crash are voided with the reason.
 * Recent reservations are left alone: another window of this device may be issuing right now.
 */
export async function reconcileStale(desk: Desk, deviceId: string): Promise<number> {
  const nowMs = Date.parse(desk.clock.now());
  const before = new Date(nowMs - STALE_RESERVATION_MS).toISOString();
  const fixed = await documentStore(desk).reconcile(deviceId, desk.clock.now(), before);
  if (fixed.length > 0) console.warn(`[documents] reconciled ${fixed.length} interrupted number reservation(s)`);
  return fixed.filter((e) => e.state === 'voided').length;
}

/** 分配号段 (audited). Who may allocate is decided by the session's role once users exist. */
export async function allocateNumberBlock(desk: Desk, block: Omit<NumberBlock, 'id' | 'assignedAt' | 'assignedBy' | 'source'>): Promise<{ ok: true; block: NumberBlock } | DeskRefused> {
  const full: NumberBlock = { ...block, id: desk.ids(), assignedAt: desk.clock.now(), assignedBy: desk.session.actor().name, source: 'admin' };
  return deskWrite(desk, ['numberBlocks'], async (w) => {
    const added = await documentStore(desk).addBlock(full);
    if (!added.ok) refuseWrite(added.code, added.reason);
    await w.audit('分配文号段', 'numberBlock', full.id, { kind: full.kind, year: full.year, first: full.first, last: full.last, deviceId: full.deviceId });
    return { ok: true as const, block: full };
  });
}

export { createDexieDocumentStore, type DocumentStore };

// ---- Reads ----

export function issuedDocuments(desk: Desk): Promise<IssuedDocument[]> {
  return documentStore(desk).listDocuments();
}

export function printLog(desk: Desk): Promise<PrintLogEntry[]> {
  return documentStore(desk).printLog();
}

export async function latestTemplates(desk: Desk): Promise<Partial<Record<DocumentKind, DocumentTemplate>>> {
  const store = documentStore(desk);
  const out: Partial<Record<DocumentKind, DocumentTemplate>> = {};
  for (const k of DOCUMENT_KINDS) out[k] = await store.latestTemplate(k);
  return out;
}

export function templateVersions(desk: Desk, kind: DocumentKind): Promise<DocumentTemplate[]> {
  return documentStore(desk).templateVersions(kind);
}

export async function numberBlocksView(desk: Desk): Promise<{ blocks: NumberBlock[]; ledger: LedgerEntry[]; remaining: number[] }> {
  const store = documentStore(desk);
  const blocks = await store.listBlocks();
  const ledger = await store.ledger();
  const remaining = await Promise.all(blocks.map((b) => store.remaining(b, b.deviceId)));
  return { blocks, ledger, remaining };
}

/** Recent cases for the issue form's case picker. */
export function recentCases(desk: Desk, limit = 200): Promise<CaseRow[]> {
  return desk.db.cases.orderBy('updatedAt').reverse().limit(limit).toArray();
}

// ---- Writes ----

/** A new version of an office template (audited; issued documents keep the version they used). */
export async function saveTemplate(desk: Desk, kind: DocumentKind, paragraphs: Record<string, string>): Promise<{ ok: true; template: DocumentTemplate } | DeskRefused> {
  return deskWrite(desk, ['documentTemplates'], async (w) => {
    const template = await documentStore(desk).saveTemplate(kind, paragraphs, w.at, w.actor.name);
    await w.audit(`保存文书模板第${template.version}版`, 'template', `${kind}@${template.version}`, { kind, version: template.version });
    return { ok: true as const, template };
  });
}

/** What issuing, printing and handing out need from the desk. */
export function issueDeps(desk: Desk, deviceId: string, renderer: DocumentRenderer): IssueDeps {
  return { store: documentStore(desk), renderer, deviceId, user: desk.session.actor().name, newId: desk.ids, now: desk.clock.now };
}

/** What handing bytes out (print, save, download) needs to log it. */
export function handOutDeps(desk: Desk): Pick<IssueDeps, 'store' | 'newId' | 'now' | 'user'> {
  return { store: documentStore(desk), newId: desk.ids, now: desk.clock.now, user: desk.session.actor().name };
}
