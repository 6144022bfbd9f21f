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

/** A `smartcard` module with one reader whose card records how it was called. */
function fakeSmartcard(card: Record<string, unknown>) {
  return () => ({
    SCARD_SHARE_SHARED: 2, SCARD_PROTOCOL_T0: 1, SCARD_PROTOCOL_T1: 2, SCARD_RESET_CARD: 1, SCARD_LEAVE_CARD: 0,
    Context: class {
      listReaders() {
        return [{ name: 'R', state: 0x20, atr: Buffer.from([0x3b, 0x80]), connect: async () => ({ protocol: 2, atr: Buffer.from([0x3b, 0x80]), ...card }) }];
      }
      close() {}
    },
  });
}

test('SCardControl and SCardReconnect go through the binding: bytes in and out, leave-card on reconnect, failures typed', async () => {
  const calls: unknown[][] = [];
  const binding = loadPcscBinding(fakeSmartcard({
    control: async (code: number, data?: Buffer) => {
      calls.push(['control', code, data && [...data]]);
      if (code === 0) throw new Error('The smart card does not support the requested feature');
      return Buffer.from([0x12, 0x04, 0x42, 0x33, 0x00, 0x12]);
    },
    reconnect: async (share: number, protocols: number, initialization: number) => {
      calls.push(['reconnect', share, protocols, initialization]);
      return 2;
    },
  }));
  const card = await binding.establishContext().connect('R');
  const answer = await card.control(0x42000d48, Uint8Array.of(1));
  assert.ok(answer instanceof Uint8Array);
  assert.deepEqual([...answer], [0x12, 0x04, 0x42, 0x33, 0x00, 0x12]);
  await card.reconnect();
  assert.deepEqual(calls, [['control', 0x42000d48, [1]], ['reconnect', 2, 3, 0]]);
  await assert.rejects(card.control(0), (e) => isEidError(e));
});
