/**
 * Consistency of the holder data across sources: DG1's MRZ vs the Vietnamese DG13 (12-digit ID,
 * date of birth, name when comparable) vs the access key that opened the chip. A mismatch between
 * signed data groups means a forged or mixed-up document; the list says which field, never the values.
 * A DG13 that is on the card but gives nothing to compare makes the check SKIPPED with the reason,
 * never a PASS on the access key alone.
 */
import type { ParsedMrz } from '../mrz/index.ts';
import { foldVietnamese } from '../mrz/card-words.ts';
import type { VnData } from '../api/verification.ts';
import type { Dg13Gap } from '../messages/catalogue/en/warnings.ts';

/** The key that opened the chip: the MRZ data (YYMMDD dates), or the CAN of PACE. */
export type AccessKeyData =
  | { readonly documentNumber: string; readonly dateOfBirth: string; readonly dateOfExpiry: string }
  | { readonly can: string };

/** Why a DG13 that is on the document gave nothing to compare. */
export type Dg13Problem = Exclude<Dg13Gap, 'nothing-comparable'>;

export interface ConsistencyResult {
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  /** Names of the compared fields that differ, e.g. "DG13 idNumber vs DG1". */
  readonly mismatches: readonly string[];
  /** Names of the comparisons made. */
  readonly compared: readonly string[];
  /** Why the check was SKIPPED, when there is more to say than "nothing to compare". */
  readonly reason?: Dg13Gap;
}

/** Letters only, as the MRZ spells them (foldVietnamese), without spaces and fillers. */
export function mrzComparableName(text: string): string {
  return foldVietnamese(text).replace(/[^A-Z]/g, '');
}

/**
 * `vn`: DG13's data when it was read; `dg13Problem` when DG13 is on the document but `vn` could not
 * come from it.
 */
export function checkConsistency(mrz: ParsedMrz, vn: VnData | null, accessKey?: AccessKeyData, dg13Problem?: Dg13Problem): ConsistencyResult {
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
  const fromDg13 = compared.length;
  if (accessKey && 'can' in accessKey) {
    // PACE-CAN from the ID number (Vietnamese cards): the CAN is its last 6 digits.
    if (mrz.isVietnameseCccd && mrz.personalNumber !== null) compare('access key CAN vs DG1 idNumber', mrz.personalNumber.endsWith(accessKey.can));
  } else if (accessKey) {
    compare('access key documentNumber vs DG1', accessKey.documentNumber.replace(/</g, '') === mrz.documentNumber);
    compare('access key dateOfBirth vs DG1', accessKey.dateOfBirth === mrz.dateOfBirth);
    compare('access key dateOfExpiry vs DG1', accessKey.dateOfExpiry === mrz.dateOfExpiry);
  }
  if (mismatches.length > 0) return { status: 'FAIL', mismatches, compared };
  const dg13Reason = dg13Problem ?? (vn && fromDg13 === 0 ? 'nothing-comparable' : undefined);
  if (dg13Reason) return { status: 'SKIPPED', mismatches, compared, reason: dg13Reason };
  return { status: compared.length === 0 ? 'SKIPPED' : 'PASS', mismatches, compared };
}
