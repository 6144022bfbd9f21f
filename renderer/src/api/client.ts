/**
 * The UI's only door to the terminal: Electron's preload exposes `window.terminal`; in a browser
 * kiosk the same TerminalApi is reached over HTTP + WebSocket on the page's own origin, with the
 * service's token in an HttpOnly cookie the page never sees and no URL carries (service/page-codes.ts;
 * the token is kept with its port in the data folder, so the page reconnects by itself to a
 * restarted service).
 */
import type { ApiInput, ApiOutput, TerminalApi, TerminalApiMethod, TerminalEvent } from '../../../core/api/terminal-api.ts';
import { TerminalApiSchema, TerminalEventSchema } from '../../../core/api/terminal-api.ts';
import { ApiErrorSchema } from '../../../core/api/messages.ts';
import type { ErrorCode } from '../../../core/messages/catalogue.ts';
import type { MessageParams } from '../../../core/messages/define.ts';
import type { Message } from '../../../core/messages/message.ts';
import { renderWithDetail } from '../../../core/messages/render.ts';
import { HEARTBEAT, HEARTBEAT_SILENCE_MS } from '../../../core/api/heartbeat.ts';
import { Connection } from './connection.ts';
import { SilenceWatch } from './silence-watch.ts';
import { SessionBoard } from './session-board.ts';

declare global {
  interface Window {
    terminal?: TerminalApi;
  }
}

/** A failed call: the terminal's `{ code, params }`, or what the network left of it; `message` is English. */
export class ApiCallError extends Error implements Message {
  constructor(readonly code: ErrorCode, readonly params: MessageParams) {
    super(renderWithDetail('en', { code, params }));
  }
}

/** Electron's IPC is always there; over WebSocket the connection follows the socket. */
export const connection = new Connection();
const RECONNECT_MS = 1000;

function httpApi(): TerminalApi {
  const listeners = new Set<(e: TerminalEvent) => void>();
  let socket: { readonly ws: WebSocket; readonly watch: SilenceWatch } | null = null;
  /** Done with a socket: closed by the service, silent too long, or no longer wanted. */
  const drop = (ws: WebSocket, watch: SilenceWatch): void => {
    watch.stop();
    ws.onopen = ws.onmessage = ws.onclose = null;
    ws.close();
    if (socket?.ws === ws) socket = null;
  };
  const lost = (ws: WebSocket, watch: SilenceWatch): void => {
    if (socket?.ws !== ws) return;
    drop(ws, watch);
    connection.set(false);
    if (listeners.size > 0) setTimeout(connect, RECONNECT_MS);
  };
  const connect = (): void => {
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${window.location.host}/events`);
    // A frozen service accepts the connection but never answers: the watch runs from the start.
    const watch = new SilenceWatch(HEARTBEAT_SILENCE_MS, () => lost(ws, watch));
    socket = { ws, watch };
    watch.heard();
    ws.onmessage = (m) => {
      watch.heard();
      if (m.data === HEARTBEAT) return;
      const parsed = TerminalEventSchema.safeParse(JSON.parse(String(m.data)));
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
    ws.onopen = () => {
      watch.heard();
      connection.set(true);
    };
    ws.onclose = () => lost(ws, watch);
  };
  const call = async <M extends TerminalApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input),
      });
    } catch (e) {
      throw new ApiCallError('SERVICE_UNREACHABLE', { detail: e instanceof Error ? e.message : String(e) });
    }
    const body = (await response.json().catch(() => ({}))) as { result?: unknown; error?: unknown };
    if (!response.ok || body.error) {
      const error = ApiErrorSchema.safeParse(body.error);
      if (error.success) throw new ApiCallError(error.data.code, error.data.params);
      throw new ApiCallError('HTTP_ERROR', { status: response.status });
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
      // Closed on purpose when nobody listens: not a stopped service.
      if (listeners.size === 0 && socket) drop(socket.ws, socket.watch);
    };
  };
  return api;
}

export const api: TerminalApi = window.terminal ?? httpApi();

/** Every reader's session, followed from the moment the page loads. */
export const sessionBoard = new SessionBoard(api);
connection.onReconnect(() => void sessionBoard.resync());

