/**
 * The "open" step: try the key candidates in order until the chip accepts one, and say which one
 * it was and whether PACE fell back. EF.CardAccess is read once for all of them. A CAN candidate (a
 * Vietnamese ID number's last 6 digits) needs PACE: when the chip offers none or refuses it, the
 * MRZ candidates that follow go straight to BAC; when none follow, the birth date is needed.
 */
import { EidError, isEidError } from '../errors.ts';
import { note, warning, type Note, type Warning } from '../messages/message.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import { openChip, paceFallbackAllowed, readCardAccess, type OpenedChip } from '../emrtd/access/open-chip.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import { CAN_FROM_ID_NUMBER, type KeyCandidate, type KeyPlan } from './access-keys.ts';
import type { BirthDateReason } from '../messages/catalogue/en/errors-emrtd.ts';
import { throwIfCancelled } from './errors.ts';

export interface OpenedWithKey {
  readonly opened: OpenedChip;
  readonly used: KeyCandidate;
  /** Which key assumption opened the chip, when several were tried. */
  readonly accessNote: Note | null;
  readonly warnings: Warning[];
}

/** Why the ID number alone did not open the chip. */
type CanRefusal = BirthDateReason;

/** BIRTH_DATE_NEEDED: the ID number alone opens only chips that offer PACE; this one needs BAC. */
export function birthDateNeeded(why: CanRefusal): EidError {
  return new EidError('BIRTH_DATE_NEEDED', { reason: why });
}

/** Which key opened the chip: the CAN from the ID number, or the expiry assumed when several were tried. */
function accessNoteFor(used: KeyCandidate, index: number, total: number): Note | null {
  const assumed = used.assumption;
  if (assumed === CAN_FROM_ID_NUMBER) return note('ACCESS_KEY_CAN_FROM_ID_NUMBER', { tried: index + 1, total });
  // The note names the rule, never the expiry date itself (it follows from the birth date).
  return assumed?.rule && total > 1 ? note('ACCESS_KEY_ASSUMED', { rule: assumed.rule, age: assumed.age ?? 0, tried: index + 1, total }) : null;
}

/** The chip has no PACE (MRZ_KEY_REQUIRED) or refused PACE with the CAN; other errors (a lost card) are not a refusal. */
function canRefusal(e: unknown): { why: CanRefusal; code: string } | undefined {
  if (isEidError(e, 'MRZ_KEY_REQUIRED')) return { why: 'no-pace', code: e.code };
  if (paceFallbackAllowed(e)) return { why: 'pace-refused', code: e.code };
  return undefined;
}

export async function openWithKeys(transport: Transport, plan: KeyPlan, options: { signal?: AbortSignal; random?: RandomSource } = {}): Promise<OpenedWithKey> {
  const { candidates } = plan;
  const random = options.random ? { random: options.random } : {};
  const cardAccess = await readCardAccess(transport);
  let canRefused: { why: CanRefusal; code: string } | undefined;
  for (let i = 0; i < candidates.length; i++) {
    throwIfCancelled(options.signal);
    const used = candidates[i]!;
    let opened: OpenedChip;
    try {
      opened = await openChip(transport, used.key, { ...random, cardAccess, bacOnly: canRefused !== undefined });
    } catch (e) {
      const refusal = used.key.kind === 'CAN' ? canRefusal(e) : undefined;
      if (refusal && (i < candidates.length - 1 || plan.birthDateMissing)) {
        canRefused = refusal;
        continue;
      }
      if (!isEidError(e, 'ACCESS_DENIED') || i === candidates.length - 1) throw e;
      continue;
    }
    const why = opened.paceFallbackReason ?? (canRefused?.why === 'pace-refused' ? canRefused.code : undefined);
    const warnings = why ? [warning('PACE_FALLBACK_TO_BAC', { detail: why })] : [];
    return { opened, used, accessNote: accessNoteFor(used, i, candidates.length), warnings };
  }
  if (canRefused && plan.birthDateMissing) throw birthDateNeeded(canRefused.why);
  throw new EidError('ACCESS_KEY_MISSING');
}
