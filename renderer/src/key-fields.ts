/**
 * The key entry's fields and the access key they make. Dates are typed as the card prints them
 * (dd/mm/yyyy, with / - or .), as ddmmyyyy, or as YYMMDD (the MRZ's form); every wrong field is
 * named with its own message.
 */
import { AccessKeySchema, type AccessKey } from '../../core/api/terminal-api.ts';
import type { UiKey } from '../../core/messages/catalogue.ts';

export interface Fields {
  idNumber: string;
  documentNumber: string;
  dateOfBirth: string;
  dateOfExpiry: string;
  mrz: string;
  qr: string;
  can: string;
}
export type FieldErrors = Partial<Record<keyof Fields, UiKey>>;

export const EMPTY_FIELDS: Fields = { idNumber: '', documentNumber: '', dateOfBirth: '', dateOfExpiry: '', mrz: '', qr: '', can: '' };

const exists = (year: number, month: number, day: number): boolean => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

/** YYMMDD for a date typed as printed, ddmmyyyy or YYMMDD; null when it is none of these or does not exist. */
export function printedDate(text: string): string | null {
  const t = text.trim();
  const full = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (full) {
    const [day, month, year] = [Number(full[1]), Number(full[2]), Number(full[3])];
    return exists(year, month, day) ? `${full[3]!.slice(2)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}` : null;
  }
  const short = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  // The century does not matter for whether a day exists, except 29 February: 2000 + YY decides it.
  return short && exists(2000 + Number(short[1]), Number(short[2]), Number(short[3])) ? t : null;
}

export function fieldsOf(key: AccessKey): Fields {
  switch (key.kind) {
    case 'cccd':
      return { ...EMPTY_FIELDS, idNumber: key.idNumber, dateOfBirth: key.dateOfBirth ?? '', dateOfExpiry: key.dateOfExpiry ?? '' };
    case 'document':
      return { ...EMPTY_FIELDS, documentNumber: key.documentNumber, dateOfBirth: key.dateOfBirth, dateOfExpiry: key.dateOfExpiry };
    case 'mrz':
      return { ...EMPTY_FIELDS, mrz: key.mrz };
    case 'qr':
      return { ...EMPTY_FIELDS, qr: key.text };
    case 'can':
      return { ...EMPTY_FIELDS, can: key.can };
  }
}

/** The fields each kind of key reads, and what they become. */
const READ: { [K in AccessKey['kind']]: (f: Fields) => Partial<Record<keyof Fields, string | null>> } = {
  // A Vietnamese card may open with the ID number alone (PACE-CAN): the dates only when typed.
  cccd: (f) => ({ idNumber: f.idNumber.trim(), ...(f.dateOfBirth.trim() && { dateOfBirth: printedDate(f.dateOfBirth) }), ...(f.dateOfExpiry.trim() && { dateOfExpiry: printedDate(f.dateOfExpiry) }) }),
  document: (f) => ({ documentNumber: f.documentNumber.trim().toUpperCase(), dateOfBirth: printedDate(f.dateOfBirth), dateOfExpiry: printedDate(f.dateOfExpiry) }),
  mrz: (f) => ({ mrz: f.mrz.toUpperCase().replace(/[^A-Z0-9<\n]/g, '') }),
  qr: (f) => ({ qr: f.qr.trim() }),
  can: (f) => ({ can: f.can.trim() }),
};

const ERROR: Record<keyof Fields, UiKey> = {
  idNumber: 'key.error.idNumber', documentNumber: 'key.error.documentNumber', dateOfBirth: 'key.error.dateOfBirth',
  dateOfExpiry: 'key.error.dateOfExpiry', mrz: 'key.error.mrz', qr: 'key.error.qr', can: 'key.error.can',
};

export function keyFromFields(kind: AccessKey['kind'], fields: Fields): { key: AccessKey } | { errors: FieldErrors } {
  const values = READ[kind](fields);
  const { qr, ...rest } = values;
  const parsed = AccessKeySchema.safeParse({ kind, ...rest, ...(qr !== undefined && { text: qr }) });
  if (parsed.success) return { key: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'text' ? 'qr' : (issue.path[0] as keyof Fields);
    if (field in ERROR) errors[field] = ERROR[field];
  }
  return { errors };
}
