/** AlgorithmIdentifiers the factory writes into certificates, CRLs and SODs (RFC 3279, 4055, 5758). */
import { nullValue, oid, sequence, explicit, integer } from '../../bytes/der.ts';
import { HASH_LENGTH, type HashAlgorithm } from '../../crypto/node-crypto.ts';
import { ECDSA_OIDS, HASH_OIDS, OID, RSA_PKCS1_OIDS } from '../../asn1/oids.ts';

/** Digest AlgorithmIdentifier; parameters absent, as ICAO 9303-10 recommends. */
export function digestAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(HASH_OIDS[hashAlg]));
}

export function ecdsaSignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(ECDSA_OIDS[hashAlg]));
}

export function rsaPkcs1SignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  return sequence(oid(RSA_PKCS1_OIDS[hashAlg]), nullValue());
}

/** RSASSA-PSS-params with MGF1 over the same hash and a salt as long as the hash. */
export function rsaPssSignatureAlgorithm(hashAlg: HashAlgorithm): Uint8Array {
  const hashId = sequence(oid(HASH_OIDS[hashAlg]), nullValue());
  return sequence(
    oid(OID.rsaPss),
    sequence(
      explicit(0, hashId),
      explicit(1, sequence(oid(OID.mgf1), hashId)),
      explicit(2, integer(HASH_LENGTH[hashAlg])),
    ),
  );
}
