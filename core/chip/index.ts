/**
 * Public API of core/chip: the virtual eMRTD chip, documents for it (factory, dump folders),
 * and a one-call helper that gives each profile its real-world card quirks.
 */
import { PROFILES } from './factory/profiles.ts';
import type { VirtualDocument } from './factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from './virtual-chip.ts';

export { VirtualChip, cardRemoved, type ChipDocument, type ChipFaults, type VirtualChipOptions } from './virtual-chip.ts';
export { EMRTD_AID } from './chip-files.ts';
export { documentFromDump, dumpFileName, MAX_DUMP_FILE_BYTES } from './dump-document.ts';

/** A chip for a factory document, with its profile's quirks (Vietnamese cards refuse SELECT MF). */
export function virtualChipFor(doc: VirtualDocument, options: VirtualChipOptions = {}): VirtualChip {
  return new VirtualChip(doc, { refuseSelectMf: PROFILES[doc.profile].vietnamese, ...options });
}
