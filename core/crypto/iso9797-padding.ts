/**
 * ISO/IEC 9797-1 padding method 2: append 0x80, then zeros up to a block boundary. Always adds at
 * least one byte, so padded data is never ambiguous (ICAO 9303-11 secure messaging and MACs).
 */
import { EidError } from '../errors.ts';

export function padIso9797M2(data: Uint8Array, blockSize: number): Uint8Array {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const out = new Uint8Array(length);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

/** Strips trailing zeros and the one 0x80 before them; data ending in 0x80 keeps its own bytes. */
export function unpadIso9797M2(padded: Uint8Array): Uint8Array {
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0x00) i--;
  if (i < 0 || padded[i] !== 0x80) {
    throw new EidError('PADDING_INVALID');
  }
  return padded.subarray(0, i);
}
