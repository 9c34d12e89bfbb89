/**
 * Request schemas for every IPC channel. Main treats every argument as `unknown`
 * and parses it here before any side effect; a bad request gets a Result error, never a throw.
 */
import { z } from 'zod';
import { isBackupFileName } from '../files/backups';
import { SECRET_NAMES, type IpcContract, type IpcError, type IpcResult } from './contract';

const MAX_FILE_BYTES = 200 * 1024 * 1024; // a 600-page batch PDF is ~30 MB; leave room

const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大');

// A file name the user will see in the save dialog: no path separators or control characters.
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20), '文件名含有不允许的字符');

export const REQUEST_SCHEMAS: { [K in keyof IpcContract]: z.ZodType<IpcContract[K]['req']> } = {
  'app:get-info': z.undefined(),
  'files:save': z.object({
    suggestedName: fileName,
    mimeType: z.enum([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/json',
      'image/png',
      'application/octet-stream',
    ]),
    bytes,
  }),
  'documents:print-pdf': z.object({ title: z.string().min(1).max(200), bytes }),
  'fonts:list-system': z.undefined(),
  'fonts:read-system': z.object({ path: z.string().min(1).max(1024) }),
  'external:open-url': z.object({ url: z.string().min(1).max(4096) }),
  'secrets:get-status': z.undefined(),
  'secrets:wrap-data-key': z.object({ dataKey: z.instanceof(Uint8Array).refine((b) => b.byteLength === 32, '数据密钥须为 32 字节') }),
  'secrets:unwrap-data-key': z.object({ wrapped: z.string().min(1).max(4096).regex(/^[A-Za-z0-9+/]+={0,2}$/, '不是系统密钥服务包装的密钥') }),
  'secrets:put': z.object({ name: z.enum(SECRET_NAMES), value: z.string().min(1).max(8192) }),
  'secrets:get': z.object({ name: z.enum(SECRET_NAMES) }),
  'secrets:delete': z.object({ name: z.enum(SECRET_NAMES) }),
  'backups:choose-folder': z.undefined(),
  'backups:write-file': z.object({ name: z.string().refine(isBackupFileName, '备份文件名不正确'), bytes }),
  'backups:read-file': z.object({ name: z.string().refine(isBackupFileName, '备份文件名不正确') }),
  'backups:list': z.undefined(),
  'platform:set-origin': z.object({ url: z.string().min(1).max(2048) }),
  'diagnostics:get': z.undefined(),
};

export function ipcError(code: string, message: string, messageZh: string): IpcError {
  return { code, message, messageZh };
}

export type ParsedRequest<K extends keyof IpcContract> =
  | { ok: true; value: IpcContract[K]['req'] }
  | { ok: false; result: IpcResult<never> };

export function parseRequest<K extends keyof IpcContract>(channel: K, raw: unknown): ParsedRequest<K> {
  const parsed = REQUEST_SCHEMAS[channel].safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ');
  return {
    ok: false,
    result: { ok: false, error: ipcError('bad-request', `invalid ${channel} request: ${detail}`, '请求参数无效，操作未执行。') },
  };
}
