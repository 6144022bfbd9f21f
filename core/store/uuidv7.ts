/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Records get their id on the
 * terminal, so the registry can store each one once (idempotent sync) and ids sort by time.
 */
import { randomBytes } from '../crypto/node-crypto.ts';
import { toHex } from '../bytes/hex.ts';

let lastMs = -1;
let lastCounter = 0;

/** A new UUIDv7; within one millisecond the 12-bit rand_a field counts up so ids stay ordered. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = Math.max(Math.floor(nowMs), lastMs);
  let counter: number;
  if (ms === lastMs) {
    counter = lastCounter + 1;
    if (counter > 0xfff) {
      // rand_a overflowed: borrow the next millisecond, as RFC 9562 §6.2 method 1 allows.
      ms += 1;
      counter = 0;
    }
  } else {
    counter = (bytes[6]! << 4 | bytes[7]! >> 4) & 0x7ff; // start low so the counter has room
  }
  lastMs = ms;
  lastCounter = counter;
  const msBig = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((msBig >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const h = toHex(bytes).toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(text: string): boolean {
  return UUID_V7.test(text);
}

/** The creation time carried in a UUIDv7's first 48 bits. */
export function uuidv7Millis(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
