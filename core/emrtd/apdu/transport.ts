/**
 * How the terminal side talks to a chip: a raw command APDU in, the raw response APDU (data plus
 * SW1 SW2) out. Implemented by the PC/SC layer (native/), by the in-process virtual chip, and by
 * test doubles. Failures are EidErrors (CARD_REMOVED, READER_UNAVAILABLE, TRANSPORT_TIMEOUT ...).
 */
export interface Transport {
  transmit(command: Uint8Array): Promise<Uint8Array>;
  /** What the reader and card are known to accept; the reading strategy probes when undefined. */
  readonly capabilities?: TransportCapabilities;
}

export interface TransportCapabilities {
  /** Whether extended-length APDUs (Lc/Le beyond 255/256) pass through this reader. */
  readonly extendedLength?: boolean;
  /** Largest response data the reader accepts in one APDU. */
  readonly maxResponseLength?: number;
}

/** The card side: something that answers command APDUs, such as the virtual chip. */
export interface ApduResponder {
  /** Answer-to-reset bytes, returned on power-on and reset. */
  atr(): Uint8Array;
  /** Power-cycles the card: all sessions and selected files are forgotten. */
  reset(): void;
  transmit(command: Uint8Array): Uint8Array | Promise<Uint8Array>;
}
