/**
 * Every object identifier the terminal reads or writes, by the standard that defines it. The
 * parsers (asn1, lds, emrtd, trust) and the document factory's writers (chip/factory) import
 * this one table, so what is written and what is expected cannot drift apart. Named curves keep
 * their OIDs beside their domain parameters (crypto/ec/curve-params.ts).
 */
import type { HashAlgorithm } from '../crypto/node-crypto.ts';

/** Digest algorithms (NIST CSOR; SHA-1 from OIW). */
export const HASH_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

/** sha*WithRSAEncryption: RSASSA-PKCS1-v1_5 (RFC 8017, RFC 4055). */
export const RSA_PKCS1_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  sha1: '1.2.840.113549.1.1.5',
  sha224: '1.2.840.113549.1.1.14',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};

/** ecdsa-with-SHA*: DER-encoded (r, s) (ANSI X9.62, RFC 5758). */
export const ECDSA_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  sha1: '1.2.840.10045.4.1',
  sha224: '1.2.840.10045.4.3.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

/** BSI TR-03111 ecdsa-plain-SHA*: r || s (Active Authentication, some SODs). */
export const ECDSA_PLAIN_ARC = '0.4.0.127.0.7.1.1.4.1';
export const ECDSA_PLAIN_OIDS: Readonly<Record<HashAlgorithm, string>> = {
  sha1: `${ECDSA_PLAIN_ARC}.1`,
  sha224: `${ECDSA_PLAIN_ARC}.2`,
  sha256: `${ECDSA_PLAIN_ARC}.3`,
  sha384: `${ECDSA_PLAIN_ARC}.4`,
  sha512: `${ECDSA_PLAIN_ARC}.5`,
};

/** BSI TR-03110 bsi-de protocols arc (id-PK, id-TA, id-CA, id-PACE below it). */
const BSI_PROTOCOLS = '0.4.0.127.0.7.2.2';

export const OID = {
  // ASTM E1762-95 signature types (FHIR Signature.type): the signer verified the content
  verificationSignature: '1.2.840.10065.1.12.1.5',
  // PKCS #1 (RFC 8017)
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  // ANSI X9.62 (EC keys) and X9.42 (DH keys)
  ecPublicKey: '1.2.840.10045.2.1',
  primeField: '1.2.840.10045.1.1',
  dhPublicNumber: '1.2.840.10046.2.1',
  // CMS (RFC 5652) content types and PKCS #9 signed attributes
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  // ICAO 9303-10/-11/-12
  ldsSecurityObject: '2.23.136.1.1.1',
  cscaMasterList: '2.23.136.1.1.2',
  activeAuthentication: '2.23.136.1.1.5',
  // BSI TR-03110-3
  standardizedDomainParameters: '0.4.0.127.0.7.1.2',
  securityObject: '0.4.0.127.0.7.3.2.1',
  pk: `${BSI_PROTOCOLS}.1`,
  pkDh: `${BSI_PROTOCOLS}.1.1`,
  pkEcdh: `${BSI_PROTOCOLS}.1.2`,
  ta: `${BSI_PROTOCOLS}.2`,
  ca: `${BSI_PROTOCOLS}.3`,
  pace: `${BSI_PROTOCOLS}.4`,
  // ISO/IEC 10646 (UCS) UTF-8: the character set DG13 of Vietnamese cards names in its wrapper
  iso10646Utf8: '1.0.10646.1.0.8',
  // X.509 extensions (RFC 5280)
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  privateKeyUsagePeriod: '2.5.29.16',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** X.500 name attribute types (X.520; emailAddress from PKCS #9, DC from RFC 4519) and their RFC 4514 short names. */
export const NAME_ATTRIBUTES = {
  commonName: { oid: '2.5.4.3', short: 'CN' },
  surname: { oid: '2.5.4.4', short: 'SN' },
  serialNumber: { oid: '2.5.4.5', short: 'serialNumber' },
  country: { oid: '2.5.4.6', short: 'C' },
  locality: { oid: '2.5.4.7', short: 'L' },
  stateOrProvince: { oid: '2.5.4.8', short: 'ST' },
  organization: { oid: '2.5.4.10', short: 'O' },
  organizationalUnit: { oid: '2.5.4.11', short: 'OU' },
  title: { oid: '2.5.4.12', short: 'title' },
  givenName: { oid: '2.5.4.42', short: 'GN' },
  organizationIdentifier: { oid: '2.5.4.97', short: 'organizationIdentifier' },
  emailAddress: { oid: '1.2.840.113549.1.9.1', short: 'emailAddress' },
  domainComponent: { oid: '0.9.2342.19200300.100.1.25', short: 'DC' },
} as const;
