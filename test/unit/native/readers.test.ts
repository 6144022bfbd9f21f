import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEidError } from '../../../core/errors.ts';
import { ReaderWatcher, listReaders } from '../../../native/readers.ts';
import type { ReaderEvent } from '../../../native/readers.ts';
import { FakePcsc, T1_ATR } from './fake-pcsc.ts';
import { render } from '../../../core/messages/render.ts';
import type { FakeCard } from './fake-pcsc.ts';

const card: FakeCard = { atr: T1_ATR, protocol: 'T1', respond: () => Uint8Array.of(0x90, 0) };

/** Collects events and lets a test wait for the next one of a type (bounded by the test timeout). */
function recorder(watcher: ReaderWatcher): { events: ReaderEvent[]; until(type: ReaderEvent['type'], reader?: string): Promise<ReaderEvent> } {
  const events: ReaderEvent[] = [];
  let waiters: { type: string; reader: string | undefined; resolve: (e: ReaderEvent) => void }[] = [];
  watcher.on('event', (e) => {
    events.push(e);
    const hit = waiters.filter((w) => w.type === e.type && (w.reader === undefined || w.reader === e.reader));
    waiters = waiters.filter((w) => !hit.includes(w));
    for (const w of hit) w.resolve(e);
  });
  return {
    events,
    until: (type, reader) => new Promise((resolve) => waiters.push({ type, reader, resolve })),
  };
}

test('listReaders reports card presence and ATR; PCSC_UNAVAILABLE when the service is down', () => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00', card);
  pcsc.plug('Reader B 00 00');
  const readers = listReaders(pcsc);
  assert.deepEqual(readers.map((r) => [r.name, r.cardPresent, r.atr]), [
    ['Reader A 00 00', true, T1_ATR],
    ['Reader B 00 00', false, undefined],
  ]);
  assert.equal(pcsc.openContexts, 0);
  pcsc.stopService();
  assert.throws(() => listReaders(pcsc), (e) => isEidError(e, 'PCSC_UNAVAILABLE') && render('vi', e).length > 0);
});

test('watcher announces existing readers, then follows plug, insert, remove, unplug on several readers', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00', card);
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 200, retryMs: 20 });
  const rec = recorder(watcher);
  t.after(() => watcher.stop());
  const initial = rec.until('card-inserted', 'Reader A 00 00');
  watcher.start();
  assert.deepEqual((await initial).atr, T1_ATR);
  assert.deepEqual(rec.events.map((e) => e.type), ['reader-added', 'card-inserted']);

  const added = rec.until('reader-added', 'Reader B 00 00');
  pcsc.plug('Reader B 00 00');
  await added;
  const inserted = rec.until('card-inserted', 'Reader B 00 00');
  pcsc.insert('Reader B 00 00', card);
  await inserted;
  const removed = rec.until('card-removed', 'Reader A 00 00');
  pcsc.remove('Reader A 00 00');
  await removed;
  const unplugged = rec.until('reader-removed', 'Reader B 00 00');
  pcsc.unplug('Reader B 00 00');
  await unplugged;
  // Pulling a reader with a card on it reports the card gone first.
  const types = rec.events.map((e) => `${e.type}:${e.reader}`);
  assert.deepEqual(types.slice(-2), ['card-removed:Reader B 00 00', 'reader-removed:Reader B 00 00']);
  assert.deepEqual(watcher.readers().map((r) => [r.name, r.cardPresent]), [['Reader A 00 00', false]]);
});

test('watcher reports service-down with PCSC_UNAVAILABLE and recovers by itself', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00', card);
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 200, retryMs: 20 });
  const rec = recorder(watcher);
  t.after(() => watcher.stop());
  const first = rec.until('card-inserted');
  watcher.start();
  await first;
  const down = rec.until('service-down');
  pcsc.stopService();
  const event = await down;
  assert.ok(isEidError(event.error, 'PCSC_UNAVAILABLE'));
  assert.equal(watcher.serviceAvailable, false);
  assert.deepEqual(watcher.readers(), []);
  const up = rec.until('service-up');
  const back = rec.until('card-inserted');
  pcsc.startService();
  await up;
  await back;
  const types = rec.events.map((e) => e.type);
  assert.deepEqual(types, ['reader-added', 'card-inserted', 'card-removed', 'reader-removed', 'service-down', 'service-up', 'reader-added', 'card-inserted']);
  assert.equal(types.filter((x) => x === 'service-down').length, 1, 'retries while down do not repeat the event');
});

test('watcher started with the service down reports it once, stop() ends promptly and releases contexts', { timeout: 10_000 }, async () => {
  const pcsc = new FakePcsc();
  pcsc.stopService();
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 5000, retryMs: 5000 });
  const rec = recorder(watcher);
  const down = rec.until('service-down');
  watcher.start();
  await down;
  await watcher.stop();
  pcsc.startService();
  const w2 = new ReaderWatcher({ binding: pcsc, waitMs: 5000, retryMs: 5000 });
  w2.start();
  await new Promise((r) => setTimeout(r, 20));
  await w2.stop(); // must not wait out the 5 s waitForChange
  assert.equal(pcsc.openContexts, 0);
});

test('a card swapped between two looks is reported as removed then inserted', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00', card);
  pcsc.events = 1;
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 100, retryMs: 20 });
  const rec = recorder(watcher);
  t.after(() => watcher.stop());
  const first = rec.until('card-inserted');
  watcher.start();
  await first;
  // Remove + insert with no look in between: only the event counter tells.
  const removed = rec.until('card-removed');
  const inserted = rec.until('card-inserted');
  pcsc.events += 2;
  pcsc.insert('Reader A 00 00', { ...card });
  await removed;
  await inserted;
});

test('a throwing listener neither stops the watcher nor makes it repeat events', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00');
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 50, retryMs: 20 });
  t.after(() => watcher.stop());
  let calls = 0;
  watcher.on('event', () => {
    calls++;
    throw new Error('consumer bug');
  });
  const rec = recorder(watcher);
  watcher.start();
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(calls, 1, 'reader-added once, not re-announced on every loop');
  const inserted = rec.until('card-inserted');
  pcsc.insert('Reader A 00 00', card);
  await inserted;
});

test('once() listeners fire once', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00');
  const watcher = new ReaderWatcher({ binding: pcsc, waitMs: 50, retryMs: 20 });
  t.after(() => watcher.stop());
  let once = 0;
  watcher.once('event', () => once++);
  const rec = recorder(watcher);
  const inserted = rec.until('card-inserted');
  watcher.start();
  pcsc.insert('Reader A 00 00', card);
  await inserted;
  assert.equal(once, 1);
  assert.equal(watcher.listenerCount('event'), 1);
});
