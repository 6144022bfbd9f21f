/**
 * Exposes TerminalApi, and nothing else, to the sandboxed page as `window.terminal`.
 * A sandboxed preload may only require 'electron': the build bundles this file with its imports.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { TerminalApiSchema } from '../core/api/terminal-api.ts';
import type { ApiError } from '../core/api/messages.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.ts';

const METHODS = Object.keys(TerminalApiSchema);

type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiError };

const api: Record<string, unknown> = {};
for (const method of METHODS) {
  api[method] = async (input: unknown) => {
    const outcome = (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as Outcome;
    if (outcome.ok) return outcome.result;
    throw Object.assign(new Error(outcome.error.message), outcome.error);
  };
}
api.subscribe = (listener: (event: unknown) => void) => {
  const handler = (_e: unknown, event: unknown) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('terminal', api);
