/** Typed errors of the MRZ and key-input layer; callers branch on the code, clerks read the catalogue's text. */
import { EidError } from '../errors.ts';
import type { MrzField, MrzProblem, QrProblem } from '../messages/catalogue/en/errors-documents.ts';

export type { MrzField, MrzProblem };

/** MRZ_INVALID naming the field, so the clerk knows which box to re-type. */
export class MrzError extends EidError<'MRZ_INVALID'> {
  readonly field: MrzField;
  constructor(field: MrzField, problem: MrzProblem, detail?: string) {
    super('MRZ_INVALID', { field, problem, ...(detail !== undefined && { detail }) });
    this.field = field;
  }
}

export function mrzInvalid(field: MrzField, problem: MrzProblem, detail?: string): MrzError {
  return new MrzError(field, problem, detail);
}

export function checkDigitMismatch(field: MrzField): MrzError {
  return new MrzError(field, 'checkDigit');
}

export function qrInvalid(problem: QrProblem, detail?: string): EidError {
  return new EidError('QR_INVALID', { problem, ...(detail !== undefined && { detail }) });
}
