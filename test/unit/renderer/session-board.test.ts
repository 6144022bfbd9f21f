/**
 * The session board decides what the verify screen shows: the newest session of the terminal
 * until the clerk is done with it (closed here or on another screen), whatever order the events
 * and getSessions arrive in; after the service comes back, a read it no longer knows is dropped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionEvent, TerminalApi, TerminalEvent } from '../../../core/api/terminal-api.ts';
import { SessionBoard } from '../../../renderer/src/api/session-board.ts';

function event(sessionId: string, seq: number, state: SessionEvent['state']): SessionEvent {
  return { sessionId, reader: 'R1', seq, state, progress: null, outcome: null, error: null };
}

/** A TerminalApi double: pushes events, answers getSessions with `sessions`, records closeSession. */
function fakeApi(sessions: SessionEvent[] = []) {
  const listeners = new Set<(e: TerminalEvent) => void>();
  const closed: string[] = [];
  const api = {
    subscribe: (l: (e: TerminalEvent) => void) => (listeners.add(l), () => listeners.delete(l)),
    getSessions: async () => sessions,
    closeSession: async ({ sessionId }: { sessionId: string }) => (closed.push(sessionId), { ok: true }),
  } as unknown as TerminalApi;
  const push = (e: SessionEvent): void => listeners.forEach((l) => l({ type: 'session', event: e }));
  return { api, push, closed, setSessions: (s: SessionEvent[]) => (sessions = s) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

test('the newest session is current, whichever arrives first; an older event never overwrites it', async () => {
  const { api, push } = fakeApi([event('a', 3, 'reading')]);
  const board = new SessionBoard(api);
  push(event('a', 5, 'error'));
  await settle();
  assert.equal(board.current()?.state, 'error', 'getSessions answered with the older state');
  push(event('b', 7, 'waiting'));
  assert.equal(board.current()?.sessionId, 'b');
});

test('dismissing a session leaves the screen at once and closes it on the terminal', async () => {
  const { api, push, closed } = fakeApi();
  const board = new SessionBoard(api);
  push(event('a', 1, 'done'));
  let changes = 0;
  board.subscribe(() => changes++);
  board.dismiss('a');
  assert.equal(board.current(), undefined);
  assert.ok(changes > 0, 'the screen is told');
  assert.deepEqual(closed, ['a']);
});

test('a session closed or cancelled on another screen is not shown', () => {
  const { api, push } = fakeApi();
  const board = new SessionBoard(api);
  push(event('a', 1, 'done'));
  push(event('a', 2, 'closed'));
  assert.equal(board.current(), undefined);
  push(event('b', 3, 'cancelled'));
  assert.equal(board.current(), undefined);
});

test('after a reconnect, a read the service no longer knows is dropped; a finished result stays', async () => {
  const { api, push, setSessions } = fakeApi();
  const board = new SessionBoard(api);
  push({ ...event('a', 1, 'reading'), reader: 'R1' });
  setSessions([]);
  await board.resync();
  assert.equal(board.current(), undefined, 'the restarted service knows no read in progress');
  push(event('b', 2, 'done'));
  await board.resync();
  assert.equal(board.current()?.sessionId, 'b', 'the last result stays on screen until the next customer');
});
