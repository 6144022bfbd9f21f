/**
 * `eid-terminal read` end to end on a real PC/SC stack: pcscd with vsmartcard-vpcd, a virtual
 * chip behind the vpcd socket, the `smartcard` binding. Every profile and broken variant of the
 * factory must come out with its expected verdict and exit status, and be recorded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES, PROFILES } from '../../../core/chip/factory/profiles.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../../core/chip/factory/variants.ts';
import { virtualChipFor } from '../../../core/chip/virtual-chip.ts';
import { VerificationResultSchema } from '../../../core/api/verification.ts';
import { VpcdBridge } from '../../../native/vpcd-bridge.ts';
import { requirePcscd, waitForCardState } from '../../../fixtures/pcscd.ts';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'eid-terminal.js');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, ...args], { timeout: 60_000, env: { ...process.env, ...env } });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '' };
  }
}

test('eid-terminal read: every profile and preset through pcscd gives its verdict', async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;
  const work = mkdtempSync(join(tmpdir(), 'eid-read-cli-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  let reads = 0;
  for (const profile of PROFILE_NAMES) {
    for (const variant of [null, ...VARIANT_NAMES]) {
      if (variant && !variantAppliesTo(variant, PROFILES[profile])) continue;
      await t.test(`${profile}${variant ? ' / ' + variant : ''}`, async () => {
        const doc = buildDocument(profile, variant);
        const trust = doc.trust.cscas.concat(doc.trust.crls).map((der, i) => {
          const path = join(work, `${profile}-${variant ?? 'genuine'}-${i}.der`);
          writeFileSync(path, der);
          return path;
        });
        const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd.port(0) });
        try {
          await bridge.insert();
          await waitForCardState(pcscd.reader(0), true);
          const { code, stdout } = await cli([
            'read', '--reader', pcscd.reader(0), '--mrz', doc.access.mrz, '--json', '--data-dir', join(work, 'data'),
            ...trust.flatMap((p) => ['--trust', p]),
          ]);
          const result = VerificationResultSchema.parse(JSON.parse(stdout));
          assert.equal(result.verdict, doc.expected.verdict, stdout);
          if (doc.expected.check) assert.equal((result.checks[doc.expected.check] as { status: string }).status, doc.expected.status);
          assert.equal(code, result.verdict === 'VERIFIED' ? 0 : 1);
          assert.ok(result.stats.apdus > 0);
          reads++;
        } finally {
          await bridge.stop();
          await waitForCardState(pcscd.reader(0), false);
        }
      });
    }
  }
  const { stdout } = await cli(['records', 'list', '--json', '--data-dir', join(work, 'data'), '--limit', '200']);
  assert.equal((JSON.parse(stdout) as unknown[]).length, reads, 'every read was recorded');
});

test('eid-terminal read: no card and a wrong key give their typed errors (exit 2)', async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;
  const doc = buildDocument('cccd-2021');
  const empty = await cli(['read', '--reader', pcscd.reader(0), '--mrz', doc.access.mrz, '--json', '--no-store']);
  assert.equal(empty.code, 2);
  assert.equal(JSON.parse(empty.stdout).error.code, 'NO_CARD');
  const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd.port(0) });
  t.after(() => bridge.stop());
  await bridge.insert();
  await waitForCardState(pcscd.reader(0), true);
  const wrong = await cli(['read', '--reader', pcscd.reader(0), '--document-number', 'C01X00T47', '--date-of-birth', '740812', '--date-of-expiry', '120415', '--json', '--no-store']);
  assert.equal(wrong.code, 2);
  assert.equal(JSON.parse(wrong.stdout).error.code, 'ACCESS_DENIED');
});

test('eid-terminal read --cccd ID12: the ID number alone opens a 2024 card with PACE-CAN; a card without PACE asks for the birth date (exit 2), then verifies', async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;
  const work = mkdtempSync(join(tmpdir(), 'eid-read-cccd-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  for (const variant of [null, 'without-pace'] as const) {
    const doc = buildDocument('can-cuoc-2024', variant);
    const trust = doc.trust.cscas.concat(doc.trust.crls).map((der, i) => {
      const path = join(work, `${variant ?? 'genuine'}-${i}.der`);
      writeFileSync(path, der);
      return ['--trust', path];
    }).flat();
    const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd.port(0) });
    try {
      await bridge.insert();
      await waitForCardState(pcscd.reader(0), true);
      const read = (extra: string[]): Promise<{ code: number; stdout: string }> => cli(['read', '--reader', pcscd.reader(0), '--cccd', doc.holder.idNumber, ...extra, '--json', '--no-store', ...trust]);
      if (variant === null) {
        const { code, stdout } = await read([]);
        const result = VerificationResultSchema.parse(JSON.parse(stdout));
        assert.deepEqual([code, result.verdict], [0, 'VERIFIED'], stdout);
        assert.equal(result.checks.accessControl.protocol, 'PACE-CAN ECDH-GM-AES-128 brainpoolP256r1');
      } else {
        const refused = await read([]);
        assert.equal(refused.code, 2);
        const error = JSON.parse(refused.stdout).error;
        assert.equal(error.code, 'BIRTH_DATE_NEEDED');
        assert.deepEqual(error.params, { reason: 'no-pace' });
        const { code, stdout } = await read(['--date-of-birth', doc.access.mrz.split('\n')[1]!.slice(0, 6)]);
        const result = VerificationResultSchema.parse(JSON.parse(stdout));
        assert.deepEqual([code, result.verdict, result.checks.accessControl.protocol], [0, 'VERIFIED', 'BAC'], stdout);
      }
    } finally {
      await bridge.stop();
      await waitForCardState(pcscd.reader(0), false);
    }
  }
});

test('eid-terminal read: once operator accounts exist, the record must name a signed-in one', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-read-op-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const doc = buildDocument('cccd-2021');
  assert.equal((await cli(['records', 'operator-add', 'lan', '--role', 'supervisor', '--data-dir', dataDir], { EID_TERMINAL_PIN: '2468' })).code, 0);
  const anonymous = await cli(['read', '--mrz', doc.access.mrz, '--json', '--data-dir', dataDir]);
  assert.deepEqual([anonymous.code, JSON.parse(anonymous.stdout).error.code], [2, 'SIGN_IN_REQUIRED']);
  const wrongPin = await cli(['read', '--mrz', doc.access.mrz, '--json', '--data-dir', dataDir, '--operator', 'lan', '--pin', '1111']);
  assert.deepEqual([wrongPin.code, JSON.parse(wrongPin.stdout).error.code], [2, 'OPERATOR_AUTH_FAILED']);
});
