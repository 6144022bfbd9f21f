/** The three ways PACE ends badly, as the terminal and the clerk need to tell them apart. */
import { EidError } from '../../errors.ts';

/** Wrong MRZ data or CAN: the chip answered 6300 or the authentication tokens do not match. */
export function accessDenied(detail: string): EidError {
  return new EidError('ACCESS_DENIED', { detail });
}

/** The document offers only PACE variants this terminal cannot run. */
export function paceUnsupported(detail: string): EidError {
  return new EidError('PACE_UNSUPPORTED', { detail });
}

/** The protocol broke for another reason (malformed answer, invalid key, chip error). */
export function paceFailed(detail: string, cause?: unknown): EidError {
  return new EidError('PACE_FAILED', { detail }, { cause });
}
