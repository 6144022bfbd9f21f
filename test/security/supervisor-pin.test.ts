/**
 * Issue 15, row 14 (the last item): `--supervisor NAME:PIN` showed the PIN to every local user
 * (`ps`). The PIN now comes from a prompt, `--supervisor-pin-file` (owner-only) or
 * EID_TERMINAL_SUPERVISOR_PIN; the old form is refused with a typed error that says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostOptions, SUPERVISOR_PIN_ENV } from '../../host/host-options.ts';
import { withSupervisorPin } from '../../cli/supervisor-option.ts';
import { isEidError } from '../../core/errors.ts';
import { runCli, stackTraceLines } from '../helpers/cli-process.ts';

const code = (work: () => unknown): string => {
  try {
    work();
  } catch (e) {
    return isEidError(e) ? e.code : String(e);
  }
  return 'no error';
};

test('--supervisor NAME:PIN, as an option or in EID_TERMINAL_SUPERVISOR, is refused', () => {
  assert.equal(code(() => hostOptions({ supervisor: 'lan:2468' }, {})), 'SUPERVISOR_PIN_IN_ARGUMENT');
  assert.equal(code(() => hostOptions({}, { EID_TERMINAL_SUPERVISOR: 'lan:2468' })), 'SUPERVISOR_PIN_IN_ARGUMENT');
});

test('the refusal says where the PIN goes, and eid-terminal serve stops before it starts anything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-supervisor-arg-'));
  try {
    const r = runCli(['serve', '--no-browser', '--no-pcsc', '--data-dir', dir, '--supervisor', 'lan:2468'], { env: { LANG: 'en_US.UTF-8', LC_ALL: '' } });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /SUPERVISOR_PIN_IN_ARGUMENT/);
    assert.match(r.stderr, /--supervisor-pin-file FILE/);
    assert.match(r.stderr, /EID_TERMINAL_SUPERVISOR_PIN/);
    assert.deepEqual(stackTraceLines(r.stdout + r.stderr), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the PIN comes from EID_TERMINAL_SUPERVISOR_PIN or an owner-only file', () => {
  assert.deepEqual(hostOptions({ supervisor: 'lan' }, { [SUPERVISOR_PIN_ENV]: '2468' }).bootstrapSupervisor, { name: 'lan', pin: '2468' });
  const dir = mkdtempSync(join(tmpdir(), 'eid-supervisor-pin-'));
  try {
    const file = join(dir, 'pin');
    writeFileSync(file, '1357\n', { mode: 0o600 });
    assert.deepEqual(hostOptions({ supervisor: 'lan', 'supervisor-pin-file': file }, {}).bootstrapSupervisor, { name: 'lan', pin: '1357' });
    chmodSync(file, 0o644);
    assert.equal(code(() => hostOptions({ supervisor: 'lan', 'supervisor-pin-file': file }, {})), 'PIN_FILE_INSECURE');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(code(() => hostOptions({ supervisor: 'lan' }, { [SUPERVISOR_PIN_ENV]: '12' })), 'USAGE');
});

test('without a file, the variable or a terminal to ask at, the PIN is asked for by a typed error', async () => {
  assert.equal(process.stdin.isTTY === true, false, 'the tests run without a terminal on stdin');
  await assert.rejects(withSupervisorPin({ supervisor: 'lan' }, {}), (e: unknown) => isEidError(e) && e.code === 'PIN_REQUIRED');
  assert.equal(code(() => hostOptions({ supervisor: 'lan' }, {})), 'PIN_REQUIRED');
  const env = { [SUPERVISOR_PIN_ENV]: '2468' };
  assert.equal(await withSupervisorPin({ supervisor: 'lan' }, env), env, 'a PIN at hand is not asked for');
});
