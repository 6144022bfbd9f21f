import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEidError } from '../../../core/errors.ts';
import { loadPcscBinding } from '../../../native/pcsc-binding.ts';
import { pcscEnableCommand } from '../../../native/pcsc-errors.ts';
import { render } from '../../../core/messages/render.ts';

const moduleNotFound = (): never => {
  throw Object.assign(new Error("Cannot find module 'smartcard'"), { code: 'MODULE_NOT_FOUND' });
};

test('a binding that cannot load is PCSC_UNAVAILABLE naming the command that enables it, in both languages', () => {
  assert.throws(() => loadPcscBinding(moduleNotFound), (e: unknown) => {
    assert.ok(isEidError(e, 'PCSC_UNAVAILABLE'));
    assert.ok(e.message.endsWith(`run: ${pcscEnableCommand()}`), e.message);
    assert.ok(render('vi', e).endsWith(`chạy: ${pcscEnableCommand()}`), render('vi', e));
    assert.match(String((e.cause as Error).message), /smartcard/);
    return true;
  });
});

test('the enabling command installs the PC/SC headers and service on Linux, the package elsewhere', () => {
  assert.equal(pcscEnableCommand('linux'), 'sudo apt-get install libpcsclite-dev pcscd && npm install');
  assert.equal(pcscEnableCommand('win32'), 'npm install');
  assert.equal(pcscEnableCommand('darwin'), 'npm install');
});

test('a module that loads is used only when a context is asked for', () => {
  let contexts = 0;
  const binding = loadPcscBinding(() => ({ Context: class { constructor() { contexts++; } listReaders() { return []; } close() {} } }));
  assert.equal(contexts, 0);
  const context = binding.establishContext();
  assert.deepEqual([contexts, context.listReaders()], [1, []]);
});
