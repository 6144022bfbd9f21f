/**
 * The one file that loads the native PC/SC module (`smartcard`, N-API; see docs/reference/pcsc.md
 * for why not `pcsclite`). It is loaded on demand, on first use, so commands and tests that never
 * touch a reader never load the addon, and a machine where the optional package did not build
 * (no PC/SC development files) still runs everything else. Everything above this file sees only
 * the small PcscBinding interface, which tests replace with fakes.
 */
import { createRequire } from 'node:module';
import { pcscFailure, pcscUnavailable } from './pcsc-errors.ts';

/** SCARD_STATE_* bits (identical in pcsclite, winscard and macOS). */
export const SCARD_STATE = {
  UNAWARE: 0x0000,
  IGNORE: 0x0001,
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200,
} as const;

/** The pseudo reader whose state changes when a reader is plugged in or out. */
export const PNP_NOTIFICATION = '\\\\?PnP?\\Notification';

export type PcscProtocol = 'T0' | 'T1' | 'RAW';

export interface PcscReaderState {
  readonly name: string;
  /** SCARD_STATE_* bits; the high 16 bits carry pcsclite's event counter. */
  readonly state: number;
  readonly atr: Uint8Array | undefined;
}

export interface PcscCard {
  readonly protocol: PcscProtocol;
  readonly atr: Uint8Array;
  /** Sends one APDU; `maxResponseLength` includes SW1 SW2. */
  transmit(command: Uint8Array, maxResponseLength: number): Promise<Uint8Array>;
  /**
   * SCardReconnect without touching the card: acknowledges a reset another program (or Windows
   * after an idle transaction) made, after which every transmit on this handle fails until it is.
   */
  reconnect(): Promise<void>;
  /** SCardControl: a command to the reader itself (PC/SC part 10 features, reader-properties.ts). */
  control(code: number, data?: Uint8Array): Promise<Uint8Array>;
  /**
   * Releases the card; `reset` power-cycles it first so the next session starts clean. Async on
   * purpose: a reset talks to the card, and a synchronous SCardDisconnect(RESET) would block the
   * event loop - deadlocking when the card itself lives in this process (vpcd bridge).
   */
  disconnect(reset: boolean): Promise<void>;
}

export interface PcscContext {
  listReaders(): PcscReaderState[];
  /**
   * Resolves when a state differs from the given ones: the new states; [] on timeout;
   * undefined when cancelled.
   */
  waitForChange(known: readonly { name: string; state: number }[], timeoutMs: number): Promise<PcscReaderState[] | undefined>;
  connect(readerName: string): Promise<PcscCard>;
  cancel(): void;
  close(): void;
}

export interface PcscBinding {
  /** A fresh connection to the PC/SC service; throws PCSC_UNAVAILABLE when it is not running. */
  establishContext(): PcscContext;
}

/** The shape of the parts of `smartcard` we use. */
interface SmartcardModule {
  Context: new () => SmartcardContext;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_RESET_CARD: number;
  SCARD_LEAVE_CARD: number;
}
interface SmartcardReader {
  readonly name: string;
  readonly state: number;
  readonly atr: Buffer | null;
  connect(shareMode: number, protocol: number): Promise<SmartcardCard>;
}
interface SmartcardCard {
  readonly protocol: number;
  readonly atr: Buffer | null;
  transmit(command: Buffer, options: { maxRecvLength: number }): Promise<Buffer>;
  control(code: number, data?: Buffer): Promise<Buffer>;
  disconnect(disposition: number): void;
  reconnect(shareMode: number, protocol: number, initialization: number): Promise<number>;
}
interface SmartcardContext {
  listReaders(): SmartcardReader[];
  waitForChange(readers: { name: string; state: number }[], timeout: number): Promise<{ name: string; state: number; atr: Buffer | null }[] | null>;
  cancel(): void;
  close(): void;
}

/** Loads the `smartcard` module; tests inject one that fails as a machine without it does. */
export type SmartcardLoader = () => unknown;

const requireSmartcard: SmartcardLoader = () => createRequire(import.meta.url)('smartcard');

/** The binding over a loaded `smartcard` module; PCSC_UNAVAILABLE when it cannot be loaded. */
export function loadPcscBinding(load: SmartcardLoader = requireSmartcard): PcscBinding {
  let module: SmartcardModule;
  try {
    module = load() as SmartcardModule;
  } catch (e) {
    throw pcscUnavailable('binding', undefined, e);
  }
  return { establishContext: () => openContext(module) };
}

let loaded: PcscBinding | undefined;

/** The real binding, loaded on first call. Throws PCSC_UNAVAILABLE (binding missing) if absent. */
export function nativePcscBinding(): PcscBinding {
  loaded ??= loadPcscBinding();
  return loaded;
}

function openContext(sc: SmartcardModule): PcscContext {
  let ctx: SmartcardContext;
  try {
    ctx = new sc.Context();
  } catch (e) {
    throw pcscFailure(e);
  }
  const call = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw pcscFailure(e);
    }
  };
  const protocolName = (p: number): PcscProtocol => (p === sc.SCARD_PROTOCOL_T0 ? 'T0' : p === sc.SCARD_PROTOCOL_T1 ? 'T1' : 'RAW');
  return {
    listReaders: () => call(() => ctx.listReaders()).map((r) => ({ name: r.name, state: r.state, atr: bytesOrUndefined(r.atr) })),
    async waitForChange(known, timeoutMs) {
      const result = await ctx.waitForChange(known.map((k) => ({ name: k.name, state: k.state })), timeoutMs).catch((e: unknown) => {
        throw pcscFailure(e);
      });
      if (result === null) return undefined;
      return result.map((r) => ({ name: r.name, state: r.state, atr: bytesOrUndefined(r.atr) }));
    },
    async connect(readerName) {
      const reader = call(() => ctx.listReaders()).find((r) => r.name === readerName);
      if (!reader) throw pcscFailure(new Error('Unknown reader'), readerName);
      const card = await reader.connect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1).catch((e: unknown) => {
        throw pcscFailure(e, readerName);
      });
      return {
        protocol: protocolName(card.protocol),
        atr: bytesOrUndefined(card.atr) ?? new Uint8Array(0),
        async transmit(command, maxResponseLength) {
          const response = await card.transmit(Buffer.from(command), { maxRecvLength: maxResponseLength }).catch((e: unknown) => {
            throw pcscFailure(e, readerName);
          });
          return new Uint8Array(response);
        },
        async reconnect() {
          await card.reconnect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1, sc.SCARD_LEAVE_CARD).catch((e: unknown) => {
            throw pcscFailure(e, readerName);
          });
        },
        async control(code, data) {
          const response = await card.control(code, data ? Buffer.from(data) : undefined).catch((e: unknown) => {
            throw pcscFailure(e, readerName);
          });
          return new Uint8Array(response);
        },
        async disconnect(reset) {
          if (reset) {
            // The reset runs on the binding's worker thread; leaving afterwards does not touch the card.
            await card.reconnect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1, sc.SCARD_RESET_CARD).catch(() => undefined);
          }
          try {
            card.disconnect(sc.SCARD_LEAVE_CARD);
          } catch {
            // Already gone with the card or the service: nothing left to release.
          }
        },
      };
    },
    cancel: () => {
      try {
        ctx.cancel();
      } catch {
        // A dead context has nothing pending to cancel.
      }
    },
    close: () => {
      try {
        ctx.close();
      } catch {
        // Closing a context the service already dropped is not an error for us.
      }
    },
  };
}

function bytesOrUndefined(b: Buffer | null | undefined): Uint8Array | undefined {
  return b && b.length > 0 ? new Uint8Array(b) : undefined;
}
