/** The readable form of a verification result, for `verify` and `read` without --json. */
import type { VerificationResult } from '../core/api/verification.ts';
import type { Note } from '../core/messages/message.ts';
import type { TrustFailure } from '../core/trust/store-folder.ts';
import { jsonMessage, jsonText, label, messageText, print, printError } from './output.ts';

export interface PrintExtras {
  readonly cscaFingerprint?: string | null;
  readonly documentSigner?: string | null;
  readonly notes?: readonly Note[];
  readonly trustFailures?: readonly TrustFailure[];
}

export function printResult(result: VerificationResult, extras: PrintExtras = {}): void {
  const decided = result.decidedBy ? result.checks[result.decidedBy].reason : null;
  print(`Verdict: ${result.verdict}${result.decidedBy ? ` (${result.decidedBy}${decided ? `: ${messageText(decided)}` : ''})` : ''}`);
  for (const [name, check] of Object.entries(result.checks)) {
    const extra = 'protocol' in check && check.protocol ? ` (${check.protocol})`
      : 'method' in check && check.method ? ` (${check.method})`
      : 'csca' in check && check.csca ? ` (${check.csca})`
      : 'failed' in check && check.failed.length ? ` (DG${check.failed.join(', DG')})` : '';
    const why = check.reason ? messageText(check.reason) : null;
    print(`  ${name.padEnd(20)} ${check.status}${extra}${why ? ` — ${why}` : ''}`);
  }
  if (extras.cscaFingerprint) print(`  CSCA SHA-256        ${extras.cscaFingerprint}`);
  if (extras.documentSigner) print(`  Document signer     ${extras.documentSigner}`);
  const doc = result.document;
  if (doc) print(`Document: ${doc.documentCode} issued by ${doc.issuingState}, expires ${doc.dateOfExpiry ?? 'never'}`);
  if (doc?.dg13) {
    const f = doc.dg13;
    const wrapper = f.layout === 'wrapped' ? `version ${f.version ?? '?'}, character set ${f.charset ?? '?'}` : 'no wrapper';
    print(`DG13: ${f.layout} (${wrapper})${f.rawFields.length ? `, fields kept raw: ${f.rawFields.join(', ')}` : ''}`);
  }
  for (const note of extras.notes ?? []) print(messageText(note));
  for (const w of result.warnings) print(`${label('warning.label')}: ${messageText(w)}`);
  for (const f of extras.trustFailures ?? []) printError(`Trust store: ${f.file} not loaded: ${messageText(f.error)}`);
  const s = result.stats;
  if (s.apdus > 0) print(`Read: ${s.apdus} APDUs, ${s.bytesRead} bytes, ${s.millis} ms`);
}

/**
 * The result as `read --json` and `verify --json` print it: the VerificationResult, each warning
 * with its text in the CLI's language beside its code and parameters.
 */
export function resultJson(result: VerificationResult): string {
  return jsonText({ ...result, warnings: result.warnings.map(jsonMessage) });
}
