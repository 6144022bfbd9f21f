/**
 * Plugs a card-side ApduResponder (the virtual chip, a test responder) into a real pcscd through
 * vsmartcard's vpcd driver. vpcd listens on a TCP port per slot; while our socket is connected
 * pcscd sees a card in "Virtual PCD 00 0n", and closing the socket is pulling the card out.
 *
 * insert() connects (retrying while pcscd is not up yet), remove() disconnects, stop() ends for
 * good. If pcscd goes away while the card is "inserted", the bridge keeps retrying so the card
 * reappears when pcscd is back, like a card left on a reader across a service restart.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ApduResponder } from '../core/emrtd/apdu/transport.ts';
import { EidError } from '../core/errors.ts';
import { VPCD_CTRL, frameVpcdMessage } from './vpcd-framing.ts';
import type { FromSocketThread, SocketThreadData, ToSocketThread } from './vpcd-socket-thread.ts';

export const VPCD_DEFAULT_HOST = '127.0.0.1';
/** vpcd's first slot; slot n listens on 35963 + n. */
export const VPCD_DEFAULT_PORT = 35963;

export interface VpcdBridgeOptions {
  readonly host?: string;
  readonly port?: number;
  /** Pause between connection attempts while pcscd/vpcd is not listening. */
  readonly retryDelayMs?: number;
}

/** SW 6F00 "no precise diagnosis": what a card answers when it fails internally. */
const SW_INTERNAL_ERROR = Uint8Array.of(0x6f, 0x00);

export interface VpcdBridgeEvents {
  connected: [];
  disconnected: [];
  /** A responder failure answered with 6F00; the bridge stays up. */
  'responder-error': [unknown];
}

export class VpcdBridge extends EventEmitter<VpcdBridgeEvents> {
  private readonly host: string;
  private readonly port: number;
  private readonly retryDelayMs: number;
  /** The socket lives on its own thread (see vpcd-socket-thread.ts); created on first insert. */
  private thread: Worker | undefined;
  /** Connection id while a socket is open or opening; undefined when there is none. */
  private connection: number | undefined;
  private opening = false;
  private isConnected = false;
  private wanted = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly closeWaiters: (() => void)[] = [];
  /** APDUs are answered strictly one after another, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  /** Counts power-ons, resets and APDUs; tests use it to see pcscd talk to the card. */
  apduCount = 0;

  constructor(
    private readonly responder: ApduResponder,
    options: VpcdBridgeOptions = {},
  ) {
    super();
    this.host = options.host ?? VPCD_DEFAULT_HOST;
    this.port = options.port ?? VPCD_DEFAULT_PORT;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  get connected(): boolean {
    return this.isConnected;
  }

  /**
   * Puts the card on the reader. Resolves once vpcd accepted the connection; on timeout it
   * rejects but keeps retrying in the background until remove() or stop().
   */
  insert(timeoutMs = 5000): Promise<void> {
    if (this.stopped) return Promise.reject(stoppedError());
    this.wanted = true;
    if (this.connected) return Promise.resolve();
    if (!this.opening && !this.retryTimer) this.connect();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('connected', onConnected);
        reject(new EidError('VPCD_UNREACHABLE', { address: `${this.host}:${this.port}`, millis: timeoutMs }));
      }, timeoutMs);
      const onConnected = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.once('connected', onConnected);
    });
  }

  /** Takes the card off the reader: closes the socket and stops reconnecting. */
  async remove(): Promise<void> {
    this.wanted = false;
    this.clearRetry();
    await this.closeSocket();
  }

  /** Removes the card and makes this bridge unusable. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.remove();
    await this.thread?.terminate();
    this.thread = undefined;
  }

  private socketThread(): Worker {
    if (this.thread) return this.thread;
    const data: SocketThreadData = { entry: new URL('./vpcd-socket-thread.ts', import.meta.url).href, host: this.host, port: this.port, atr: this.responder.atr() };
    const thread = new Worker(new URL('./ts-worker-entry.mjs', import.meta.url), { workerData: data });
    thread.unref();
    thread.on('message', (m: FromSocketThread) => this.onThreadMessage(m));
    thread.on('error', (e) => this.emit('responder-error', e));
    this.thread = thread;
    return thread;
  }

  private connect(): void {
    this.retryTimer = undefined;
    if (!this.wanted || this.stopped) return;
    this.opening = true;
    this.socketThread().postMessage({ type: 'connect' } satisfies ToSocketThread);
  }

  private onThreadMessage(m: FromSocketThread): void {
    if (m.type === 'connected') {
      this.connection = m.connection;
      this.isConnected = true;
      this.emit('connected');
    } else if (m.type === 'message') {
      const { connection, data } = m;
      this.queue = this.queue.then(() => this.answer(connection, data)).catch((e: unknown) => {
        this.emit('responder-error', e);
      });
    } else {
      this.opening = false;
      this.isConnected = false;
      this.connection = undefined;
      if (m.opened) this.emit('disconnected');
      for (const resolve of this.closeWaiters.splice(0)) resolve();
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (!this.wanted || this.stopped || this.retryTimer || this.opening) return;
    this.retryTimer = setTimeout(() => this.connect(), this.retryDelayMs);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private closeSocket(): Promise<void> {
    if (!this.opening || !this.thread) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve));
    this.thread.postMessage({ type: 'close' } satisfies ToSocketThread);
    return closed;
  }

  private async answer(connection: number, message: Uint8Array): Promise<void> {
    if (connection !== this.connection) return;
    if (message.length === 1) {
      // Power and reset requests; the ATR request is answered by the socket thread itself.
      if (message[0] === VPCD_CTRL.OFF || message[0] === VPCD_CTRL.ON || message[0] === VPCD_CTRL.RESET) this.responder.reset();
      return;
    }
    this.apduCount++;
    let framed: Uint8Array;
    try {
      // A response over 65 535 bytes (65 536 + SW) cannot cross vpcd's 2-byte length.
      framed = frameVpcdMessage(await this.responder.transmit(message));
    } catch (e) {
      this.emit('responder-error', e);
      framed = frameVpcdMessage(SW_INTERNAL_ERROR);
    }
    this.thread?.postMessage({ type: 'write', connection, data: framed } satisfies ToSocketThread);
  }
}

function stoppedError(): EidError {
  return new EidError('VPCD_BRIDGE_STOPPED');
}
