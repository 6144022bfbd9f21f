/** English: the warnings a verification result carries, in the order of the checks that raise them. */
import { template } from '../../define.ts';
import { MRZ_FIELD_NAMES, MRZ_FIELDS } from './errors-documents.ts';

/** Why the revocation status of the Document Signer is unknown. */
export const REVOCATION_GAPS = ['no-crl', 'crl-out-of-date', 'no-certificate-path', 'no-document-signer'] as const;
export type RevocationGap = (typeof REVOCATION_GAPS)[number];

const REVOCATION_GAP_TEXTS: Record<RevocationGap, string> = {
  'no-crl': 'the trust store holds no revocation list (CRL) of the issuing CSCA',
  'crl-out-of-date': "the issuing CSCA's revocation list is out of date",
  'no-certificate-path': 'the certificate path is not established',
  'no-document-signer': 'there is no Document Signer certificate',
};

/** Why DG13 (on a Vietnamese card) was not compared with DG1. */
export const DG13_GAPS = ['unreadable', 'empty', 'nothing-comparable'] as const;
export type Dg13Gap = (typeof DG13_GAPS)[number];

export const DG13_GAP_TEXTS: Record<Dg13Gap, string> = {
  unreadable: 'DG13 is on the card but could not be read, so the Vietnamese data was not compared with DG1.',
  empty: 'DG13 is on the card but holds none of the Vietnamese fields, so nothing was compared with DG1.',
  'nothing-comparable': 'DG13 holds none of the fields compared with DG1 (ID number, date of birth, name).',
};

export const warnings = {
  NO_SECURITY_OBJECT: 'No security object (EF.SOD): the data cannot be proven authentic.',
  CHIP_NOT_EXAMINED: 'The chip was not examined (offline data): access control and chip authentication were not checked, so a copied chip cannot be ruled out.',
  FILES_MISSING: template({ files: 'text' }, (p) => `Files missing from the document data: ${p.files}. What is there was verified; expiry and holder data cannot be checked without DG1.`),
  ID_DATA_CONTENT_TYPE: 'The SOD types its content as id-data instead of the ICAO LDS security object; it was read as one and its hashes were checked.',
  SIGNER_ID_MISMATCH: template({ named: 'text', carried: 'text' }, (p) => `The SOD names its signer as ${p.named}, which matches no certificate; its only certificate (${p.carried}) was used because the signature verifies with it.`),
  CERTIFICATE_EXPIRED_SINCE_SIGNING: 'The document signer or CSCA certificate has expired since it signed this document. That is normal for older documents and no sign of forgery: the certificates were valid when they were used.',
  NO_CHIP_AUTHENTICATION: 'The document supports no chip authentication: a cloned chip cannot be ruled out.',
  REVOCATION_UNKNOWN: template({ gap: REVOCATION_GAPS }, (p) => `Revocation status unknown: ${REVOCATION_GAP_TEXTS[p.gap]}.`),
  CSCA_UNKNOWN: "The document signer chains to no CSCA in the trust store; an administrator can import the issuing country's CSCA.",
  DEMO_DOCUMENT: 'DEMO document: signed under the built-in demo CSCA, whose keys are public. It is a test document, not an identity document.',
  NO_SECOND_SOURCE: 'No second source of holder data to compare with DG1.',
  DOCUMENT_EXPIRED: 'The document has expired.',
  DG1_UNREADABLE: 'DG1 (machine readable zone) could not be read: expiry and holder data are unknown.',
  MRZ_CHECK_DIGIT_WRONG: template({ field: MRZ_FIELDS }, (p) => `MRZ check digit wrong in DG1: ${MRZ_FIELD_NAMES[p.field]}.`),
  DG13_UNREADABLE: 'DG13 (Vietnamese personal details) could not be read.',
  DG13_EMPTY: 'DG13 (Vietnamese personal details) is on the card but holds none of its fields.',
  DG13_NOT_COMPARED: template({ gap: DG13_GAPS }, (p) => DG13_GAP_TEXTS[p.gap]),
  PACE_FALLBACK_TO_BAC: 'The chip offers PACE, but PACE could not be used; the chip was opened with BAC.',
  DATA_GROUP_UNREADABLE: template({ file: 'text' }, (p) => `${p.file} could not be read: the chip did not give it.`),
  DG14_UNREADABLE: 'DG14 (chip authentication keys) could not be read.',
  CHIP_AUTHENTICATION_IMPOSSIBLE: 'Chip Authentication was not possible with the keys the chip publishes.',
  ACTIVE_AUTHENTICATION_REFUSED: 'The chip refused Active Authentication although it publishes a key for it.',
  ACTIVE_AUTHENTICATION_UNCHECKABLE: 'Active Authentication could not be checked.',
  NO_CLONE_PROTECTION: 'The chip offers no way to prove it is not a copy (no Chip or Active Authentication).',
  // A warning kept by a record written before the catalogue, as it was stored (English).
  RECORDED_TEXT: template({ text: 'text' }, (p) => p.text),
};
