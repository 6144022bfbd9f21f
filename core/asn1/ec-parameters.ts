/**
 * SubjectPublicKeyInfo parameters of an EC key: a named-curve OID or explicit ECParameters
 * (SEC 1 C.2 / RFC 3279). ICAO DS and CSCA certificates very often carry explicit parameters;
 * core/crypto/ec matches them back to a known curve by value.
 */
import { bytesToBigInt } from '../bytes/bytes.ts';
import type { EcDomainParameters } from '../crypto/ec/index.ts';
import { OID } from './oids.ts';
import { asn1Error, guard, integerValue, items, octetStringValue, oidValue, readWhole } from './reader.ts';

/** Explicit parameters are the curve's domain parameters, as core/crypto/ec defines them. */
export type ExplicitEcParameters = EcDomainParameters;

export type EcKeyParameters =
  | { readonly kind: 'named'; readonly curveOid: string }
  | { readonly kind: 'explicit'; readonly params: ExplicitEcParameters }
  /** implicitlyCA (NULL): the curve is the issuer's — not allowed for ICAO keys, reported as such. */
  | { readonly kind: 'implicit' };

export function parseEcKeyParameters(parameters: Uint8Array | undefined): EcKeyParameters {
  if (parameters === undefined) throw asn1Error('EC key without curve parameters');
  return guard('EC parameters', () => {
    const t = readWhole(parameters, 'EC parameters');
    if (t.tag === 0x06) return { kind: 'named', curveOid: oidValue(t, 'named curve') };
    if (t.tag === 0x05) return { kind: 'implicit' };
    const [version, fieldId, curve, base, order, cofactor] = items(t, 'ECParameters');
    if (integerValue(version, 'ECParameters version') < 1n) throw asn1Error('bad ECParameters version');
    const [fieldType, prime] = items(fieldId, 'FieldID');
    if (oidValue(fieldType, 'field type') !== OID.primeField) throw asn1Error('only prime-field curves are supported');
    const p = integerValue(prime, 'field prime');
    const [a, b] = items(curve, 'Curve');
    const g = octetStringValue(base, 'base point');
    if (g[0] !== 0x04 || g.length % 2 !== 1 || g.length < 3) throw asn1Error('base point is not an uncompressed point');
    const half = (g.length - 1) / 2;
    return {
      kind: 'explicit',
      params: {
        p,
        a: bytesToBigInt(octetStringValue(a, 'curve a')),
        b: bytesToBigInt(octetStringValue(b, 'curve b')),
        gx: bytesToBigInt(g.subarray(1, 1 + half)),
        gy: bytesToBigInt(g.subarray(1 + half)),
        n: integerValue(order, 'curve order'),
        h: cofactor ? integerValue(cofactor, 'cofactor') : 1n,
      },
    };
  });
}
