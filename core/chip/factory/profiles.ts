/**
 * The document profiles the factory makes: what each kind of card carries and how its chip is
 * protected. Vietnamese profiles follow docs/design/vn-cccd.md: DG13 in the chip's wrapper, DG3
 * behind EAC, no DG11, and (§1.2) the EF.CardAccess the apps that read real cards carry —
 * TerminalAuthenticationInfo, ChipAuthenticationInfo and PACE-ECDH-GM-AES-128 on brainpoolP256r1
 * whose CAN is the last 6 digits of the ID number — beside BAC. The chips that show no
 * EF.CardAccess are the `without-pace` variant. The foreign ones are ICAO "Utopia" documents under
 * the second demo CSCA.
 */
import { paceOid } from '../../emrtd/pace/pace-algorithm.ts';
import type { HashAlgorithm } from '../../crypto/node-crypto.ts';
import type { DemoIssuer } from './demo-pki.ts';
import type { ProfileName } from './document.ts';
import type { CurveName, KeySpec } from './keys.ts';

export interface ProfileSpec {
  readonly name: ProfileName;
  readonly description: string;
  readonly format: 'TD1' | 'TD3';
  readonly documentCode: string;
  readonly issuingState: string;
  /** Vietnamese CCCD MRZ layout (12-digit ID in the optional data) and DG13. */
  readonly vietnamese: boolean;
  readonly authority: DemoIssuer;
  readonly documentSignerKey: KeySpec;
  readonly sodHash: HashAlgorithm;
  /** DG11/DG12 (ICAO additional personal and document details). */
  readonly additionalDetails: boolean;
  readonly chipAuthenticationCurve: CurveName | null;
  readonly activeAuthentication: { readonly kind: 'rsa'; readonly bits: number } | { readonly kind: 'ec'; readonly curve: CurveName } | null;
  readonly bac: boolean;
  readonly pace: { readonly oid: string; readonly parameterId: number } | null;
  /** EF.CardAccess lists these beside PACEInfo (as the Vietnamese chips do). */
  readonly cardAccessAlso: readonly ('TerminalAuthenticationInfo' | 'ChipAuthenticationInfo')[];
  /** The PACE CAN: printed on the card, the last 6 digits of the 12-digit ID number, or none. */
  readonly can: 'printed' | 'idNumber' | null;
  /** Listed in EF.COM but answering 6982 (fingerprints, iris). */
  readonly protectedGroups: readonly (3 | 4)[];
}

/** PACEInfo of the Vietnamese chips: id-PACE-ECDH-GM-AES-CBC-CMAC-128, parameterId 13 (brainpoolP256r1). */
const VIETNAMESE_PACE = { oid: paceOid('ECDH', 'GM', 'AES', 128), parameterId: 13 } as const;
const VIETNAMESE_CARD_ACCESS = ['TerminalAuthenticationInfo', 'ChipAuthenticationInfo'] as const;

export const PROFILES: Readonly<Record<ProfileName, ProfileSpec>> = {
  'cccd-2021': {
    name: 'cccd-2021',
    description: 'Vietnamese chip citizen ID (CCCD, 2021): TD1 with the 12-digit ID, DG13, Chip and Active Authentication, PACE with the ID number (CAN) and BAC',
    format: 'TD1', documentCode: 'ID', issuingState: 'VNM', vietnamese: true,
    authority: 'VN', documentSignerKey: { kind: 'ec', curve: 'P-256' }, sodHash: 'sha256',
    additionalDetails: false,
    chipAuthenticationCurve: 'P-256',
    activeAuthentication: { kind: 'rsa', bits: 1024 },
    bac: true, pace: VIETNAMESE_PACE, cardAccessAlso: VIETNAMESE_CARD_ACCESS, can: 'idNumber',
    protectedGroups: [3],
  },
  'can-cuoc-2024': {
    name: 'can-cuoc-2024',
    description: 'Vietnamese identity card (2024): as the CCCD, with Chip Authentication on brainpoolP256r1 and an EC Active Authentication key',
    format: 'TD1', documentCode: 'ID', issuingState: 'VNM', vietnamese: true,
    authority: 'VN', documentSignerKey: { kind: 'ec', curve: 'P-384' }, sodHash: 'sha384',
    additionalDetails: false,
    chipAuthenticationCurve: 'brainpoolP256r1',
    activeAuthentication: { kind: 'ec', curve: 'P-256' },
    bac: true, pace: VIETNAMESE_PACE, cardAccessAlso: VIETNAMESE_CARD_ACCESS, can: 'idNumber',
    protectedGroups: [3],
  },
  'icao-td3-passport': {
    name: 'icao-td3-passport',
    description: 'Utopian passport (TD3): PACE (brainpoolP256r1) and BAC, Chip Authentication, RSA-PSS Document Signer under a brainpool CSCA',
    format: 'TD3', documentCode: 'P', issuingState: 'UTO', vietnamese: false,
    authority: 'UTO', documentSignerKey: { kind: 'rsa', bits: 2048, pss: true }, sodHash: 'sha256',
    additionalDetails: true,
    chipAuthenticationCurve: 'brainpoolP256r1',
    activeAuthentication: null,
    bac: true, pace: { oid: paceOid('ECDH', 'GM', 'AES', 128), parameterId: 13 }, cardAccessAlso: [], can: 'printed',
    protectedGroups: [3, 4],
  },
  'foreign-td1-id': {
    name: 'foreign-td1-id',
    description: 'Utopian ID card (TD1) with DG11/DG12, RSA PKCS#1 Document Signer, BAC only, no chip authentication',
    format: 'TD1', documentCode: 'ID', issuingState: 'UTO', vietnamese: false,
    authority: 'UTO', documentSignerKey: { kind: 'rsa', bits: 2048 }, sodHash: 'sha256',
    additionalDetails: true,
    chipAuthenticationCurve: null,
    activeAuthentication: null,
    bac: true, pace: null, cardAccessAlso: [], can: null,
    protectedGroups: [],
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function isProfileName(name: string): name is ProfileName {
  return Object.hasOwn(PROFILES, name);
}
