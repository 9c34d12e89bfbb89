/**
 * Backup files in the one folder the user chose (a USB stick, a network share): write atomically,
 * read back, list. The renderer names files, never paths: a name is a plain file name ending in
 * `.cdbackup`, resolved inside the chosen folder, and a symlink that leads out of it is refused.
 */
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { BackupFileInfo } from '../ipc/contract';
import { writeFileAtomic, type AtomicFs } from './atomic';

export const BACKUP_EXTENSION = '.cdbackup';

export type BackupFs = AtomicFs & {
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; mtime: Date; isFile(): boolean }>;
  realpath(path: string): Promise<string>;
};

export class BackupError extends Error {
  constructor(
    readonly code: 'no-folder' | 'bad-name' | 'outside-folder' | 'not-found',
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

// No folders, no characters Windows forbids, no control characters, no leading dot.
const FORBIDDEN = /[\\/:*?"<>|]/;
const hasControlCharacter = (name: string) => [...name].some((ch) => ch.charCodeAt(0) < 0x20);

export function isBackupFileName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > BACKUP_EXTENSION.length &&
    name.length <= 200 &&
    !FORBIDDEN.test(name) &&
    !hasControlCharacter(name) &&
    !name.startsWith('.') &&
    name.endsWith(BACKUP_EXTENSION) &&
    name.trim() === name
  );
}

function isInside(folder: string, path: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export type BackupFiles = {
  write(name: string, bytes: Uint8Array): Promise<{ path: string; size: number }>;
  read(name: string): Promise<Uint8Array>;
  list(): Promise<BackupFileInfo[]>;
};

export function createBackupFiles(deps: { fs: BackupFs; folder: () => Promise<string | undefined>; uniqueSuffix: () => string }): BackupFiles {
  async function pathOf(name: string): Promise<{ folder: string; path: string }> {
    const chosen = await deps.folder();
    if (!chosen) throw new BackupError('no-folder', 'no backup folder chosen', '尚未选择备份文件夹，请先在 设置 → 备份 中选择（例如 U 盘）。');
    if (!isBackupFileName(name)) throw new BackupError('bad-name', `bad backup file name ${JSON.stringify(name)}`, `备份文件名不正确：只能是以 ${BACKUP_EXTENSION} 结尾的文件名，不能含文件夹。`);
    const folder = resolve(chosen);
    const path = resolve(folder, name);
    if (dirname(path) !== folder || basename(path) !== name) throw new BackupError('outside-folder', `${name} resolves outside the backup folder`, '备份文件必须位于所选的备份文件夹中。');
    return { folder, path };
  }

  return {
    async write(name, bytes) {
      const { path } = await pathOf(name);
      await writeFileAtomic(deps.fs, path, bytes, deps.uniqueSuffix());
      return { path, size: bytes.length };
    },
    async read(name) {
      const { folder, path } = await pathOf(name);
      let real: string;
      try {
        real = await deps.fs.realpath(path);
      } catch {
        throw new BackupError('not-found', `no backup ${name}`, `备份文件夹中没有 ${name}。`);
      }
      if (!isInside(await deps.fs.realpath(folder), real)) throw new BackupError('outside-folder', `${name} links outside the backup folder`, '备份文件必须位于所选的备份文件夹中。');
      return deps.fs.readFile(real);
    },
    async list() {
      const chosen = await deps.folder();
      if (!chosen) return [];
      const folder = resolve(chosen);
      const files: BackupFileInfo[] = [];
      for (const name of (await deps.fs.readdir(folder)).sort()) {
        if (!isBackupFileName(name)) continue;
        const stat = await deps.fs.stat(join(folder, name));
        if (stat.isFile()) files.push({ name, size: stat.size, modifiedAt: stat.mtime.toISOString() });
      }
      return files;
    },
  };
}
