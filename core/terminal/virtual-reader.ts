/**
 * The built-in virtual reader: a demo card from the document factory, put on and taken off from
 * the UI, so the terminal can be tried with no hardware. Taking the card off during a read cuts
 * the connection exactly as pulling a real card does.
 */
import { EidError } from '../errors.ts';
import type { DemoCard } from '../api/terminal-api.ts';
import { buildDocument } from '../chip/factory/build-document.ts';
import { catalogue } from '../chip/factory/catalogue.ts';
import type { VirtualDocument } from '../chip/factory/document.ts';
import { isProfileName } from '../chip/factory/profiles.ts';
import { isVariantName } from '../chip/factory/variants.ts';
import { virtualChipFor } from '../chip/virtual-chip.ts';
import { cardRemoved, type VirtualChip } from '../chip/virtual-chip.ts';
import { TrustStore } from '../trust/store.ts';
import { DEMO_CERTS_DIR, loadTrustPath } from '../trust/store-folder.ts';
import type { CardConnection, ReaderInfo, ReaderProvider } from '../session/readers.ts';

export const VIRTUAL_READER_NAME = 'eID Terminal virtual reader';

/** The sample cards the virtual reader offers, with the key a clerk would type for each. */
export function demoCards(): DemoCard[] {
  return catalogue().map((entry) => ({
    profile: entry.profile,
    variant: entry.variant,
    key: { kind: 'mrz', mrz: entry.mrz },
  }));
}

/**
 * Trust for the sample cards only: the demo CSCAs, whose private keys are public. Real cards on
 * real readers are never judged against it.
 */
export function demoTrustStore(now: Date = new Date()): TrustStore {
  const store = new TrustStore();
  loadTrustPath(store, DEMO_CERTS_DIR, now);
  return store;
}

export class VirtualReader implements ReaderProvider {
  readonly available = true;
  /** What the sample cards are verified against (see demoTrustStore). */
  readonly trust: TrustStore = demoTrustStore();
  #chip: VirtualChip | null = null;
  #document: VirtualDocument | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #latencyMs: number;

  constructor(options: { latencyMs?: number } = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
  }

  get document(): VirtualDocument | null {
    return this.#document;
  }

  insert(profile: string, variant: string | null): VirtualDocument {
    if (!isProfileName(profile) || (variant !== null && !isVariantName(variant))) {
      throw new EidError('DEMO_CARD_UNKNOWN', { detail: `${profile}${variant ? '/' + variant : ''}` });
    }
    return this.insertDocument(buildDocument(profile, variant));
  }

  /** Puts a document built elsewhere on the reader (tests: a sample card with a photograph in DG2). */
  insertDocument(document: VirtualDocument): VirtualDocument {
    this.#document = document;
    this.#chip = virtualChipFor(document, { delayMs: this.#latencyMs });
    this.#emit();
    return document;
  }

  remove(): void {
    this.#chip = null;
    this.#document = null;
    this.#emit();
  }

  list(): ReaderInfo[] {
    return [{ name: VIRTUAL_READER_NAME, cardPresent: this.#chip !== null, virtual: true }];
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async connect(reader: string): Promise<CardConnection> {
    const chip = this.#chip;
    if (reader !== VIRTUAL_READER_NAME || !chip) throw new EidError('NO_CARD');
    chip.reset();
    return {
      transport: {
        transmit: async (command) => {
          if (this.#chip !== chip) throw cardRemoved();
          return chip.transmit(command);
        },
      },
      close: async () => {},
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}
