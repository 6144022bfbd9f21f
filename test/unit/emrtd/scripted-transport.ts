/** A Transport that checks each command against a script and plays back the scripted answer. */
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import type { Transport, TransportCapabilities } from '../../../core/emrtd/apdu/transport.ts';

export class ScriptedTransport implements Transport {
  readonly sent: string[] = [];
  private step = 0;

  constructor(private readonly script: ReadonlyArray<readonly [command: string, response: string]>, readonly capabilities?: TransportCapabilities) {}

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    const entry = this.script[this.step++];
    assert.ok(entry, `unexpected extra command ${toHex(command)}`);
    this.sent.push(toHex(command));
    assert.equal(toHex(command), entry[0].replace(/\s/g, '').toUpperCase());
    return fromHex(entry[1]);
  }

  done(): void {
    assert.equal(this.step, this.script.length, 'not every scripted command was sent');
  }
}
