/**
 * The "open" step: try the key candidates in order until the chip accepts one (a CCCD number
 * without printed expiry gives several), and say which one it was and whether PACE fell back.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
import { EidError, isEidError } from '../errors.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import { openChip, type OpenedChip } from '../emrtd/access/open-chip.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import type { KeyCandidate } from './access-keys.ts';
import { throwIfCancelled } from './errors.ts';

export interface OpenedWithKey {
  readonly opened: OpenedChip;
  readonly used: KeyCandidate;
  /** Which key assumption opened the chip, when several were tried. */
  readonly accessNote: string | null;
  readonly warnings: LocalizedText[];
}

export async function openWithKeys(transport: Transport, candidates: readonly KeyCandidate[], options: { signal?: AbortSignal; random?: RandomSource } = {}): Promise<OpenedWithKey> {
  for (let i = 0; i < candidates.length; i++) {
    throwIfCancelled(options.signal);
    const used = candidates[i]!;
    let opened: OpenedChip;
    try {
      opened = await openChip(transport, used.key, options.random ? { random: options.random } : {});
    } catch (e) {
      if (!isEidError(e, 'ACCESS_DENIED') || i === candidates.length - 1) throw e;
      continue;
    }
    const warnings: LocalizedText[] = [];
    const why = opened.paceFallbackReason;
    if (why) warnings.push(localized(`PACE was offered but not used (${why}); the chip was opened with BAC.`, `Chip có hỗ trợ PACE nhưng không dùng được (${why}); chip đã được mở bằng BAC.`));
    const accessNote = used.assumption && candidates.length > 1 ? `Chip opened with ${used.assumption}, key ${i + 1} of ${candidates.length} tried.` : null;
    return { opened, used, accessNote, warnings };
  }
  throw new EidError('ACCESS_DENIED', 'No key was given', 'Chưa nhập thông tin mở chip');
}
