/**
 * What the clerk is to do with the card now, from the readers and the session on screen: the
 * persistent guidance of the verify screen (as AusweisApp and Web eID show it).
 */
import type { Reader, SessionEvent } from '../../core/api/terminal-api.ts';

export type Guidance = 'noReader' | 'placeCard' | 'cardFound' | 'reading' | 'removeCard';

const READING: readonly SessionEvent['state'][] = ['key-needed', 'reading', 'verifying'];

export function readerGuidance(readers: readonly Reader[], session: SessionEvent | undefined): Guidance {
  const reader = readers.find((r) => r.name === session?.reader) ?? readers.find((r) => r.cardPresent) ?? readers.find((r) => !r.virtual) ?? readers[0];
  if (!reader) return 'noReader';
  if (session && READING.includes(session.state)) return 'reading';
  if (!reader.cardPresent) return 'placeCard';
  // After an error the same card is read again (another key, the birth date): only a result ends with it.
  return session?.state === 'done' ? 'removeCard' : 'cardFound';
}
