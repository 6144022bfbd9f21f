/**
 * Card readers, whatever they are: the PC/SC readers of native/, the built-in virtual reader with
 * the demo cards, or a test double. A session reads a card through a CardConnection; the
 * terminal follows readers and cards through ReaderProvider.
 */
import type { Transport } from '../emrtd/apdu/transport.ts';
import type { TrustStore } from '../trust/store.ts';

export interface ReaderInfo {
  readonly name: string;
  readonly cardPresent: boolean;
  readonly virtual: boolean;
}

export interface CardConnection {
  readonly transport: Transport;
  close(): Promise<void>;
}

export interface ReaderProvider {
  /** False while the card service (pcscd, Windows Smart Card service) is unreachable. */
  readonly available: boolean;
  /** What the cards on these readers are verified against, when not the terminal's trust store. */
  readonly trust?: TrustStore;
  list(): ReaderInfo[];
  /** Called on any change: reader plugged or unplugged, card inserted or removed, service up or down. */
  onChange(listener: () => void): () => void;
  /** Connects to the card on `reader`; EidError NO_CARD when there is none. */
  connect(reader: string): Promise<CardConnection>;
  close(): Promise<void>;
}
