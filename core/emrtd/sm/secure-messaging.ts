/**
 * The terminal side of secure messaging as a Transport decorator: callers send plain APDUs and
 * get plain responses; every command is protected and every response verified on the way.
 * After a response fails verification the session is dead until `restart` (the chip's SSC can
 * no longer be trusted to match ours).
 */
import { EidError, isEidError } from '../../errors.ts';
import type { Transport, TransportCapabilities } from '../apdu/transport.ts';
import { parseCommand } from '../apdu/apdu.ts';
import { transmitChained } from '../apdu/exchange.ts';
import { SmChannel, type SessionKeys, type SmCipher } from './sm-channel.ts';
import { protectCommand, unprotectResponse } from './sm-codec.ts';

/**
 * Transport failures that mean the command never reached the chip (the reader refused it), so
 * the chip's SSC did not move and the session survives. native/ raises EXTENDED_LENGTH_UNSUPPORTED
 * when a reader cannot pass an extended APDU.
 */
export const NOT_DELIVERED_ERRORS: ReadonlySet<string> = new Set(['EXTENDED_LENGTH_UNSUPPORTED']);

export class SecureMessaging implements Transport {
  private channel: SmChannel;
  private broken = false;

  constructor(private readonly inner: Transport, keys: SessionKeys) {
    this.channel = new SmChannel(keys);
  }

  get capabilities(): TransportCapabilities | undefined {
    return this.inner.capabilities;
  }

  get cipher(): SmCipher {
    return this.channel.cipher;
  }

  /** The current send sequence counter (a copy), for tests and diagnostics. */
  get ssc(): Uint8Array {
    return this.channel.ssc;
  }

  /** Starts over with new session keys (after Chip Authentication, or a second PACE). */
  restart(keys: SessionKeys): void {
    this.channel = new SmChannel(keys);
    this.broken = false;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    if (this.broken) {
      throw new EidError('SM_SESSION_LOST');
    }
    const channel = this.channel;
    const protectedCommand = protectCommand(channel, parseCommand(command));
    let raw: Uint8Array;
    try {
      raw = await transmitChained(this.inner, protectedCommand);
    } catch (e) {
      if (isEidError(e) && NOT_DELIVERED_ERRORS.has(e.code)) {
        channel.undoIncrement();
        throw e;
      }
      // A lost link leaves the chip's SSC in an unknown state.
      this.broken = true;
      throw e;
    }
    try {
      return unprotectResponse(channel, raw);
    } catch (e) {
      this.broken = true;
      throw e;
    }
  }
}
