/**
 * Supervisor tools of the settings screen, checked at the terminal (not by hidden buttons): the
 * first supervisor made on a fresh terminal, operator accounts managed, the trust store changed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHost } from '../../../host/create-host.ts';
import { isEidError } from '../../../core/errors.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-supervisor-test-'));
const host = await createHost({ dataDir, sync: false, virtualReader: false });
const terminal = host.terminal;
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const boss = { operator: 'Mai', pin: '9876' };
const clerk = { operator: 'Lan', pin: '1234' };
const code = (c: string) => (e: unknown) => isEidError(e) && e.code === c;

test('a fresh terminal sets up its first supervisor once, signed in at once', async () => {
  assert.equal((await terminal.getStatus()).signInRequired, false);
  assert.deepEqual(await terminal.setupSupervisor(boss), { role: 'supervisor' });
  const status = await terminal.getStatus();
  assert.equal(status.operator, 'Mai');
  assert.equal(status.signInRequired, true);
  await assert.rejects(terminal.setupSupervisor({ operator: 'Eve', pin: '1111' }), code('OPERATOR_SETUP_DONE'));
});

test('a supervisor adds, locks out, unlocks, resets, promotes and disables; a clerk can do none of it', async () => {
  await terminal.addOperator({ ...boss, name: 'Lan', role: 'clerk', newPin: '1234' });
  await assert.rejects(terminal.listOperators(clerk), code('OPERATOR_FORBIDDEN'));
  await assert.rejects(terminal.addOperator({ ...clerk, name: 'Hoa', role: 'clerk', newPin: '5555' }), code('OPERATOR_FORBIDDEN'));
  await assert.rejects(terminal.changeOperator({ ...clerk, name: 'Lan', change: { kind: 'role', role: 'supervisor' } }), code('OPERATOR_FORBIDDEN'));
  await assert.rejects(terminal.removeTrust({ ...clerk, fingerprint: '0'.repeat(64) }), code('OPERATOR_FORBIDDEN'));

  for (let i = 0; i < 5; i++) await assert.rejects(terminal.signIn({ operator: 'Lan', pin: '0000' }));
  await assert.rejects(terminal.signIn(clerk), (e) => isEidError(e, 'OPERATOR_LOCKED') && e.params.minutes === 15);
  const locked = (await terminal.listOperators(boss)).find((o) => o.name === 'Lan');
  assert.ok(locked?.lockedUntil, 'the supervisor sees the lock');
  assert.equal((await terminal.changeOperator({ ...boss, name: 'Lan', change: { kind: 'unlock' } })).lockedUntil, null);
  assert.deepEqual(await terminal.signIn(clerk), { role: 'clerk' });

  await terminal.changeOperator({ ...boss, name: 'Lan', change: { kind: 'pin', pin: '4321' } });
  await assert.rejects(terminal.login(clerk), code('OPERATOR_AUTH_FAILED'));
  assert.equal((await terminal.changeOperator({ ...boss, name: 'Lan', change: { kind: 'role', role: 'supervisor' } })).role, 'supervisor');
  assert.equal((await terminal.changeOperator({ ...boss, name: 'Lan', change: { kind: 'disable', disabled: true } })).disabled, true);
  await assert.rejects(terminal.login({ operator: 'Lan', pin: '4321' }), code('OPERATOR_AUTH_FAILED'));
  await assert.rejects(terminal.changeOperator({ ...boss, name: 'Mai', change: { kind: 'role', role: 'clerk' } }), code('OPERATOR_LAST_SUPERVISOR'));
});

test('a demo CSCA imported is counted and marked; removed, it stays out', async () => {
  const pem = readFileSync(fileURLToPath(new URL('../../../certs/demo/demo-csca-vn.pem', import.meta.url)));
  const imported = await terminal.importTrust({ ...boss, fileName: 'demo-csca-vn.pem', base64: pem.toString('base64') });
  assert.equal(imported.demoCscas, 1);
  const demo = (await terminal.listTrust()).filter((c) => c.demo);
  assert.equal(demo.length, 1);
  assert.equal((await terminal.listTrust()).filter((c) => !c.demo).length >= 1, true, 'the shipped CCCD CSCA is no demo');
  assert.deepEqual(await terminal.removeTrust({ ...boss, fingerprint: demo[0]!.fingerprint }), { removed: true });
  assert.equal((await terminal.listTrust()).some((c) => c.demo), false);
  assert.deepEqual(await terminal.removeTrust({ ...boss, fingerprint: demo[0]!.fingerprint }), { removed: false });
});
