/**
 * Durable file writes: a temporary file in the same folder, written and fsynced, then renamed
 * over the target, then the folder fsynced — so a crash or a pulled USB stick leaves either the
 * old file or the new one, never half of one. The file system is injected (tests use fakes).
 */
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type AtomicFs = {
  open(path: string, flags: string, mode?: number): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
};

/** Write `bytes` to `path` atomically; `suffix` makes the temporary name unique (random in production). */
export async function writeFileAtomic(fs: AtomicFs, path: string, bytes: Uint8Array, suffix: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
  try {
    const file = await fs.open(temp, 'wx', mode);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // The rename is durable once the folder's entry is (not supported on Windows: skipped there).
  const folder = await fs.open(dirname(path), 'r').catch(() => undefined);
  if (folder) {
    try {
      await folder.sync().catch(() => undefined);
    } finally {
      await folder.close();
    }
  }
}
