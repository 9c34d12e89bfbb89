import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers } from './handlers';
import { ipcError } from './validate';
import type { IpcResult } from './contract';

/**
 * Register every handler on ipcMain. Requests from frames outside the app origin are refused
 * before the handler runs (Electron: event.senderFrame).
 */
export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrustedSender: (url: string | undefined) => boolean): void {
  for (const channel of Object.keys(handlers) as (keyof Handlers)[]) {
    const handler = handlers[channel] as (raw: unknown) => Promise<IpcResult<unknown>>;
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return { ok: false, error: ipcError('untrusted-sender', `refused ${channel} from ${event.senderFrame?.url ?? 'unknown frame'}`, '请求来源不可信，已拒绝。') };
      }
      return handler(raw);
    });
  }
}
