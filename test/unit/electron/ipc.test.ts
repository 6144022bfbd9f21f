import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IpcMain, WebContents } from 'electron';
import type { TerminalApi, TerminalEvent } from '../../../core/api/terminal-api.ts';
import { EidError } from '../../../core/errors.ts';
import type { GuardedApi } from '../../../core/api/method-access.ts';
import { registerIpc, forwardEvents } from '../../../electron/ipc.ts';
import { APP_INDEX_URL, isAppUrl } from '../../../electron/app-url.ts';
import { render } from '../../../core/messages/render.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/channels.ts';

type Handler = (event: { senderFrame: { url: string } | null }, method: unknown, input: unknown) => Promise<unknown>;

/** A terminal on its first run (no accounts): every method's access rule lets the call through. */
const firstRun = { counterState: () => ({ signInRequired: false, operatorRole: null }) };

function setup(api: Partial<TerminalApi>) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h) };
  registerIpc(ipcMain as unknown as IpcMain, { ...firstRun, ...api } as GuardedApi, isAppUrl);
  const call = (method: unknown, input: unknown, url = APP_INDEX_URL) => handlers.get(CALL_CHANNEL)!({ senderFrame: { url } }, method, input);
  return { call };
}

test('valid calls reach the terminal with the parsed input', async () => {
  const seen: unknown[] = [];
  const { call } = setup({
    cancelVerification: async (input) => {
      seen.push(input);
      return { ok: true };
    },
  });
  assert.deepEqual(await call('cancelVerification', { sessionId: 's1' }), { ok: true, result: { ok: true } });
  assert.deepEqual(seen, [{ sessionId: 's1' }]);
});

test('invalid payloads are refused before they reach the terminal', async () => {
  let called = false;
  const { call } = setup({
    startVerification: async () => {
      called = true;
      return { sessionId: 'x' };
    },
  });
  const bad = [
    ['startVerification', { reader: null, key: { kind: 'cccd', idNumber: '123', dateOfBirth: '900101' } }],
    ['startVerification', { reader: null, key: { kind: 'evil' } }],
    ['startVerification', 'not an object'],
    [42, {}],
    ['__proto__', {}],
    ['constructor', {}],
  ] as const;
  for (const [method, input] of bad) {
    const r = (await call(method, input)) as { ok: boolean; error: { code: string } };
    assert.equal(r.ok, false, String(method));
    assert.match(r.error.code, /INVALID_INPUT|UNKNOWN_METHOD/);
  }
  assert.equal(called, false);
});

test('calls from another page are refused', async () => {
  const { call } = setup({ getStatus: async () => { throw new Error('must not run'); } });
  for (const url of ['https://evil.example/', 'file:///opt/eid/renderer/dist/index.html', 'app://other/index.html', '']) {
    const r = (await call('getStatus', {}, url)) as { ok: boolean; error: { code: string } };
    assert.deepEqual([r.ok, r.error.code], [false, 'FORBIDDEN_SENDER'], url);
  }
});

test('typed errors cross IPC with their code, params and English message; others are masked', async () => {
  const { call } = setup({
    login: async () => { throw new EidError('READER_NOT_FOUND', { reader: 'R1' }); },
    getSettings: async () => { throw new Error('secret detail with a name in it'); },
  });
  assert.deepEqual(await call('login', { operator: 'an', pin: '1234' }), {
    ok: false, status: 422, error: { code: 'READER_NOT_FOUND', params: { reader: 'R1' }, message: render('en', { code: 'READER_NOT_FOUND', params: { reader: 'R1' } }) },
  });
  const masked = (await call('getSettings', {})) as { error: { code: string; message: string } };
  assert.equal(masked.error.code, 'INTERNAL_ERROR');
  assert.doesNotMatch(masked.error.message, /secret/);
});

test('events are forwarded to a live window only', () => {
  let listener: ((e: TerminalEvent) => void) | null = null;
  const api = { ...firstRun, subscribe: (l: (e: TerminalEvent) => void) => { listener = l; return () => (listener = null); } };
  const sent: unknown[] = [];
  let destroyed = false;
  const contents = { isDestroyed: () => destroyed, send: (ch: string, e: unknown) => sent.push([ch, e]) };
  const off = forwardEvents(api as unknown as GuardedApi, contents as unknown as WebContents);
  const event = { type: 'status', status: {} } as unknown as TerminalEvent;
  listener!(event);
  destroyed = true;
  listener!(event);
  assert.deepEqual(sent, [[EVENT_CHANNEL, event]]);
  off();
  assert.equal(listener, null);
});
