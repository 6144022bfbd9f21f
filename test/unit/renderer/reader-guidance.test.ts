/**
 * The reader guidance the verify screen always shows: no reader, place the card, card found,
 * reading, remove the card, from the readers the status lists and the session on screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Reader, SessionEvent } from '../../../core/api/terminal-api.ts';
import { readerGuidance } from '../../../renderer/src/reader-guidance.ts';

const reader = (name: string, cardPresent: boolean, virtual = false): Reader => ({ name, cardPresent, virtual });
const session = (state: SessionEvent['state'], readerName = 'R1'): SessionEvent => ({ sessionId: 's', reader: readerName, seq: 1, state, progress: null, outcome: null, error: null });

test('each state of the reader and the session has its guidance', () => {
  assert.equal(readerGuidance([], undefined), 'noReader');
  assert.equal(readerGuidance([reader('R1', false)], undefined), 'placeCard');
  assert.equal(readerGuidance([reader('R1', true)], undefined), 'cardFound');
  assert.equal(readerGuidance([reader('R1', false)], session('waiting')), 'placeCard');
  for (const state of ['key-needed', 'reading', 'verifying'] as const) assert.equal(readerGuidance([reader('R1', true)], session(state)), 'reading');
  assert.equal(readerGuidance([reader('R1', true)], session('done')), 'removeCard');
  assert.equal(readerGuidance([reader('R1', true)], session('error')), 'cardFound', 'after an error (a wrong key, the birth date asked for) the same card is read again');
  assert.equal(readerGuidance([reader('R1', false)], session('done')), 'placeCard', 'the card is off: ready for the next one');
});

test('the reader of the session counts; without one, a reader with a card, else a real reader', () => {
  const readers = [reader('Virtual', true, true), reader('R1', false)];
  assert.equal(readerGuidance(readers, session('done', 'R1')), 'placeCard');
  assert.equal(readerGuidance(readers, undefined), 'cardFound');
  assert.equal(readerGuidance([reader('Virtual', false, true), reader('R1', false)], undefined), 'placeCard');
});
