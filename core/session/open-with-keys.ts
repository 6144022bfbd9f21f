/**
 * The "open" step: try the key candidates in order until the chip accepts one, and say which one
 * it was and whether PACE fell back. EF.CardAccess is read once for all of them. A CAN candidate (a
 * Vietnamese ID number's last 6 digits) needs PACE: when the chip offers none or refuses it, the
 * MRZ candidates that follow go straight to BAC; when none follow, the birth date is needed.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
import { EidError, isEidError } from '../errors.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import { openChip, paceFallbackAllowed, readCardAccess, type OpenedChip } from '../emrtd/access/open-chip.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import type { KeyCandidate, KeyPlan } from './access-keys.ts';
import { throwIfCancelled } from './errors.ts';

export interface OpenedWithKey {
  readonly opened: OpenedChip;
  readonly used: KeyCandidate;
  /** Which key assumption opened the chip (the CAN from the ID number, an expiry candidate). */
  readonly accessNote: string | null;
  readonly warnings: LocalizedText[];
}

/** Why the ID number alone did not open the chip. */
type CanRefusal = 'NO_PACE' | 'PACE_REFUSED';

/** BIRTH_DATE_NEEDED: the ID number alone opens only chips that offer PACE; this one needs BAC. */
export function birthDateNeeded(why: CanRefusal): EidError {
  return why === 'NO_PACE'
    ? new EidError('BIRTH_DATE_NEEDED', 'This card does not open with the ID number alone (it has no PACE): enter the date of birth as well.', 'Thẻ này không mở được chỉ bằng số định danh (thẻ không hỗ trợ PACE): hãy nhập thêm ngày sinh.')
    : new EidError('BIRTH_DATE_NEEDED', 'The chip did not open with the ID number alone: check the ID number, or enter the date of birth as well.', 'Chip không mở được chỉ bằng số định danh: hãy kiểm tra lại số định danh, hoặc nhập thêm ngày sinh.');
}

/** The chip has no PACE (MRZ_KEY_REQUIRED) or refused PACE with the CAN; other errors (a lost card) are not a refusal. */
function canRefusal(e: unknown): { why: CanRefusal; code: string } | undefined {
  if (isEidError(e, 'MRZ_KEY_REQUIRED')) return { why: 'NO_PACE', code: e.code };
  if (paceFallbackAllowed(e)) return { why: 'PACE_REFUSED', code: e.code };
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
    const warnings: LocalizedText[] = [];
    const why = opened.paceFallbackReason ?? (canRefused?.why === 'PACE_REFUSED' ? canRefused.code : undefined);
    if (why) warnings.push(localized(`PACE was offered but not used (${why}); the chip was opened with BAC.`, `Chip có hỗ trợ PACE nhưng không dùng được (${why}); chip đã được mở bằng BAC.`));
    const accessNote = used.assumption ? `Chip opened with ${opened.method}, ${used.assumption} (key ${i + 1} of ${candidates.length} tried).` : null;
    return { opened, used, accessNote, warnings };
  }
  if (canRefused && plan.birthDateMissing) throw birthDateNeeded(canRefused.why);
  throw new EidError('ACCESS_DENIED', 'No key was given', 'Chưa nhập thông tin mở chip');
}
