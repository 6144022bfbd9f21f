/**
 * Secure messaging, card side: unwrap protected commands and wrap responses with the same
 * SmChannel and codec the terminal uses (core/emrtd/sm/sm-codec.ts). A command that fails
 * verification is answered with a plain 6987/6988 and the session ends, as ICAO 9303-11
 * §9.8.7 requires of a chip.
 */
import { isEidError } from '../errors.ts';
import { encodeResponse, type ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SmChannel, type SessionKeys, type SmCipher } from '../emrtd/sm/sm-channel.ts';
import { protectResponse, unprotectCommand } from '../emrtd/sm/sm-codec.ts';
import { SW } from '../emrtd/apdu/status-words.ts';

export type SmCardUnwrap =
  | { readonly kind: 'command'; readonly command: ParsedCommand }
  /** The command was not acceptable: send `response` (plain) and drop the session. */
  | { readonly kind: 'rejected'; readonly response: Uint8Array; readonly reason: string };

export class SecureMessagingCard {
  private readonly channel: SmChannel;

  constructor(keys: SessionKeys) {
    this.channel = new SmChannel(keys);
  }

  get cipher(): SmCipher {
    return this.channel.cipher;
  }

  get ssc(): Uint8Array {
    return this.channel.ssc;
  }

  /** Whether a raw command claims secure messaging (CLA bits b4 b3 set). */
  static isProtected(raw: Uint8Array): boolean {
    return raw.length >= 1 && (raw[0]! & 0x0c) === 0x0c;
  }

  unwrapCommand(raw: Uint8Array): SmCardUnwrap {
    try {
      return { kind: 'command', command: unprotectCommand(this.channel, raw) };
    } catch (e) {
      if (!isEidError(e)) throw e;
      const sw = e.code === 'SM_OBJECTS_MISSING' ? SW.SM_DATA_OBJECTS_MISSING : SW.SM_DATA_OBJECTS_INCORRECT;
      return { kind: 'rejected', reason: e.code, response: encodeResponse(new Uint8Array(0), sw) };
    }
  }

  /** The protected response to the command with instruction `ins`. */
  wrapResponse(ins: number, data: Uint8Array, sw: number): Uint8Array {
    return protectResponse(this.channel, ins, data, sw);
  }
}
