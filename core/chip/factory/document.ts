/**
 * What the factory hands out: one virtual document = the files its chip serves, the keys that
 * open it, the private keys its chip proves itself with, the trust a terminal needs to verify it,
 * and — for broken presets — the verdict a correct terminal must reach.
 */
import type { Checks, Verdict } from '../../api/verification.ts';
import type { ReasonCode } from '../../messages/catalogue.ts';
import type { LdsFileName } from '../../lds/files.ts';
import type { CurveName } from './keys.ts';
import type { SyntheticPerson } from './people.ts';

export type ProfileName = 'cccd-2021' | 'can-cuoc-2024' | 'icao-td3-passport' | 'foreign-td1-id';

export type VariantName =
  | 'tampered-dg'
  | 'wrong-sod-signature'
  | 'ds-not-signed-by-csca'
  | 'unknown-csca'
  | 'expired-ds'
  | 'revoked-ds'
  | 'sod-missing-dg-hash'
  | 'cloned-chip'
  | 'dg1-dg13-mismatch'
  | 'expired-document'
  | 'malformed-dg-tlv'
  | 'truncated-sod'
  | 'without-pace'
  | 'dg13-flat'
  | 'dg13-parents-together'
  | 'dg13-empty';

/** The verdict a correct terminal reaches, and the check that decides it (null for a clean pass). */
export interface ExpectedOutcome {
  readonly verdict: Verdict;
  readonly check: keyof Checks | null;
  /** The decisive check's status, e.g. 'FAIL', 'REVOKED', 'UNKNOWN_CSCA', 'EXPIRED'. */
  readonly status: string | null;
  /** The decisive check's reason (docs/reference/trust.md "Reasons"). */
  readonly reason?: ReasonCode;
  /** dataGroupHashes: the groups that must be reported as failed. */
  readonly failedDataGroups?: readonly number[];
}

export interface AccessKeys {
  /** The full MRZ, lines joined with '\n'. */
  readonly mrz: string;
  /** docNo+cd+DOB+cd+expiry+cd: the BAC / PACE-MRZ key seed. */
  readonly mrzInformation: string;
  /** 6-digit Card Access Number for PACE-CAN, or null when the card has none. */
  readonly can: string | null;
}

export type ActiveAuthenticationKey =
  | { readonly kind: 'rsa'; readonly privateKeyDer: Uint8Array; readonly spkiDer: Uint8Array }
  | { readonly kind: 'ec'; readonly curve: CurveName; readonly privateKey: Uint8Array; readonly spkiDer: Uint8Array };

export interface ChipKeys {
  /** Chip Authentication (ECDH) key and the protocol OID announced in DG14. */
  readonly chipAuthentication?: { readonly curve: CurveName; readonly privateKey: Uint8Array; readonly oid: string; readonly keyId?: number };
  readonly activeAuthentication?: ActiveAuthenticationKey;
}

export interface ProtocolSupport {
  readonly bac: boolean;
  /** PACE as announced in EF.CardAccess (PACEInfo), or null when the chip has no PACE. */
  readonly pace: { readonly oid: string; readonly parameterId: number } | null;
}

export interface DocumentTrust {
  /** CSCA certificates a terminal should trust to verify this document (DER). */
  readonly cscas: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  /** Which demo authority ('VN', 'UTO'). */
  readonly authority: string;
}

export interface VirtualDocument {
  readonly profile: ProfileName;
  readonly variant: VariantName | null;
  readonly description: string;
  /** Files by LDS name, exactly as the chip serves them. */
  readonly files: ReadonlyMap<LdsFileName, Uint8Array>;
  /** Files that exist but answer 6982 (fingerprints and iris behind Terminal Authentication). */
  readonly protectedFiles: readonly LdsFileName[];
  readonly access: AccessKeys;
  readonly chipKeys: ChipKeys;
  readonly protocols: ProtocolSupport;
  readonly trust: DocumentTrust;
  readonly holder: SyntheticPerson;
  readonly expected: ExpectedOutcome;
}
