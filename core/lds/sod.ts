/**
 * EF.SOD (tag 77): a CMS SignedData (parsed by core/asn1/cms.ts) whose signed content is the
 * LDSSecurityObject (ICAO 9303-10 §4.6.2): version, hash algorithm, one hash per data group and,
 * in v1, the LDS and Unicode versions. The raw bytes are kept for the signature check in core/trust.
 */
import { hashByOid, parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../asn1/algorithms.ts';
import { HASH_OIDS, OID } from '../asn1/oids.ts';
import type { HashAlgorithm } from '../crypto/node-crypto.ts';
import { parseSignedData, type SignedData } from '../asn1/cms.ts';
import { items, octetStringValue, readWhole, smallInteger } from '../asn1/reader.ts';
import { fromUtf8 } from '../bytes/bytes.ts';
import { integer, octetString, oid, printableString, sequence } from '../bytes/der.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { MAX_FILE_BYTES } from './file-tlv.ts';
import { isDataGroupNumber, type DataGroupNumber } from './files.ts';

export interface LdsSecurityObject {
  readonly version: number;
  readonly hashAlgorithm: AlgorithmIdentifier;
  /** undefined when the OID names no hash the terminal knows (then hashes cannot be checked). */
  readonly hashName: HashAlgorithm | undefined;
  readonly dataGroupHashes: ReadonlyMap<DataGroupNumber, Uint8Array>;
  /** LDSVersionInfo of a v1 object, e.g. "0108" / "040000". */
  readonly ldsVersion: string | null;
  readonly unicodeVersion: string | null;
}

export interface Sod extends LdsSecurityObject {
  /** EF.SOD exactly as read. */
  readonly raw: Uint8Array;
  readonly signedData: SignedData;
}

export function parseLdsSecurityObject(der: Uint8Array): LdsSecurityObject {
  const [versionTlv, algTlv, hashesTlv, versionInfoTlv] = items(readWhole(der, 'LDSSecurityObject'), 'LDSSecurityObject');
  const version = smallInteger(versionTlv, 'LDSSecurityObject version');
  if (version > 1) throw ldsMalformed('SOD', `unknown LDSSecurityObject version ${version}`);
  const hashAlgorithm = parseAlgorithmIdentifier(algTlv, 'LDSSecurityObject hash algorithm');
  const list = items(hashesTlv, 'dataGroupHashValues');
  if (list.length === 0 || list.length > 16) throw ldsMalformed('SOD', `${list.length} data group hashes (1 to 16 allowed)`);
  const dataGroupHashes = new Map<DataGroupNumber, Uint8Array>();
  for (const entry of list) {
    const [numberTlv, hashTlv] = items(entry, 'DataGroupHash');
    const dg = smallInteger(numberTlv, 'data group number');
    if (!isDataGroupNumber(dg)) throw ldsMalformed('SOD', `hash for data group ${dg}, which does not exist`);
    if (dataGroupHashes.has(dg)) throw ldsMalformed('SOD', `two hashes for DG${dg}`);
    dataGroupHashes.set(dg, octetStringValue(hashTlv, `DG${dg} hash`));
  }
  let ldsVersion: string | null = null;
  let unicodeVersion: string | null = null;
  if (versionInfoTlv) {
    const [lds, unicode] = items(versionInfoTlv, 'LDSVersionInfo');
    ldsVersion = lds ? fromUtf8(lds.value) : null;
    unicodeVersion = unicode ? fromUtf8(unicode.value) : null;
  }
  return { version, hashAlgorithm, hashName: hashByOid(hashAlgorithm.oid), dataGroupHashes, ldsVersion, unicodeVersion };
}

export function parseSod(bytes: Uint8Array): Sod {
  return parsing('SOD', () => {
    if (bytes.length > MAX_FILE_BYTES) throw ldsMalformed('SOD', 'file too large');
    if (bytes[0] !== 0x77) throw ldsMalformed('SOD', `expected tag 0x77, found 0x${(bytes[0] ?? 0).toString(16).toUpperCase()}`);
    const signedData = parseSignedData(bytes);
    if (signedData.eContentType !== OID.ldsSecurityObject) throw ldsMalformed('SOD', `signed content ${signedData.eContentType} is not an LDSSecurityObject`);
    if (!signedData.eContent) throw ldsMalformed('SOD', 'the signed content is missing');
    return { raw: bytes, signedData, ...parseLdsSecurityObject(signedData.eContent) };
  });
}

/** DER LDSSecurityObject (the eContent a document signer signs), for the virtual-card factory. */
export function encodeLdsSecurityObject(
  hashName: HashAlgorithm,
  hashes: ReadonlyMap<DataGroupNumber, Uint8Array>,
  versionInfo?: { ldsVersion: string; unicodeVersion: string },
): Uint8Array {
  const entries = [...hashes.entries()].sort(([a], [b]) => a - b).map(([dg, h]) => sequence(integer(dg), octetString(h)));
  return sequence(
    integer(versionInfo ? 1 : 0),
    sequence(oid(HASH_OIDS[hashName])),
    sequence(...entries),
    ...(versionInfo ? [sequence(printableString(versionInfo.ldsVersion), printableString(versionInfo.unicodeVersion))] : []),
  );
}
