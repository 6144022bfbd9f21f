/**
 * Turns what the clerk entered (TerminalApi AccessKey) into the chip keys to try, in order. A
 * CCCD number or QR code without a printed expiry gives several candidate expiries; each carries
 * a note so the result can say which assumption opened the chip.
 */
import type { AccessKey as EnteredKey } from '../api/terminal-api.ts';
import { canKey, cccdKeyCandidates, cccdQrKeyCandidates, mrzInformation, mrzInformationFromMrz, type AccessKey, type ExpiryCandidate } from '../mrz/index.ts';

export interface KeyCandidate {
  readonly key: AccessKey;
  /** The expiry assumed for this key; null when the key was entered in full. */
  readonly assumption: ExpiryCandidate | null;
}

export function keyCandidates(entered: EnteredKey, today: Date = new Date()): KeyCandidate[] {
  switch (entered.kind) {
    case 'mrz':
      return [{ key: { kind: 'MRZ', mrz: mrzInformationFromMrz(entered.mrz, { today }) }, assumption: null }];
    case 'document':
      return [{ key: { kind: 'MRZ', mrz: mrzInformation(entered.documentNumber, entered.dateOfBirth, entered.dateOfExpiry, today) }, assumption: null }];
    case 'can':
      return [{ key: canKey(entered.can), assumption: null }];
    case 'cccd': {
      const candidates = cccdKeyCandidates(entered.idNumber, entered.dateOfBirth, entered.dateOfExpiry ?? null, today);
      return candidates.map((c) => ({ key: { kind: 'MRZ', mrz: c.mrz }, assumption: entered.dateOfExpiry ? null : c.expiry }));
    }
    case 'qr':
      return cccdQrKeyCandidates(entered.text, today).candidates.map((c) => ({
        key: { kind: 'MRZ', mrz: c.mrz },
        assumption: c.expiry,
      }));
  }
}
