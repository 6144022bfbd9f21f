/** English: errors of passive authentication and the trust store. */
import { template } from '../../define.ts';

export const trustErrors = {
  UNSUPPORTED_ALGORITHM: template({ algorithm: 'text' }, (p) => `The document uses a signature algorithm this terminal does not support (${p.algorithm})`),
  TRUST_FILE_INVALID: 'The trust file could not be used',
  TRUST_FILE_UNREADABLE: template({ file: 'text' }, (p) => `${p.file} is not a readable certificate, CRL, master list or LDIF file; nothing was published`),
  TRUST_LIST_EMPTY: 'None of the files holds a CSCA certificate; nothing was published',
  TRUST_NOT_FOUND: template({ fingerprint: 'text' }, (p) => `No certificate or CRL with fingerprint ${p.fingerprint} in the trust store`),
};
