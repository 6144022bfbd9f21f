/**
 * Issue 15, row 12: `records list` and `records show` mask personal data by default (the ID
 * number down to its last four digits, names to initials, the rest left out); the full data
 * needs `--full` and a supervisor whose PIN comes from a prompt, a file or the environment (never
 * an argument), and every full read is in the audit log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { openStore } from '../../core/store/store.ts';
import { ALICE, BOB, tempDir, vnResult } from '../unit/store/fixtures.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

const posix = process.platform !== 'win32';
const PERSONAL = [ALICE.idNumber, BOB.idNumber, ALICE.fullName, BOB.fullName, 'Phố Huế', '1990-02-03', 'Lê Thị Mẹ'];

function seed(dir: string): string[] {
  const store = openStore({ dataDir: dir });
  try {
    const mai = store.operators.add('Mai', 'supervisor', '2468', null);
    store.operators.add('Lan', 'clerk', '1357', mai);
    return [ALICE, BOB].map((p) => store.write({ result: vnResult(p), context: { operator: 'Mai' } }).id);
  } finally {
    store.close();
  }
}

async function records(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const before = { EID_TERMINAL_BY_PIN: process.env.EID_TERMINAL_BY_PIN };
  for (const [k, v] of Object.entries({ EID_TERMINAL_BY_PIN: undefined, ...env })) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return await captureOutput(() => main(['records', ...args]));
  } finally {
    if (before.EID_TERMINAL_BY_PIN === undefined) delete process.env.EID_TERMINAL_BY_PIN;
    else process.env.EID_TERMINAL_BY_PIN = before.EID_TERMINAL_BY_PIN;
  }
}

test('row 12: list and show mask personal data by default, in text and JSON', async () => {
  const dir = tempDir();
  try {
    const [alice] = seed(dir);
    for (const args of [['list'], ['list', '--json'], ['show', alice!], ['show', alice!, '--json']]) {
      const { code, out } = await records([...args, '--data-dir', dir]);
      assert.equal(code, 0, args.join(' '));
      for (const p of PERSONAL) assert.equal(out.includes(p), false, `${args.join(' ')} shows ${p}`);
      assert.match(out, /1234/, 'the last four digits stay, to recognise a record');
    }
    const json = JSON.parse((await records(['show', alice!, '--json', '--data-dir', dir])).out) as { personal: Record<string, string> };
    assert.deepEqual(json.personal, { idNumber: '••••••••1234', fullName: 'T. T. Á. D.' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 12: --full needs a supervisor and a PIN from the environment or a 0600 file, never from an argument; each full read is audited', async () => {
  const dir = tempDir();
  try {
    const [alice] = seed(dir);
    assert.equal((await records(['list', '--full', '--by', 'Mai', '--by-pin', '2468', '--data-dir', dir])).code, 2, 'no PIN argument');
    assert.equal((await records(['list', '--full', '--data-dir', dir])).code, 2, 'no supervisor named');
    assert.equal((await records(['list', '--full', '--by', 'Mai', '--data-dir', dir])).code, 2, 'no PIN at hand (no terminal to prompt on)');
    const clerk = await records(['list', '--full', '--by', 'Lan', '--json', '--data-dir', dir], { EID_TERMINAL_BY_PIN: '1357' });
    assert.equal(JSON.parse(clerk.out).error.code, 'OPERATOR_FORBIDDEN');

    const full = await records(['list', '--full', '--by', 'Mai', '--json', '--data-dir', dir], { EID_TERMINAL_BY_PIN: '2468' });
    assert.equal(full.code, 0, full.err);
    assert.deepEqual((JSON.parse(full.out) as { personal: { idNumber: string } }[]).map((r) => r.personal.idNumber), [BOB.idNumber, ALICE.idNumber]);

    const pinFile = join(dir, 'pin');
    writeFileSync(pinFile, '2468\n', { mode: 0o600 });
    const shown = await records(['show', alice!, '--full', '--by', 'Mai', '--by-pin-file', pinFile, '--data-dir', dir]);
    assert.equal(shown.code, 0, shown.err);
    assert.ok(shown.out.includes(ALICE.fullName) && shown.out.includes('Phố Huế'));
    if (posix) {
      chmodSync(pinFile, 0o644);
      const loose = await records(['show', alice!, '--full', '--by', 'Mai', '--by-pin-file', pinFile, '--json', '--data-dir', dir]);
      assert.equal(JSON.parse(loose.out).error.code, 'PIN_FILE_INSECURE');
    }

    const audit = JSON.parse((await records(['audit', '--json', '--data-dir', dir])).out) as { actor: string; action: string; detail: Record<string, unknown> }[];
    const reads = audit.filter((e) => e.action === 'read-full');
    assert.deepEqual(reads.map((e) => [e.actor, e.detail]), [['Mai', { read: 'record', record: alice, count: 1 }], ['Mai', { read: 'list', count: 2 }]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
