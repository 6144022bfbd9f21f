/**
 * An in-memory PC/SC service for unit tests: readers and cards are plain objects the test
 * changes, and every call can be made to fail the way the native binding fails (Error with the
 * PC/SC message text), so the mapping to EidErrors is exercised exactly as in production.
 */
import { SCARD_STATE } from '../../../native/pcsc-binding.ts';
import type { PcscBinding, PcscCard, PcscContext, PcscProtocol, PcscReaderState } from '../../../native/pcsc-binding.ts';

export interface FakeCard {
  atr: Uint8Array;
  protocol: PcscProtocol;
  /** Answers one raw APDU; may throw Error('Card was removed') etc. */
  respond(command: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

export class FakePcsc implements PcscBinding {
  running = true;
  readers = new Map<string, FakeCard | undefined>();
  events = 0;
  transmitted: Uint8Array[] = [];
  disconnects: boolean[] = [];
  openContexts = 0;
  /** SCardControl of a reader, by reader name; a reader without one refuses every control code. */
  controls = new Map<string, (code: number, data?: Uint8Array) => Uint8Array | Promise<Uint8Array>>();
  /** SCardReconnect calls that acknowledged a reset. */
  reconnects = 0;
  /** When set, SCardReconnect fails with this PC/SC message. */
  reconnectError: string | undefined;
  private waiters = new Set<() => void>();
  /** Handles that have not yet acknowledged a reset another program made. */
  private readonly resetPending = new Set<{ reader: string }>();
  private readonly handles = new Set<{ reader: string }>();

  plug(name: string, card?: FakeCard): void {
    this.readers.set(name, card);
    this.changed();
  }
  unplug(name: string): void {
    this.readers.delete(name);
    this.changed();
  }
  insert(name: string, card: FakeCard): void {
    this.readers.set(name, card);
    this.events++;
    this.changed();
  }
  remove(name: string): void {
    this.readers.set(name, undefined);
    this.events++;
    this.changed();
  }
  /** Another program resets the card: every open handle on the reader meets SCARD_W_RESET_CARD. */
  resetByAnotherProgram(name: string): void {
    for (const h of this.handles) if (h.reader === name) this.resetPending.add(h);
  }
  stopService(): void {
    this.running = false;
    this.changed();
  }
  startService(): void {
    this.running = true;
  }

  private changed(): void {
    for (const wake of this.waiters) wake();
  }

  private states(): PcscReaderState[] {
    return [...this.readers].map(([name, card]) => ({
      name,
      state: ((this.events & 0xffff) << 16) | (card ? SCARD_STATE.PRESENT : SCARD_STATE.EMPTY),
      atr: card?.atr,
    }));
  }

  establishContext(): PcscContext {
    if (!this.running) throw new Error('PC/SC service not running');
    this.openContexts++;
    const fake = this;
    let closed = false;
    const alive = (): void => {
      if (!fake.running) throw new Error('PC/SC service not running');
    };
    return {
      listReaders() {
        alive();
        return fake.states();
      },
      waitForChange(known, timeoutMs) {
        return new Promise((resolve, reject) => {
          const finish = (): void => {
            clearTimeout(timer);
            fake.waiters.delete(finish);
            if (!fake.running) reject(new Error('Communication error'));
            else resolve(fake.states());
          };
          const timer = setTimeout(() => {
            fake.waiters.delete(finish);
            resolve([]);
          }, timeoutMs);
          fake.waiters.add(finish);
          void known;
        });
      },
      async connect(readerName) {
        alive();
        if (!fake.readers.has(readerName)) throw new Error('Unknown reader');
        const card = fake.readers.get(readerName);
        if (!card) throw new Error('No smart card present');
        const handle = { reader: readerName };
        fake.handles.add(handle);
        const connected: PcscCard = {
          protocol: card.protocol,
          atr: card.atr,
          async transmit(command) {
            alive();
            if (!fake.readers.has(readerName)) throw new Error('Reader unavailable');
            if (fake.readers.get(readerName) !== card) throw new Error('Card was removed');
            if (fake.resetPending.has(handle)) throw new Error('Card was reset');
            fake.transmitted.push(command);
            return card.respond(command);
          },
          async control(code, data) {
            alive();
            const control = fake.controls.get(readerName);
            if (!control) throw new Error('The smart card does not support the requested feature');
            return control(code, data);
          },
          async reconnect() {
            alive();
            if (fake.reconnectError) throw new Error(fake.reconnectError);
            if (fake.readers.get(readerName) !== card) throw new Error('Card was removed');
            fake.resetPending.delete(handle);
            fake.reconnects++;
          },
          async disconnect(reset) {
            fake.handles.delete(handle);
            fake.disconnects.push(reset);
          },
        };
        return connected;
      },
      cancel() {
        fake.changed();
      },
      close() {
        if (!closed) fake.openContexts--;
        closed = true;
      },
    };
  }
}

export const T1_ATR = Uint8Array.from([0x3b, 0x80, 0x80, 0x01, 0x01]);
