/** DG12 (tag 6C): additional document details (ICAO 9303-10 §4.7.12). */
import { parsing } from './errors.ts';
import { openFile } from './file-tlv.ts';
import { bytesField, encodeTaggedFields, parseTaggedFields, textField, textList, type FieldSpec, type UnknownElement } from './tagged-fields.ts';

export interface Dg12 {
  readonly tagList: readonly number[];
  readonly issuingAuthority: string | null;
  /** ISO 8601 when stored as yyyymmdd (ASCII or BCD), else as stored. */
  readonly dateOfIssue: string | null;
  readonly otherPersons: readonly string[];
  readonly endorsements: string | null;
  readonly taxOrExitRequirements: string | null;
  readonly imageOfFront: Uint8Array | null;
  readonly imageOfRear: Uint8Array | null;
  /** yyyy-mm-ddThh:mm:ss when stored as 14 digits (ASCII or BCD), else as stored. */
  readonly personalisationTime: string | null;
  readonly personalisationDeviceSerial: string | null;
  readonly unknown: readonly UnknownElement[];
}

const SPECS: readonly FieldSpec[] = [
  { tag: 0x5f19, key: 'issuingAuthority', kind: 'text' },
  { tag: 0x5f26, key: 'dateOfIssue', kind: 'date' },
  { tag: 0x5f1a, key: 'otherPersons', kind: 'text' },
  { tag: 0x5f1b, key: 'endorsements', kind: 'text' },
  { tag: 0x5f1c, key: 'taxOrExitRequirements', kind: 'text' },
  { tag: 0x5f1d, key: 'imageOfFront', kind: 'bytes' },
  { tag: 0x5f1e, key: 'imageOfRear', kind: 'bytes' },
  { tag: 0x5f55, key: 'personalisationTime', kind: 'dateTime' },
  { tag: 0x5f56, key: 'personalisationDeviceSerial', kind: 'text' },
];
const REPEATED = [0x5f1a];

export function parseDg12(bytes: Uint8Array): Dg12 {
  return parsing('DG12', () => {
    const f = parseTaggedFields(openFile(bytes, 'DG12'), 'DG12', SPECS, REPEATED);
    const s = (key: string): string | null => textField(f, key);
    const b = (key: string): Uint8Array | null => bytesField(f, key);
    return {
      tagList: f.tagList,
      issuingAuthority: s('issuingAuthority'),
      dateOfIssue: s('dateOfIssue'),
      otherPersons: textList(f, 'otherPersons'),
      endorsements: s('endorsements'),
      taxOrExitRequirements: s('taxOrExitRequirements'),
      imageOfFront: b('imageOfFront'),
      imageOfRear: b('imageOfRear'),
      personalisationTime: s('personalisationTime'),
      personalisationDeviceSerial: s('personalisationDeviceSerial'),
      unknown: f.unknown,
    };
  });
}

export type Dg12Input = Partial<Omit<Dg12, 'tagList' | 'unknown'>>;

export function encodeDg12(input: Dg12Input): Uint8Array {
  return encodeTaggedFields(0x6c, SPECS, REPEATED, input as Record<string, string | Uint8Array | readonly string[] | null | undefined>);
}
