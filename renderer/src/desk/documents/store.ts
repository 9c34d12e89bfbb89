/**
 * Storage of written documents over Dexie: number blocks, the 文号 ledger, issued snapshots,
 * templates and the print log (tables of migration 0020). Issuing uses two transactions:
 *   1. reserveNumber: the next free number of this device's blocks gets a 'reserved' ledger row;
 *   2. completeIssue: the snapshot and the ledger row → 'issued' are written together.
 * A crash between the two leaves a 'reserved' row, which `reconcile` voids (with the reason) at
 * the next start-up; the number is never handed out again and never silently skipped.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import {
  checkNewBlock,
  ledgerId,
  markIssued,
  markVoided,
  nextFreeNumber,
  reconcileReservations,
  remainingNumbers,
  reserveEntry,
  type LedgerEntry,
  type NumberBlock,
  type NumberSeries,
} from '../../../../shared/documents/numbering';
import type { IssuedDocument, PrintLogEntry } from '../../../../shared/documents/issued';
import { DEFAULT_TEMPLATES, type DocumentTemplate } from '../../../../shared/documents/templates';
import type { DocumentKind, StoredDocumentKind } from '../../../../shared/documents/types';
import type { Check } from '../../../../shared/util/result';
import { refuse } from '../../../../shared/util/result';

export type TemplateRow = DocumentTemplate & { id: string };

export type DocumentStore = {
  addBlock(block: NumberBlock): Promise<Check>;
  listBlocks(): Promise<NumberBlock[]>;
  remaining(series: NumberSeries, deviceId: string): Promise<number>;
  reserveNumber(series: NumberSeries, deviceId: string, documentId: string, at: string): Promise<Check<{ entry: LedgerEntry }>>;
  completeIssue(entry: LedgerEntry, doc: IssuedDocument, supersede?: { id: string; reason: string }, also?: { tables: readonly string[]; write: (doc: IssuedDocument) => Promise<void> }): Promise<void>;
  voidReservation(entryId: string, reason: string, at: string): Promise<void>;
  /** Void this device's reservations made before `reservedBefore` (default: `at`) that have no saved document. */
  reconcile(deviceId: string, at: string, reservedBefore?: string): Promise<LedgerEntry[]>;
  ledger(): Promise<LedgerEntry[]>;
  getDocument(id: string): Promise<IssuedDocument | undefined>;
  listDocuments(): Promise<IssuedDocument[]>;
  /** Every document of these groups (documents issued together and served together). */
  documentsInGroups(groupIds: readonly string[]): Promise<IssuedDocument[]>;
  logPrint(entry: PrintLogEntry): Promise<void>;
  printLog(): Promise<PrintLogEntry[]>;
  latestTemplate(kind: DocumentKind): Promise<DocumentTemplate>;
  templateVersions(kind: DocumentKind): Promise<DocumentTemplate[]>;
  saveTemplate(kind: DocumentKind, paragraphs: Record<string, string>, at: string, by: string): Promise<DocumentTemplate>;
};

type Tables = {
  docs: Table<IssuedDocument, string>;
  blocks: Table<NumberBlock, string>;
  ledger: Table<LedgerEntry, string>;
  templates: Table<TemplateRow, string>;
  prints: Table<PrintLogEntry, string>;
};

function tablesOf(db: Dexie): Tables {
  return {
    docs: db.table<IssuedDocument, string>('issuedDocuments'),
    blocks: db.table<NumberBlock, string>('numberBlocks'),
    ledger: db.table<LedgerEntry, string>('numberLedger'),
    templates: db.table<TemplateRow, string>('documentTemplates'),
    prints: db.table<PrintLogEntry, string>('documentPrintLog'),
  };
}

function seriesWhere(s: NumberSeries): [string, StoredDocumentKind, number] {
  return [s.officeId, s.kind, s.year];
}

/**
 * Work that must commit atomically with an issued document, e.g. its sync outbox row
 * (shared/sync/outbox.ts: an operation is written in the same transaction as the change it carries).
 */
export type IssuedHook = {
  /** Extra tables the hook writes; they join the issuing transaction. */
  tables: string[];
  /** Runs before the issuing transaction opens (e.g. to load a key: nothing but IndexedDB requests may be awaited inside). */
  prepare?(): Promise<void>;
  inTransaction(doc: IssuedDocument, supersededId?: string): Promise<void>;
};

export function createDexieDocumentStore(db: Dexie, onIssued?: IssuedHook): DocumentStore {
  const t = tablesOf(db);
  const issueTables = [t.ledger, t.docs, ...(onIssued?.tables ?? []).map((name) => db.table(name))];
  return {
    async addBlock(block) {
      return db.transaction('rw', t.blocks, async () => {
        const check = checkNewBlock(block, await t.blocks.toArray());
        if (!check.ok) return check;
        await t.blocks.add(block);
        return { ok: true } as const;
      });
    },
    listBlocks: () => t.blocks.toArray(),
    async remaining(series, deviceId) {
      const blocks = await t.blocks.where('[officeId+kind+year]').equals(seriesWhere(series)).toArray();
      const taken = new Set((await t.ledger.where('[officeId+kind+year]').equals(seriesWhere(series)).toArray()).map((e) => e.seq));
      return remainingNumbers(series, deviceId, blocks, taken);
    },
    async reserveNumber(series, deviceId, documentId, at) {
      return db.transaction('rw', t.blocks, t.ledger, async () => {
        const blocks = await t.blocks.where('[officeId+kind+year]').equals(seriesWhere(series)).toArray();
        const taken = new Set((await t.ledger.where('[officeId+kind+year]').equals(seriesWhere(series)).toArray()).map((e) => e.seq));
        const next = nextFreeNumber(series, deviceId, blocks, taken);
        if (!next.ok) return next;
        const entry = reserveEntry(series, next.block, next.seq, documentId, at);
        await t.ledger.add(entry); // add, not put: a second writer of the same number fails here
        return { ok: true, entry } as const;
      });
    },
    async completeIssue(entry, doc, supersede, also) {
      await onIssued?.prepare?.();
      const tables = [...new Set([...issueTables, ...(also?.tables ?? []).map((name) => db.table(name))])];
      await db.transaction('rw', tables, async () => {
        const current = await t.ledger.get(entry.id);
        if (!current || current.state !== 'reserved' || current.documentId !== doc.id) {
          throw new Error(`number ${entry.id} is no longer reserved for document ${doc.id}`);
        }
        await t.docs.add(doc);
        await t.ledger.put(markIssued(current, doc.issuedAt));
        if (supersede) {
          const old = await t.docs.get(supersede.id);
          if (!old) throw new Error(`document ${supersede.id} to correct does not exist`);
          if (old.state !== 'valid') throw new Error(`document ${supersede.id} is already voided`);
          await t.docs.update(supersede.id, { state: 'voided', voidedAt: doc.issuedAt, voidReason: supersede.reason, correctedById: doc.id });
        }
        await onIssued?.inTransaction(doc, supersede?.id);
        await also?.write(doc);
      });
    },
    async voidReservation(entryId, reason, at) {
      await db.transaction('rw', t.ledger, async () => {
        const current = await t.ledger.get(entryId);
        if (current?.state === 'reserved') await t.ledger.put(markVoided(current, reason, at));
      });
    },
    async reconcile(deviceId, at, reservedBefore) {
      return db.transaction('rw', t.ledger, t.docs, async () => {
        const reserved = await t.ledger.where('state').equals('reserved').toArray();
        const saved = new Set<string>();
        for (const e of reserved) if (await t.docs.get(e.documentId)) saved.add(e.documentId);
        const fixed = reconcileReservations(reserved, deviceId, saved, at, reservedBefore ?? at);
        await t.ledger.bulkPut(fixed);
        return fixed;
      });
    },
    ledger: () => t.ledger.toArray(),
    getDocument: (id) => t.docs.get(id),
    async listDocuments() {
      const all = await t.docs.orderBy('issuedAt').reverse().toArray();
      return all.filter((d) => typeof d.numberKey === 'string');
    },
    async documentsInGroups(groupIds) {
      if (groupIds.length === 0) return [];
      const rows = await t.docs.where('groupId').anyOf([...groupIds]).toArray();
      return rows.filter((d) => typeof d.numberKey === 'string');
    },
    async logPrint(entry) {
      await t.prints.add(entry);
    },
    printLog: () => t.prints.orderBy('at').reverse().toArray(),
    async latestTemplate(kind) {
      const rows = await t.templates.where('kind').equals(kind).toArray();
      const latest = rows.sort((a, b) => b.version - a.version)[0];
      if (!latest) return DEFAULT_TEMPLATES[kind];
      const { id: _id, ...template } = latest;
      return template;
    },
    async templateVersions(kind) {
      const rows = await t.templates.where('kind').equals(kind).toArray();
      return [DEFAULT_TEMPLATES[kind], ...rows.sort((a, b) => a.version - b.version).map(({ id: _id, ...rest }) => rest)];
    },
    async saveTemplate(kind, paragraphs, at, by) {
      return db.transaction('rw', t.templates, async () => {
        const rows = await t.templates.where('kind').equals(kind).toArray();
        const version = Math.max(DEFAULT_TEMPLATES[kind].version, ...rows.map((r) => r.version)) + 1;
        const template: DocumentTemplate = { kind, version, paragraphs: { ...paragraphs }, savedAt: at, savedBy: by };
        await t.templates.add({ ...template, id: `${kind}@${version}` });
        return template;
      });
    },
  };
}

/** For callers that only need to know a refusal happened in storage. */
export function storageRefusal(error: unknown): Check {
  const message = error instanceof Error ? error.message : String(error);
  return refuse('storage-failed', `保存失败，文书未签发：${message}`);
}

export { ledgerId };
