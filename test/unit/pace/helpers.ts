/** Test doubles for PACE: a scripted transport replaying a vector's APDUs and a scripted random source. */
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import type { RandomSource } from '../../../core/crypto/ec/index.ts';

export interface ScriptedApdu {
  readonly command: string;
  readonly response: string;
}

/** Asserts every command equals the script's next one and answers with its response. */
export class ScriptedTransport implements Transport {
  private index = 0;
  constructor(private readonly script: readonly ScriptedApdu[]) {}

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    const step = this.script[this.index++];
    assert.ok(step !== undefined, `unexpected extra command ${toHex(command)}`);
    assert.equal(toHex(command), step.command.toUpperCase(), `command #${this.index}`);
    return fromHex(step.response);
  }

  get remaining(): number {
    return this.script.length - this.index;
  }
}

/** Returns the queued values in order whatever length is asked (the ICAO examples fix the keys). */
export function scriptedRandom(...values: string[]): RandomSource {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    assert.ok(next !== undefined, 'random source exhausted');
    return fromHex(next);
  };
}
