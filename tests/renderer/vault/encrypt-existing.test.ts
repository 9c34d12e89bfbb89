import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { loadDemoData } from '../../../renderer/src/desk/demo';
import { createDesk, fixedDateClock, staticSession } from '../../../renderer/src/desk/desk';
import { addAttachment, attachmentFile } from '../../../renderer/src/desk/cases';
import { findByCode } from '../../../renderer/src/desk/subjects';
import { createVaultHolder } from '../../../renderer/src/desk/vault/vault';
import { randomBytes } from '../../../renderer/src/desk/vault/cipher';
import { encryptExistingData, encryptPassState } from '../../../renderer/src/desk/vault/encrypt-existing';
import { verifyAllCases } from '../../../renderer/src/desk/integrity/check';
import { uniqueDbName } from '../../helpers/dexie';
import { plaintextHits } from '../../helpers/raw-idb';
import { ACTOR } from '../fixtures';

describe('the encrypting pass over an existing database', () => {
  it('takes a backup first, seals every store in one resumable pass, and everything still reads back', async () => {
    const db = new CreditDeskDb(uniqueDbName('pass'));
    await db.open();
    // A database written before encryption at rest (plaintext vault).
    const plain = createDesk(db, { clock: fixedDateClock('2026-10-12'), session: staticSession(ACTOR), mode: 'training' });
    expect((await loadDemoData(plain)).ok).toBe(true);
    const caseRow = (await db.cases.toArray())[0]!;
    const att = await addAttachment(plain, caseRow.id, caseRow.id, '证据', new Blob(['笔录 示例人甲']), '笔录.txt');
    if (!att.ok) throw new Error(att.reason);
    const people = (await db.subjects.where('kind').equals('natural_person').toArray()).map((s) => s.pii!);
    const needles = people.flatMap((p) => [p.name, p.idNumber]);
    expect((await plaintextHits(db.name, needles)).length).toBeGreaterThan(0);

    const vault = createVaultHolder();
    vault.unlock(randomBytes(32));
    db.vault = vault;
    const backups: string[] = [];
    const backup = async () => {
      backups.push(`backup-${backups.length + 1}`);
      return backups.at(-1)!;
    };
    // The window closes after the third chunk.
    let chunks = 0;
    await expect(
      encryptExistingData(db, vault, {
        backup,
        now: () => '2026-10-12T08:00:00.000Z',
        chunk: 5,
        onChunk: () => {
          chunks += 1;
          if (chunks === 3) throw new Error('window closed');
        },
      }),
    ).rejects.toThrow('window closed');
    const halfway = await encryptPassState(db);
    expect(halfway).toMatchObject({ state: 'running', backupName: 'backup-1' });
    const rowsSoFar = halfway!.rows;
    expect(rowsSoFar).toBeGreaterThan(0);

    const done = await encryptExistingData(db, vault, { backup, now: () => '2026-10-12T08:01:00.000Z', chunk: 5 });
    expect(done.state).toBe('done');
    expect(backups).toEqual(['backup-1']);
    expect(await plaintextHits(db.name, [...needles, '笔录 示例人甲'])).toEqual([]);

    const desk = createDesk(db, { clock: fixedDateClock('2026-10-12'), session: staticSession(ACTOR), vault, mode: 'training' });
    expect((await verifyAllCases(desk)).ok).toBe(true);
    expect((await findByCode(desk, people[0]!.idNumber))?.pii?.name).toBe(people[0]!.name);
    expect(await (await attachmentFile(desk, (await db.attachments.get(att.attachment.id))!)).text()).toBe('笔录 示例人甲');
    // A second run does nothing.
    expect((await encryptExistingData(db, vault, { backup, now: () => 'x' })).finishedAt).toBe('2026-10-12T08:01:00.000Z');
    db.close();
  });
});
