/**
 * Passive authentication (ICAO 9303-11 §5.1): the data groups as read hash to the values in the
 * SOD, the SOD is signed by a Document Signer, the DS chains to a trusted CSCA and is not revoked.
 * Fails closed: a data group not covered by the SOD, or no data group at all, is a FAIL.
 */
import { equal } from '../bytes/bytes.ts';
import { hash } from '../crypto/node-crypto.ts';
import { EidError } from '../errors.ts';
import { OID } from '../asn1/oids.ts';
import type { DataGroupNumber } from '../lds/files.ts';
import { parseLdsSecurityObject } from '../lds/sod.ts';
import { verifySignedObject, type SignedObjectResult } from './signed-object.ts';
import type { TrustStore } from './store.ts';

export interface DataGroupHashResult {
  readonly status: 'PASS' | 'FAIL';
  /** Data groups whose hash differs from the SOD or that the SOD does not list. */
  readonly failed: readonly number[];
  /** Data groups whose hash matched. */
  readonly matched: readonly number[];
  readonly reason: string | undefined;
}

export interface PassiveAuthResult extends SignedObjectResult {
  readonly dataGroupHashes: DataGroupHashResult;
}

/**
 * `dataGroups` maps data group numbers to the RAW bytes read from the chip (hashing a re-encoding
 * would hide tampering and break on BER quirks).
 */
export function passiveAuthentication(sod: Uint8Array, dataGroups: ReadonlyMap<number, Uint8Array>, store: TrustStore, now: Date): PassiveAuthResult {
  const signed = verifySignedObject(sod, store, now);
  return { ...signed, dataGroupHashes: compareHashes(signed, dataGroups) };
}

function compareHashes(signed: SignedObjectResult, dataGroups: ReadonlyMap<number, Uint8Array>): DataGroupHashResult {
  const sd = signed.signedData;
  const all = [...dataGroups.keys()].sort((a, b) => a - b);
  if (!sd?.eContent || sd.eContentType !== OID.ldsSecurityObject) return { status: 'FAIL', failed: all, matched: [], reason: 'the SOD holds no data group hashes' };
  let lso;
  try {
    lso = parseLdsSecurityObject(sd.eContent);
  } catch (e) {
    if (!(e instanceof EidError)) throw e;
    return { status: 'FAIL', failed: all, matched: [], reason: e.message };
  }
  const hashName = lso.hashName;
  if (!hashName) return { status: 'FAIL', failed: all, matched: [], reason: `the SOD uses an unsupported hash algorithm (${lso.hashAlgorithm.oid})` };
  if (all.length === 0) return { status: 'FAIL', failed: [], matched: [], reason: 'no data group was read to check' };
  const failed: number[] = [];
  const matched: number[] = [];
  for (const dg of all) {
    const expected = lso.dataGroupHashes.get(dg as DataGroupNumber);
    if (expected && equal(expected, hash(hashName, dataGroups.get(dg)!))) matched.push(dg);
    else failed.push(dg);
  }
  return failed.length === 0
    ? { status: 'PASS', failed, matched, reason: undefined }
    : { status: 'FAIL', failed, matched, reason: `data group ${failed.map((d) => `DG${d}`).join(', ')} does not match the signed hash` };
}
