/**
 * The real-world corpus (fixtures/corpus, issue 13): every case of expected.json through
 * `eid-terminal verify --dump … --json` with the case's --trust files and --at date, as a separate
 * process, two at a time. The verdict, the exit status, each check's status and reason, the failed
 * data groups, the CSCA named, the check that decided and the warnings the case requires must all
 * be what scripts/corpus/derive-expectations.py derived with OpenSSL, independently of the project.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { VerificationResultSchema, type VerificationResult } from '../../../core/api/verification.ts';
import type { WarningCode } from '../../../core/messages/catalogue.ts';
import { fixturePath } from '../../../fixtures/index.ts';

const run = promisify(execFile);
const ROOT = resolve(fixturePath('corpus'), '../..');
const BIN = join(ROOT, 'bin/eid-terminal.js');

interface ExpectedCheck { readonly status: string; readonly reason?: string; readonly failed?: number[]; readonly csca?: string | null }
interface ExpectedCase {
  readonly id: string;
  readonly dump: string;
  readonly trust: readonly string[];
  readonly at: string;
  readonly exit: 0 | 1 | 2;
  readonly verdict?: string;
  readonly reason?: string | null;
  readonly checks?: Readonly<Record<string, ExpectedCheck>>;
  readonly failedDataGroups?: readonly number[];
  readonly warnings?: readonly string[];
  readonly error?: { readonly code: string; readonly mentions: string };
}

const { cases } = JSON.parse(readFileSync(fixturePath('corpus', 'expected.json'), 'utf8')) as { cases: ExpectedCase[] };

/** The warning topics of expected.json and the catalogue warnings that carry them. */
const WARNING_TOPICS: Readonly<Record<string, WarningCode>> = {
  CHIP_NOT_EXAMINED: 'CHIP_NOT_EXAMINED',
  FILES_MISSING: 'FILES_MISSING',
  SOD_MISSING: 'NO_SECURITY_OBJECT',
  REVOCATION_UNKNOWN: 'REVOCATION_UNKNOWN',
  DOCUMENT_EXPIRED: 'DOCUMENT_EXPIRED',
  ID_DATA_CONTENT_TYPE: 'ID_DATA_CONTENT_TYPE',
  SIGNER_ID_MISMATCH: 'SIGNER_ID_MISMATCH',
  CERTIFICATE_EXPIRED_SINCE_SIGNING: 'CERTIFICATE_EXPIRED_SINCE_SIGNING',
};

// An empty data folder: only the shipped certificates and the case's --trust files count.
const dataDir = mkdtempSync(join(tmpdir(), 'eid-corpus-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function verify(c: ExpectedCase): Promise<{ status: number; stdout: string }> {
  const args = [BIN, 'verify', '--dump', join(ROOT, c.dump), '--at', c.at, '--json', '--data-dir', dataDir, ...c.trust.flatMap((t) => ['--trust', join(ROOT, t)])];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, timeout: 120_000 });
    return { status: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { status: err.code, stdout: err.stdout ?? '' };
  }
}

function compare(c: ExpectedCase, result: VerificationResult): void {
  assert.equal(result.verdict, c.verdict, 'verdict');
  const decided = result.decidedBy ? result.checks[result.decidedBy].reason?.code : null;
  assert.equal(decided ?? null, c.reason ?? null, `the reason of the deciding check (${result.decidedBy})`);
  for (const [name, expected] of Object.entries(c.checks ?? {})) {
    const actual = result.checks[name as keyof VerificationResult['checks']];
    assert.equal(actual.status, expected.status, `${name} status`);
    assert.equal(actual.reason?.code ?? null, expected.reason ?? null, `${name} reason`);
    if (name === 'certificateChain' && expected.status === 'PASS') assert.equal(result.checks.certificateChain.csca, expected.csca, 'the CSCA named');
  }
  assert.deepEqual(result.checks.dataGroupHashes.failed, c.failedDataGroups, 'failed data groups');
  for (const [topic, code] of Object.entries(WARNING_TOPICS)) {
    assert.equal(result.warnings.some((w) => w.code === code), c.warnings?.includes(topic) ?? false, `warning ${topic}`);
  }
}

describe('real-world corpus through `eid-terminal verify --dump --json`', { concurrency: 2 }, () => {
  for (const c of cases) {
    it(c.id, async () => {
      const { status, stdout } = await verify(c);
      assert.equal(status, c.exit, `exit status; stdout: ${stdout.slice(0, 2000)}`);
      const out: unknown = JSON.parse(stdout);
      if (c.exit === 2) {
        const { error } = out as { error: { code: string; message: string } };
        assert.equal(error.code, c.error?.code);
        assert.ok(error.message.includes(c.error!.mentions), `"${error.message}" names ${c.error!.mentions}`);
        return;
      }
      const result = VerificationResultSchema.parse(out);
      assert.equal(status, result.verdict === 'VERIFIED' ? 0 : 1);
      compare(c, result);
    });
  }
});
