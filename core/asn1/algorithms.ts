/** OID tables and AlgorithmIdentifier parsing for signatures, hashes and public keys. */
import type { Tlv } from '../bytes/tlv.ts';
import { asn1Error, guard, items, oidValue, readWhole, smallInteger } from './reader.ts';

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export interface AlgorithmIdentifier {
  readonly oid: string;
  /** The encoded parameters element, absent when omitted (NULL is kept: tag 0x05). */
  readonly parameters: Uint8Array | undefined;
  /** The whole AlgorithmIdentifier as encoded. */
  readonly raw: Uint8Array;
}

export const OID = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  primeField: '1.2.840.10045.1.1',
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  ldsSecurityObject: '2.23.136.1.1.1',
  cscaMasterList: '2.23.136.1.1.2',
  securityObject: '0.4.0.127.0.7.3.2.1', // BSI TR-03110 id-SecurityObject (EF.CardSecurity)
} as const;

const HASH_BY_OID: Record<string, HashName> = {
  [OID.sha1]: 'sha1', [OID.sha224]: 'sha224', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512',
};

/** RSA PKCS#1 v1.5 signature OIDs (hash named by the OID). */
const RSA_PKCS1: Record<string, HashName> = {
  '1.2.840.113549.1.1.5': 'sha1', '1.2.840.113549.1.1.14': 'sha224', '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512',
};

const ECDSA: Record<string, HashName> = {
  '1.2.840.10045.4.1': 'sha1', '1.2.840.10045.4.3.1': 'sha224', '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384', '1.2.840.10045.4.3.4': 'sha512',
  // BSI TR-03111 ecdsa-plain-SHA* (r||s signatures)
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1', '0.4.0.127.0.7.1.1.4.1.2': 'sha224', '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384', '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
};

const HASH_NAME_TO_OID: Record<HashName, string> = {
  sha1: OID.sha1, sha224: OID.sha224, sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512,
};

export function hashOid(name: HashName): string {
  return HASH_NAME_TO_OID[name];
}

/** Hash for a digest AlgorithmIdentifier OID, or undefined when unknown. */
export function hashByOid(oid: string): HashName | undefined {
  return HASH_BY_OID[oid];
}

export interface PssParameters {
  readonly hash: HashName;
  readonly mgfHash: HashName;
  readonly saltLength: number;
}

/** What a signature AlgorithmIdentifier means, independent of the key. */
export type SignatureScheme =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: HashName }
  | { readonly kind: 'rsa-pss'; readonly hash: HashName; readonly pss: PssParameters }
  | { readonly kind: 'ecdsa'; readonly hash: HashName; readonly plain: boolean }
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
    let hash: HashName = 'sha1';
    let mgfHash: HashName = 'sha1';
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

function requireHash(oid: string): HashName {
  const h = HASH_BY_OID[oid];
  if (!h) throw asn1Error(`unsupported hash algorithm ${oid}`);
  return h;
}

/** Interprets a signature AlgorithmIdentifier; undefined for algorithms the terminal does not know. */
export function signatureScheme(alg: AlgorithmIdentifier): SignatureScheme | undefined {
  const pkcs1 = RSA_PKCS1[alg.oid];
  if (pkcs1) return { kind: 'rsa-pkcs1', hash: pkcs1 };
  const ec = ECDSA[alg.oid];
  if (ec) return { kind: 'ecdsa', hash: ec, plain: alg.oid.startsWith('0.4.0.127.0.7.1.1.4.1.') };
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

