import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { PcscReaderProvider } from '../../../native/pcsc-reader-provider.ts';
import { FakePcsc, T1_ATR } from './fake-pcsc.ts';

const echo = { atr: T1_ATR, protocol: 'T1' as const, respond: (c: Uint8Array) => Uint8Array.from([...c.slice(5), 0x90, 0x00]) };

function changed(provider: PcscReaderProvider): Promise<void> {
  return new Promise((resolve) => {
    const off = provider.onChange(() => {
      off();
      resolve();
    });
  });
}

test('provider: live list, change notifications, connections through PcscTransport', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00');
  const provider = new PcscReaderProvider({ binding: pcsc, waitMs: 200, retryMs: 20 });
  t.after(() => provider.close());
  assert.equal(provider.available, true, 'known as soon as it is constructed');
  assert.deepEqual(provider.list(), [{ name: 'Reader A 00 00', cardPresent: false, virtual: false }]);
  await assert.rejects(provider.connect('Reader A 00 00'), (e) => isEidError(e, 'NO_CARD'));

  const inserted = changed(provider);
  pcsc.insert('Reader A 00 00', echo);
  await inserted;
  assert.equal(provider.list()[0]?.cardPresent, true);
  const connection = await provider.connect('Reader A 00 00');
  assert.equal(toHex(await connection.transport.transmit(fromHex('80EE00000142'))), '429000');
  await connection.close();

  const down = changed(provider);
  pcsc.stopService();
  await down;
  assert.equal(provider.available, false);
  assert.deepEqual(provider.list(), []);
});

test('provider constructed while the service is down reports unavailable, then recovers', { timeout: 10_000 }, async (t) => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00', echo);
  pcsc.stopService();
  const provider = new PcscReaderProvider({ binding: pcsc, waitMs: 200, retryMs: 20 });
  t.after(() => provider.close());
  assert.equal(provider.available, false);
  const up = changed(provider);
  pcsc.startService();
  await up;
  assert.equal(provider.available, true);
  assert.equal(provider.list()[0]?.cardPresent, true);
});
