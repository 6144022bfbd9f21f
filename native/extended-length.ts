/**
 * Whether extended-length APDUs get through a given reader with a given card. The answer comes
 * from, in order: the reader-quirks table, the protocol (T=0 cannot carry them without ENVELOPE),
 * the reader's own dwMaxAPDUDataSize when it says "short only" (reader-properties.ts), what we
 * learnt earlier in this process for the same reader and ATR, and the card's own statement in its
 * ATR when it says "no". The table comes first because some readers claim extended APDUs and
 * drop them (ACR1252: CCID extended-APDU class, fails inside the firmware). Otherwise it is
 * unknown and the reading strategy probes; the transport records the outcome of the first
 * extended APDU so the next session knows.
 */
import { toHex } from '../core/bytes/hex.ts';
import { parseAtr } from './atr.ts';
import type { PcscProtocol } from './pcsc-binding.ts';
import { quirksFor } from './reader-quirks.ts';
import type { ReaderQuirk } from './reader-quirks.ts';

/** Remembered outcomes, keyed by reader name and ATR; shared by the sessions of a process. */
export class ExtendedLengthMemory {
  private readonly known = new Map<string, boolean>();
  /** Bounded: a kiosk sees few readers and card models; the oldest entries go first. */
  constructor(private readonly capacity = 256) {}

  get(reader: string, atr: Uint8Array): boolean | undefined {
    return this.known.get(key(reader, atr));
  }

  set(reader: string, atr: Uint8Array, works: boolean): void {
    const k = key(reader, atr);
    this.known.delete(k);
    this.known.set(k, works);
    if (this.known.size > this.capacity) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

function key(reader: string, atr: Uint8Array): string {
  return `${reader}\u0000${toHex(atr)}`;
}

export const processExtendedLengthMemory = new ExtendedLengthMemory();

export interface ExtendedLengthDecision {
  readonly extendedLength: boolean | undefined;
  /** Why, for the diagnostics line of `eid-terminal readers` and logs. */
  readonly source: 'quirk' | 'protocol' | 'reader' | 'memory' | 'atr' | 'unknown';
  readonly quirk: ReaderQuirk | undefined;
  /** The reader's dwMaxAPDUDataSize, when it reported one. */
  readonly maxApduDataSize?: number;
  /** Largest answer data the reader takes (the quirk's, or a reported extended limit below 64 KiB). */
  readonly responseLimit?: number;
}

/** Up to this a reader's dwMaxAPDUDataSize (0 = short APDUs only) leaves no room for an extended APDU. */
const SHORT_MAX_DATA = 256;
const EXTENDED_MAX_DATA = 65_536;

/** The quirk's limit and a reported extended limit below 64 KiB; "0" (short only) caps nothing. */
function responseLimitOf(quirk: ReaderQuirk | undefined, maxApduDataSize: number | undefined): number | undefined {
  const reported = maxApduDataSize !== undefined && maxApduDataSize > SHORT_MAX_DATA && maxApduDataSize < EXTENDED_MAX_DATA ? maxApduDataSize : undefined;
  const limits = [quirk?.maxResponseLength, reported].filter((n) => n !== undefined);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

export function decideExtendedLength(
  reader: string,
  atr: Uint8Array,
  protocol: PcscProtocol,
  memory: ExtendedLengthMemory,
  quirks?: readonly ReaderQuirk[],
  maxApduDataSize?: number,
): ExtendedLengthDecision {
  const quirk = quirksFor(reader, quirks);
  const responseLimit = responseLimitOf(quirk, maxApduDataSize);
  const known = { quirk, ...(maxApduDataSize !== undefined && { maxApduDataSize }), ...(responseLimit !== undefined && { responseLimit }) };
  if (quirk?.extendedLength === false) return { extendedLength: false, source: 'quirk', ...known };
  if (protocol === 'T0') return { extendedLength: false, source: 'protocol', ...known };
  if (maxApduDataSize !== undefined && maxApduDataSize <= SHORT_MAX_DATA) return { extendedLength: false, source: 'reader', ...known };
  const remembered = memory.get(reader, atr);
  if (remembered !== undefined) return { extendedLength: remembered, source: 'memory', ...known };
  let stated: boolean | undefined;
  try {
    stated = atr.length > 0 ? parseAtr(atr).extendedLength : undefined;
  } catch {
    stated = undefined; // A malformed ATR says nothing; the probe decides.
  }
  // Only a "no" is trusted: a card may support extended length while the reader does not.
  if (stated === false) return { extendedLength: false, source: 'atr', ...known };
  // A reader's "yes" is not trusted either: the card may still refuse; the reading strategy probes.
  return { extendedLength: undefined, source: 'unknown', ...known };
}
