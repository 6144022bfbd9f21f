/** How `records list` and `records show` print a record (masked or full, as the store's reader gave it). */
import type { StoredRecord } from '../core/store/record-types.ts';
import { messageText, print, printJson } from './output.ts';

/** A record for JSON output: the face image (base64) becomes a flag. */
function printable(r: StoredRecord): unknown {
  if (!r.personal) return r;
  const { face, ...personal } = r.personal;
  return { ...r, personal: { ...personal, ...(face ? { faceStored: true } : {}) } };
}

export function printRecordsJson(records: readonly StoredRecord[]): void {
  printJson(records.map(printable));
}

export function printRecordJson(record: StoredRecord): void {
  printJson(printable(record), 2);
}

export function listLine(r: StoredRecord): string {
  const doc = [r.documentType, r.issuingState].filter(Boolean).join('/') || '-';
  const who = r.personal ? `${r.personal.fullName ?? '-'}  ${r.personal.idNumber ?? '-'}` : r.purgedAt ? '(purged)' : '-';
  return `${String(r.seq).padStart(6)}  ${r.createdAt}  ${r.verdict.padEnd(12)}  ${doc.padEnd(7)}  ${r.operator.padEnd(12)}  ${who}  ${r.id}`;
}

export function printRecord(r: StoredRecord, full: boolean): void {
  print(`record     ${r.id} (#${r.seq})\ntime       ${r.createdAt}\nverdict    ${r.verdict}${r.warnings.length ? `  warnings: ${r.warnings.map(messageText).join('; ')}` : ''}`);
  print(`terminal   ${r.terminalId}\noperator   ${r.operator}\npurpose    ${r.purpose}\ndocument   ${r.documentType ?? '-'} issued by ${r.issuingState ?? '-'}`);
  for (const [name, check] of Object.entries(r.checks)) print(`  ${name.padEnd(20)} ${check.status}`);
  print(`CSCA       ${r.cscaId ?? '-'}\nDS         ${r.dsId ?? '-'}`);
  for (const [k, val] of Object.entries(r.protocol)) print(`protocol   ${k}: ${String(val)}`);
  if (r.personal) {
    for (const [k, val] of Object.entries(r.personal)) print(`  ${k.padEnd(20)} ${k === 'face' ? '(image stored)' : val}`);
    if (!full) print('  (masked: --full --by SUPERVISOR shows the personal data, and is audited)');
  } else print(r.purgedAt ? `personal data purged ${r.purgedAt}` : 'no personal data kept');
  print(`keep until ${r.retainUntil}\nsynced     ${r.syncedAt ?? 'not yet'}\nhash       ${r.hash}`);
}
