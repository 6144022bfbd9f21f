import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VerificationSession } from '../../../core/session/session.ts';
import { SessionRegistry } from '../../../core/session/registry.ts';
import { storeRecorder } from '../../../core/session/recorder.ts';
import type { VerificationOutcome } from '../../../core/session/outcome.ts';
import type { CardReader, SessionState } from '../../../core/session/types.ts';
import { EidError, isEidError } from '../../../core/errors.ts';
import { ALICE, tempStore, vnResult } from '../store/fixtures.ts';

type Key = { can: string };

function outcomeOf(result: VerificationOutcome['result']): VerificationOutcome {
  return { result, files: new Map(), face: null, accessNote: null, protocols: { accessControl: 'PACE', chipAuthentication: null }, cscaFingerprint: null, documentSigner: null };
}

/** A card reader double: reports progress, and can be held, failed or made to ignore abort. */
function fakeReader(opts: { failWith?: Error; hold?: Promise<void>; ignoreAbort?: boolean } = {}): CardReader<Key> & { calls: Key[] } {
  const calls: Key[] = [];
  const read = async (key: Key, progress: Parameters<CardReader<Key>>[1], signal: AbortSignal) => {
    calls.push(key);
    progress({ phase: 'reading', step: 'access-control', bytesRead: 0, bytesTotal: null });
    progress({ phase: 'reading', step: 'read-file', file: 'DG1', bytesRead: 93, bytesTotal: 20093 });
    if (opts.hold) await opts.hold;
    if (signal.aborted && !opts.ignoreAbort) throw signal.reason;
    progress({ phase: 'reading', step: 'read-file', file: 'DG2', bytesRead: 20093, bytesTotal: 20093 });
    if (opts.failWith) throw opts.failWith;
    progress({ phase: 'verifying', step: 'passive-authentication', bytesRead: 20093, bytesTotal: 20093 });
    return outcomeOf(vnResult(ALICE));
  };
  return Object.assign(read, { calls });
}

function track(session: VerificationSession<Key>): SessionState[] {
  const states: SessionState[] = [session.state];
  session.on('state', ({ state }) => states.push(state));
  return states;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('a session walks waiting -> key-needed -> reading -> verifying -> done and stores before done', async () => {
  const t = tempStore();
  try {
    const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader(), record: storeRecorder(t.store, 'lan') });
    const states = track(session);
    const progress: string[] = [];
    session.on('progress', (p) => progress.push(`${p.phase}:${p.file ?? p.step}:${p.bytesRead}/${p.bytesTotal}`));
    let storedAtDone = -1;
    session.on('done', ({ record }) => {
      storedAtDone = t.store.records.count();
      assert.ok(record && t.store.records.get(record.id));
    });
    session.cardInserted();
    const final = await session.provideKey({ can: '123456' });
    assert.deepEqual(states, ['waiting-for-card', 'key-needed', 'reading', 'verifying', 'done']);
    assert.deepEqual(progress, ['reading:access-control:0/null', 'reading:DG1:93/20093', 'reading:DG2:20093/20093', 'verifying:passive-authentication:20093/20093']);
    assert.equal(storedAtDone, 1, 'the record was in the database when done was emitted');
    assert.equal(final.state, 'done');
    assert.equal(final.outcome?.result.verdict, 'VERIFIED');
    assert.equal(final.record?.seq, 0);
    assert.equal(session.completed().outcome, final.outcome, 'the one outcome, from reader to recorder to caller');
  } finally {
    t.cleanup();
  }
});

test('with --no-store the session completes without a record', async () => {
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader(), record: null });
  session.cardInserted();
  const final = await session.provideKey({ can: '1' });
  assert.equal(final.state, 'done');
  assert.equal(final.record, null);
});

test('a key given before the card starts reading when the card arrives', async () => {
  const read = fakeReader();
  const session = new VerificationSession<Key>({ reader: 'R1', read, record: null });
  const states = track(session);
  const done = session.provideKey({ can: '999999' });
  assert.equal(session.state, 'waiting-for-card');
  session.cardInserted();
  assert.equal((await done).state, 'done');
  assert.deepEqual(read.calls, [{ can: '999999' }]);
  assert.deepEqual(states.slice(0, 3), ['waiting-for-card', 'key-needed', 'reading']);
});

test('a reading error ends in error with its code; retry goes back to key-needed', async () => {
  const wrongKey = new EidError('ACCESS_DENIED');
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader({ failWith: wrongKey }), record: null });
  const errors: string[] = [];
  session.on('error', ({ error }) => errors.push(error.code));
  session.cardInserted();
  const final = await session.provideKey({ can: '000000' });
  assert.equal(final.state, 'error');
  assert.equal(final.error?.code, 'ACCESS_DENIED');
  assert.deepEqual(errors, ['ACCESS_DENIED']);
  assert.throws(() => session.completed(), (e) => e === wrongKey);
  session.retry();
  assert.equal(session.state, 'key-needed');
  assert.equal(session.snapshot().error, null);
  assert.throws(() => session.retry(), (e) => isEidError(e, 'SESSION_WRONG_STATE'));
});

test('an untyped failure becomes SESSION_READ_FAILED', async () => {
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader({ failWith: new TypeError('boom') }), record: null });
  session.cardInserted();
  assert.equal((await session.provideKey({ can: '1' })).error?.code, 'SESSION_READ_FAILED');
});

test('cancel stops a read in progress and nothing is stored, even if the reader ignores the signal', async () => {
  const t = tempStore();
  try {
    const hold = deferred();
    const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader({ hold: hold.promise, ignoreAbort: true }), record: storeRecorder(t.store, 'lan') });
    session.cardInserted();
    const finished = session.provideKey({ can: '1' });
    assert.equal(session.state, 'reading');
    session.cancel();
    assert.equal((await finished).state, 'cancelled');
    hold.resolve();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(session.state, 'cancelled');
    assert.equal(t.store.records.count(), 0);
  } finally {
    t.cleanup();
  }
});

test('an outside AbortSignal cancels the session', async () => {
  const hold = deferred();
  const outside = new AbortController();
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader({ hold: hold.promise }), record: null, signal: outside.signal });
  session.cardInserted();
  const finished = session.provideKey({ can: '1' });
  outside.abort();
  assert.equal((await finished).state, 'cancelled');
  hold.resolve();
});

test('removing the card mid-read is an error; before the key it goes back to waiting', async () => {
  const hold = deferred();
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader({ hold: hold.promise }), record: null });
  const states = track(session);
  session.cardInserted();
  session.cardRemoved();
  assert.equal(session.state, 'waiting-for-card');
  session.cardInserted();
  const finished = session.provideKey({ can: '1' });
  session.cardRemoved();
  const final = await finished;
  assert.equal(final.state, 'error');
  assert.equal(final.error?.code, 'SESSION_CARD_REMOVED');
  assert.deepEqual(states, ['waiting-for-card', 'key-needed', 'waiting-for-card', 'key-needed', 'reading', 'error']);
  hold.resolve();
});

test('a failed store is an error that still carries the result, never done', async () => {
  const session = new VerificationSession<Key>({
    reader: 'R1', read: fakeReader(), record: () => {
      throw new Error('disk full');
    },
  });
  let done = false;
  session.on('done', () => (done = true));
  session.cardInserted();
  const final = await session.provideKey({ can: '1' });
  assert.equal(final.state, 'error');
  assert.equal(final.error?.code, 'SESSION_STORE_FAILED');
  assert.equal(final.outcome?.result.verdict, 'VERIFIED');
  assert.equal(done, false);
});

test('a key at the wrong time is refused; a throwing listener does not break the session', async () => {
  const session = new VerificationSession<Key>({ reader: 'R1', read: fakeReader(), record: null });
  session.on('state', () => {
    throw new Error('listener bug');
  });
  session.cardInserted();
  const finished = session.provideKey({ can: '1' });
  assert.throws(() => session.provideKey({ can: '2' }), (e) => isEidError(e, 'SESSION_WRONG_STATE'));
  assert.equal((await finished).state, 'done');
});

test('one session per reader; another reader gets its own; a final session can be replaced', async () => {
  const hold = deferred();
  const registry = new SessionRegistry<Key>();
  const read = fakeReader({ hold: hold.promise });
  const start = (reader: string) => registry.start({ reader, read, record: null });
  const a = start('Reader A');
  assert.throws(() => start('Reader A'), (e) => isEidError(e, 'SESSION_BUSY'));
  const b = start('Reader B');
  assert.notEqual(a.id, b.id);
  assert.deepEqual(registry.active().map((s) => s.reader), ['Reader A', 'Reader B']);
  a.cardInserted();
  b.cardInserted();
  const fa = a.provideKey({ can: '1' });
  const fb = b.provideKey({ can: '2' });
  hold.resolve();
  assert.deepEqual([(await fa).state, (await fb).state], ['done', 'done']);
  assert.equal(registry.find(a.id), a, 'a finished session stays its reader\'s last one');
  const a2 = start('Reader A');
  assert.equal(registry.get('Reader A'), a2);
  assert.equal(registry.find(a.id), undefined, 'replaced by the reader\'s next session');
  registry.readerRemoved('Reader A');
  assert.equal(a2.state, 'cancelled');
  assert.equal(registry.get('Reader A'), undefined);
});
