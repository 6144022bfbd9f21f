/**
 * Passive authentication (ICAO 9303-11 §5.1): the data groups as read hash to the values in the
 * SOD, the SOD is signed by a Document Signer, the DS chains to a trusted CSCA and is not revoked.
 * Fails closed: a data group the SOD does not list is a FAIL; with no data group to hash the
 * check is SKIPPED, never PASS.
 */
import { reason, type Reason } from '../messages/message.ts';
import { equal } from '../bytes/bytes.ts';
import { hash } from '../crypto/node-crypto.ts';
import { isEidError } from '../errors.ts';
import { OID } from '../asn1/oids.ts';
import type { DataGroupNumber } from '../lds/files.ts';
import { parseLdsSecurityObject } from '../lds/sod.ts';
import { verifySignedObject, type SignedObjectResult } from './signed-object.ts';
import type { TrustStore } from './store.ts';

export interface DataGroupHashResult {
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  /** Data groups whose hash differs from the SOD or that the SOD does not list. */
  readonly failed: readonly number[];
  /** Data groups whose hash matched. */
  readonly matched: readonly number[];
  /** The data groups the SOD lists (empty when its content cannot be read). */
  readonly listed: readonly number[];
  readonly reason: Reason | null;
}

export interface PassiveAuthResult extends SignedObjectResult {
  readonly dataGroupHashes: DataGroupHashResult;
  /**
   * The SOD's content is typed id-data (1.2.840.113549.1.7.1) instead of
   * id-icao-mrtd-security-ldsSecurityObject: accepted as an LDSSecurityObject, with a warning.
   */
  readonly idDataContentType: boolean;
}

/**
 * `dataGroups` maps data group numbers to the RAW bytes read from the chip (hashing a re-encoding
 * would hide tampering and break on BER quirks).
 */
export function passiveAuthentication(sod: Uint8Array, dataGroups: ReadonlyMap<number, Uint8Array>, store: TrustStore, now: Date): PassiveAuthResult {
  const signed = verifySignedObject(sod, store, now);
  return { ...signed, dataGroupHashes: compareHashes(signed, dataGroups), idDataContentType: signed.signedData?.eContentType === OID.data };
}

function compareHashes(signed: SignedObjectResult, dataGroups: ReadonlyMap<number, Uint8Array>): DataGroupHashResult {
  const sd = signed.signedData;
  const all = [...dataGroups.keys()].sort((a, b) => a - b);
  const failAll = (why: Reason): DataGroupHashResult => ({ status: all.length ? 'FAIL' : 'SKIPPED', failed: all, matched: [], listed: [], reason: all.length ? why : reason('NO_DATA_GROUP') });
  // Some states type the LDSSecurityObject as plain id-data; the content is the same structure.
  if (!sd?.eContent || (sd.eContentType !== OID.ldsSecurityObject && sd.eContentType !== OID.data)) return failAll(reason('NO_DG_HASHES'));
  let lso;
  try {
    lso = parseLdsSecurityObject(sd.eContent);
  } catch (e) {
    if (!isEidError(e)) throw e;
    return failAll(reason('NO_DG_HASHES', { detail: e.code }));
  }
  const listed = [...lso.dataGroupHashes.keys()].sort((a, b) => a - b);
  const hashName = lso.hashName;
  if (!hashName) return { ...failAll(reason('ALGORITHM_NOT_SUPPORTED')), listed };
  if (all.length === 0) return { status: 'SKIPPED', failed: [], matched: [], listed, reason: reason('NO_DATA_GROUP') };
  const differ: number[] = [];
  const unlisted: number[] = [];
  const matched: number[] = [];
  for (const dg of all) {
    const expected = lso.dataGroupHashes.get(dg as DataGroupNumber);
    if (!expected) unlisted.push(dg);
    else if (equal(expected, hash(hashName, dataGroups.get(dg)!))) matched.push(dg);
    else differ.push(dg);
  }
  const failed = [...differ, ...unlisted].sort((a, b) => a - b);
  if (failed.length === 0) return { status: 'PASS', failed, matched, listed, reason: null };
  const why = differ.length
    ? reason('DG_HASH_MISMATCH', { dataGroups: fileNames(differ), ...(unlisted.length && { detail: `not in the SOD: ${fileNames(unlisted)}` }) })
    : reason('DG_NOT_IN_SOD', { dataGroups: fileNames(unlisted) });
  return { status: 'FAIL', failed, matched, listed, reason: why };
}

/** Data group numbers as a reason names them: "DG2, DG13". */
function fileNames(dataGroups: readonly number[]): string {
  return dataGroups.map((n) => `DG${n}`).join(', ');
}
