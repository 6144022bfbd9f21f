/** DG1 (tag 61): the MRZ as one string in 5F1F, parsed with core/mrz. */
import { tlv } from '../bytes/tlv.ts';
import { ascii, fromUtf8 } from '../bytes/bytes.ts';
import { parseMrz, type ParsedMrz } from '../mrz/index.ts';
import { parsing } from './errors.ts';
import { childrenOf, openFile, requireChild } from './file-tlv.ts';

export interface Dg1 {
  /** The MRZ text exactly as stored (no line breaks). */
  readonly mrzText: string;
  /**
   * Parsed leniently: the chip's data is protected by the SOD, so a check digit printed wrong by
   * the issuer is reported in `checkDigitErrors`, not a reason to refuse the document.
   */
  readonly mrz: ParsedMrz;
}

export function parseDg1(bytes: Uint8Array, today?: Date): Dg1 {
  return parsing('DG1', () => {
    const mrzText = fromUtf8(requireChild(childrenOf(openFile(bytes, 'DG1'), 'DG1'), 0x5f1f, 'DG1').value);
    return { mrzText, mrz: parseMrz(mrzText, { strict: false, ...(today ? { today } : {}) }) };
  });
}

/** DG1 from MRZ lines (with or without line breaks). */
export function encodeDg1(mrz: string | readonly string[]): Uint8Array {
  const text = (typeof mrz === 'string' ? mrz : mrz.join('')).replace(/\s/g, '');
  return tlv(0x61, tlv(0x5f1f, ascii(text)));
}
