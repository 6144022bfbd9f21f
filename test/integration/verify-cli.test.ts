/**
 * `eid-terminal verify --dump` and `eid-terminal trust` as a user runs them: real processes, dump
 * folders written from factory documents, a temporary data dir. Exit 0 VERIFIED, 1 NOT_VERIFIED /
 * FAILED, 2 error; --json prints exactly one JSON object.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { VariantName } from '../../core/chip/factory/document.ts';
import { toPem } from '../../core/trust/pem.ts';
import { z } from 'zod';
import { VerificationResultSchema } from '../../core/api/verification.ts';
import { WarningSchema } from '../../core/api/messages.ts';

/** What --json prints: the result, each warning with its text in the CLI's language. */
const CliResultSchema = VerificationResultSchema.extend({ warnings: z.array(WarningSchema.extend({ message: z.string() })) });

const BIN = resolve(process.cwd(), 'bin/eid-terminal.js');
const work = mkdtempSync(join(tmpdir(), 'eid-verify-cli-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, EID_TERMINAL_DATA_DIR: join(work, 'data') }, timeout: 60_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes the document's files as a dump folder (some with .bin, as tools produce them) and its CSCA as PEM. */
function dump(variant: VariantName | null): { dir: string; csca: string; crl: string } {
  const doc = buildDocument('cccd-2021', variant);
  const dir = join(work, variant ?? 'clean');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of doc.files) writeFileSync(join(dir, name.startsWith('DG') ? `${name}.bin` : name), bytes);
  const csca = join(work, 'csca.pem');
  writeFileSync(csca, doc.trust.cscas.map((c) => toPem('CERTIFICATE', c)).join(''));
  const crl = join(work, 'csca.crl');
  writeFileSync(crl, doc.trust.crls[0]!);
  return { dir, csca, crl };
}

function json(stdout: string): z.infer<typeof CliResultSchema> {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'exactly one JSON object on stdout');
  return CliResultSchema.parse(JSON.parse(lines[0]!));
}

test('clean document with --trust CSCA and CRL: VERIFIED, exit 0, chip checks SKIPPED with a warning', () => {
  const { dir, csca, crl } = dump(null);
  const r = run('verify', '--dump', dir, '--trust', csca, '--trust', crl, '--json');
  assert.equal(r.status, 0, r.stderr);
  const result = json(r.stdout);
  assert.equal(result.verdict, 'VERIFIED');
  assert.equal(result.checks.revocation.status, 'GOOD');
  assert.equal(result.checks.accessControl.status, 'SKIPPED');
  assert.equal(result.checks.chipAuthentication.status, 'SKIPPED');
  assert.ok(result.warnings.some((w) => w.code === 'CHIP_NOT_EXAMINED' && /chip was not examined/.test(w.message)));
  assert.equal(result.document?.issuingState, 'VNM');
});

test('signed under an untrusted CSCA: NOT_VERIFIED (UNKNOWN_CSCA), exit 1; human output names the verdict', () => {
  const { dir } = dump('unknown-csca');
  const r = run('verify', '--dump', dir, '--json');
  assert.equal(r.status, 1);
  assert.equal(json(r.stdout).checks.certificateChain.status, 'UNKNOWN_CSCA');
  const human = run('verify', '--dump', dir);
  assert.equal(human.status, 1);
  assert.match(human.stdout, /^Verdict: NOT_VERIFIED/);
});

test('tampered data group: FAILED, exit 1, the group named', () => {
  const { dir, csca } = dump('tampered-dg');
  const r = run('verify', '--dump', dir, '--trust', csca, '--json');
  assert.equal(r.status, 1);
  const result = json(r.stdout);
  assert.equal(result.verdict, 'FAILED');
  assert.deepEqual(result.checks.dataGroupHashes.failed, [2]);
});

test('errors: missing folder or option gives exit 2 and one JSON error object', () => {
  const r = run('verify', '--dump', join(work, 'nope'), '--json');
  assert.equal(r.status, 2);
  assert.equal(JSON.parse(r.stdout.trim()).error.code, 'DUMP_INVALID');
  assert.equal(run('verify', '--json').status, 2);
  const badTrust = run('verify', '--dump', dump(null).dir, '--trust', join(work, 'missing.pem'), '--json');
  assert.equal(badTrust.status, 2);
  assert.equal(JSON.parse(badTrust.stdout.trim()).error.code, 'TRUST_FILE_INVALID');
});

test('trust import / list / remove persist in the data dir and feed verify', () => {
  const { dir, csca } = dump(null);
  const imported = run('trust', 'import', csca, '--json');
  assert.equal(imported.status, 0, imported.stderr);
  // The demo CSCAs live in certs/demo/, outside the shipped trust store: the import adds it.
  assert.equal(JSON.parse(imported.stdout).imported[0].certificatesAdded, 1);
  const list = JSON.parse(run('trust', 'list', '--json').stdout);
  const vn = list.countries.find((c: { country: string }) => c.country === 'VN');
  const demo = vn.certificates.find((c: { subject: string }) => /DEMO CSCA Vietnam/.test(c.subject));
  assert.ok(demo, 'imported CSCA listed');
  assert.ok(vn.certificates.some((c: { knownAs: string | null }) => c.knownAs?.includes('CCCD')), 'shipped CCCD CSCA listed and named');
  assert.equal(run('verify', '--dump', dir).status, 0);
  assert.equal(run('trust', 'remove', demo.fingerprint).status, 0);
  assert.equal(run('verify', '--dump', dir).status, 1);
  assert.equal(run('trust', 'remove', demo.fingerprint, '--json').status, 2);
});
