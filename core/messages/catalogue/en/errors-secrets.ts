/** English: errors of keys and secret files at rest, the terminal's and the registry's alike. */
import { template } from '../../define.ts';

export const secretsErrors = {
  KEY_FILE_INSECURE: 'A key file can be read by other users; restrict it to the service account (chmod 600)',
  KEY_FILE_INVALID: 'A key file is damaged',
  KEY_PROTECTION_UNAVAILABLE: 'The operating system cannot protect the data key on this machine',
  PIN_FILE_INSECURE: 'The PIN file can be read by other users; restrict it (chmod 600)',
  SEALED_DATA_INVALID: 'Encrypted data could not be opened: wrong key or altered data',
  SIGNING_KEY_MISSING: template({ keyStore: 'text' }, (p) => `No trust-list signing key in ${p.keyStore}: publish or rotate on the host that holds it`),
  SIGNING_KEY_MISMATCH: template({ keyStore: 'text' }, (p) => `${p.keyStore} does not hold the registry's current trust-list key`),
  SIGNING_KEY_MIGRATION: 'Move the key in settings.registry.signingKey into the key store first',
  DATA_KEY_MISMATCH: 'The registry data key does not belong to this database: copy the key file of the host that created it',
};
