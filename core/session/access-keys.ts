/**
 * Turns what the clerk entered (TerminalApi AccessKey) into the chip keys to try, in order.
 * Vietnamese cards (a CCCD number or QR code) start with PACE with the CAN = the last 6 digits of
 * the 12-digit ID, which opens the chips that offer PACE (docs/design/vn-cccd.md §1.2) with no
 * birth date; then BAC with the ID and birth date, where a missing printed expiry gives several
 * candidate expiries. Each candidate carries a note so the result can say which one opened the chip.
 */
import type { AccessKey as EnteredKey } from '../api/terminal-api.ts';
import { canKey, cccdKeyCandidates, cccdQrKeyCandidates, mrzInformation, mrzInformationFromMrz, type AccessKey, type ExpiryCandidate, type MrzKeyCandidate } from '../mrz/index.ts';

/** The CAN was taken from the ID number (its last 6 digits), not entered. */
export const CAN_FROM_ID_NUMBER = 'can-from-id-number';

export interface KeyCandidate {
  readonly key: AccessKey;
  /** The CAN taken from the ID number, or the expiry assumed for this key; null when the key was entered in full. */
  readonly assumption: typeof CAN_FROM_ID_NUMBER | ExpiryCandidate | null;
}

export interface KeyPlan {
  readonly candidates: readonly KeyCandidate[];
  /** A CCCD number was given without the birth date: when PACE does not open the chip, the birth date is needed. */
  readonly birthDateMissing: boolean;
}

/** The Vietnamese chips' PACE password: the last 6 digits of the 12-digit personal ID number. */
export function cccdCan(idNumber: string): KeyCandidate {
  return { key: canKey(idNumber.trim().slice(-6)), assumption: CAN_FROM_ID_NUMBER };
}

function mrzCandidates(candidates: readonly MrzKeyCandidate[], printedExpiry: boolean): KeyCandidate[] {
  return candidates.map((c) => ({ key: { kind: 'MRZ', mrz: c.mrz }, assumption: printedExpiry ? null : c.expiry }));
}

export function keyCandidates(entered: EnteredKey, today: Date = new Date()): KeyPlan {
  const only = (candidate: KeyCandidate): KeyPlan => ({ candidates: [candidate], birthDateMissing: false });
  switch (entered.kind) {
    case 'mrz':
      return only({ key: { kind: 'MRZ', mrz: mrzInformationFromMrz(entered.mrz, { today }) }, assumption: null });
    case 'document':
      return only({ key: { kind: 'MRZ', mrz: mrzInformation(entered.documentNumber, entered.dateOfBirth, entered.dateOfExpiry, today) }, assumption: null });
    case 'can':
      return only({ key: canKey(entered.can), assumption: null });
    case 'cccd': {
      const can = cccdCan(entered.idNumber);
      if (entered.dateOfBirth === undefined) return { candidates: [can], birthDateMissing: true };
      const bac = cccdKeyCandidates(entered.idNumber, entered.dateOfBirth, entered.dateOfExpiry ?? null, today);
      return { candidates: [can, ...mrzCandidates(bac, entered.dateOfExpiry !== undefined)], birthDateMissing: false };
    }
    case 'qr': {
      const { qr, candidates } = cccdQrKeyCandidates(entered.text, today);
      return { candidates: [cccdCan(qr.idNumber), ...mrzCandidates(candidates, false)], birthDateMissing: false };
    }
  }
}
