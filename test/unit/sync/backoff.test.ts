import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, parseRetryAfter } from '../../../core/sync/backoff.ts';

test('back-off doubles its ceiling per failure up to the cap, with full jitter', () => {
  const top = new Backoff({ baseMs: 100, capMs: 1000, floorMs: 0, random: () => 0.999999 });
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(() => top.next()), [99, 199, 399, 799, 999, 999]);
  const bottom = new Backoff({ baseMs: 100, capMs: 1000, floorMs: 10, random: () => 0 });
  assert.deepEqual([1, 2, 3].map(() => bottom.next()), [10, 10, 10]);
  top.reset();
  assert.equal(top.attempts, 0);
  assert.equal(top.next(), 99);
});

test("the server's Retry-After is a lower bound on the wait", () => {
  const b = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.5 });
  assert.equal(b.next(5000), 5000);
  assert.equal(b.next(10), 100);
});

test('Retry-After is read as seconds or an HTTP date; anything else is ignored', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now), 0);
  for (const bad of [undefined, null, '', '-5', 'soon', '1.5']) assert.equal(parseRetryAfter(bad, now), undefined);
});
