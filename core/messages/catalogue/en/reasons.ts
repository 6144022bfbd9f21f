/**
 * English: why a check of a verification result has the status it has (`checks.*.reason`,
 * docs/reference/trust.md "Reasons"). Parameters are technical facts: data group names,
 * certificate and signing dates, rule names, never a holder's data.
 */
import { template } from '../../define.ts';
import { DG13_GAPS, DG13_GAP_TEXTS } from './warnings.ts';

/** The reasons EF.CardSecurity's signature can fail with, as CARD_SECURITY_INVALID names them. */
export const SIGNATURE_FAILURES = ['SIGNATURE_DOES_NOT_VERIFY', 'SIGNED_ATTRIBUTES_MISMATCH', 'SOD_MALFORMED', 'SIGNER_CERTIFICATE_MISSING', 'ALGORITHM_NOT_SUPPORTED'] as const;
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];

const SIGNATURE_FAILURE_TEXTS: Record<SignatureFailure, string> = {
  SIGNATURE_DOES_NOT_VERIFY: 'the signature does not verify with the document signer certificate',
  SIGNED_ATTRIBUTES_MISMATCH: 'the signed attributes do not match the signed content',
  SOD_MALFORMED: 'the signed object is malformed',
  SIGNER_CERTIFICATE_MISSING: 'the document signer certificate is not in the signed object',
  ALGORITHM_NOT_SUPPORTED: 'the signature or hash algorithm is not supported',
};

export const SIGNED_ATTRIBUTES = ['contentType', 'messageDigest'] as const;
/** What a document signer's validity was judged against: the signed signing time, or its key usage period. */
export const SIGNING_TIME_BASES = ['signingTime', 'privateKeyUsagePeriod'] as const;
/** The certificate field that forbids a document signer to sign. */
export const SIGNING_RULES = ['keyUsage', 'basicConstraints'] as const;

export const reasons = {
  // dataGroupHashes
  DG_HASH_MISMATCH: template({ dataGroups: 'text' }, (p) => `${p.dataGroups}: does not match the hash signed in the SOD`),
  DG_NOT_IN_SOD: template({ dataGroups: 'text' }, (p) => `${p.dataGroups}: not listed in the SOD`),
  NO_DG_HASHES: 'The SOD holds no data group hashes.',
  NO_DATA_GROUP: 'No data group to check.',
  // sodSignature
  SIGNATURE_DOES_NOT_VERIFY: 'The signature does not verify with the document signer certificate.',
  SIGNED_ATTRIBUTES_MISMATCH: template({ attribute: SIGNED_ATTRIBUTES }, (p) => `The signed ${p.attribute} does not match the signed content.`),
  CARD_SECURITY_INVALID: template({ cause: SIGNATURE_FAILURES }, (p) => `EF.CardSecurity: ${SIGNATURE_FAILURE_TEXTS[p.cause]}.`),
  SOD_MALFORMED: 'The security object is malformed.',
  SIGNER_CERTIFICATE_MISSING: 'The document signer certificate is not in the security object.',
  ALGORITHM_NOT_SUPPORTED: 'The signature or hash algorithm is not supported.',
  SOD_MISSING: 'The document has no EF.SOD.',
  // certificateChain
  UNKNOWN_CSCA: 'No trusted CSCA certificate for this document signer.',
  DS_NOT_VALID_WHEN_SIGNED: template({ basis: SIGNING_TIME_BASES, from: 'text', to: 'text', validFrom: 'text', validTo: 'text' }, (p) => p.basis === 'signingTime'
    ? `The document signer certificate (valid ${p.validFrom} to ${p.validTo}) was not valid when it signed (${p.from}).`
    : `The document signer's key usage period (${p.from} to ${p.to}) lies outside its certificate (valid ${p.validFrom} to ${p.validTo}).`),
  CSCA_NOT_VALID_WHEN_DS_ISSUED: template({ issuedAt: 'text', validFrom: 'text', validTo: 'text' },
    (p) => `The CSCA certificate (valid ${p.validFrom} to ${p.validTo}) was not valid when it issued the document signer (${p.issuedAt}).`),
  CSCA_KEY_USAGE_PERIOD: template({ issuedAt: 'text', usageFrom: 'text', usageTo: 'text' },
    (p) => `The document signer was issued (${p.issuedAt}) outside the CSCA's key usage period (${p.usageFrom || '…'} to ${p.usageTo || '…'}).`),
  CHAIN_SIGNATURE_INVALID: 'The signature of the certificate does not verify with the CSCA key it names.',
  DS_NOT_FOR_SIGNING: template({ rule: SIGNING_RULES }, (p) => `The document signer certificate may not sign documents (${p.rule}).`),
  ISSUER_NOT_CA: 'The issuing certificate is not a CA certificate.',
  // revocation
  REVOKED: 'The document signer certificate is on the CSCA revocation list.',
  NO_CRL: 'No CRL of the issuing CSCA in the trust store.',
  CRL_STALE: 'The CSCA revocation list is out of date.',
  NOT_CHECKED: 'Not checked: the certificate path is not established.',
  // documentExpiry and consistency
  DG1_MISSING: 'The document data has no DG1 (machine readable zone).',
  DG1_NOT_PARSED: 'DG1 (machine readable zone) could not be read.',
  PAST_EXPIRY_DATE: 'The document has expired.',
  NOTHING_TO_COMPARE: 'No second source of holder data to compare with DG1.',
  DG13_NOT_USABLE: template({ gap: DG13_GAPS }, (p) => DG13_GAP_TEXTS[p.gap]),
  DATA_MISMATCH: template({ fields: 'text' }, (p) => `Differs: ${p.fields}.`),
  // accessControl and chipAuthentication
  OFFLINE_DATA: 'The chip was not examined (offline data).',
  CHIP_NOT_OPENED: 'The chip could not be opened.',
  CHIP_PROOF_FAILED: "The chip did not prove it holds the document's private key.",
  NO_CHIP_PROOF: 'The document offers no chip authentication.',
};
