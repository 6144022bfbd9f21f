import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { VpcdBridge } from '../../../native/vpcd-bridge.ts';
import { VpcdFrameReader, frameVpcdMessage } from '../../../native/vpcd-framing.ts';
import type { ApduResponder } from '../../../core/emrtd/apdu/transport.ts';
import { isEidError } from '../../../core/errors.ts';

/** A stand-in for vpcd: accepts one card connection at a time and speaks the framing. */
class FakeVpcd {
  server: Server;
  socket: Socket | undefined;
  private reader = new VpcdFrameReader();
  private waiting: ((m: Uint8Array) => void)[] = [];
  private inbox: Uint8Array[] = [];
  connections = 0;

  constructor() {
    this.server = createServer((socket) => {
      this.connections++;
      this.socket = socket;
      this.reader.clear();
      socket.on('data', (chunk) => {
        for (const m of this.reader.push(new Uint8Array(chunk))) {
          const w = this.waiting.shift();
          if (w) w(m);
          else this.inbox.push(m);
        }
      });
      socket.on('error', () => undefined);
    });
  }
  listen(port = 0): Promise<number> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port)));
  }
  /** Sends a message to the card and waits for its answer (bounded by the test timeout). */
  ask(payload: Uint8Array): Promise<Uint8Array> {
    this.socket!.write(frameVpcdMessage(payload));
    return this.next();
  }
  next(): Promise<Uint8Array> {
    const m = this.inbox.shift();
    if (m) return Promise.resolve(m);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async close(): Promise<void> {
    this.socket?.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function echoResponder(log: string[]): ApduResponder {
  return {
    atr: () => Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]),
    reset: () => log.push('reset'),
    transmit: async (c) => {
      if (c[1] === 0xee) throw new Error('internal failure');
      return Uint8Array.from([...c.slice(5), 0x90, 0x00]);
    },
  };
}

function once(emitter: VpcdBridge, event: 'connected' | 'disconnected'): Promise<void> {
  return new Promise((resolve) => emitter.once(event, () => resolve()));
}

test('framing survives split and joined TCP chunks', () => {
  const reader = new VpcdFrameReader();
  const a = frameVpcdMessage(Uint8Array.of(1));
  const b = frameVpcdMessage(Uint8Array.of(0, 0xa4, 4, 0));
  const stream = Uint8Array.from([...a, ...b]);
  assert.deepEqual(reader.push(stream.subarray(0, 1)), []);
  assert.deepEqual(reader.push(stream.subarray(1, 4)), [Uint8Array.of(1)]);
  assert.equal(reader.buffered, 1);
  assert.deepEqual(reader.push(stream.subarray(4)), [Uint8Array.of(0, 0xa4, 4, 0)]);
  assert.equal(reader.buffered, 0);
});

test('framing rejects a payload beyond the 2-byte length', () => {
  assert.throws(() => frameVpcdMessage(new Uint8Array(0x10000)), (e) => isEidError(e, 'VPCD_MESSAGE_TOO_LONG'));
  assert.equal(frameVpcdMessage(new Uint8Array(0xffff)).length, 0x10001);
});

test('bridge answers ATR, power and APDUs in order, 6F00 on responder failure', { timeout: 10_000 }, async (t) => {
  const vpcd = new FakeVpcd();
  const port = await vpcd.listen();
  const log: string[] = [];
  const bridge = new VpcdBridge(echoResponder(log), { port, retryDelayMs: 20 });
  t.after(async () => {
    await bridge.stop();
    await vpcd.close();
  });
  await bridge.insert(2000);
  assert.equal(bridge.connected, true);
  assert.deepEqual(await vpcd.ask(Uint8Array.of(4)), Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]));
  vpcd.socket!.write(frameVpcdMessage(Uint8Array.of(1)));
  vpcd.socket!.write(frameVpcdMessage(Uint8Array.of(2)));
  const echo = await vpcd.ask(Uint8Array.of(0, 0x10, 0, 0, 2, 0xca, 0xfe));
  assert.deepEqual(echo, Uint8Array.of(0xca, 0xfe, 0x90, 0x00));
  assert.deepEqual(log, ['reset', 'reset']);
  let failure: unknown;
  bridge.once('responder-error', (e) => (failure = e));
  assert.deepEqual(await vpcd.ask(Uint8Array.of(0, 0xee, 0, 0)), Uint8Array.of(0x6f, 0x00));
  assert.ok(failure instanceof Error);
  // Several APDUs written at once come back in the same order.
  vpcd.socket!.write(Uint8Array.from([...frameVpcdMessage(Uint8Array.of(0, 1, 0, 0, 1, 0xaa)), ...frameVpcdMessage(Uint8Array.of(0, 1, 0, 0, 1, 0xbb))]));
  assert.deepEqual(await vpcd.next(), Uint8Array.of(0xaa, 0x90, 0));
  assert.deepEqual(await vpcd.next(), Uint8Array.of(0xbb, 0x90, 0));
  assert.equal(bridge.apduCount, 4);
});

test('remove closes the socket, insert reconnects (hot-plug)', { timeout: 10_000 }, async (t) => {
  const vpcd = new FakeVpcd();
  const port = await vpcd.listen();
  const bridge = new VpcdBridge(echoResponder([]), { port, retryDelayMs: 20 });
  t.after(async () => {
    await bridge.stop();
    await vpcd.close();
  });
  await bridge.insert(2000);
  const serverSawClose = new Promise((resolve) => vpcd.socket!.once('close', resolve));
  const disconnected = once(bridge, 'disconnected');
  await bridge.remove();
  await serverSawClose;
  await disconnected;
  assert.equal(bridge.connected, false);
  await bridge.insert(2000);
  // The bridge's socket lives on another thread: the server may see the connection a moment later.
  for (let i = 0; i < 100 && vpcd.connections < 2; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(vpcd.connections, 2);
  assert.deepEqual(await vpcd.ask(Uint8Array.of(0, 1, 0, 0, 1, 0x42)), Uint8Array.of(0x42, 0x90, 0));
});

test('bridge waits for a late vpcd and reconnects after vpcd restarts', { timeout: 10_000 }, async (t) => {
  // Find a free port, then start nothing on it yet.
  const probe = new FakeVpcd();
  const port = await probe.listen();
  await probe.close();
  const bridge = new VpcdBridge(echoResponder([]), { port, retryDelayMs: 20 });
  let vpcd = new FakeVpcd();
  t.after(async () => {
    await bridge.stop();
    await vpcd.close();
  });
  const inserted = bridge.insert(3000);
  await new Promise((r) => setTimeout(r, 60));
  await vpcd.listen(port);
  await inserted;
  // vpcd goes away (pcscd restart) and comes back: the card reappears by itself.
  const disconnected = once(bridge, 'disconnected');
  await vpcd.close();
  await disconnected;
  vpcd = new FakeVpcd();
  const reconnected = once(bridge, 'connected');
  await vpcd.listen(port);
  await reconnected;
  assert.deepEqual(await vpcd.ask(Uint8Array.of(4)), Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]));
});

test('insert times out with VPCD_UNREACHABLE when nothing listens; stopped bridge refuses', { timeout: 10_000 }, async () => {
  const probe = new FakeVpcd();
  const port = await probe.listen();
  await probe.close();
  const bridge = new VpcdBridge(echoResponder([]), { port, retryDelayMs: 20 });
  await assert.rejects(bridge.insert(150), (e) => isEidError(e, 'VPCD_UNREACHABLE'));
  await bridge.stop();
  await assert.rejects(bridge.insert(150), (e) => isEidError(e, 'VPCD_BRIDGE_STOPPED'));
});
