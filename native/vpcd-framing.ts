/**
 * The wire format of vsmartcard's vpcd socket: every message is a 2-byte big-endian length and
 * that many bytes. A 1-byte message is a control code from the reader driver; anything longer
 * is a command APDU (from pcscd to the card) or a response APDU / ATR (from the card).
 */
import { EidError } from '../core/errors.ts';
import { concat } from '../core/bytes/bytes.ts';

/** Control codes vpcd sends as 1-byte messages. */
export const VPCD_CTRL = { OFF: 0, ON: 1, RESET: 2, ATR: 4 } as const;

/** Largest payload the 2-byte length can carry. */
export const VPCD_MAX_MESSAGE = 0xffff;

export function frameVpcdMessage(payload: Uint8Array): Uint8Array {
  if (payload.length > VPCD_MAX_MESSAGE) {
    throw new EidError('VPCD_MESSAGE_TOO_LONG', { bytes: payload.length });
  }
  const out = new Uint8Array(2 + payload.length);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

/**
 * Reassembles messages from a byte stream that TCP splits and joins at will. Memory is bounded:
 * at most one partial message (≤ 65 537 bytes) is held between chunks.
 */
export class VpcdFrameReader {
  private pending: Uint8Array = new Uint8Array(0);

  /** Feeds received bytes; returns every message completed by them, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    let buf = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const messages: Uint8Array[] = [];
    while (buf.length >= 2) {
      const length = (buf[0]! << 8) | buf[1]!;
      if (buf.length < 2 + length) break;
      messages.push(buf.slice(2, 2 + length));
      buf = buf.subarray(2 + length);
    }
    this.pending = buf.slice();
    return messages;
  }

  /** Bytes of an incomplete message still waiting for the rest. */
  get buffered(): number {
    return this.pending.length;
  }

  clear(): void {
    this.pending = new Uint8Array(0);
  }
}
