/**
 * Deliberately broken documents, and genuine ones laid out as some chips and samples are (no
 * PACE, other DG13 forms), as named presets, each with the verdict a correct terminal must
 * reach and the check that must decide it (docs/design/DESIGN.md "Verdicts"). The builder applies the hooks:
 * `signer`/`authority` pick the PKI, `sod` changes what gets signed, `afterSigning` changes what
 * the chip serves after the SOD was made, `cloneChip` swaps the chip's private keys.
 */
import type { ReasonCode } from '../../messages/catalogue.ts';
import { readTlv } from '../../bytes/tlv.ts';
import type { Dg13Layout } from '../../lds/dg13-vn.ts';
import type { LdsFileName } from '../../lds/files.ts';
import type { SignerKind } from './demo-pki.ts';
import type { ExpectedOutcome, VariantName } from './document.ts';
import type { PersonOptions } from './people.ts';
import type { ProfileSpec } from './profiles.ts';

export interface VariantSpec {
  readonly name: VariantName;
  readonly description: string;
  readonly expected: (profile: ProfileSpec) => ExpectedOutcome;
  readonly appliesTo?: (profile: ProfileSpec) => boolean;
  readonly person?: PersonOptions;
  readonly signer?: SignerKind;
  /** Sign with a CSCA the document's trust does not contain. */
  readonly unknownAuthority?: boolean;
  /** Leave the details group (detailsGroup) out of the SOD. */
  readonly omitDetailsHash?: boolean;
  readonly corruptSignature?: boolean;
  /** DG13 carries another person's ID number (the SOD signs it as is: an issuing error or insider fraud). */
  readonly mismatchDg13?: boolean;
  readonly afterSigning?: (files: Map<LdsFileName, Uint8Array>, profile: ProfileSpec) => void;
  /** The chip's CA/AA private keys do not belong to the public keys in DG14/DG15. */
  readonly cloneChip?: boolean;
  /** No PACE and no EF.CardAccess (SELECT answers 6A82): BAC only. */
  readonly withoutPace?: boolean;
  /** DG13 as some samples and parsers have it instead of the cards' layout; `empty`: the wrapper with no fields. */
  readonly dg13?: { readonly layout?: Dg13Layout; readonly parents?: 'separate' | 'together'; readonly empty?: boolean };
}

const fail = (check: ExpectedOutcome['check'], status: string, reason: ReasonCode, failedDataGroups?: number[]): ExpectedOutcome =>
  ({ verdict: 'FAILED', check, status, reason, ...(failedDataGroups ? { failedDataGroups } : {}) });

/** What a correct terminal reaches on a genuine document. */
export const genuineOutcome = (): ExpectedOutcome => ({ verdict: 'VERIFIED', check: null, status: null });

/** The data group a profile's "details" live in: DG13 on Vietnamese cards, DG11 elsewhere. */
export const detailsGroup = (p: ProfileSpec): 13 | 11 => (p.vietnamese ? 13 : 11);

function mutate(files: Map<LdsFileName, Uint8Array>, name: LdsFileName, change: (copy: Uint8Array) => Uint8Array): void {
  const bytes = files.get(name);
  if (!bytes) throw new RangeError(`variant needs ${name}`);
  files.set(name, change(Uint8Array.from(bytes)));
}

export const VARIANTS: Readonly<Record<VariantName, VariantSpec>> = {
  'tampered-dg': {
    name: 'tampered-dg',
    description: 'The face image (DG2) was altered after issuance: its hash no longer matches the SOD',
    expected: () => fail('dataGroupHashes', 'FAIL', 'DG_HASH_MISMATCH', [2]),
    afterSigning: (files) => mutate(files, 'DG2', (b) => {
      // A byte inside the JPEG scan data, keeping every TLV length intact.
      b[b.length - 40]! ^= 0x5a;
      return b;
    }),
  },
  'wrong-sod-signature': {
    name: 'wrong-sod-signature',
    description: 'The SOD signature does not verify under the Document Signer key',
    expected: () => fail('sodSignature', 'FAIL', 'SIGNATURE_DOES_NOT_VERIFY'),
    corruptSignature: true,
  },
  'ds-not-signed-by-csca': {
    name: 'ds-not-signed-by-csca',
    description: 'The Document Signer certificate names the trusted CSCA as issuer, but another key signed it',
    expected: () => fail('certificateChain', 'FAIL', 'CHAIN_SIGNATURE_INVALID'),
    signer: 'rogue',
  },
  'unknown-csca': {
    name: 'unknown-csca',
    description: 'Signed under a CSCA the terminal does not trust',
    expected: () => ({ verdict: 'NOT_VERIFIED', check: 'certificateChain', status: 'UNKNOWN_CSCA', reason: 'UNKNOWN_CSCA' }),
    unknownAuthority: true,
  },
  'expired-ds': {
    name: 'expired-ds',
    description: 'The SOD was signed after the Document Signer certificate had expired',
    expected: () => fail('certificateChain', 'FAIL', 'DS_NOT_VALID_WHEN_SIGNED'),
    signer: 'expired',
  },
  'revoked-ds': {
    name: 'revoked-ds',
    description: "The Document Signer is on the CSCA's CRL",
    expected: () => fail('revocation', 'REVOKED', 'REVOKED'),
    signer: 'revoked',
  },
  'sod-missing-dg-hash': {
    name: 'sod-missing-dg-hash',
    description: 'The SOD lists no hash for a data group the chip serves (the details group)',
    expected: (p) => fail('dataGroupHashes', 'FAIL', 'DG_NOT_IN_SOD', [detailsGroup(p)]),
    appliesTo: (p) => p.vietnamese || p.additionalDetails,
    omitDetailsHash: true,
  },
  'cloned-chip': {
    name: 'cloned-chip',
    description: 'A copy of the data on another chip: Chip/Active Authentication keys do not match DG14/DG15',
    expected: () => fail('chipAuthentication', 'FAIL', 'CHIP_PROOF_FAILED'),
    appliesTo: (p) => p.chipAuthenticationCurve !== null || p.activeAuthentication !== null,
    cloneChip: true,
  },
  'dg1-dg13-mismatch': {
    name: 'dg1-dg13-mismatch',
    description: 'DG13 names another ID number than DG1 (both signed): the data contradicts itself',
    expected: () => fail('consistency', 'FAIL', 'DATA_MISMATCH'),
    appliesTo: (p) => p.vietnamese,
    mismatchDg13: true,
  },
  'expired-document': {
    name: 'expired-document',
    description: 'A genuine document whose validity ended',
    expected: () => ({ verdict: 'NOT_VERIFIED', check: 'documentExpiry', status: 'EXPIRED', reason: 'PAST_EXPIRY_DATE' }),
    // Issued at 20 in 2013: the 25th-birthday milestone fell in 2018.
    person: { ageAtIssue: 20, dateOfIssue: { year: 2013, month: 5, day: 14 } },
  },
  'malformed-dg-tlv': {
    name: 'malformed-dg-tlv',
    description: 'The chip serves a details group whose inner TLV length is broken (and no longer matches the SOD)',
    expected: (p) => fail('dataGroupHashes', 'FAIL', 'DG_HASH_MISMATCH', [detailsGroup(p)]),
    appliesTo: (p) => p.vietnamese || p.additionalDetails,
    afterSigning: (files, p) => mutate(files, `DG${detailsGroup(p)}`, (b) => {
      const outer = readTlv(b);
      // First child's length byte becomes 0x84: a four-byte length that overruns the file.
      b[outer.headerLength + 1] = 0x84;
      return b;
    }),
  },
  'truncated-sod': {
    name: 'truncated-sod',
    description: 'EF.SOD is cut off half way (its header still claims the full length)',
    expected: () => fail('sodSignature', 'FAIL', 'SOD_MALFORMED'),
    afterSigning: (files) => mutate(files, 'SOD', (b) => b.subarray(0, Math.floor(b.length / 2))),
  },
  'without-pace': {
    name: 'without-pace',
    description: 'A chip that shows no EF.CardAccess and offers BAC only: the ID number alone cannot open it, the birth date is needed',
    expected: genuineOutcome,
    appliesTo: (p) => p.vietnamese,
    withoutPace: true,
  },
  'dg13-flat': {
    name: 'dg13-flat',
    description: 'DG13 with its fields directly under 6D (no version/character-set wrapper), as some samples have it',
    expected: genuineOutcome,
    appliesTo: (p) => p.vietnamese,
    dg13: { layout: 'flat' },
  },
  'dg13-parents-together': {
    name: 'dg13-parents-together',
    description: "DG13 field 13 with father and mother in one SEQUENCE instead of one each",
    expected: genuineOutcome,
    appliesTo: (p) => p.vietnamese,
    dg13: { parents: 'together' },
  },
  'dg13-empty': {
    name: 'dg13-empty',
    description: 'DG13 is there and signed but holds no fields: nothing to compare with DG1, and the result says so',
    expected: () => ({ verdict: 'VERIFIED', check: 'consistency', status: 'SKIPPED', reason: 'DG13_NOT_USABLE' }),
    appliesTo: (p) => p.vietnamese,
    dg13: { empty: true },
  },
};

export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

export function isVariantName(name: string): name is VariantName {
  return Object.hasOwn(VARIANTS, name);
}

export function variantAppliesTo(variant: VariantName, profile: ProfileSpec): boolean {
  return VARIANTS[variant].appliesTo?.(profile) ?? true;
}
