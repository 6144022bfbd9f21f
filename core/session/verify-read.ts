/**
 * The "verify" step after a live read: passive authentication, expiry and consistency over the
 * files (core/trust), with the chip's own evidence (how it was opened, how it proved itself),
 * and the face made displayable.
 */
import type { Warning } from '../messages/message.ts';
import type { VerificationResult } from '../api/verification.ts';
import { isEidError } from '../errors.ts';
import type { AccessKey } from '../mrz/index.ts';
import { parseDg2 } from '../lds/dg2.ts';
import { displayableFace, type DisplayableFace } from '../lds/face-display.ts';
import type { TrustStore } from '../trust/store.ts';
import { verifyDocumentWithDetails, type VerifyDocumentDetails } from '../trust/verify-document.ts';
import type { ChipProof } from './chip-proof.ts';

export interface ChipEvidence {
  /** What opened the chip, e.g. 'BAC' or 'PACE-ECDH-GM-AES-128 brainpoolP256r1'. */
  readonly accessProtocol: string;
  readonly proof: ChipProof;
  /** The key that opened the chip (compared with DG1: the MRZ data, or the CAN against a CCCD's ID). */
  readonly key: AccessKey;
  /** Warnings of opening and reading, in the order they arose. */
  readonly warnings: readonly Warning[];
}

export function verifyRead(files: ReadonlyMap<string, Uint8Array>, trust: TrustStore, chip: ChipEvidence, now: Date, stats: VerificationResult['stats']): VerifyDocumentDetails {
  const { key } = chip;
  return verifyDocumentWithDetails(files, trust, {
    now,
    chipChecks: {
      accessControl: { status: 'PASS', protocol: chip.accessProtocol },
      chipAuthentication: chip.proof.check,
      accessKey: key.kind === 'CAN' ? { can: key.can } : { documentNumber: key.mrz.documentNumber, dateOfBirth: key.mrz.dateOfBirth, dateOfExpiry: key.mrz.dateOfExpiry },
      warnings: [...chip.warnings, ...chip.proof.warnings],
    },
    stats,
  });
}

/** The first DG2 face in a form a browser shows; null when there is none or it does not parse. */
export async function faceOf(files: ReadonlyMap<string, Uint8Array>): Promise<DisplayableFace | null> {
  const dg2 = files.get('DG2');
  if (!dg2) return null;
  try {
    const first = parseDg2(dg2).faces[0];
    return first ? await displayableFace(first) : null;
  } catch (e) {
    if (!isEidError(e)) throw e;
    return null;
  }
}
