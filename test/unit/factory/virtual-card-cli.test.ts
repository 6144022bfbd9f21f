/** `eid-terminal virtual-card`: list output and argument errors (serving over vpcd is exercised by integration tests). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { command } from '../../../cli/commands/virtual-card.ts';
import { isEidError } from '../../../core/errors.ts';
import { parseMrz } from '../../../core/mrz/index.ts';

async function captured(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const code = await command.run(args);
    return { code, out: lines.join('\n') };
  } finally {
    console.log = original;
  }
}

test('list --json: every profile with its variants, a parseable MRZ and the expected verdict', async () => {
  const { code, out } = await captured(['list', '--json']);
  assert.equal(code, 0);
  const { documents } = JSON.parse(out) as { documents: { profile: string; variant: string | null; mrz: string; can: string | null; expected: { verdict: string } }[] };
  assert.deepEqual([...new Set(documents.map((d) => d.profile))], ['cccd-2021', 'can-cuoc-2024', 'icao-td3-passport', 'foreign-td1-id']);
  assert.ok(documents.some((d) => d.variant === 'cloned-chip' && d.expected.verdict === 'FAILED'));
  assert.ok(!documents.some((d) => d.profile === 'foreign-td1-id' && d.variant === 'dg1-dg13-mismatch'));
  for (const d of documents) assert.deepEqual(parseMrz(d.mrz).checkDigitErrors, []);
  assert.ok(documents.find((d) => d.profile === 'can-cuoc-2024')?.can?.match(/^\d{6}$/));
});

test('serve refuses unknown profiles, variants that do not apply, bad ports and --dump without --mrz', async () => {
  for (const args of [
    ['serve', '--profile', 'nope'],
    ['serve', '--profile', 'foreign-td1-id', '--variant', 'dg1-dg13-mismatch'],
    ['serve', '--profile', 'cccd-2021', '--variant', 'nope'],
    ['serve', '--profile', 'cccd-2021', '--port', '70000'],
    ['serve', '--dump', '/tmp'],
    ['frobnicate'],
  ]) {
    await assert.rejects(command.run(args), (e) => isEidError(e, 'USAGE'), args.join(' '));
  }
});
