/**
 * Consistency of the holder data across sources: DG1's MRZ vs the Vietnamese DG13 (12-digit ID,
 * date of birth, name when comparable) vs the access key that opened the chip. A mismatch between
 * signed data groups means a forged or mixed-up document; the list says which field, never the values.
 */
import type { ParsedMrz } from '../mrz/index.ts';
import { foldVietnamese } from '../mrz/card-words.ts';
import type { VnData } from '../api/verification.ts';

export interface AccessKeyData {
  /** Document number, date of birth and expiry (YYMMDD) of the MRZ key that opened the chip. */
  readonly documentNumber: string;
  readonly dateOfBirth: string;
  readonly dateOfExpiry: string;
}

export interface ConsistencyResult {
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  /** Names of the compared fields that differ, e.g. "DG13 idNumber vs DG1". */
  readonly mismatches: readonly string[];
  /** Names of the comparisons made. */
  readonly compared: readonly string[];
}

/** Letters only, as the MRZ spells them (foldVietnamese), without spaces and fillers. */
export function mrzComparableName(text: string): string {
  return foldVietnamese(text).replace(/[^A-Z]/g, '');
}

export function checkConsistency(mrz: ParsedMrz, vn: VnData | null, accessKey?: AccessKeyData): ConsistencyResult {
  const compared: string[] = [];
  const mismatches: string[] = [];
  const compare = (name: string, same: boolean): void => {
    compared.push(name);
    if (!same) mismatches.push(name);
  };
  if (vn) {
    if (vn.idNumber !== null && mrz.isVietnameseCccd && mrz.personalNumber !== null) {
      compare('DG13 idNumber vs DG1', vn.idNumber.replace(/\s/g, '') === mrz.personalNumber);
    }
    if (vn.idNumber !== null && /^\d{12}$/.test(vn.idNumber) && mrz.isVietnameseCccd) {
      compare('DG13 idNumber vs DG1 documentNumber', vn.idNumber.slice(3) === mrz.documentNumber);
    }
    if (vn.dateOfBirth !== null && mrz.dateOfBirthIso !== null) compare('DG13 dateOfBirth vs DG1', vn.dateOfBirth === mrz.dateOfBirthIso);
    if (vn.fullName !== null) {
      // The MRZ name is transliterated and may be truncated: DG13's name must start with it.
      const mrzName = mrzComparableName(`${mrz.surname} ${mrz.givenNames}`);
      if (mrzName.length > 0) compare('DG13 fullName vs DG1', mrzComparableName(vn.fullName).startsWith(mrzName));
    }
  }
  if (accessKey) {
    compare('access key documentNumber vs DG1', accessKey.documentNumber.replace(/</g, '') === mrz.documentNumber);
    compare('access key dateOfBirth vs DG1', accessKey.dateOfBirth === mrz.dateOfBirth);
    compare('access key dateOfExpiry vs DG1', accessKey.dateOfExpiry === mrz.dateOfExpiry);
  }
  if (compared.length === 0) return { status: 'SKIPPED', mismatches, compared };
  return { status: mismatches.length === 0 ? 'PASS' : 'FAIL', mismatches, compared };
}
