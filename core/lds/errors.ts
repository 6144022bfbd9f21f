/** LDS_MALFORMED: a file read from the chip does not have the structure ICAO 9303-10 gives it. */
import { EidError, wrapFailures } from '../errors.ts';
import type { LdsFileName } from './files.ts';

export function ldsMalformed(file: LdsFileName, detail: string, cause?: unknown): EidError {
  return new EidError('LDS_MALFORMED', { file, detail }, { cause });
}

/**
 * Runs a file parser; a lower-level error (TLV_MALFORMED, ASN1_MALFORMED, MRZ_INVALID, a
 * RangeError from a decoder) becomes LDS_MALFORMED naming the file, with the original as cause.
 */
export function parsing<T>(file: LdsFileName, parse: () => T): T {
  return wrapFailures('LDS_MALFORMED', (detail, cause) => ldsMalformed(file, detail, cause), parse);
}
