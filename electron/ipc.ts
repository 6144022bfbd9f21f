/**
 * TerminalApi over Electron IPC. Every payload is validated by the contract's zod schemas (in
 * `dispatch`), and calls are accepted only from the app's own page.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { GuardedApi } from '../core/api/method-access.ts';
import { dispatch, failure, subscribeAuthorised, type RpcOutcome } from '../core/api/rpc-dispatch.ts';
import { EidError } from '../core/errors.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.ts';


export function registerIpc(ipcMain: IpcMain, api: GuardedApi, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<RpcOutcome> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) {
      return failure(403, new EidError('FORBIDDEN_SENDER'));
    }
    if (typeof method !== 'string') {
      return failure(400, new EidError('INVALID_INPUT', { detail: 'the method is not a name' }));
    }
    return dispatch(api, method, input);
  });
}

/** Forwards terminal events to the window, under the same rules as calls; returns the unsubscribe function. */
export function forwardEvents(api: GuardedApi, contents: WebContents): () => void {
  return subscribeAuthorised(api, (event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
