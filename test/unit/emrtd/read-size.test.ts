import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReadSizePolicy, DEFAULT_SHORT_LE } from '../../../core/emrtd/read/read-size.ts';

test('unknown reader: probes extended length first, drops to 223 when refused, remembers', () => {
  const p = new ReadSizePolicy(undefined);
  assert.ok(p.next(100_000) > 256);
  assert.equal(p.next(1000), 1000);
  assert.equal(p.refused(p.next(100_000)), true);
  assert.equal(p.usingExtended, false);
  assert.equal(p.next(100_000), DEFAULT_SHORT_LE);
});

test('declared capabilities: no extended, or bounded by the reader buffer', () => {
  assert.equal(new ReadSizePolicy({ extendedLength: false }).next(5000), DEFAULT_SHORT_LE);
  const bounded = new ReadSizePolicy({ extendedLength: true, maxResponseLength: 2048 });
  assert.equal(bounded.next(100_000), 2000);
  assert.equal(new ReadSizePolicy({ maxResponseLength: 200 }).next(5000), 152, 'small reader buffers shrink short reads too');
});

test('6700 steps down the ladder to the floor, then gives up', () => {
  const p = new ReadSizePolicy({ extendedLength: false });
  const seen: number[] = [];
  while (p.refused(p.next(5000))) seen.push(p.next(5000));
  assert.deepEqual(seen, [192, 160, 128, 112, 96, 64, 32]);
  assert.equal(p.next(5000), 32);
});

test('short answers and 6Cxx set the exact limit, never below the floor', () => {
  const p = new ReadSizePolicy({ extendedLength: false });
  p.limitedTo(100);
  assert.equal(p.next(5000), 100);
  p.chipSuggested(80);
  assert.equal(p.next(5000), 80);
  p.limitedTo(5);
  assert.equal(p.next(5000), 32);
  const e = new ReadSizePolicy(undefined);
  e.limitedTo(4000);
  assert.equal(e.usingExtended, true);
  assert.equal(e.next(100_000), 4000);
});
