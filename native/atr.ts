/**
 * Just enough ISO 7816-3 ATR parsing to find what the card says about itself: the protocols it
 * offers and, in the historical bytes, the "card capabilities" (compact-TLV tag 7) with the
 * extended Lc/Le bit. Contactless readers synthesise the ATR from the ATS/ATQB (PC/SC part 3),
 * so the same parsing applies to an ID card on an NFC reader. Bounded: at most 33 bytes are read.
 */
import { EidError } from '../core/errors.ts';

export interface AtrInfo {
  /** T values announced in TDi bytes; [0] when none is (T=0 is implicit). */
  readonly protocols: readonly number[];
  readonly historical: Uint8Array;
  /** From card capabilities: true/false when the card states it, undefined when it does not. */
  readonly extendedLength: boolean | undefined;
  /** From card capabilities: whether command chaining is supported, when stated. */
  readonly commandChaining: boolean | undefined;
}

/** The longest ATR ISO 7816-3 allows. */
const MAX_ATR_LENGTH = 33;

function malformed(detail: string): EidError {
  return new EidError('ATR_MALFORMED', { detail });
}

export function parseAtr(atr: Uint8Array): AtrInfo {
  if (atr.length < 2) throw malformed('too short');
  if (atr.length > MAX_ATR_LENGTH) throw malformed('too long');
  const historicalCount = atr[1]! & 0x0f;
  let y = atr[1]! >> 4;
  let i = 2;
  const protocols: number[] = [];
  // Interface bytes: each Y nibble says which of TA/TB/TC/TD follow; TD carries the next Y.
  for (;;) {
    i += ((y & 1) + ((y >> 1) & 1) + ((y >> 2) & 1));
    if ((y & 8) === 0) break;
    if (i >= atr.length) throw malformed('interface bytes truncated');
    const td = atr[i]!;
    protocols.push(td & 0x0f);
    y = td >> 4;
    i++;
  }
  if (i + historicalCount > atr.length) throw malformed('historical bytes truncated');
  const historical = atr.slice(i, i + historicalCount);
  const caps = cardCapabilities(historical);
  return {
    protocols: protocols.length > 0 ? [...new Set(protocols)] : [0],
    historical,
    extendedLength: caps === undefined ? undefined : (caps & 0x40) !== 0,
    commandChaining: caps === undefined ? undefined : (caps & 0x80) !== 0,
  };
}

/** The third software-function byte of compact-TLV tag 7, if the historical bytes carry it. */
function cardCapabilities(historical: Uint8Array): number | undefined {
  const category = historical[0];
  // 0x80: compact-TLV objects (status optionally inside); 0x00: objects then 3 status bytes.
  if (category !== 0x80 && category !== 0x00) return undefined;
  const end = category === 0x00 ? historical.length - 3 : historical.length;
  let i = 1;
  while (i < end) {
    const tag = historical[i]! >> 4;
    const length = historical[i]! & 0x0f;
    if (i + 1 + length > end) return undefined;
    if (tag === 7 && length >= 3) return historical[i + 3];
    i += 1 + length;
  }
  return undefined;
}
