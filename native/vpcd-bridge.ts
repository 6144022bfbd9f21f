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
import { Socket, createConnection } from 'node:net';
import type { ApduResponder } from '../core/emrtd/transport.ts';
import { EidError } from '../core/errors.ts';
import { VPCD_CTRL, VpcdFrameReader, frameVpcdMessage } from './vpcd-framing.ts';

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
  private socket: Socket | undefined;
  private wanted = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** APDUs are answered strictly one after another, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly frames = new VpcdFrameReader();
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
    return this.socket !== undefined && !this.socket.connecting && !this.socket.destroyed;
  }

  /**
   * Puts the card on the reader. Resolves once vpcd accepted the connection; on timeout it
   * rejects but keeps retrying in the background until remove() or stop().
   */
  insert(timeoutMs = 5000): Promise<void> {
    if (this.stopped) return Promise.reject(stoppedError());
    this.wanted = true;
    if (this.connected) return Promise.resolve();
    if (!this.socket && !this.retryTimer) this.connect();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('connected', onConnected);
        reject(new EidError(
          'VPCD_UNREACHABLE',
          `The virtual reader driver did not accept the card on ${this.host}:${this.port} within ${timeoutMs} ms. Is pcscd running with vsmartcard-vpcd?`,
          `Trình điều khiển đầu đọc ảo không nhận thẻ tại ${this.host}:${this.port} sau ${timeoutMs} ms. Dịch vụ pcscd và vsmartcard-vpcd đã chạy chưa?`,
        ));
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
  }

  private connect(): void {
    this.retryTimer = undefined;
    if (!this.wanted || this.stopped) return;
    const socket = createConnection({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    this.socket = socket;
    this.frames.clear();
    let opened = false;
    socket.on('connect', () => {
      opened = true;
      this.emit('connected');
    });
    socket.on('data', (chunk: Buffer) => {
      for (const message of this.frames.push(new Uint8Array(chunk))) {
        this.queue = this.queue.then(() => this.answer(socket, message)).catch((e: unknown) => {
          this.emit('responder-error', e);
        });
      }
    });
    // 'error' is always followed by 'close'; the close handler decides what happens next.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      if (opened) this.emit('disconnected');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (!this.wanted || this.stopped || this.retryTimer || this.socket) return;
    this.retryTimer = setTimeout(() => this.connect(), this.retryDelayMs);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private closeSocket(): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private async answer(socket: Socket, message: Uint8Array): Promise<void> {
    if (socket.destroyed) return;
    if (message.length === 1) {
      const reply = this.control(message[0]!);
      if (reply) socket.write(frameVpcdMessage(reply));
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
    if (!socket.destroyed) socket.write(framed);
  }

  /** Power and ATR requests; only the ATR request expects an answer. */
  private control(code: number): Uint8Array | undefined {
    switch (code) {
      case VPCD_CTRL.OFF:
      case VPCD_CTRL.ON:
      case VPCD_CTRL.RESET:
        this.responder.reset();
        return undefined;
      case VPCD_CTRL.ATR:
        return this.responder.atr();
      default:
        // Unknown control code from a newer vpcd: ignoring it is what vicc does too.
        return undefined;
    }
  }
}

function stoppedError(): EidError {
  return new EidError(
    'VPCD_BRIDGE_STOPPED',
    'This virtual card connection was shut down; create a new one.',
    'Kết nối thẻ ảo này đã đóng; hãy tạo kết nối mới.',
  );
}
