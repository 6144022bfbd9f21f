/**
 * LDSSecurityObject (ICAO 9303-10 §4.6.2.2), the eContent of EF.SOD: hash algorithm and one hash
 * per data group. Kept here as a small adapter until core/lds exposes its SOD parser; the shape
 * is the one passive authentication needs and nothing more.
 */
import { hashByOid, parseAlgorithmIdentifier, type HashName } from '../asn1/algorithms.ts';
import { asn1Error, guard, items, octetStringValue, readWhole, smallInteger } from '../asn1/reader.ts';
import { unsupportedAlgorithm } from './errors.ts';

export interface LdsSecurityObject {
  readonly version: number;
  readonly hashAlgorithm: HashName;
  /** Data group number -> hash value. */
  readonly hashes: ReadonlyMap<number, Uint8Array>;
}

export function parseLdsSecurityObject(eContent: Uint8Array): LdsSecurityObject {
  const parsed = guard('LDS security object', () => {
    const [version, algorithm, hashList] = items(readWhole(eContent, 'LDSSecurityObject'), 'LDSSecurityObject');
    const oid = parseAlgorithmIdentifier(algorithm, 'LDS hash algorithm').oid;
    const hashes = new Map<number, Uint8Array>();
    for (const entry of items(hashList, 'dataGroupHashValues')) {
      const [number, value] = items(entry, 'DataGroupHash');
      const dg = smallInteger(number, 'data group number');
      if (dg < 1 || dg > 16 || hashes.has(dg)) throw asn1Error(`bad or repeated data group number ${dg}`);
      hashes.set(dg, octetStringValue(value, 'data group hash'));
    }
    return { version: smallInteger(version, 'LDS version'), oid, hashes };
  });
  const hashAlgorithm = hashByOid(parsed.oid);
  if (!hashAlgorithm) throw unsupportedAlgorithm(`data group hash ${parsed.oid}`);
  return { version: parsed.version, hashAlgorithm, hashes: parsed.hashes };
}
