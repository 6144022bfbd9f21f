/**
 * Records written before the catalogue keep their warnings as English sentences inside the hash
 * chain, so they cannot be rewritten. They are read back as catalogue warnings here, by the
 * sentences the terminal used to write; a sentence it never wrote stays as it was (RECORDED_TEXT).
 */
import type { WarningCode } from './catalogue.ts';
import type { RevocationGap } from './catalogue/en/warnings.ts';
import { MRZ_FIELDS } from './catalogue/en/errors-documents.ts';
import { warning, type Warning } from './message.ts';

const FIXED: Readonly<Record<string, WarningCode>> = {
  'No security object (EF.SOD): the data cannot be proven authentic.': 'NO_SECURITY_OBJECT',
  'The chip was not examined (offline data): access control and chip authentication were not checked, so a copied chip cannot be ruled out.': 'CHIP_NOT_EXAMINED',
  'The document supports no chip authentication: a cloned chip cannot be ruled out.': 'NO_CHIP_AUTHENTICATION',
  "The document signer chains to no CSCA in the trust store: import the issuing country's CSCA to verify it.": 'CSCA_UNKNOWN',
  'DEMO document: signed under the built-in demo CSCA, whose keys are public. It is a test document, not an identity document.': 'DEMO_DOCUMENT',
  'No second source of holder data to compare with DG1.': 'NO_SECOND_SOURCE',
  'The document has expired.': 'DOCUMENT_EXPIRED',
  'DG1 (machine readable zone) could not be read: expiry and holder data are unknown.': 'DG1_UNREADABLE',
  'DG13 (Vietnamese personal details) could not be read.': 'DG13_UNREADABLE',
  'DG14 (chip authentication keys) could not be read.': 'DG14_UNREADABLE',
  'The chip refused Active Authentication although it publishes a key for it.': 'ACTIVE_AUTHENTICATION_REFUSED',
  'The chip offers no way to prove it is not a copy (no Chip or Active Authentication).': 'NO_CLONE_PROTECTION',
};

const REVOCATION_REASONS: Readonly<Record<string, RevocationGap>> = {
  'no CRL': 'no-crl',
  'no CRL of the issuing CSCA in the trust store': 'no-crl',
  'the CSCA revocation list is out of date': 'crl-out-of-date',
  'revocation not checked: the certificate path is not established': 'no-certificate-path',
  'revocation not checked: no document signer certificate': 'no-document-signer',
};

const isMrzField = (name: string): name is (typeof MRZ_FIELDS)[number] => (MRZ_FIELDS as readonly string[]).includes(name);

/** The catalogue warnings one stored English sentence stands for (a check-digit sentence names several fields). */
export function legacyWarnings(text: string): Warning[] {
  const fixed = FIXED[text];
  if (fixed) return [{ code: fixed, params: {} }];
  let m = /^Revocation status unknown: (.+)\.$/.exec(text);
  const gap = m && REVOCATION_REASONS[m[1]!];
  if (gap) return [warning('REVOCATION_UNKNOWN', { gap })];
  m = /^MRZ check digits wrong in DG1: (.+)\.$/.exec(text);
  const fields = m?.[1]!.split(', ');
  if (fields?.every(isMrzField)) return fields.map((field) => warning('MRZ_CHECK_DIGIT_WRONG', { field }));
  if ((m = /^PACE was offered but not used \((\w+)\); the chip was opened with BAC\.$/.exec(text))) return [warning('PACE_FALLBACK_TO_BAC', { detail: m[1]! })];
  if ((m = /^(DG\d{1,2}) could not be read \((\w+)\)\.$/.exec(text))) return [warning('DATA_GROUP_UNREADABLE', { file: m[1]!, detail: m[2]! })];
  if ((m = /^Chip Authentication not possible: (.+)\.$/.exec(text))) return [warning('CHIP_AUTHENTICATION_IMPOSSIBLE', { detail: m[1]! })];
  if ((m = /^Active Authentication cannot be checked: (.+)$/.exec(text))) return [warning('ACTIVE_AUTHENTICATION_UNCHECKABLE', { detail: m[1]! })];
  return [warning('RECORDED_TEXT', { text })];
}
