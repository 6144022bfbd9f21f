/**
 * `eid-terminal verify --dump DIR [--trust PATH]... [--json] [--data-dir DIR] [--at DATE]`:
 * offline verification of a dump folder. Exit 0 VERIFIED, 1 NOT_VERIFIED or FAILED, 2 error.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import type { VerificationResult } from '../../core/api/verification.ts';
import { readDumpFolder } from '../../core/trust/dump-folder.ts';
import { verifyDocumentWithDetails } from '../../core/trust/verify-document.ts';
import { printResult, resultJson } from '../result-printer.ts';
import { trustForRun } from '../trust-options.ts';
import { print, usageError } from '../output.ts';

const HELP = `Usage: eid-terminal verify --dump DIR [--trust PATH]... [--json] [--data-dir DIR] [--at DATE]

Verifies a dump folder (files COM, SOD, DG1 ... DG16, CardAccess, CardSecurity, each optionally
with .bin) offline: data group hashes, SOD signature, Document Signer -> CSCA path, revocation,
document expiry and DG1/DG13 consistency. The chip itself is not examined.

  --dump DIR       the folder to verify
  --trust PATH     add a certificate, master list, LDIF or CRL file, or a folder of them, to the
                   trust store for this run only (repeatable)
  --json           print exactly one JSON object (the verification result)
  --data-dir DIR   where the persistent trust store lives (<DIR>/trust)
  --at DATE        verify as of this date (YYYY-MM-DD or ISO time) instead of now

Exit status: 0 VERIFIED, 1 NOT_VERIFIED or FAILED, 2 error.`;

function parseDate(text: string): Date {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw usageError(`--at: not a date: ${text}`);
  return d;
}

export const command: Command = {
  summary: 'verify a dump folder offline (passive authentication, expiry, consistency)',
  async run(args: string[]): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        dump: { type: 'string' },
        trust: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      print(HELP);
      return 0;
    }
    if (!values.dump) throw usageError('--dump DIR is required');
    const now = values.at ? parseDate(values.at) : new Date();
    const files = readDumpFolder(values.dump);
    const { store, failures } = trustForRun(resolveDataDir(values['data-dir']), values.trust ?? [], now);
    const started = performance.now();
    const details = verifyDocumentWithDetails(files, store, { now });
    const result: VerificationResult = { ...details.result, stats: { ...details.result.stats, millis: Math.round(performance.now() - started) } };
    if (values.json) print(resultJson(result));
    else printResult(result, { cscaFingerprint: details.cscaFingerprint, documentSigner: details.documentSigner, trustFailures: failures });
    return result.verdict === 'VERIFIED' ? 0 : 1;
  },
};
