/** DG11 (tag 6B): additional personal details (ICAO 9303-10 §4.7.11). Absent on CCCD cards. */
import { parsing } from './errors.ts';
import { openFile } from './file-tlv.ts';
import { bytesField, encodeTaggedFields, parseTaggedFields, textField, textList, type FieldSpec, type UnknownElement } from './tagged-fields.ts';

export interface Dg11 {
  readonly tagList: readonly number[];
  /** Name of holder as stored ('<' separators kept, as in the MRZ name field). */
  readonly fullName: string | null;
  readonly otherNames: readonly string[];
  readonly personalNumber: string | null;
  /** ISO 8601 when stored as yyyymmdd (ASCII or BCD), else as stored. */
  readonly fullDateOfBirth: string | null;
  readonly placeOfBirth: string | null;
  readonly address: string | null;
  readonly telephone: string | null;
  readonly profession: string | null;
  readonly title: string | null;
  readonly personalSummary: string | null;
  readonly proofOfCitizenship: Uint8Array | null;
  readonly otherValidTravelDocuments: string | null;
  readonly custodyInformation: string | null;
  readonly unknown: readonly UnknownElement[];
}

const SPECS: readonly FieldSpec[] = [
  { tag: 0x5f0e, key: 'fullName', kind: 'text' },
  { tag: 0x5f0f, key: 'otherNames', kind: 'text' },
  { tag: 0x5f10, key: 'personalNumber', kind: 'text' },
  { tag: 0x5f2b, key: 'fullDateOfBirth', kind: 'date' },
  { tag: 0x5f11, key: 'placeOfBirth', kind: 'text' },
  { tag: 0x5f42, key: 'address', kind: 'text' },
  { tag: 0x5f12, key: 'telephone', kind: 'text' },
  { tag: 0x5f13, key: 'profession', kind: 'text' },
  { tag: 0x5f14, key: 'title', kind: 'text' },
  { tag: 0x5f15, key: 'personalSummary', kind: 'text' },
  { tag: 0x5f16, key: 'proofOfCitizenship', kind: 'bytes' },
  { tag: 0x5f17, key: 'otherValidTravelDocuments', kind: 'text' },
  { tag: 0x5f18, key: 'custodyInformation', kind: 'text' },
];
const REPEATED = [0x5f0f];

export function parseDg11(bytes: Uint8Array): Dg11 {
  return parsing('DG11', () => {
    const f = parseTaggedFields(openFile(bytes, 'DG11'), 'DG11', SPECS, REPEATED);
    const s = (key: string): string | null => textField(f, key);
    return {
      tagList: f.tagList,
      fullName: s('fullName'),
      otherNames: textList(f, 'otherNames'),
      personalNumber: s('personalNumber'),
      fullDateOfBirth: s('fullDateOfBirth'),
      placeOfBirth: s('placeOfBirth'),
      address: s('address'),
      telephone: s('telephone'),
      profession: s('profession'),
      title: s('title'),
      personalSummary: s('personalSummary'),
      proofOfCitizenship: bytesField(f, 'proofOfCitizenship'),
      otherValidTravelDocuments: s('otherValidTravelDocuments'),
      custodyInformation: s('custodyInformation'),
      unknown: f.unknown,
    };
  });
}

export type Dg11Input = Partial<Omit<Dg11, 'tagList' | 'unknown'>>;

/** DG11 with the given fields (dates as YYYY-MM-DD), tag list built from what is present. */
export function encodeDg11(input: Dg11Input): Uint8Array {
  return encodeTaggedFields(0x6b, SPECS, REPEATED, input as Record<string, string | Uint8Array | readonly string[] | null | undefined>);
}
