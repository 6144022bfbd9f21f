/** The readable form of a verification result, for `verify` and `read` without --json. */
import type { VerificationResult } from '../core/api/verification.ts';
import type { Note } from '../core/messages/message.ts';
import type { TrustFailure } from '../core/trust/store-folder.ts';
import { jsonMessage, label, messageText } from './output.ts';

export interface PrintExtras {
  readonly reasons?: Partial<Record<keyof VerificationResult['checks'], string>>;
  readonly cscaFingerprint?: string | null;
  readonly documentSigner?: string | null;
  readonly notes?: readonly Note[];
  readonly trustFailures?: readonly TrustFailure[];
}

export function printResult(result: VerificationResult, extras: PrintExtras = {}): void {
  console.log(`Verdict: ${result.verdict}`);
  for (const [name, check] of Object.entries(result.checks)) {
    const extra = 'protocol' in check && check.protocol ? ` (${check.protocol})`
      : 'method' in check && check.method ? ` (${check.method})`
      : 'csca' in check && check.csca ? ` (${check.csca})`
      : 'failed' in check && check.failed.length ? ` (DG${check.failed.join(', DG')})` : '';
    const why = extras.reasons?.[name as keyof VerificationResult['checks']];
    console.log(`  ${name.padEnd(20)} ${check.status}${extra}${why ? ` — ${why}` : ''}`);
  }
  if (extras.cscaFingerprint) console.log(`  CSCA SHA-256        ${extras.cscaFingerprint}`);
  if (extras.documentSigner) console.log(`  Document signer     ${extras.documentSigner}`);
  const doc = result.document;
  if (doc) console.log(`Document: ${doc.documentCode} issued by ${doc.issuingState}, expires ${doc.dateOfExpiry ?? 'never'}`);
  for (const note of extras.notes ?? []) console.log(messageText(note));
  for (const w of result.warnings) console.log(`${label('warning.label')}: ${messageText(w)}`);
  for (const f of extras.trustFailures ?? []) console.error(`Trust store: ${f.file} not loaded: ${messageText(f.error)}`);
  const s = result.stats;
  if (s.apdus > 0) console.log(`Read: ${s.apdus} APDUs, ${s.bytesRead} bytes, ${s.millis} ms`);
}

/**
 * The result as `read --json` and `verify --json` print it: the VerificationResult, each warning
 * with its text in the CLI's language beside its code and parameters.
 */
export function resultJson(result: VerificationResult): string {
  return JSON.stringify({ ...result, warnings: result.warnings.map(jsonMessage) });
}
