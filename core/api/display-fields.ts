/**
 * What the result screen may show of the holder, field by field: the purpose profile decides
 * (core/store/profiles.ts, docs/reference/purpose-profiles.md) and supervisors may adjust it. The
 * terminal leaves out of the screen's data what is not shown; the screen follows the same list.
 */
import { z } from 'zod';
import type { DocumentData, VnData } from './verification.ts';

export const DISPLAY_FIELDS = [
  'fullName', 'idNumber', 'documentNumber', 'dateOfBirth', 'age', 'sex', 'nationality', 'ethnicity', 'religion',
  'placeOfOrigin', 'placeOfResidence', 'identifyingMarks', 'dateOfIssue', 'dateOfExpiry', 'fatherName', 'motherName',
  'spouseName', 'oldIdNumber', 'face',
] as const;
export type DisplayField = (typeof DISPLAY_FIELDS)[number];
export const DisplayFieldSchema = z.enum(DISPLAY_FIELDS);

/** The display field that governs each holder value of the document data (DG1 and DG13). */
export const VN_DISPLAY: Readonly<Record<keyof VnData, DisplayField>> = {
  idNumber: 'idNumber', fullName: 'fullName', dateOfBirth: 'dateOfBirth', sex: 'sex', nationality: 'nationality',
  ethnicity: 'ethnicity', religion: 'religion', placeOfOrigin: 'placeOfOrigin', placeOfResidence: 'placeOfResidence',
  identifyingMarks: 'identifyingMarks', dateOfIssue: 'dateOfIssue', dateOfExpiry: 'dateOfExpiry', fatherName: 'fatherName',
  motherName: 'motherName', spouseName: 'spouseName', oldIdNumber: 'oldIdNumber',
};

type HolderKey = 'documentNumber' | 'personalNumber' | 'surname' | 'givenNames' | 'nationality' | 'dateOfBirth' | 'sex' | 'dateOfExpiry' | 'mrz';
export const DG1_DISPLAY: Readonly<Record<HolderKey, DisplayField | null>> = {
  documentNumber: 'documentNumber', personalNumber: 'idNumber', surname: 'fullName', givenNames: 'fullName', nationality: 'nationality',
  dateOfBirth: 'dateOfBirth', sex: 'sex', dateOfExpiry: 'dateOfExpiry',
  // The MRZ repeats the name, number and dates: never on screen.
  mrz: null,
};

/** Whether a document key (DG1 or DG13 name) is shown under `fields`; keys that are not about the holder always are. */
export function shows(fields: readonly DisplayField[], key: string, vn: boolean): boolean {
  const field = vn ? VN_DISPLAY[key as keyof VnData] : key in DG1_DISPLAY ? DG1_DISPLAY[key as HolderKey] : undefined;
  if (field === undefined) return true;
  // A passport's number is its holder's ID number: a profile that shows the ID number shows it.
  if (field === 'documentNumber') return fields.includes('documentNumber') || fields.includes('idNumber');
  return field !== null && fields.includes(field);
}

/** The document with every holder value that is not shown blanked (text '', nullable null). */
export function displayedDocument(doc: DocumentData, fields: readonly DisplayField[]): DocumentData {
  const out: Record<string, unknown> = { ...doc };
  for (const key of Object.keys(DG1_DISPLAY)) {
    if (!shows(fields, key, false)) out[key] = key === 'sex' ? 'X' : key === 'personalNumber' || key === 'dateOfExpiry' ? null : '';
  }
  if (doc.vn) {
    const vn: Record<string, unknown> = { ...doc.vn };
    for (const key of Object.keys(VN_DISPLAY)) if (!shows(fields, key, true)) vn[key] = null;
    out.vn = vn;
  }
  return out as DocumentData;
}
