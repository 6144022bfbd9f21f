/**
 * core/emrtd's Transport over a card connected through PC/SC. One instance is one card session:
 * connectReader() opens a fresh PC/SC context and card handle, close() releases both (resetting
 * the card so the next session starts from a clean state). Failures are typed: CARD_REMOVED,
 * READER_UNAVAILABLE, PCSC_UNAVAILABLE, TRANSPORT_TIMEOUT, EXTENDED_LENGTH_UNSUPPORTED. After a
 * fatal one the instance refuses further APDUs; a new connectReader() needs no restart of anything.
 * CARD_RESET (another program reset the card) is reported once and the handle reconnected, so the
 * flow opens the chip again on the same transport and reading goes on.
 */
import type { Transport, TransportCapabilities } from '../core/emrtd/apdu/transport.ts';
import { parseCommand } from '../core/emrtd/apdu/apdu.ts';
import { transmitChained } from '../core/emrtd/apdu/exchange.ts';
import { isEidError } from '../core/errors.ts';
import type { EidError } from '../core/errors.ts';
import { SCARD_STATE, nativePcscBinding } from './pcsc-binding.ts';
import type { PcscBinding, PcscCard, PcscContext, PcscProtocol } from './pcsc-binding.ts';
import { pcscError, pcscFailure } from './pcsc-errors.ts';
import { ExtendedLengthMemory, decideExtendedLength, processExtendedLengthMemory } from './extended-length.ts';
import type { ExtendedLengthDecision } from './extended-length.ts';
import type { ReaderQuirk } from './reader-quirks.ts';
import { queryMaxApduDataSize } from './reader-properties.ts';

export interface PcscTransportOptions {
  readonly binding?: PcscBinding;
  /** Longest wait for one APDU (and for connecting). A big DG2 over a slow reader needs seconds. */
  readonly timeoutMs?: number;
  /** Where extended-length outcomes are remembered; defaults to one per process. */
  readonly memory?: ExtendedLengthMemory;
  readonly quirks?: readonly ReaderQuirk[];
  /** What the reader reported as its dwMaxAPDUDataSize (connectReader asks it). */
  readonly maxApduDataSize?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Receive buffer: the longest extended response (65 536 bytes) plus SW1 SW2. */
const MAX_RECEIVE = 65_538;
/** After these, the card handle is useless: the session is over. (CARD_RESET is not: see afterReset.) */
const FATAL = new Set(['CARD_REMOVED', 'CARD_UNRESPONSIVE', 'READER_UNAVAILABLE', 'PCSC_UNAVAILABLE', 'TRANSPORT_TIMEOUT']);
/** Longest close() waits for a running command and the card reset before returning. */
const CLOSE_WAIT_MS = 10_000;
/** How long a card that stopped answering may take to show up as removed in pcscd. */
const LOST_CARD_SETTLE_MS = 1000;
/** Longest wait for the reader's part 10 properties: a local question, answered in microseconds. */
const PROPERTIES_WAIT_MS = 2000;
/** How a reader that cannot pass an extended APDU fails it (never a status word from the card). */
const READER_REJECTION = new Set(['PCSC_ERROR']);

/** Connects to the card on `readerName`. Throws NO_CARD, READER_UNAVAILABLE, PCSC_UNAVAILABLE ... */
export async function connectReader(readerName: string, options: PcscTransportOptions = {}): Promise<PcscTransport> {
  const binding = options.binding ?? nativePcscBinding();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let context: PcscContext;
  try {
    context = binding.establishContext();
  } catch (e) {
    throw pcscFailure(e, readerName);
  }
  const connecting = context.connect(readerName);
  try {
    const card = await withTimeout(connecting, timeoutMs, readerName);
    const maxApduDataSize = await withTimeout(queryMaxApduDataSize((code, data) => card.control(code, data)), Math.min(timeoutMs, PROPERTIES_WAIT_MS), readerName).catch(() => undefined);
    return new PcscTransport(readerName, context, card, { ...options, ...(maxApduDataSize !== undefined && { maxApduDataSize }) });
  } catch (e) {
    const error = pcscFailure(e, readerName);
    if (error.code === 'TRANSPORT_TIMEOUT') {
      // The connection may still come through: release it then rather than leak the handle.
      void connecting.then((card) => card.disconnect(false), () => undefined).finally(() => context.close());
    } else {
      context.close();
    }
    // "Removed" before anything was connected means nothing was there in the first place.
    throw error.code === 'CARD_REMOVED' ? pcscError('NO_CARD', readerName, e) : error;
  }
}

export class PcscTransport implements Transport {
  readonly reader: string;
  readonly atr: Uint8Array;
  readonly protocol: PcscProtocol;
  /** Live view: CountingTransport and others that keep the object see later learning too. */
  readonly capabilities: TransportCapabilities;
  private readonly timeoutMs: number;
  private readonly memory: ExtendedLengthMemory;
  private decision: ExtendedLengthDecision;
  private broken: EidError | undefined;
  private closed = false;
  /** The native call in flight, if any; the handle is released only after it settles. */
  private inflight: Promise<unknown> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    reader: string,
    private readonly context: PcscContext,
    private readonly card: PcscCard,
    options: PcscTransportOptions,
  ) {
    this.reader = reader;
    this.atr = card.atr;
    this.protocol = card.protocol;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.memory = options.memory ?? processExtendedLengthMemory;
    this.decision = decideExtendedLength(reader, card.atr, card.protocol, this.memory, options.quirks, options.maxApduDataSize);
    const self = this;
    const readerMax = this.decision.responseLimit;
    this.capabilities = {
      get extendedLength() {
        return self.decision.extendedLength;
      },
      // Only a real limit is reported: short-only readers still take the full short Le, and the
      // reading strategy sizes protected answers itself.
      get maxResponseLength() {
        if (readerMax !== undefined) return readerMax;
        return self.decision.extendedLength === true ? 65_536 : undefined;
      },
    };
  }

  /** Why extended length is (not) used: quirk, protocol, reader, memory, atr or unknown. */
  get extendedLengthSource(): ExtendedLengthDecision['source'] {
    return this.decision.source;
  }

  transmit(command: Uint8Array): Promise<Uint8Array> {
    // One APDU at a time: the card is a half-duplex device and SM counters depend on order.
    const next = this.queue.then(() => this.transmitNow(command));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the session; `reset` (default) power-cycles the card so no SM session survives. */
  async close(reset = true): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.broken ??= pcscError('CARD_REMOVED', `${this.reader}: session closed`);
    const release = async (): Promise<void> => {
      await this.card.disconnect(reset);
      this.context.close();
    };
    // A native transmit still running holds the handle; release it when that call returns.
    const pending = this.inflight ?? Promise.resolve();
    const done = pending.then(release, release);
    // Wait for the reset so the next session does not meet it as CARD_RESET, but do not hang the
    // caller on a wedged reader: `done` still releases whenever the native call returns.
    await Promise.race([done, delay(Math.max(this.timeoutMs, CLOSE_WAIT_MS))]);
  }

  private async transmitNow(command: Uint8Array): Promise<Uint8Array> {
    if (this.broken) throw this.broken;
    const extended = isExtended(command);
    if (extended && this.decision.extendedLength === false) {
      throw pcscError('EXTENDED_LENGTH_UNSUPPORTED', `${this.reader} (${this.decision.source})`);
    }
    try {
      const response = this.protocol === 'T0'
        ? await transmitChained({ transmit: (c) => this.rawTransmit(c) }, command)
        : await this.rawTransmit(command);
      if (extended && this.decision.extendedLength === undefined) this.learn(true);
      return response;
    } catch (e) {
      const error = pcscFailure(e, this.reader);
      if (extended && this.decision.extendedLength !== true && READER_REJECTION.has(error.code)) {
        this.learn(false);
        throw pcscError('EXTENDED_LENGTH_UNSUPPORTED', this.reader, error);
      }
      if (error.code === 'CARD_RESET') throw await this.afterReset(error);
      if (FATAL.has(error.code)) this.broken = error;
      throw error;
    }
  }

  private async rawTransmit(command: Uint8Array): Promise<Uint8Array> {
    const call = this.card.transmit(command, MAX_RECEIVE);
    this.inflight = call;
    try {
      const response = await withTimeout(call, this.timeoutMs, this.reader);
      if (response.length < 2) throw await this.lostCard();
      return response;
    } finally {
      // A timed-out call stays "in flight" until it settles, so close() waits for it.
      void call.then(
        () => this.clearInflight(call),
        () => this.clearInflight(call),
      );
    }
  }

  /**
   * A "successful" transmit without even a status word: the link broke mid-command (vpcd reports
   * a card pulled mid-command this way). pcscd notices a removal a moment later, so wait briefly
   * for the reader state to settle to tell a removed card from a mute one.
   */
  private async lostCard(): Promise<EidError> {
    const removed = pcscError('CARD_REMOVED', `${this.reader}: no answer`);
    try {
      const state = this.context.listReaders().find((r) => r.name === this.reader);
      if (!state || (state.state & SCARD_STATE.PRESENT) === 0) return removed;
      const changes = await this.context.waitForChange([{ name: this.reader, state: state.state & ~SCARD_STATE.CHANGED }], LOST_CARD_SETTLE_MS);
      const now = changes?.find((r) => r.name === this.reader);
      if (now && (now.state & SCARD_STATE.PRESENT) === 0) return removed;
    } catch {
      // The reader or service went too: the session is lost either way; say the card is.
      return removed;
    }
    return pcscError('CARD_UNRESPONSIVE', `${this.reader}: empty answer`);
  }

  /**
   * Someone else reset the card. The handle is reconnected so this session goes on, and the caller
   * still gets CARD_RESET: the chip forgot its secure channel, so access control runs again
   * (core/emrtd/access/resuming-session.ts). If the reconnect fails (the card went), that ends it.
   */
  private async afterReset(reset: EidError): Promise<EidError> {
    try {
      const reconnecting = this.card.reconnect();
      this.inflight = reconnecting;
      const settled = (): void => this.clearInflight(reconnecting);
      void reconnecting.then(settled, settled);
      await withTimeout(reconnecting, this.timeoutMs, this.reader);
      return reset;
    } catch (e) {
      const error = pcscFailure(e, this.reader);
      this.broken = FATAL.has(error.code) ? error : reset;
      return this.broken;
    }
  }

  private clearInflight(call: Promise<unknown>): void {
    if (this.inflight === call) this.inflight = undefined;
  }

  private learn(works: boolean): void {
    this.memory.set(this.reader, this.atr, works);
    this.decision = { ...this.decision, extendedLength: works, source: 'memory' };
  }
}

function isExtended(command: Uint8Array): boolean {
  try {
    return parseCommand(command).extended;
  } catch {
    return false; // Not ours to judge: the card answers malformed APDUs with a status word.
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, reader: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(pcscError('TRANSPORT_TIMEOUT', `${reader}: no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(isEidError(e) ? e : pcscFailure(e, reader));
      },
    );
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
