/**
 * The encrypting pass: seals the personal fields of a database written before encryption at rest, in
 * one pass over every table of SEALED_FIELDS (and attachment contents), chunk by chunk.
 *
 *  - Resumable: each chunk is rewritten in one transaction together with the progress row
 *    (`vault.encryptPass`: table and last primary key done), so a crash or a closed window resumes
 *    after the last committed chunk and nothing is sealed twice or skipped.
 *  - A backup is taken first (injected: ../backups), and the pass does not start without it.
 *  - Rewriting a row through the vault middleware is what seals it: the row is read (plain), put back
 *    (sealed). Rows already sealed are rewritten unchanged in content.
 */
import type { CreditDeskDb } from '../../db/database';
import type { AttachmentRow } from '../../db/types';
import { isSealedBytes } from './cipher';
import { ATTACHMENT_CONTEXT } from './attachments';
import { SEALED_FIELDS } from './sealed-fields';
import type { Vault } from './vault';

export const ENCRYPT_PASS_SETTING = 'vault.encryptPass';

export type EncryptPass = {
  state: 'due' | 'running' | 'done';
  backupTakenAt?: string;
  backupName?: string;
  /** Tables finished, in order. */
  done: string[];
  current?: { table: string; lastKey: string };
  rows: number;
  startedAt?: string;
  finishedAt?: string;
};

export type EncryptOptions = {
  /** Takes the backup (before anything is rewritten); returns its name. */
  backup: () => Promise<string>;
  now: () => string;
  chunk?: number;
  /** Called after each committed chunk (progress; tests stop the pass here to resume it). */
  onChunk?: (progress: EncryptPass) => void;
};

const ATTACHMENTS = 'attachments';
export const PASS_TABLES: readonly string[] = [...Object.keys(SEALED_FIELDS), ATTACHMENTS];

export async function encryptPassState(db: CreditDeskDb): Promise<EncryptPass | undefined> {
  return (await db.settings.get(ENCRYPT_PASS_SETTING))?.value as EncryptPass | undefined;
}

async function saveProgress(db: CreditDeskDb, pass: EncryptPass): Promise<void> {
  await db.settings.put({ key: ENCRYPT_PASS_SETTING, value: pass });
}

/** Marks the pass due (a database that holds data from before encryption). */
export async function markEncryptPassDue(db: CreditDeskDb): Promise<void> {
  const current = await encryptPassState(db);
  if (!current) await saveProgress(db, { state: 'due', done: [], rows: 0 });
}

async function sealAttachmentChunk(vault: Vault, rows: AttachmentRow[]): Promise<AttachmentRow[]> {
  const out: AttachmentRow[] = [];
  for (const row of rows) {
    const bytes = new Uint8Array(await row.blob.arrayBuffer());
    if (isSealedBytes(bytes)) continue;
    out.push({ ...row, blob: new Blob([vault.sealBytes(bytes, ATTACHMENT_CONTEXT) as BlobPart], { type: 'application/x-credit-desk-sealed' }) });
  }
  return out;
}

function tableDone(pass: EncryptPass, table: string): EncryptPass {
  const next: EncryptPass = { ...pass, done: [...pass.done, table] };
  delete next.current;
  return next;
}

/** Runs (or resumes) the pass. The vault must be unlocked. Returns the final progress. */
export async function encryptExistingData(db: CreditDeskDb, vault: Vault, options: EncryptOptions): Promise<EncryptPass> {
  if (!vault.encrypting || !vault.unlocked) throw new Error('encrypting pass needs an unlocked vault');
  const chunk = options.chunk ?? 200;
  let pass = (await encryptPassState(db)) ?? { state: 'due', done: [], rows: 0 };
  if (pass.state === 'done') return pass;
  if (!pass.backupTakenAt) {
    const name = await options.backup();
    pass = { ...pass, state: 'running', backupTakenAt: options.now(), backupName: name, startedAt: options.now() };
    await saveProgress(db, pass);
  }
  for (const table of PASS_TABLES) {
    if (pass.done.includes(table)) continue;
    const t = db.table(table);
    for (;;) {
      const after = pass.current?.table === table ? pass.current.lastKey : undefined;
      const range = after === undefined ? t.toCollection() : t.where(':id').above(after);
      if (table === ATTACHMENTS) {
        // Blob reads are not IndexedDB requests: read and seal outside, write back in a transaction
        // that checks the row is unchanged.
        const rows = (await range.limit(chunk).toArray()) as AttachmentRow[];
        const sealed = await sealAttachmentChunk(vault, rows);
        const last = rows.at(-1);
        await db.transaction('rw', [t, db.settings], async () => {
          for (const row of sealed) {
            const now = (await t.get(row.id)) as AttachmentRow | undefined;
            if (now && now.sha256 === row.sha256) await t.put(row);
          }
          pass = last ? { ...pass, rows: pass.rows + sealed.length, current: { table, lastKey: last.id } } : tableDone(pass, table);
          await saveProgress(db, pass);
        });
        options.onChunk?.(pass);
        if (!last) break;
        continue;
      }
      let finished = false;
      await db.transaction('rw', [t, db.settings], async () => {
        const rows = (await range.limit(chunk).toArray()) as { [k: string]: unknown }[];
        if (rows.length > 0) await t.bulkPut(rows);
        const lastKey = rows.length > 0 ? (rows.at(-1)![t.schema.primKey.keyPath as string] as string) : undefined;
        if (lastKey === undefined) {
          pass = tableDone(pass, table);
          finished = true;
        } else pass = { ...pass, rows: pass.rows + rows.length, current: { table, lastKey } };
        await saveProgress(db, pass);
      });
      options.onChunk?.(pass);
      if (finished) break;
    }
  }
  pass = { ...pass, state: 'done', finishedAt: options.now() };
  await saveProgress(db, pass);
  return pass;
}
