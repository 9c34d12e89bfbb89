/** Backup files in the chosen folder, on the real file system of a temporary folder. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../electron/files/atomic';
import { BackupError, createBackupFiles, isBackupFileName } from '../../electron/files/backups';

const root = mkdtempSync(join(tmpdir(), 'credit-desk-backups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const realFs = { open, rename, rm, readFile: async (p: string) => new Uint8Array(await readFile(p)), readdir, stat, realpath };
let suffix = 0;
function backupsIn(folder: string | undefined, fs = realFs) {
  return createBackupFiles({ fs, folder: async () => folder, uniqueSuffix: () => `t${++suffix}` });
}

describe('backup files', () => {
  const folder = join(root, 'usb');
  mkdirSync(folder);

  it('writes atomically, reads back and lists only backups', async () => {
    const backups = backupsIn(folder);
    const bytes = new TextEncoder().encode('加密的备份');
    expect(await backups.write('信用办案台-2026-11-21.cdbackup', bytes)).toEqual({ path: join(folder, '信用办案台-2026-11-21.cdbackup'), size: bytes.length });
    expect(await backups.read('信用办案台-2026-11-21.cdbackup')).toEqual(bytes);
    writeFileSync(join(folder, 'notes.txt'), 'x');
    const listed = await backups.list();
    expect(listed.map((f) => f.name)).toEqual(['信用办案台-2026-11-21.cdbackup']);
    expect(listed[0]!.size).toBe(bytes.length);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each(['../escape.cdbackup', 'sub/dir.cdbackup', '..\\x.cdbackup', '.hidden.cdbackup', 'C:evil.cdbackup', 'a.txt', '.cdbackup', ' a.cdbackup', 'a\u0000.cdbackup', 'x'.repeat(300) + '.cdbackup'])(
    'refuses the name %j',
    async (name) => {
      expect(isBackupFileName(name)).toBe(false);
      await expect(backupsIn(folder).write(name, new Uint8Array([1]))).rejects.toBeInstanceOf(BackupError);
      await expect(backupsIn(folder).read(name)).rejects.toBeInstanceOf(BackupError);
    },
  );

  it('refuses a symlink that leads out of the folder', async () => {
    const secret = join(root, 'secret.cdbackup');
    writeFileSync(secret, 'outside');
    symlinkSync(secret, join(folder, 'link.cdbackup'));
    await expect(backupsIn(folder).read('link.cdbackup')).rejects.toMatchObject({ code: 'outside-folder' });
  });

  it('asks for a folder first', async () => {
    await expect(backupsIn(undefined).write('a.cdbackup', new Uint8Array([1]))).rejects.toMatchObject({ code: 'no-folder', messageZh: expect.stringMatching(/选择/) });
    expect(await backupsIn(undefined).list()).toEqual([]);
  });

  it('leaves the old file whole when writing the new one fails, and no temporary file behind', async () => {
    const target = join(folder, 'keep.cdbackup');
    writeFileSync(target, 'old');
    const failing: AtomicFs = { ...realFs, rename: async () => { throw new Error('EIO: USB stick removed'); } };
    await expect(writeFileAtomic(failing, target, new TextEncoder().encode('new'), 'x1')).rejects.toThrow('EIO');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('syncs the file before renaming it into place', async () => {
    const calls: string[] = [];
    const fs: AtomicFs = {
      open: async (path) => ({ writeFile: async () => void calls.push(`write ${path}`), sync: async () => void calls.push(`sync ${path}`), close: async () => undefined }),
      rename: async (from, to) => void calls.push(`rename ${from} ${to}`),
      rm: async () => undefined,
    };
    await writeFileAtomic(fs, '/usb/a.cdbackup', new Uint8Array([1]), 's');
    expect(calls).toEqual(['write /usb/.a.cdbackup.s.tmp', 'sync /usb/.a.cdbackup.s.tmp', 'rename /usb/.a.cdbackup.s.tmp /usb/a.cdbackup', 'sync /usb']);
  });
});
