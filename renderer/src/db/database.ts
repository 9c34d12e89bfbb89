/**
 * The one IndexedDB database of the app, `credit-desk` (docs/CONTRACTS.md). Its schema is the
 * migrations registry in ./migrations/index.ts. Other parts add tables through their own
 * migrations and may declare typed accessors here (one line each) or use `db.table<T>('name')`.
 */
import Dexie, { type Table } from 'dexie';
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { vaultMiddleware } from '../desk/vault/middleware';
import { PLAINTEXT_VAULT, type Vault } from '../desk/vault/vault';
import { outboxPendingMiddleware, type OutboxPendingRow } from './outbox-pending';
import type {
  AttachmentRow,
  AuditRow,
  BasisDocumentRow,
  CalendarRow,
  CaseEventRow,
  ChainAnchorRow,
  CaseListRow,
  CaseRow,
  CaseTermsRow,
  DeadlineDayRow,
  UserRow,
  DeadlineRow,
  DeviceRow,
  DocumentNumberRow,
  IssuedDocumentRow,
  OperationLedgerRow,
  ObjectionRow,
  OutboxRow,
  RepairRow,
  RuleSetRow,
  SettingRow,
  SubjectLinkRow,
  SubjectRow,
} from './types';

export const DB_NAME = 'credit-desk';
/** Training mode's own database: fictional data that never syncs and never mixes with the office's. */
export const TRAINING_DB_NAME = 'credit-desk-training';

export type DbOptions = {
  migrations?: readonly Migration[];
  /** For tests: an IndexedDB factory (fake-indexeddb) if the global one is not wanted. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

export class CreditDeskDb extends Dexie {
  settings!: Table<SettingRow, string>;
  device!: Table<DeviceRow, string>;
  subjects!: Table<SubjectRow, string>;
  subjectLinks!: Table<SubjectLinkRow, string>;
  cases!: Table<CaseRow, string>;
  caseEvents!: Table<CaseEventRow, string>;
  basisDocuments!: Table<BasisDocumentRow, string>;
  attachments!: Table<AttachmentRow, string>;
  objections!: Table<ObjectionRow, string>;
  repairs!: Table<RepairRow, string>;
  issuedDocuments!: Table<IssuedDocumentRow, string>;
  deadlines!: Table<DeadlineRow, string>;
  outbox!: Table<OutboxRow, string>;
  calendars!: Table<CalendarRow, string>;
  ruleSets!: Table<RuleSetRow, string>;
  auditLog!: Table<AuditRow, string>;
  caseTerms!: Table<CaseTermsRow, string>;
  documentNumbers!: Table<DocumentNumberRow, string>;
  caseList!: Table<CaseListRow, string>;
  deadlineDays!: Table<DeadlineDayRow, string>;
  operationLedger!: Table<OperationLedgerRow, number>;
  chainAnchors!: Table<ChainAnchorRow, string>;
  outboxPending!: Table<OutboxPendingRow, string>;
  users!: Table<UserRow, string>;
  /**
   * Seals and opens the personal fields of every row (renderer/src/desk/vault/middleware.ts). The app
   * sets its vault holder here once key custody has the data key; tests may leave it plaintext.
   */
  vault: Vault = PLAINTEXT_VAULT;

  constructor(name: string = DB_NAME, options: DbOptions = {}) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    applyMigrations(this, options.migrations ?? MIGRATIONS);
    // Every outbox write keeps outboxPending in the same transaction (db/outbox-pending.ts).
    this.use(outboxPendingMiddleware);
    // Registered last, so it is the outermost layer: rows are sealed before any other layer stores them.
    this.use(vaultMiddleware(() => this.vault));
  }
}

export type OpenResult =
  | { ok: true; db: CreditDeskDb }
  | { ok: false; reason: 'newer-version'; storedVersion: number; knownVersion: number; message: string }
  | { ok: false; reason: 'upgrade-failed' | 'unavailable'; message: string };

/** The schema version stored on disk (native version / 10, Dexie's convention), or 0. */
export async function storedSchemaVersion(name: string = DB_NAME, factory: IDBFactory = indexedDB): Promise<number> {
  if (typeof factory.databases === 'function') {
    const list = await factory.databases();
    const found = list.find((d) => d.name === name);
    return found?.version ? Math.floor(found.version / 10) : 0;
  }
  return 0;
}

/**
 * Opens the database. Data written by a newer app version is refused (never wiped); a failed
 * upgrade leaves the stored version where it was.
 */
export async function openDatabase(name: string = DB_NAME, options: DbOptions = {}): Promise<OpenResult> {
  const known = (options.migrations ?? MIGRATIONS).at(-1)?.version ?? LATEST_SCHEMA_VERSION;
  const factory = options.indexedDB ?? indexedDB;
  const newer = (stored: number): OpenResult => ({
    ok: false,
    reason: 'newer-version',
    storedVersion: stored,
    knownVersion: known,
    message: `本机数据由较新版本的信用办案台写入（数据版本 ${stored || '更高'}，本程序只认识到 ${known}）。为保护数据，本程序不会打开或改动这些数据。请安装最新版本后再打开；数据仍完整保存在本机。`,
  });
  // Dexie 4 would open a newer database read-compatibly; we refuse instead (L11, lesson 12).
  const before = await storedSchemaVersion(name, factory).catch(() => 0);
  if (before > known) return newer(before);
  const db = new CreditDeskDb(name, options);
  try {
    await db.open();
    if (db.verno > known) {
      db.close();
      return newer(db.verno);
    }
    db.on('versionchange', () => {
      // Another window upgraded the schema: close and ask for a reload rather than block it.
      db.close();
      if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('credit-desk:versionchange'));
      return false;
    });
    return { ok: true, db };
  } catch (error) {
    db.close();
    const errName = (error as { name?: string }).name;
    if (errName === 'VersionError') return newer(await storedSchemaVersion(name, factory).catch(() => 0));
    const detail = error instanceof Error ? error.message : String(error);
    if (errName === 'UpgradeError' || /upgrade/i.test(detail)) {
      return { ok: false, reason: 'upgrade-failed', message: `数据升级失败，已中止升级，原有数据未改动。请联系技术支持。（${detail}）` };
    }
    return { ok: false, reason: 'unavailable', message: `无法打开本机数据库：${detail}。请确认浏览器未处于无痕模式且磁盘有空余空间。` };
  }
}
