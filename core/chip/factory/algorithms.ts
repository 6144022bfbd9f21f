/** AlgorithmIdentifiers the factory writes into certificates, CRLs and SODs (RFC 3279, 4055, 5758). */
import { nullValue, oid, sequence, explicit, integer } from '../../bytes/der.ts';
import type { HashAlgorithm } from '../../crypto/node-crypto.ts';

export const HASH_OID: Record<HashAlgorithm, string> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

const ECDSA_OID: Record<HashAlgorithm, string> = {
  sha1: '1.2.840.10045.4.1',
  sha224: '1.2.840.10045.4.3.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

const RSA_PKCS1_OID: Record<HashAlgorithm, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha224: '1.2.840.113549.1.1.14',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  primeField: '1.2.840.10045.1.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
} as const;

export const HASH_LENGTH: Record<HashAlgorithm, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** Digest AlgorithmIdentifier; parameters absent, as ICAO 9303-10 recommends. */
export function digestAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(HASH_OID[hashAlg]));
}

export function ecdsaSignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(ECDSA_OID[hashAlg]));
}

export function rsaPkcs1SignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(RSA_PKCS1_OID[hashAlg]), nullValue());
}

/** RSASSA-PSS-params with MGF1 over the same hash and a salt as long as the hash. */
export function rsaPssSignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  const hashId = sequence(oid(HASH_OID[hashAlg]), nullValue());
  return sequence(
    oid(OID.rsassaPss),
    sequence(
      explicit(0, hashId),
      explicit(1, sequence(oid(OID.mgf1), hashId)),
      explicit(2, integer(HASH_LENGTH[hashAlg])),
    ),
  );
}
