/**
 * The PC/SC layer against a real pcscd with the vsmartcard-vpcd driver: a test card served over
 * the vpcd bridge, read through the native binding and PcscTransport, watched by ReaderWatcher.
 * One pcscd for the whole file (it is one per machine); subtests run in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { VpcdBridge } from '../../../native/vpcd-bridge.ts';
import { connectReader } from '../../../native/pcsc-transport.ts';
import { ExtendedLengthMemory } from '../../../native/extended-length.ts';
import { ReaderWatcher, listReaders } from '../../../native/readers.ts';
import type { ReaderEvent } from '../../../native/readers.ts';
import { VPCD_READER, requirePcscd } from '../../../fixtures/pcscd.ts';
import { TEST_ATR, createTestResponder, patternBytes } from '../helpers/test-responder.ts';

const READER = VPCD_READER(0);
const execFileAsync = promisify(execFile);

/** Resolves on the first event matching; rejects after `ms` so nothing hangs. */
function nextEvent(watcher: ReaderWatcher, type: ReaderEvent['type'], reader: string | undefined, ms = 8000): Promise<ReaderEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off('event', on);
      reject(new Error(`no ${type} event for ${reader ?? 'the service'} within ${ms} ms`));
    }, ms);
    function on(e: ReaderEvent): void {
      if (e.type !== type || (reader !== undefined && e.reader !== reader)) return;
      clearTimeout(timer);
      watcher.off('event', on);
      resolve(e);
    }
    watcher.on('event', on);
  });
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const cardPresent = (): boolean => listReaders().find((r) => r.name === READER)?.cardPresent === true;

// Generous timeout: it includes waiting for another test file's pcscd (one per machine).
test('PC/SC through pcscd + vpcd', { timeout: 720_000 }, async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;
  const responder = createTestResponder(1500);
  const bridge = new VpcdBridge(responder, { port: pcscd.port(0), retryDelayMs: 50 });
  t.after(() => bridge.stop());

  await t.test('readers are listed; the card appears with its ATR once the bridge connects', async () => {
    const before = listReaders();
    assert.ok(before.some((r) => r.name === READER && !r.cardPresent), JSON.stringify(before.map((r) => r.name)));
    await bridge.insert();
    await waitFor(cardPresent);
    assert.deepEqual(listReaders().find((r) => r.name === READER)?.atr, TEST_ATR);
  });

  await t.test('short and extended APDUs go through; extended support is learnt', async () => {
    const memory = new ExtendedLengthMemory();
    const transport = await connectReader(READER, { memory, timeoutMs: 5000 });
    try {
      assert.equal(transport.protocol, 'T1');
      assert.equal(toHex(await transport.transmit(fromHex('00A4040C07A0000002471001'))), '9000');
      assert.equal(toHex(await transport.transmit(fromHex('80EE000003CAFE01'))), 'CAFE019000');
      assert.equal(transport.capabilities?.extendedLength, undefined);
      const long = await transport.transmit(fromHex('00B0000000' + '03E8'));
      assert.equal(long.length, 1002);
      assert.deepEqual(long.subarray(0, 1000), patternBytes(1000));
      assert.equal(toHex(long.subarray(1000)), '9000');
      assert.equal(transport.capabilities?.extendedLength, true);
      // The largest response vpcd's 2-byte framing can carry: 65 533 bytes + SW in one APDU.
      const max = await transport.transmit(fromHex('00B0000000FFFD'));
      assert.equal(max.length, 65_535);
      // Extended Lc: 300 bytes of command data echoed back.
      const data = patternBytes(300);
      const echo = await transport.transmit(Uint8Array.from([0x80, 0xee, 0, 0, 0, 0x01, 0x2c, ...data, 0x01, 0x2c]));
      assert.deepEqual(echo.subarray(0, 300), data);
    } finally {
      await transport.close();
    }
  });

  await t.test('T=0 card: pcscd negotiates T=0 and 61xx answers are collected with GET RESPONSE', async () => {
    const data = patternBytes(300);
    let pending: Uint8Array = new Uint8Array(0);
    const t0Card = {
      atr: () => Uint8Array.of(0x3b, 0x02, 0x14, 0x50), // T=0 only, no TD bytes
      reset: () => undefined,
      transmit(c: Uint8Array): Uint8Array {
        if (c[1] === 0xc0) {
          const n = c[4] === 0 ? 256 : c[4]!;
          const chunk = pending.subarray(0, n);
          pending = pending.subarray(n);
          const sw = pending.length === 0 ? [0x90, 0x00] : [0x61, Math.min(pending.length, 256) & 0xff];
          return Uint8Array.from([...chunk, ...sw]);
        }
        pending = data; // a T=0 card announces its answer and waits for GET RESPONSE
        return Uint8Array.of(0x61, 0x00);
      },
    };
    const t0Bridge = new VpcdBridge(t0Card, { port: pcscd.port(1), retryDelayMs: 50 });
    t.after(() => t0Bridge.stop());
    await t0Bridge.insert();
    await waitFor(() => listReaders().find((r) => r.name === VPCD_READER(1))?.cardPresent === true);
    const transport = await connectReader(VPCD_READER(1), { timeoutMs: 5000 });
    try {
      assert.equal(transport.protocol, 'T0');
      assert.equal(transport.capabilities?.extendedLength, false);
      const response = await transport.transmit(fromHex('00B0000000'));
      assert.deepEqual(response.subarray(0, 300), data);
      assert.equal(toHex(response.subarray(300)), '9000');
    } finally {
      await transport.close();
      await t0Bridge.stop();
    }
  });

  await t.test('hot-plug: removing and inserting the card gives card-removed / card-inserted', async () => {
    const watcher = new ReaderWatcher({ waitMs: 500, retryMs: 100 });
    t.after(() => watcher.stop());
    const announced = nextEvent(watcher, 'card-inserted', READER);
    watcher.start();
    assert.deepEqual((await announced).atr, TEST_ATR);
    const removed = nextEvent(watcher, 'card-removed', READER);
    await bridge.remove();
    await removed;
    const inserted = nextEvent(watcher, 'card-inserted', READER);
    await bridge.insert();
    await inserted;
    await watcher.stop();
  });

  await t.test('card removed mid-command gives CARD_REMOVED; the next session works', async () => {
    const transport = await connectReader(READER, { timeoutMs: 8000 });
    responder.onSlowCommand = () => void bridge.remove();
    try {
      await assert.rejects(transport.transmit(fromHex('80D00000')), (e) => isEidError(e, 'CARD_REMOVED'));
    } finally {
      responder.onSlowCommand = undefined;
      await transport.close();
    }
    await assert.rejects(connectReader(READER), (e) => isEidError(e, 'NO_CARD'));
    await bridge.insert();
    await waitFor(cardPresent);
    const next = await connectReader(READER, { timeoutMs: 5000 });
    assert.equal(toHex(await next.transmit(fromHex('80EE00000142'))), '429000');
    await next.close();
  });

  await t.test('a card that answers too late gives TRANSPORT_TIMEOUT; the next session works', async () => {
    const transport = await connectReader(READER, { timeoutMs: 300 });
    await assert.rejects(transport.transmit(fromHex('80D00000')), (e) => isEidError(e, 'TRANSPORT_TIMEOUT'));
    await transport.close();
    const next = await connectReader(READER, { timeoutMs: 5000 });
    assert.equal(toHex(await next.transmit(fromHex('80EE00000107'))), '079000');
    await next.close();
  });

  await t.test('eid-terminal readers --json shows the card and its ATR; exit 2 with PCSC_UNAVAILABLE when pcscd is down', async () => {
    const bin = resolve(process.cwd(), 'bin/eid-terminal.js');
    const { stdout } = await execFileAsync(process.execPath, [bin, 'readers', '--json'], { encoding: 'utf8', timeout: 20_000 });
    const listed = JSON.parse(stdout) as { readers: { name: string; cardPresent: boolean; atr: string | null }[] };
    assert.deepEqual(listed.readers.find((r) => r.name === READER), { name: READER, cardPresent: true, atr: '3B80800101', cardMute: false, quirk: null });
    const human = await execFileAsync(process.execPath, [bin, 'readers'], { encoding: 'utf8', timeout: 20_000 });
    assert.match(human.stdout, new RegExp(`${READER}: card present\\n  ATR 3B 80 80 01 01`));
    await pcscd.kill();
    try {
      await execFileAsync(process.execPath, [bin, 'readers', '--json'], { encoding: 'utf8', timeout: 20_000 });
      assert.fail('readers succeeded without pcscd');
    } catch (e) {
      const failed = e as { code?: number; stdout?: string };
      assert.equal(failed.code, 2);
      assert.equal((JSON.parse(failed.stdout ?? '') as { error: { code: string } }).error.code, 'PCSC_UNAVAILABLE');
    } finally {
      await pcscd.start();
    }
    await waitFor(cardPresent, 8000); // the bridge found the new pcscd by itself
  });

  await t.test('pcscd restart: service-down with PCSC_UNAVAILABLE, then recovery with the card back', async () => {
    const watcher = new ReaderWatcher({ waitMs: 500, retryMs: 100 });
    t.after(() => watcher.stop());
    const announced = nextEvent(watcher, 'card-inserted', READER);
    watcher.start();
    await announced;
    const down = nextEvent(watcher, 'service-down', undefined);
    await pcscd.kill();
    const event = await down;
    assert.ok(isEidError(event.error, 'PCSC_UNAVAILABLE'), String(event.error?.code));
    assert.throws(() => listReaders(), (e) => isEidError(e, 'PCSC_UNAVAILABLE'));
    await assert.rejects(connectReader(READER), (e) => isEidError(e, 'PCSC_UNAVAILABLE'));
    const up = nextEvent(watcher, 'service-up', undefined);
    const back = nextEvent(watcher, 'card-inserted', READER);
    await pcscd.start();
    await up;
    await back; // the bridge reconnected to the new pcscd by itself
    const transport = await connectReader(READER, { timeoutMs: 5000 });
    assert.equal(toHex(await transport.transmit(fromHex('00A4040C07A0000002471001'))), '9000');
    await transport.close();
    await watcher.stop();
  });

  await t.test('opensc-tool reaches the card through pcscd (independent PC/SC client)', async () => {
    // Asynchronous on purpose: the card answers from this process's event loop.
    const args = ['-r', READER, '-s', '00 A4 04 0C 07 A0 00 00 02 47 10 01', '-s', '80 EE 00 00 02 AB CD'];
    let stdout: string;
    try {
      ({ stdout } = await execFileAsync('opensc-tool', args, { encoding: 'utf8', timeout: 10_000 }));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !process.env.CI) {
        t.diagnostic('opensc-tool not installed (Debian package opensc); skipped');
        return;
      }
      throw e;
    }
    assert.match(stdout, /Received \(SW1=0x90, SW2=0x00\)/);
    assert.match(stdout, /AB CD/);
  });
});
