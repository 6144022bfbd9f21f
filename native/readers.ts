/**
 * Readers as the terminal sees them: a one-shot list, and a watcher that follows readers being
 * plugged in and out, cards being put on and taken off, and the PC/SC service going away and
 * coming back (pcscd restarted by an update, a crash, a USB reset). The watcher never gives up:
 * while the service is down it retries, and when it is back it re-announces the readers.
 */
import { EventEmitter } from 'node:events';
import type { EidError } from '../core/errors.ts';
import { PNP_NOTIFICATION, SCARD_STATE, nativePcscBinding } from './pcsc-binding.ts';
import type { PcscBinding, PcscContext, PcscReaderState } from './pcsc-binding.ts';
import { pcscFailure } from './pcsc-errors.ts';

export interface ReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
  /** Answer-to-reset of the card on the reader, when there is one. */
  readonly atr: Uint8Array | undefined;
  /** A card is there but does not answer (mute) or is held exclusively by another program. */
  readonly cardMute: boolean;
  readonly exclusive: boolean;
}

export type ReaderEventType = 'reader-added' | 'reader-removed' | 'card-inserted' | 'card-removed' | 'service-down' | 'service-up';

export interface ReaderEvent {
  readonly type: ReaderEventType;
  /** The reader concerned; undefined for service-down / service-up. */
  readonly reader: string | undefined;
  /** On card-inserted: the card's ATR. */
  readonly atr?: Uint8Array;
  /** On service-down: why (PCSC_UNAVAILABLE ...). */
  readonly error?: EidError;
}

export function readerInfo(state: PcscReaderState): ReaderInfo {
  const present = (state.state & SCARD_STATE.PRESENT) !== 0;
  return {
    name: state.name,
    cardPresent: present,
    atr: present ? state.atr : undefined,
    cardMute: present && (state.state & SCARD_STATE.MUTE) !== 0,
    exclusive: (state.state & SCARD_STATE.EXCLUSIVE) !== 0,
  };
}

/** The readers connected now. Throws PCSC_UNAVAILABLE when the service is not running. */
export function listReaders(binding: PcscBinding = nativePcscBinding()): ReaderInfo[] {
  let context: PcscContext | undefined;
  try {
    context = binding.establishContext();
    return context.listReaders().map(readerInfo);
  } catch (e) {
    throw pcscFailure(e);
  } finally {
    context?.close();
  }
}

export interface ReaderWatcherOptions {
  readonly binding?: PcscBinding;
  /** How long one wait for a change may block; bounds how quickly stop() and polling react. */
  readonly waitMs?: number;
  /** Pause between attempts to reach a service that is down. */
  readonly retryMs?: number;
}

/**
 * Emits 'event' with a ReaderEvent for every change. The first start() announces the readers
 * already present (reader-added, then card-inserted for cards already on them), so a consumer
 * needs no separate initial listing.
 */
export class ReaderWatcher extends EventEmitter<{ event: [ReaderEvent] }> {
  private readonly binding: PcscBinding | undefined;
  private readonly waitMs: number;
  private readonly retryMs: number;
  private context: PcscContext | undefined;
  private known = new Map<string, PcscReaderState>();
  private pnpState = 0;
  private running = false;
  private serviceUp: boolean | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(options: ReaderWatcherOptions = {}) {
    super();
    this.binding = options.binding;
    this.waitMs = options.waitMs ?? 1000;
    this.retryMs = options.retryMs ?? 1000;
  }

  /** The readers as last seen. */
  readers(): ReaderInfo[] {
    return [...this.known.values()].map(readerInfo);
  }

  /** Whether the PC/SC service answered on the last attempt; undefined before the first. */
  get serviceAvailable(): boolean | undefined {
    return this.serviceUp;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.context?.cancel();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const context = this.ensureContext();
        this.update(context.listReaders());
        const watched = [...this.known.values()].map((r) => ({ name: r.name, state: r.state & ~SCARD_STATE.CHANGED }));
        watched.push({ name: PNP_NOTIFICATION, state: this.pnpState });
        const changes = await context.waitForChange(watched, this.waitMs);
        const pnp = changes?.find((c) => c.name === PNP_NOTIFICATION);
        if (pnp) this.pnpState = pnp.state & ~SCARD_STATE.CHANGED;
        // The loop re-lists after every wake-up: the list is the truth, the change set a hint.
      } catch {
        if (!this.running) break;
        this.dropContext();
        // A failing context may just be stale (pcscd restarted); only a failing fresh one means down.
        const down = this.tryContext();
        if (down) {
          this.markDown(down);
          await this.sleep(this.retryMs);
        }
      }
    }
    this.dropContext();
  }

  private ensureContext(): PcscContext {
    if (this.context) return this.context;
    const context = this.binding ? this.binding.establishContext() : nativePcscBinding().establishContext();
    this.context = context;
    this.pnpState = 0;
    if (this.serviceUp !== true) {
      const wasDown = this.serviceUp === false;
      this.serviceUp = true;
      if (wasDown) this.emitEvent({ type: 'service-up', reader: undefined });
    }
    return context;
  }

  /** Undefined when a fresh context works, else why it does not. */
  private tryContext(): EidError | undefined {
    try {
      this.ensureContext().listReaders();
      return undefined;
    } catch (e) {
      this.dropContext();
      return pcscFailure(e);
    }
  }

  private dropContext(): void {
    this.context?.close();
    this.context = undefined;
  }

  private markDown(error: EidError): void {
    if (this.serviceUp === false) return;
    this.serviceUp = false;
    // Readers vanish with the service; consumers see them go and come back on service-up.
    for (const [name, state] of this.known) {
      if (state.state & SCARD_STATE.PRESENT) this.emitEvent({ type: 'card-removed', reader: name });
      this.emitEvent({ type: 'reader-removed', reader: name });
    }
    this.known.clear();
    this.emitEvent({ type: 'service-down', reader: undefined, error });
  }

  /** Compares a fresh listing with what we knew and emits the differences. */
  private update(current: PcscReaderState[]): void {
    const next = new Map(current.map((r) => [r.name, r]));
    for (const [name, old] of this.known) {
      if (next.has(name)) continue;
      if (old.state & SCARD_STATE.PRESENT) this.emitEvent({ type: 'card-removed', reader: name });
      this.emitEvent({ type: 'reader-removed', reader: name });
    }
    for (const [name, now] of next) {
      const old = this.known.get(name);
      if (!old) this.emitEvent({ type: 'reader-added', reader: name });
      const wasPresent = old !== undefined && (old.state & SCARD_STATE.PRESENT) !== 0;
      const isPresent = (now.state & SCARD_STATE.PRESENT) !== 0;
      // pcsclite's upper 16 bits count card events: a quick remove+insert between two looks
      // shows as a changed counter with the card still present.
      const swapped = wasPresent && isPresent && old.state >>> 16 !== now.state >>> 16 && now.state >>> 16 !== 0 && old.state >>> 16 !== 0;
      if ((wasPresent && !isPresent) || swapped) this.emitEvent({ type: 'card-removed', reader: name });
      if ((!wasPresent && isPresent) || swapped) this.emitEvent({ type: 'card-inserted', reader: name, ...(now.atr ? { atr: now.atr } : {}) });
    }
    this.known = next;
  }

  /**
   * Calls each listener on its own: one listener's failure is its own and must neither stop the
   * watcher, nor hide the event from the other listeners, nor make it re-announce the change.
   */
  private emitEvent(event: ReaderEvent): void {
    for (const listener of this.rawListeners('event') as ((e: ReaderEvent) => void)[]) {
      try {
        listener.call(this, event);
      } catch {
        // Deliberately swallowed, see above.
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
