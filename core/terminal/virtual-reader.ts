/**
 * The built-in virtual reader: a demo card from the document factory, put on and taken off from
 * the UI, so the terminal can be tried with no hardware. Taking the card off during a read cuts
 * the connection exactly as pulling a real card does.
 */
import { EidError } from '../errors.ts';
import type { DemoCard } from '../api/terminal-api.ts';
import { buildDocument } from '../chip/factory/build-document.ts';
import type { VirtualDocument } from '../chip/factory/document.ts';
import { PROFILE_NAMES, PROFILES, isProfileName } from '../chip/factory/profiles.ts';
import { VARIANTS, VARIANT_NAMES, isVariantName, variantAppliesTo } from '../chip/factory/variants.ts';
import { VirtualChip, cardRemoved } from '../chip/virtual-chip.ts';
import type { CardConnection, ReaderInfo, ReaderProvider } from './readers.ts';

export const VIRTUAL_READER_NAME = 'eID Terminal virtual reader';

function label(profile: string, variant: string | null): string {
  const p = PROFILES[profile as keyof typeof PROFILES];
  const base = p ? p.description : profile;
  return variant ? `${base} — ${VARIANTS[variant as keyof typeof VARIANTS]?.description ?? variant}` : base;
}

let demoCardList: DemoCard[] | null = null;

/** The demo cards the virtual reader offers, with the key a clerk would type for each (built once). */
export function demoCards(): DemoCard[] {
  if (demoCardList) return demoCardList;
  const cards: DemoCard[] = [];
  for (const profile of PROFILE_NAMES) {
    for (const variant of [null, ...VARIANT_NAMES]) {
      if (variant && !variantAppliesTo(variant, PROFILES[profile])) continue;
      const doc = buildDocument(profile, variant);
      cards.push({ profile, variant, label: label(profile, variant), key: { kind: 'mrz', mrz: doc.access.mrz } });
    }
  }
  demoCardList = cards;
  return cards;
}

export class VirtualReader implements ReaderProvider {
  readonly available = true;
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
      throw new EidError('DEMO_CARD_UNKNOWN', `No sample card ${profile}${variant ? '/' + variant : ''}`, 'Không có thẻ mẫu này');
    }
    this.#document = buildDocument(profile, variant);
    this.#chip = new VirtualChip(this.#document, { delayMs: this.#latencyMs });
    this.#emit();
    return this.#document;
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
    if (reader !== VIRTUAL_READER_NAME || !chip) throw new EidError('NO_CARD', 'No card on the reader', 'Chưa có thẻ trên đầu đọc');
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
