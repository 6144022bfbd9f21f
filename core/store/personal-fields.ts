/**
 * The personal fields a verification can yield, taken from the document data (DG1, DG13) and
 * the optional face image. A purpose profile picks which of these are kept.
 */
import type { DocumentData } from '../api/verification.ts';

export const PERSONAL_FIELDS = [
  'idNumber', 'documentNumber', 'fullName', 'dateOfBirth', 'sex', 'nationality', 'dateOfIssue',
  'dateOfExpiry', 'placeOfOrigin', 'placeOfResidence', 'ethnicity', 'religion', 'identifyingMarks',
  'fatherName', 'motherName', 'spouseName', 'oldIdNumber', 'mrz', 'face',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Never kept unless a profile names them explicitly, and never sent to the registry. */
export const SENSITIVE_FIELDS: readonly PersonalField[] = ['mrz', 'face'];

/** Field values as strings; `face` is base64 of the image bytes. */
export type PersonalData = Partial<Record<PersonalField, string>>;

function nonEmpty(v: string | null | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** The MRZ name "SURNAME<<GIVEN<NAMES" is parsed by lds/ into parts; rejoin them for display. */
function mrzName(doc: DocumentData): string | undefined {
  return nonEmpty([doc.surname, doc.givenNames].map((p) => p.trim()).filter(Boolean).join(' '));
}

/**
 * Every personal value the document offers. The ID number is the Vietnamese 12-digit number
 * when DG13 has it, else the MRZ personal number, else the document number (passports).
 */
export function extractPersonalData(doc: DocumentData, faceImage?: Uint8Array): PersonalData {
  const vn = doc.vn;
  const all: PersonalData = {
    idNumber: nonEmpty(vn?.idNumber) ?? nonEmpty(doc.personalNumber) ?? nonEmpty(doc.documentNumber),
    documentNumber: nonEmpty(doc.documentNumber),
    fullName: nonEmpty(vn?.fullName) ?? mrzName(doc),
    dateOfBirth: nonEmpty(vn?.dateOfBirth) ?? nonEmpty(doc.dateOfBirth),
    sex: nonEmpty(vn?.sex) ?? nonEmpty(doc.sex),
    nationality: nonEmpty(vn?.nationality) ?? nonEmpty(doc.nationality),
    dateOfIssue: nonEmpty(vn?.dateOfIssue),
    dateOfExpiry: nonEmpty(vn?.dateOfExpiry) ?? nonEmpty(doc.dateOfExpiry),
    placeOfOrigin: nonEmpty(vn?.placeOfOrigin),
    placeOfResidence: nonEmpty(vn?.placeOfResidence),
    ethnicity: nonEmpty(vn?.ethnicity),
    religion: nonEmpty(vn?.religion),
    identifyingMarks: nonEmpty(vn?.identifyingMarks),
    fatherName: nonEmpty(vn?.fatherName),
    motherName: nonEmpty(vn?.motherName),
    spouseName: nonEmpty(vn?.spouseName),
    oldIdNumber: nonEmpty(vn?.oldIdNumber),
    mrz: nonEmpty(doc.mrz),
    face: faceImage && faceImage.length > 0 ? Buffer.from(faceImage).toString('base64') : undefined,
  };
  const out: PersonalData = {};
  for (const f of PERSONAL_FIELDS) if (all[f] !== undefined) out[f] = all[f];
  return out;
}

/** Only the named fields. */
export function pickFields(data: PersonalData, fields: readonly PersonalField[]): PersonalData {
  const out: PersonalData = {};
  for (const f of fields) if (data[f] !== undefined) out[f] = data[f];
  return out;
}

/** The last four characters only: enough for a clerk to recognise a record, not enough to copy. */
export function maskIdNumber(id: string): string {
  return `${'•'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

/** "Nguyen Van An" becomes "N. V. A.": the first letter of each word, an accented one kept as it is. */
export function nameInitials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((w) => `${[...w][0]}.`).join(' ');
}

/**
 * What anyone may see of a record's personal fields: the ID number down to its last four digits
 * and the name as initials; everything else (birth date, addresses, parents, face) is left out.
 */
export function maskPersonal(data: PersonalData): PersonalData {
  return {
    ...(data.idNumber !== undefined ? { idNumber: maskIdNumber(data.idNumber) } : {}),
    ...(data.fullName !== undefined ? { fullName: nameInitials(data.fullName) } : {}),
  };
}
