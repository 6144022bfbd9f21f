import { bytesToBigInt } from '../../bytes/bytes.ts';
import { integer, sequence } from '../../bytes/der.ts';

/** r||s (two equal halves) to DER SEQUENCE { INTEGER r, INTEGER s }, as X.509 and CMS carry it. */
export function plainToDerSignature(plain: Uint8Array): Uint8Array {
  const half = plain.length / 2;
  return sequence(integer(bytesToBigInt(plain.subarray(0, half))), integer(bytesToBigInt(plain.subarray(half))));
}
