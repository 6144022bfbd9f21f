/**
 * `eid-terminal verify --dump` over every profile and broken preset of the factory, as separate
 * processes: each dump must reach the verdict and deciding check recorded with its preset, and a
 * genuine Vietnamese card must give every DG13 field, whatever layout its DG13 has. The
 * cloned chip is the exception by nature: a dump holds no chip, so only a live read can catch it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES, PROFILES } from '../../../core/chip/factory/profiles.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../../core/chip/factory/variants.ts';
import { VerificationResultSchema } from '../../../core/api/verification.ts';
import { expectedVnData } from '../../helpers/vn-holder.ts';

const run = promisify(execFile);
const BIN = resolve(process.cwd(), 'bin/eid-terminal.js');
const work = mkdtempSync(join(tmpdir(), 'eid-verify-all-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

async function verify(args: string[]): Promise<{ status: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'verify', ...args], { timeout: 60_000, env: { ...process.env, EID_TERMINAL_DATA_DIR: join(work, 'data') } });
    return { status: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { status: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '' };
  }
}

for (const profile of PROFILE_NAMES) {
  for (const variant of [null, ...VARIANT_NAMES]) {
    if (variant === 'cloned-chip' || (variant && !variantAppliesTo(variant, PROFILES[profile]))) continue;
    test(`verify --dump ${profile}${variant ? ' / ' + variant : ''}`, async () => {
      const doc = buildDocument(profile, variant);
      const dir = join(work, `${profile}-${variant ?? 'genuine'}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, bytes] of doc.files) writeFileSync(join(dir, name), bytes);
      const trust = [...doc.trust.cscas, ...doc.trust.crls].map((der, i) => {
        const path = join(dir, `..`, `${profile}-${variant ?? 'genuine'}-trust-${i}.der`);
        writeFileSync(path, der);
        return ['--trust', path];
      });
      const { status, stdout } = await verify(['--dump', dir, '--json', ...trust.flat()]);
      const result = VerificationResultSchema.parse(JSON.parse(stdout));
      assert.equal(result.verdict, doc.expected.verdict, stdout);
      if (doc.expected.check) assert.equal((result.checks[doc.expected.check] as { status: string }).status, doc.expected.status);
      if (doc.expected.failedDataGroups) assert.deepEqual(result.checks.dataGroupHashes.failed, [...doc.expected.failedDataGroups]);
      assert.equal(status, result.verdict === 'VERIFIED' ? 0 : 1);
      if (PROFILES[profile].vietnamese && doc.expected.verdict === 'VERIFIED' && variant !== 'dg13-empty') {
        // DG13 as the chip lays it out (or flat, or with the parents together): every field, diacritics included.
        assert.deepEqual(result.document?.vn, expectedVnData(doc.holder));
        assert.equal(result.document?.dg13?.layout, variant === 'dg13-flat' ? 'flat' : 'wrapped');
      }
    });
  }
}
