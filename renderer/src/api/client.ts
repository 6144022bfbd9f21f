/**
 * The UI's only door to the terminal: Electron's preload exposes `window.terminal`; in a browser
 * kiosk the same TerminalApi is reached over HTTP + WebSocket with the per-launch token from the URL.
 */
import type { ApiInput, ApiOutput, TerminalApi, TerminalApiMethod, TerminalEvent } from '../../../core/api/terminal-api.ts';
import { TerminalApiSchema, TerminalEventSchema } from '../../../core/api/terminal-api.ts';
import { SessionBoard } from './session-board.ts';

declare global {
  interface Window {
    terminal?: TerminalApi;
  }
}

export class ApiCallError extends Error {
  constructor(readonly code: string, message: string, readonly vi: string) {
    super(message);
  }
}

function token(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('eid-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('eid-token') ?? '';
}

function httpApi(): TerminalApi {
  const auth = token();
  const listeners = new Set<(e: TerminalEvent) => void>();
  let socket: WebSocket | null = null;
  const connect = (): void => {
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${proto}://${window.location.host}/events?token=${encodeURIComponent(auth)}`);
    socket.onmessage = (m) => {
      const parsed = TerminalEventSchema.safeParse(JSON.parse(String(m.data)));
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(connect, 1000);
    };
  };
  const call = async <M extends TerminalApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: string; message: string; vi: string } };
    if (!response.ok || body.error) {
      const e = body.error ?? { code: 'HTTP_' + response.status, message: response.statusText, vi: response.statusText };
      throw new ApiCallError(e.code, e.message, e.vi);
    }
    return TerminalApiSchema[method].output.parse(body.result) as ApiOutput<M>;
  };
  const api = Object.fromEntries(
    (Object.keys(TerminalApiSchema) as TerminalApiMethod[]).map((m) => [m, (input: never) => call(m, input)]),
  ) as unknown as TerminalApi;
  api.subscribe = (listener) => {
    listeners.add(listener);
    if (!socket) connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) socket?.close();
    };
  };
  return api;
}

export const api: TerminalApi = window.terminal ?? httpApi();

/** Every reader's session, followed from the moment the page loads. */
export const sessionBoard = new SessionBoard(api);

/** Error text in the clerk's language. */
export function errorText(e: unknown, lang: 'vi' | 'en'): string {
  if (e instanceof ApiCallError) return lang === 'vi' ? e.vi : e.message;
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { message: string; vi?: string };
    return lang === 'vi' && o.vi ? o.vi : o.message;
  }
  return String(e);
}
