/**
 * The `document` part of the verification result (core/api DocumentSchema) from the parsed
 * files: DG1's MRZ, DG13's Vietnamese data when present, and the face's type and size (never the
 * picture itself: the result is stored and synced, the face is shown and dropped).
 */
import type { Dg13Format, DocumentData } from '../api/verification.ts';
import type { Dg1 } from './dg1.ts';
import { dg13IsEmpty, type Dg13Vn } from './dg13-vn.ts';
import type { FaceImage } from './dg2.ts';

function dg13Format(dg13: Dg13Vn): Dg13Format {
  const rawFields = dg13.fields.map((f) => f.number).filter((n) => n >= 16);
  return { layout: dg13.layout, version: dg13.version, charset: dg13.charset, rawFields: [...new Set(rawFields)] };
}

export function documentData(dg1: Dg1, options: { dg13?: Dg13Vn | null; face?: FaceImage | null } = {}): DocumentData {
  const m = dg1.mrz;
  return {
    documentCode: m.documentCode,
    issuingState: m.issuingState.replace(/</g, ''),
    documentNumber: m.documentNumber,
    personalNumber: m.personalNumber,
    surname: m.surname,
    givenNames: m.givenNames,
    nationality: m.nationality.replace(/</g, ''),
    // ISO when the MRZ gives a full date; as printed ("74<<<<" style) when parts are unknown.
    dateOfBirth: m.dateOfBirthIso ?? m.dateOfBirth,
    sex: m.sex,
    dateOfExpiry: m.dateOfExpiryIso,
    mrz: dg1.mrzText,
    face: options.face ? { mimeType: options.face.mimeType, bytes: options.face.image.length } : null,
    vn: options.dg13 && !dg13IsEmpty(options.dg13) ? options.dg13.data : null,
    ...(options.dg13 && { dg13: dg13Format(options.dg13) }),
  };
}
