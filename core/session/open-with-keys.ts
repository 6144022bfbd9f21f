/**
 * The "open" step: try the key candidates in order until the chip accepts one (a CCCD number
 * without printed expiry gives several), and say which one it was and whether PACE fell back.
 */
import { EidError, isEidError } from '../errors.ts';
import { note, warning, type Note, type Warning } from '../messages/message.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import { openChip, type OpenedChip } from '../emrtd/access/open-chip.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import type { KeyCandidate } from './access-keys.ts';
import { throwIfCancelled } from './errors.ts';

export interface OpenedWithKey {
  readonly opened: OpenedChip;
  readonly used: KeyCandidate;
  /** Which key assumption opened the chip, when several were tried. */
  readonly accessNote: Note | null;
  readonly warnings: Warning[];
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
    const why = opened.paceFallbackReason;
    const warnings = why ? [warning('PACE_FALLBACK_TO_BAC', { detail: why })] : [];
    const assumed = used.assumption;
    // The note names the rule, never the expiry date itself (it follows from the birth date).
    const accessNote = assumed?.rule && candidates.length > 1
      ? note('ACCESS_KEY_ASSUMED', { rule: assumed.rule, age: assumed.age ?? 0, tried: i + 1, total: candidates.length })
      : null;
    return { opened, used, accessNote, warnings };
  }
  throw new EidError('ACCESS_KEY_MISSING');
}
