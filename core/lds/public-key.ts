/**
 * SubjectPublicKeyInfo as found in DG14 (Chip Authentication keys) and DG15 (Active
 * Authentication key): the raw DER (hash and verify over it), the key algorithm and its domain
 * parameters — named curve, explicit EC parameters, BSI standardized parameter id, or DH group.
 */
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../asn1/algorithms.ts';
import { OID } from '../asn1/oids.ts';
import { parseEcKeyParameters, type EcKeyParameters } from '../asn1/ec-parameters.ts';
import { bitStringBytes, integerValue, items, readWhole } from '../asn1/reader.ts';
import { readTlv, type Tlv } from '../bytes/tlv.ts';

export type KeyParameters =
  | { readonly kind: 'ec'; readonly ec: EcKeyParameters }
  | { readonly kind: 'standardized'; readonly parameterId: number }
  | { readonly kind: 'dh'; readonly p: bigint; readonly g: bigint; readonly q: bigint | null }
  | { readonly kind: 'rsa'; readonly modulusBits: number; readonly exponent: bigint }
  | { readonly kind: 'unknown' };

export interface PublicKeyInfo {
  /** The whole SubjectPublicKeyInfo as encoded. */
  readonly raw: Uint8Array;
  readonly algorithm: AlgorithmIdentifier;
  /** 'EC' and 'DH' include the BSI standardized-parameter form (the id says which). */
  readonly keyType: 'RSA' | 'EC' | 'DH' | 'OTHER';
  readonly parameters: KeyParameters;
  /** subjectPublicKey contents: EC point, DER INTEGER for DH, RSAPublicKey DER for RSA. */
  readonly publicKey: Uint8Array;
}

/** BSI standardized domain parameter ids 0-2 are DH groups (RFC 5114), 8-18 elliptic curves. */
function standardizedKeyType(id: number): 'EC' | 'DH' | 'OTHER' {
  if (id >= 0 && id <= 2) return 'DH';
  if (id >= 8 && id <= 18) return 'EC';
  return 'OTHER';
}

function bitLength(n: bigint): number {
  return n <= 0n ? 0 : n.toString(2).length;
}

export function parsePublicKeyInfo(t: Tlv): PublicKeyInfo {
  const [algTlv, keyTlv] = items(t, 'SubjectPublicKeyInfo');
  const algorithm = parseAlgorithmIdentifier(algTlv, 'public key algorithm');
  const publicKey = bitStringBytes(keyTlv, 'subjectPublicKey');
  const base = { raw: t.raw, algorithm, publicKey };
  if (algorithm.oid === OID.ecPublicKey) return { ...base, keyType: 'EC', parameters: { kind: 'ec', ec: parseEcKeyParameters(algorithm.parameters) } };
  if (algorithm.oid === OID.standardizedDomainParameters) {
    const id = Number(integerValue(algorithm.parameters && readWhole(algorithm.parameters, 'parameter id'), 'standardized parameter id'));
    return { ...base, keyType: standardizedKeyType(id), parameters: { kind: 'standardized', parameterId: id } };
  }
  if (algorithm.oid === OID.rsaEncryption) {
    const [n, e] = items(readWhole(publicKey, 'RSAPublicKey'), 'RSAPublicKey');
    return { ...base, keyType: 'RSA', parameters: { kind: 'rsa', modulusBits: bitLength(integerValue(n, 'RSA modulus')), exponent: integerValue(e, 'RSA exponent') } };
  }
  if (algorithm.oid === OID.dhPublicNumber && algorithm.parameters) {
    const [p, g, q] = items(readTlv(algorithm.parameters, 0), 'DomainParameters');
    return { ...base, keyType: 'DH', parameters: { kind: 'dh', p: integerValue(p, 'DH p'), g: integerValue(g, 'DH g'), q: q ? integerValue(q, 'DH q') : null } };
  }
  return { ...base, keyType: 'OTHER', parameters: { kind: 'unknown' } };
}
