/**
 * FHIR R4 for a hospital's information system: the verified holder as a `Patient` and the
 * verification as a `Provenance` (who verified — the terminal and the operator —, when, with
 * which verdict, and the signed result when the terminal is enrolled).
 *
 * The ID number's system is the one HL7 Vietnam's VN Core implementation guide defines for the
 * 12-digit personal identification number (NamingSystem vn-cccd-ns, `http://fhir.hl7.org.vn/core/sid/cccd`),
 * typed with HL7 v2 table 0203 `NI` (national unique individual identifier) as VN Core's identifier
 * types do; docs/reference/integration.md says why and where it comes from.
 */
import { utf8 } from '../bytes/bytes.ts';
import { toBase64 } from '../bytes/base64.ts';
import { OID } from '../asn1/oids.ts';
import { CARD_NAME, sexOfWord } from '../mrz/card-words.ts';
import type { DeliveredFields } from './messages.ts';

export const VN_CCCD_SYSTEM = 'http://fhir.hl7.org.vn/core/sid/cccd';
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
/** ASTM E1762 signature types, as FHIR's Signature.type uses them: a verification signature. */
const SIGNATURE_TYPE = 'urn:iso-astm:E1762-95:2013';
/** The verdict of the chip verification (VERIFIED, NOT_VERIFIED, FAILED) on the Provenance. */
export const VERDICT_EXTENSION = 'urn:eid-terminal:fhir:StructureDefinition:verification-verdict';
/** Terminals are named by their registry id under this system. */
export const TERMINAL_ID_SYSTEM = 'urn:eid-terminal:terminal-id';

export interface FhirContext {
  /** The verification id; the Patient's id is derived from it (a FHIR id: letters, digits, '-', '.'). */
  readonly verificationId: string;
  readonly completedAt: string;
  readonly verdict: string;
  readonly terminalName: string;
  readonly terminalId: string | null;
  readonly operator: string | null;
  readonly signedResult: string | null;
}

export type FhirResource = Record<string, unknown> & { resourceType: string };

/** The card's word for the sex (DG13, sexOfWord) or M/F/X (MRZ) as FHIR's administrative gender. */
export function fhirGender(sex: string | undefined): 'male' | 'female' | 'other' | 'unknown' {
  const word = sex?.trim() ?? '';
  const s = sexOfWord(word) ?? word.toUpperCase();
  if (s === 'M' || s === 'MALE') return 'male';
  if (s === 'F' || s === 'FEMALE') return 'female';
  if (s === 'X') return 'other';
  return 'unknown';
}

/** Vietnamese names are written family name first: "Nguyen Van An" is family Nguyen, given Van An. */
function humanName(fullName: string): Record<string, unknown> {
  const parts = fullName.trim().split(/\s+/);
  return { use: 'official', text: fullName, family: parts[0], ...(parts.length > 1 && { given: parts.slice(1) }) };
}

function fhirId(verificationId: string): string {
  return verificationId.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);
}

export function patientResource(fields: DeliveredFields, ctx: FhirContext): FhirResource {
  return {
    resourceType: 'Patient',
    id: fhirId(ctx.verificationId),
    ...(fields.idNumber && {
      identifier: [{
        use: 'official',
        type: { coding: [{ system: V2_0203, code: 'NI', display: 'National unique individual identifier' }], text: CARD_NAME },
        system: VN_CCCD_SYSTEM,
        value: fields.idNumber,
      }],
    }),
    ...(fields.fullName && { name: [humanName(fields.fullName)] }),
    ...(fields.sex && { gender: fhirGender(fields.sex) }),
    ...(fields.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(fields.dateOfBirth) && { birthDate: fields.dateOfBirth }),
    ...(fields.placeOfResidence && { address: [{ use: 'home', type: 'physical', text: fields.placeOfResidence, country: 'VN' }] }),
  };
}

export function provenanceResource(ctx: FhirContext): FhirResource {
  const terminal = {
    type: 'Device',
    display: ctx.terminalName,
    ...(ctx.terminalId && { identifier: { system: TERMINAL_ID_SYSTEM, value: ctx.terminalId } }),
  };
  return {
    resourceType: 'Provenance',
    extension: [{ url: VERDICT_EXTENSION, valueCode: ctx.verdict }],
    target: [{ reference: `Patient/${fhirId(ctx.verificationId)}` }],
    occurredDateTime: ctx.completedAt,
    recorded: ctx.completedAt,
    activity: { text: 'Chip identity document verification (ICAO 9303)' },
    agent: [
      { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'verifier', display: 'Verifier' }] }, who: terminal },
      ...(ctx.operator ? [{ type: { coding: [{ system: PARTICIPANT_TYPE, code: 'performer', display: 'Performer' }] }, who: { type: 'Practitioner', display: ctx.operator } }] : []),
    ],
    ...(ctx.signedResult && {
      signature: [{
        type: [{ system: SIGNATURE_TYPE, code: OID.verificationSignature, display: 'Verification Signature' }],
        when: ctx.completedAt,
        who: terminal,
        sigFormat: 'application/jose',
        data: toBase64(utf8(ctx.signedResult)),
      }],
    }),
  };
}
