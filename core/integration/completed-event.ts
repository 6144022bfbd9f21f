/**
 * What a business application receives when a verification ends: the verdict and its reasons,
 * the purpose profile's fields as the record kept them (nothing more), the photo only when the
 * profile keeps the face, whether the ID number is the one expected, the result signed with the
 * terminal's enrolled key, and FHIR resources for a hospital.
 */
import type { SessionEvent } from '../api/terminal-api.ts';
import type { Checks } from '../api/verification.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { hash } from '../crypto/node-crypto.ts';
import type { Warning } from '../messages/message.ts';
import { signResult } from '../registry-protocol/signed-result.ts';
import { extractPersonalData, type PersonalField } from '../store/personal-fields.ts';
import type { Store } from '../store/store.ts';
import type { StoredRecord } from '../store/record-types.ts';
import { loadIdentity } from '../sync/identity.ts';
import { terminalName } from '../terminal/settings-api.ts';
import type { VerificationRequest } from '../terminal/verification-requests.ts';
import { patientResource, provenanceResource } from './fhir.ts';
import type { DeliveredFields, VerificationCompleted } from './messages.ts';

/** The profile that gets FHIR resources with its results. */
export const FHIR_PROFILE = 'hospital';

const PASSING = new Set(['PASS', 'GOOD', 'VALID', 'NOT_SUPPORTED', 'SKIPPED', 'NO_EXPIRY']);

/** Checks that did not pass, as CHECK:STATUS, then the codes of the result's warnings. */
export function reasonsOf(checks: Checks, warnings: readonly Warning[]): string[] {
  const failed = Object.entries(checks).filter(([, c]) => !PASSING.has(c.status)).map(([name, c]) => `${name}:${c.status}`);
  return [...failed, ...warnings.map((w) => w.code)];
}

export interface CompletedContext {
  readonly store: Store;
  readonly request: VerificationRequest | undefined;
  readonly expectedIdNumber: string | undefined;
  readonly startedPurpose: string;
  readonly now: Date;
}

function deliveredFields(record: StoredRecord | undefined): DeliveredFields {
  const fields: DeliveredFields = {};
  for (const [name, value] of Object.entries(record?.personal ?? {}) as [PersonalField, string][]) {
    if (name !== 'face') fields[name] = value;
  }
  return fields;
}

export async function completedEvent(e: SessionEvent, ctx: CompletedContext): Promise<VerificationCompleted> {
  const { store } = ctx;
  const outcome = e.outcome;
  const record = outcome?.recordId ? store.records.find(outcome.recordId) : undefined;
  const purpose = record?.purpose ?? ctx.startedPurpose;
  const keepsFace = store.profiles().find((p) => p.name === purpose)?.keep.includes('face') ?? false;
  const fields = deliveredFields(record);
  const photo = keepsFace && record?.personal?.face ? outcome?.faceDataUrl ?? null : null;
  const result = outcome?.result;
  const document = result?.document ?? null;
  const chipIdNumber = document ? extractPersonalData(document).idNumber : undefined;
  const idNumberMatch = ctx.expectedIdNumber === undefined || !result ? null : chipIdNumber?.toUpperCase() === ctx.expectedIdNumber;
  const completedAt = (record ? new Date(record.createdAt) : ctx.now).toISOString();
  const identity = loadIdentity(store.kv);
  const verdict = result?.verdict ?? null;
  const reasons = result ? reasonsOf(result.checks, result.warnings) : [];
  const operator = record?.operator ?? null;
  const signedResult = identity && verdict
    ? await signResult({ terminalId: identity.terminalId, alg: identity.keyAlg, privateKey: identity.privateKey }, {
        iss: identity.terminalId,
        iat: Math.floor(ctx.now.getTime() / 1000),
        jti: e.sessionId,
        recordId: record?.id ?? null,
        verifiedAt: completedAt,
        terminalName: terminalName(store),
        operator,
        purpose,
        verdict,
        reasons,
        documentType: document?.documentCode ?? null,
        issuingState: document?.issuingState ?? null,
        fields: { ...fields },
        photoSha256: photo && record?.personal?.face ? toBase64(hash('sha256', fromBase64(record.personal.face))) : null,
        idNumberMatch,
      })
    : null;
  const fhirContext = { verificationId: e.sessionId, completedAt, verdict: verdict ?? 'NOT_VERIFIED', terminalName: terminalName(store), terminalId: identity?.terminalId ?? null, operator, signedResult };
  return {
    id: e.sessionId,
    requestId: ctx.request?.id ?? null,
    reader: e.reader,
    purpose,
    completedAt,
    state: e.state === 'done' ? 'done' : e.state === 'cancelled' ? 'cancelled' : 'error',
    verdict,
    reasons,
    error: e.error ?? null,
    recordId: record?.id ?? null,
    documentType: document?.documentCode ?? null,
    issuingState: document?.issuingState ?? null,
    fields,
    photo,
    idNumberMatch,
    signedResult,
    fhir: purpose === FHIR_PROFILE && verdict ? { patient: patientResource(fields, fhirContext), provenance: provenanceResource(fhirContext) } : null,
  };
}
