/** A RandomSource that hands out scripted values in order (to replay worked examples). */
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';

export function fixedRandom(...values: string[]): (n: number) => Uint8Array {
  const queue = values.map((v) => fromHex(v));
  return (n) => {
    const next = queue.shift();
    assert.ok(next, 'random source exhausted');
    assert.equal(next.length, n, 'random value of unexpected length');
    return next;
  };
}
