/**
 * Consistency of the holder data across sources: DG1's MRZ vs the Vietnamese DG13 (12-digit ID,
 * date of birth, name when comparable) vs the access key that opened the chip. A mismatch between
 * signed data groups means a forged or mixed-up document; the list says which field, never the values.
 * A DG13 that is on the card but gives nothing to compare makes the check SKIPPED with the reason,
 * never a PASS on the access key alone.
 */
import type { ParsedMrz } from '../mrz/index.ts';
import type { VnData } from '../api/verification.ts';
import { localized, type LocalizedText } from '../api/localized-text.ts';

/** The key that opened the chip: the MRZ data (YYMMDD dates), or the CAN of PACE. */
export type AccessKeyData =
  | { readonly documentNumber: string; readonly dateOfBirth: string; readonly dateOfExpiry: string }
  | { readonly can: string };

/** Why a DG13 that is on the document gave nothing to compare. */
export type Dg13Problem = 'unreadable' | 'empty';

export interface ConsistencyResult {
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  /** Names of the compared fields that differ, e.g. "DG13 idNumber vs DG1". */
  readonly mismatches: readonly string[];
  /** Names of the comparisons made. */
  readonly compared: readonly string[];
  /** Why the check was SKIPPED, when there is more to say than "nothing to compare". */
  readonly reason?: LocalizedText;
}

const DG13_REASONS: Record<Dg13Problem | 'nothing-comparable', LocalizedText> = {
  unreadable: localized(
    'DG13 is on the card but could not be read, so the Vietnamese data was not compared with DG1.',
    'Thẻ có DG13 nhưng không đọc được, nên chưa đối chiếu thông tin nhân thân với DG1.',
  ),
  empty: localized(
    'DG13 is on the card but holds none of the Vietnamese fields, so nothing was compared with DG1.',
    'Thẻ có DG13 nhưng không chứa trường thông tin nhân thân nào, nên chưa đối chiếu được với DG1.',
  ),
  'nothing-comparable': localized(
    'DG13 holds none of the fields compared with DG1 (ID number, date of birth, name).',
    'DG13 không có trường nào để đối chiếu với DG1 (số định danh, ngày sinh, họ tên).',
  ),
};

/** Letters only, upper case, Vietnamese diacritics and đ removed: "Nguyễn Văn Đức" -> "NGUYENVANDUC". */
export function mrzComparableName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
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
  if (dg13Reason) return { status: 'SKIPPED', mismatches, compared, reason: DG13_REASONS[dg13Reason] };
  return { status: compared.length === 0 ? 'SKIPPED' : 'PASS', mismatches, compared };
}
