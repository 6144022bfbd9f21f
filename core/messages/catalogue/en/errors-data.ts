/** English: errors of the low layers (bytes, crypto, ASN.1), met mostly on damaged or hostile data. */
import { template } from '../../define.ts';

export const dataErrors = {
  HEX_INVALID: 'Invalid hexadecimal text',
  BASE64_INVALID: template({ encoding: ['base64', 'base64url'] }, (p) => `Invalid ${p.encoding} text`),
  TLV_MALFORMED: 'Malformed data on the document',
  ASN1_MALFORMED: "The document's security data is malformed",
  PADDING_INVALID: 'The chip sent data with invalid padding',
  DH_VALUE_INVALID: 'Invalid Diffie-Hellman value',
  EC_CURVE_UNKNOWN: template({ curve: 'text' }, (p) => `Unknown elliptic curve: ${p.curve}`),
  EC_PARAMS_INVALID: 'Invalid elliptic curve parameters',
  EC_POINT_INVALID: 'Invalid elliptic curve point',
  EC_MAP_UNSUPPORTED: template({ curve: 'text' }, (p) => `No point encoding for the curve ${p.curve}`),
  ECDSA_SIGNATURE_MALFORMED: 'Malformed ECDSA signature',
};
