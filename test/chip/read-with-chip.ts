/**
 * Test helper: a factory document read through the production flow (core/session/read-card.ts)
 * from a virtual chip configured with options (quirks, faults), with a count of what crossed the
 * wire. Not a test file itself.
 */
import type { VirtualDocument } from '../../core/chip/factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from '../../core/chip/virtual-chip.ts';
import { TrustStore } from '../../core/trust/store.ts';
import { loadTrustBytes } from '../../core/trust/trust-files.ts';
import { readCard } from '../../core/session/read-card.ts';
import type { AccessKey } from '../../core/api/terminal-api.ts';
import type { VerificationOutcome } from '../../core/session/outcome.ts';

export const NOW = new Date('2026-11-27T12:00:00Z');

export function trustFor(doc: VirtualDocument): TrustStore {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  return store;
}

export const mrzKey = (doc: VirtualDocument): AccessKey => ({ kind: 'mrz', mrz: doc.access.mrz });

export interface ChipRead {
  readonly out: VerificationOutcome;
  /** Plain commands by instruction byte, as the chip received them (SM commands hide theirs). */
  readonly plain: Map<number, number>;
  /** Every raw command sent. */
  readonly commands: Uint8Array[];
}

/** Access control runs, seen on the wire: BAC's GET CHALLENGE or PACE's MSE:Set AT, both plain. */
export function accessControlRuns(read: ChipRead): number {
  return (read.plain.get(0x84) ?? 0) + (read.plain.get(0x22) ?? 0);
}

export async function readWithChip(doc: VirtualDocument, options: VirtualChipOptions = {}, key: AccessKey = mrzKey(doc)): Promise<ChipRead> {
  const chip = new VirtualChip(doc, options);
  const plain = new Map<number, number>();
  const commands: Uint8Array[] = [];
  const transport = {
    transmit: async (raw: Uint8Array) => {
      commands.push(raw);
      if ((raw[0]! & 0x0c) === 0) plain.set(raw[1]!, (plain.get(raw[1]!) ?? 0) + 1);
      return chip.transmit(raw);
    },
  };
  const out = await readCard(transport, key, { trust: trustFor(doc), now: NOW });
  return { out, plain, commands };
}
