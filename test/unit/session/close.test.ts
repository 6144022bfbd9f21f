/**
 * Closing a session ("Next customer", Cancel, the idle timer): the clerk is done with it, so its
 * outcome (the holder's data and face) leaves memory and every screen, and its reader's registry
 * entry is gone, so a page that loads afterwards is not shown it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionRegistry } from '../../../core/session/registry.ts';
import type { VerificationOutcome } from '../../../core/session/outcome.ts';
import type { SessionState } from '../../../core/session/types.ts';
import { ALICE, vnResult } from '../store/fixtures.ts';

type Key = { can: string };
const outcome: VerificationOutcome = {
  result: vnResult(ALICE), files: new Map(), face: null, accessNote: null,
  protocols: { accessControl: 'PACE', chipAuthentication: null }, cscaFingerprint: null, documentSigner: null,
};

test('a finished session closes: the outcome is dropped, closed is announced, the registry forgets it', async () => {
  const registry = new SessionRegistry<Key>();
  const session = registry.start({ reader: 'R1', read: async () => outcome, record: null });
  const states: SessionState[] = [];
  session.on('state', ({ state, snapshot }) => states.push(state) && assert.ok(state !== 'closed' || snapshot.outcome === null));
  session.cardInserted();
  await session.provideKey({ can: '123456' });
  assert.ok(session.snapshot().outcome);
  const before = session.snapshot().seq;
  assert.equal(registry.close(session.id), true);
  assert.deepEqual(states.slice(-2), ['done', 'closed']);
  assert.equal(session.snapshot().outcome, null);
  assert.ok(session.snapshot().seq > before, 'closed is the newest news of the reader');
  assert.equal(registry.get('R1'), undefined);
  assert.equal(registry.close(session.id), false, 'an unknown or closed session: nothing to do');
});

test('closing a session still waiting for the card cancels it first', () => {
  const registry = new SessionRegistry<Key>();
  const session = registry.start({ reader: 'R1', read: async () => outcome, record: null });
  void session.provideKey({ can: '123456' });
  const states: SessionState[] = [];
  session.on('state', ({ state }) => states.push(state));
  assert.equal(registry.close(session.id), true);
  assert.deepEqual(states, ['cancelled', 'closed']);
});

test('closing a session mid-read stays closed: the read that ends afterwards neither reports nor reopens it', async () => {
  const registry = new SessionRegistry<Key>();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const session = registry.start({ reader: 'R1', read: async () => (await held, outcome), record: null });
  session.cardInserted();
  const finished = session.provideKey({ can: '123456' });
  assert.equal(session.state, 'reading');
  registry.close(session.id);
  release();
  const final = await finished;
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(final.state, 'closed');
  assert.equal(session.state, 'closed');
  assert.equal(session.snapshot().outcome, null);
});
