/**
 * TerminalApi over Electron IPC. Every payload is validated by the contract's zod schemas (in
 * `dispatch`), and calls are accepted only from the app's own page.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { TerminalApi } from '../core/api/terminal-api.ts';
import { dispatch, type RpcOutcome } from '../core/api/rpc-dispatch.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.ts';


export function registerIpc(ipcMain: IpcMain, api: TerminalApi, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<RpcOutcome> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) {
      return { ok: false, status: 403, error: { code: 'FORBIDDEN_SENDER', message: 'Call from an unknown page refused', vi: 'Từ chối lời gọi từ trang lạ' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, status: 400, error: { code: 'INVALID_INPUT', message: 'Invalid call', vi: 'Lời gọi không hợp lệ' } };
    }
    return dispatch(api, method, input);
  });
}

/** Forwards terminal events to the window; returns the unsubscribe function. */
export function forwardEvents(api: TerminalApi, contents: WebContents): () => void {
  return api.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
