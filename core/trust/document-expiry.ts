/** Document expiry from DG1 (and DG13's "no expiry" on Vietnamese cards), compared by calendar day (UTC). */
import type { ParsedMrz } from '../mrz/index.ts';

export type ExpiryStatus = 'VALID' | 'EXPIRED' | 'NO_EXPIRY';

export function documentExpiryStatus(mrz: ParsedMrz, vnNoExpiry: boolean, now: Date): ExpiryStatus {
  if (mrz.dateOfExpiryIso === null || vnNoExpiry) return 'NO_EXPIRY';
  const today = now.toISOString().slice(0, 10);
  // The document is valid through its expiry day.
  return mrz.dateOfExpiryIso < today ? 'EXPIRED' : 'VALID';
}
