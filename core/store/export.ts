/**
 * Auditor export, CSV or JSON, with personal fields decrypted: only for an authenticated
 * supervisor. Written incrementally so a million records do not sit in memory at once.
 */
import { PERSONAL_FIELDS, type PersonalField } from './personal-fields.ts';
import type { Operator } from './operators.ts';
import type { RecordQueries } from './record-query.ts';
import type { RecordQuery, StoredRecord } from './record-types.ts';
import { storeError } from './errors.ts';
import { render, renderWithDetail } from '../messages/render.ts';
import type { Lang, UiKey } from '../messages/catalogue.ts';
import { spreadsheetDates, type SpreadsheetDates } from './export-dates.ts';

export type ExportFormat = 'csv' | 'json';

const CHECK_NAMES = ['accessControl', 'chipAuthentication', 'dataGroupHashes', 'sodSignature', 'certificateChain', 'revocation', 'documentExpiry', 'consistency'] as const;
/** The face image is binary and large; the export says whether one is stored instead. */
const EXPORTED_PERSONAL: readonly PersonalField[] = PERSONAL_FIELDS.filter((f) => f !== 'face');

const CSV_HEADER = [
  'id', 'seq', 'createdAt', 'terminalId', 'operator', 'purpose', 'documentType', 'issuingState', 'verdict', 'warnings',
  ...CHECK_NAMES, 'accessProtocol', 'cscaId', 'dsId', 'retainUntil', 'purgedAt', 'syncedAt', 'hash',
  ...EXPORTED_PERSONAL, 'faceStored',
];

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns holding a moment (shown in the clerk's time zone, named in the header) and a day. */
const TIME_COLUMNS: ReadonlySet<string> = new Set(['createdAt', 'retainUntil', 'purgedAt', 'syncedAt']);
const DAY_FIELDS: ReadonlySet<PersonalField> = new Set(['dateOfBirth', 'dateOfIssue', 'dateOfExpiry']);

/** A CSV for a spreadsheet: the clerk's language, and the dates as the clerk reads them. */
export interface Spreadsheet {
  readonly language: Lang;
  /** The clerk's IANA time zone (the browser's). */
  readonly timeZone: string;
}

/** The header row: the column codes for programs, or each column's name in a spreadsheet's language (a time column with its zone). */
function csvHeader(sheet: { language: Lang; dates: SpreadsheetDates } | undefined): string {
  if (!sheet) return CSV_HEADER.join(',');
  const name = (c: string): string => render(sheet.language, { code: `export.${c}` as UiKey }) + (TIME_COLUMNS.has(c) ? ` (${sheet.dates.timeZone})` : '');
  return CSV_HEADER.map((c) => csvCell(name(c))).join(',');
}

const AS_STORED: Pick<SpreadsheetDates, 'time' | 'day'> = { time: (v) => v, day: (v) => v };

function csvRow(r: StoredRecord, language: Lang, dates: Pick<SpreadsheetDates, 'time' | 'day'>): string {
  const personal = (f: PersonalField) => (DAY_FIELDS.has(f) ? dates.day(r.personal?.[f]) : r.personal?.[f]);
  const cells: (string | number | null | undefined)[] = [
    r.id, r.seq, dates.time(r.createdAt), r.terminalId, r.operator, r.purpose, r.documentType, r.issuingState, r.verdict, r.warnings.map((w) => renderWithDetail(language, w)).join('; '),
    ...CHECK_NAMES.map((c) => r.checks[c].status), r.checks.accessControl.protocol, r.cscaId, r.dsId, dates.time(r.retainUntil), dates.time(r.purgedAt),
    dates.time(r.syncedAt), r.hash, ...EXPORTED_PERSONAL.map(personal), r.personal?.face ? 'yes' : 'no',
  ];
  return cells.map(csvCell).join(',');
}

function jsonRecord(r: StoredRecord): string {
  const { face, ...personal } = r.personal ?? {};
  return JSON.stringify({ ...r, personal: r.personal ? { ...personal, faceStored: face !== undefined } : null });
}

export type ExportQuery = Omit<RecordQuery, 'limit' | 'beforeSeq' | 'offset'>;

/**
 * Yields the export in chunks (lines); the caller writes them to a file or stdout.
 * `onComplete` receives the number of records once the last chunk has been taken. With
 * `spreadsheet`, a CSV is made for a spreadsheet in that language: a byte-order mark (without it
 * Excel garbles Vietnamese), column names and warnings in the language, times in the clerk's time
 * zone and days as dd/mm/yyyy; without, the column codes and ISO 8601.
 */
export function* exportRecords(records: RecordQueries, by: Operator, format: ExportFormat, query: ExportQuery = {}, onComplete?: (count: number) => void, spreadsheet?: Spreadsheet): Generator<string> {
  if (by.role !== 'supervisor' || by.disabled) throw storeError('OPERATOR_FORBIDDEN');
  if (format !== 'csv' && format !== 'json') throw storeError('QUERY_INVALID', 'format must be csv or json');
  let count = 0;
  if (format === 'csv') {
    const sheet = spreadsheet && { language: spreadsheet.language, dates: spreadsheetDates(spreadsheet.timeZone) };
    yield (sheet ? '\uFEFF' : '') + csvHeader(sheet) + '\r\n';
    for (const r of records.iterate(query)) {
      yield csvRow(r, sheet?.language ?? 'en', sheet?.dates ?? AS_STORED) + '\r\n';
      count++;
    }
  } else {
    yield '[';
    for (const r of records.iterate(query)) {
      yield (count === 0 ? '\n' : ',\n') + jsonRecord(r);
      count++;
    }
    yield count === 0 ? ']\n' : '\n]\n';
  }
  onComplete?.(count);
}

/** Which filters an export used, for the audit log: never the searched name or number itself. */
export function describeQuery(query: ExportQuery): Record<string, string | boolean> {
  return {
    ...(query.search !== undefined || query.name !== undefined || query.idNumber !== undefined ? { searched: true } : {}),
    ...(query.verdict !== undefined ? { verdict: query.verdict } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
}
