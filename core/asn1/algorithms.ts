/** AlgorithmIdentifier parsing for signatures, hashes and public keys (the OIDs: oids.ts). */
import type { Tlv } from '../bytes/tlv.ts';
import type { HashAlgorithm } from '../crypto/node-crypto.ts';
import { ECDSA_OIDS, ECDSA_PLAIN_ARC, ECDSA_PLAIN_OIDS, HASH_OIDS, OID, RSA_PKCS1_OIDS } from './oids.ts';
import { asn1Error, guard, items, oidValue, readWhole, smallInteger } from './reader.ts';

export interface AlgorithmIdentifier {
  readonly oid: string;
  /** The encoded parameters element, absent when omitted (NULL is kept: tag 0x05). */
  readonly parameters: Uint8Array | undefined;
  /** The whole AlgorithmIdentifier as encoded. */
  readonly raw: Uint8Array;
}

/** oid -> hash, for a table keyed by hash. */
function byOid(table: Readonly<Record<HashAlgorithm, string>>): Readonly<Record<string, HashAlgorithm>> {
  return Object.fromEntries(Object.entries(table).map(([hash, oid]) => [oid, hash as HashAlgorithm]));
}

const HASH_BY_OID = byOid(HASH_OIDS);
const RSA_PKCS1 = byOid(RSA_PKCS1_OIDS);
const ECDSA = { ...byOid(ECDSA_OIDS), ...byOid(ECDSA_PLAIN_OIDS) };

/** Hash for a digest AlgorithmIdentifier OID, or undefined when unknown. */
export function hashByOid(oid: string): HashAlgorithm | undefined {
  return HASH_BY_OID[oid];
}

export interface PssParameters {
  readonly hash: HashAlgorithm;
  readonly mgfHash: HashAlgorithm;
  readonly saltLength: number;
}

/** What a signature AlgorithmIdentifier means, independent of the key. */
export type SignatureScheme =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: HashAlgorithm }
  | { readonly kind: 'rsa-pss'; readonly hash: HashAlgorithm; readonly pss: PssParameters }
  | { readonly kind: 'ecdsa'; readonly hash: HashAlgorithm; readonly plain: boolean }
  /** rsaEncryption used as a signature algorithm (some SignerInfos): the hash comes from digestAlgorithm. */
  | { readonly kind: 'rsa-pkcs1-digest'; readonly hash: undefined };

export function parseAlgorithmIdentifier(t: Tlv | undefined, what: string): AlgorithmIdentifier {
  const parts = items(t, what);
  const oid = oidValue(parts[0], `${what} algorithm`);
  return { oid, parameters: parts[1]?.raw, raw: t!.raw };
}

/**
 * RSASSA-PSS-params (RFC 4055): defaults SHA-1, MGF1-SHA-1, salt 20. Explicit [0] hash, [1] mgf,
 * [2] saltLength, [3] trailerField.
 */
export function parsePssParameters(parameters: Uint8Array | undefined): PssParameters {
  if (parameters === undefined || (parameters.length === 2 && parameters[0] === 0x05)) return { hash: 'sha1', mgfHash: 'sha1', saltLength: 20 };
  return guard('RSA-PSS parameters', () => {
    const fields = items(readWhole(parameters, 'RSA-PSS parameters'), 'RSA-PSS parameters');
    let hash: HashAlgorithm = 'sha1';
    let mgfHash: HashAlgorithm = 'sha1';
    let saltLength = 20;
    for (const f of fields) {
      const inner = items(f, 'RSA-PSS field', f.tag)[0];
      if (f.tag === 0xa0) hash = requireHash(parseAlgorithmIdentifier(inner, 'PSS hash').oid);
      else if (f.tag === 0xa1) {
        const mgf = parseAlgorithmIdentifier(inner, 'PSS mask generation');
        if (mgf.oid !== OID.mgf1 || !mgf.parameters) throw asn1Error('PSS mask generation function is not MGF1');
        mgfHash = requireHash(parseAlgorithmIdentifier(readWhole(mgf.parameters, 'MGF1 hash'), 'MGF1 hash').oid);
      } else if (f.tag === 0xa2) saltLength = smallInteger(inner, 'PSS salt length');
      else if (f.tag === 0xa3) {
        if (smallInteger(inner, 'PSS trailer field') !== 1) throw asn1Error('PSS trailer field is not 1');
      } else throw asn1Error(`unknown RSA-PSS field 0x${f.tag.toString(16)}`);
    }
    return { hash, mgfHash, saltLength };
  });
}

function requireHash(oid: string): HashAlgorithm {
  const h = HASH_BY_OID[oid];
  if (!h) throw asn1Error(`unsupported hash algorithm ${oid}`);
  return h;
}

/** Interprets a signature AlgorithmIdentifier; undefined for algorithms the terminal does not know. */
export function signatureScheme(alg: AlgorithmIdentifier): SignatureScheme | undefined {
  const pkcs1 = RSA_PKCS1[alg.oid];
  if (pkcs1) return { kind: 'rsa-pkcs1', hash: pkcs1 };
  const ec = ECDSA[alg.oid];
  if (ec) return { kind: 'ecdsa', hash: ec, plain: alg.oid.startsWith(`${ECDSA_PLAIN_ARC}.`) };
  if (alg.oid === OID.rsaPss) {
    const pss = parsePssParameters(alg.parameters);
    return { kind: 'rsa-pss', hash: pss.hash, pss };
  }
  if (alg.oid === OID.rsaEncryption) return { kind: 'rsa-pkcs1-digest', hash: undefined };
  return undefined;
}

/** Reads the tag of an encoded parameters element (e.g. to tell a named-curve OID from explicit params). */
export function parametersTag(parameters: Uint8Array | undefined): number | undefined {
  return parameters && parameters.length > 0 ? parameters[0] : undefined;
}

