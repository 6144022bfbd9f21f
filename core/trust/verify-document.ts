/**
 * Verification of a document's files, offline or after a live read: parse the LDS, run passive
 * authentication against the trust store, check expiry and consistency, build the result. The
 * `verify --dump` command, the card `read` command and the UI all call `verifyDocument`.
 */
import type { VerificationResult } from '../api/verification.ts';
import { EidError } from '../errors.ts';
import { warning, type Warning } from '../messages/message.ts';
import { parseDg1 } from '../lds/dg1.ts';
import { dg13IsEmpty, parseDg13Vn } from '../lds/dg13-vn.ts';
import { parseDg2, type FaceImage } from '../lds/dg2.ts';
import { documentData } from '../lds/document.ts';
import { checkConsistency, type AccessKeyData, type Dg13Problem } from './consistency.ts';
import { documentExpiryStatus } from './document-expiry.ts';
import { passiveAuthentication, type PassiveAuthResult } from './passive-auth.ts';
import { verifySignedObject } from './signed-object.ts';
import type { TrustStore } from './store.ts';
import { resultWarnings } from './result-warnings.ts';
import { buildVerdict, CHIP_NOT_EXAMINED, type ChipChecks, type HolderData } from './verdict.ts';

/** Files by LDS name: "COM", "SOD", "DG1" ... "DG16", "CardAccess", "CardSecurity" — raw bytes as read. */
export type DocumentFiles = ReadonlyMap<string, Uint8Array>;

export interface LiveChipChecks extends ChipChecks {
  /** The MRZ data of the key that opened the chip (BAC/PACE-MRZ), compared with DG1. */
  readonly accessKey?: AccessKeyData;
  /** Warnings of the chip session (e.g. which protocol fell back), appended to the result's. */
  readonly warnings?: readonly Warning[];
}

export interface VerifyDocumentOptions {
  readonly now: Date;
  /** Results of access control and chip authentication from a live read; absent for dumps. */
  readonly chipChecks?: LiveChipChecks;
  readonly stats?: VerificationResult['stats'];
}

export interface VerifyDocumentDetails {
  readonly result: VerificationResult;
  /** SHA-256 fingerprint of the anchoring CSCA, when the path was established. */
  readonly cscaFingerprint: string | null;
  /** The Document Signer's subject (a state authority, not personal data). */
  readonly documentSigner: string | null;
}

export function verifyDocument(files: DocumentFiles, store: TrustStore, options: VerifyDocumentOptions): VerificationResult {
  return verifyDocumentWithDetails(files, store, options).result;
}

/**
 * Verifies what there is. Without DG1 (a support engineer's dump of the SOD alone, or the SOD and
 * some data groups) the signature, chain, revocation and the hashes present are still checked;
 * what needs DG1 is SKIPPED and the verdict stays NOT_VERIFIED.
 */
export function verifyDocumentWithDetails(files: DocumentFiles, store: TrustStore, options: VerifyDocumentOptions): VerifyDocumentDetails {
  const dg1Bytes = files.get('DG1');
  // A data group that does not parse is reported, not thrown: its hash check says whether it was tampered with.
  const dg1 = dg1Bytes ? tryParse(() => parseDg1(dg1Bytes, options.now)) : undefined;
  const holder: HolderData = !dg1Bytes ? 'missing' : dg1 ? 'read' : 'unreadable';
  const dg13Bytes = files.get('DG13');
  const vietnameseDg13 = dg13Bytes !== undefined && dg1?.mrz.issuingState === 'VNM';
  const parsedDg13 = vietnameseDg13 ? tryParse(() => parseDg13Vn(dg13Bytes)) : undefined;
  // A DG13 that is there but says nothing is not holder data: it must not make the check pass.
  const dg13Problem: Dg13Problem | undefined = !vietnameseDg13 ? undefined : !parsedDg13 ? 'unreadable' : dg13IsEmpty(parsedDg13) ? 'empty' : undefined;
  const dg13 = dg13Problem ? undefined : parsedDg13;

  const dataGroups = new Map<number, Uint8Array>();
  for (const [name, bytes] of files) {
    const m = /^DG(\d{1,2})$/.exec(name);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 16) dataGroups.set(Number(m[1]), bytes);
  }
  const sod = files.get('SOD');
  const passiveAuth: PassiveAuthResult | undefined = sod ? passiveAuthentication(sod, dataGroups, store, options.now) : undefined;
  const cardSecurityBytes = files.get('CardSecurity');
  const cardSecurity = cardSecurityBytes ? verifySignedObject(cardSecurityBytes, store, options.now) : undefined;
  const out = buildVerdict({
    passiveAuth,
    cardSecurity,
    chip: options.chipChecks ?? CHIP_NOT_EXAMINED,
    dg1: holder,
    expiry: dg1 ? documentExpiryStatus(dg1.mrz, dg13?.noExpiry ?? false, options.now) : undefined,
    consistency: dg1 ? checkConsistency(dg1.mrz, dg13?.data ?? null, options.chipChecks?.accessKey, dg13Problem) : { status: 'SKIPPED', mismatches: [], compared: [] },
  });
  const warnings = resultWarnings({ checks: out.checks, passiveAuth, missingFiles: holder === 'missing' ? missingFiles(files, passiveAuth) : [] });
  for (const field of dg1?.mrz.checkDigitErrors ?? []) warnings.push(warning('MRZ_CHECK_DIGIT_WRONG', { field }));
  if (dg13Problem === 'unreadable') warnings.push(warning('DG13_UNREADABLE'));
  else if (dg13Problem === 'empty') warnings.push(warning('DG13_EMPTY'));
  warnings.push(...(options.chipChecks?.warnings ?? []));
  const result: VerificationResult = {
    verdict: out.verdict,
    decidedBy: out.decidedBy,
    warnings,
    checks: out.checks,
    document: dg1 ? documentData(dg1, { dg13: parsedDg13 ?? null, face: firstFace(files.get('DG2')) }) : null,
    stats: options.stats ?? { apdus: 0, bytesRead: [...files.values()].reduce((n, b) => n + b.length, 0), millis: 0 },
  };
  return {
    result,
    cscaFingerprint: passiveAuth?.chain.status === 'PASS' ? (passiveAuth.chain.csca?.fingerprint ?? null) : null,
    documentSigner: passiveAuth?.documentSigner?.subject.text ?? null,
  };
}

/** DG1, the SOD when absent, and the data groups the SOD lists that the data does not hold. */
function missingFiles(files: DocumentFiles, pa: PassiveAuthResult | undefined): string[] {
  const listed = pa?.dataGroupHashes.listed ?? [];
  const groups = [...new Set([1, ...listed])].filter((n) => !files.has(`DG${n}`)).sort((a, b) => a - b).map((n) => `DG${n}`);
  return pa ? groups : [...groups, 'SOD'];
}

function tryParse<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof EidError) return undefined;
    throw e;
  }
}

/** The first face of DG2 for the result's face summary; an unreadable DG2 is left to the hash check. */
function firstFace(dg2: Uint8Array | undefined): FaceImage | null {
  if (!dg2) return null;
  return tryParse(() => parseDg2(dg2))?.faces[0] ?? null;
}
