/**
 * The registry protocol's message shapes, one schema for every JSON body a request or an answer
 * carries (registry/openapi.yaml is the prose version). The terminal's client validates answers
 * and the registry validates requests (and types its answers) with these, so the two cannot drift.
 */
import { z } from 'zod';
import type { ErrorCode } from '../messages/catalogue.ts';
import { ACTIVE_CHECK_STATUSES, FACE_DECISIONS, FACE_MATCH_OUTCOMES, TELLER_CHOICES } from '../api/face-match.ts';

export const PROTOCOL_VERSION = 1;
export const MAX_BATCH_RECORDS = 1000;
export const MAX_RECORD_BYTES = 64 * 1024;
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
export const TRUST_LIST_JWS_TYPE = 'eid-trust-list+jws';
export const TRUST_LIST_FORMAT = 'eid-trust-list/1';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const recordId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);
/** A label an administrator reads: no control characters or bidirectional overrides. */
const label = z.string().max(100).regex(/^[^\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u);

/** What every record carries for the registry; other members (verdict, checks ...) pass through. */
export const SyncRecordSchema = z.looseObject({
  id: recordId,
  seq: z.number().int().nonnegative(),
  terminalTime: z.string().datetime({ offset: true }),
  prevHash: hash,
  hash,
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

export const RecordBatchSchema = z.object({
  /** The terminal's clock when it sent the batch (ISO 8601), for skew detection. */
  terminalNow: z.string().datetime({ offset: true }),
  /** Raw records; each one is validated on its own so one bad record does not sink the batch. */
  records: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
});
export type RecordBatch = z.infer<typeof RecordBatchSchema>;

/** Per record: GAP, FORK, TAMPERED, CLOCK_SKEW, CLOCK_REGRESSION. Per reported chain head (chain-head.ts): HEAD_REGRESSION, HEAD_FORK. */
export const ChainFlagSchema = z.enum(['GAP', 'FORK', 'TAMPERED', 'CLOCK_SKEW', 'CLOCK_REGRESSION', 'HEAD_REGRESSION', 'HEAD_FORK']);
export type ChainFlag = z.infer<typeof ChainFlagSchema>;

export const RecordResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('stored'), flags: z.array(ChainFlagSchema) }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
]);
export type RecordResult = z.infer<typeof RecordResultSchema>;

export const BatchResponseSchema = z.object({
  receivedAt: z.string(),
  clockSkewMs: z.number(),
  results: z.array(RecordResultSchema),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;

/**
 * A record's face match, sent after its record (core/store/face-match-payload.ts): what the
 * machine decided and the teller concluded, never a picture, a descriptor or the teller's words.
 * `prevHash` is the local hash of the record it concludes (the record payload's `recordHash`) and
 * `hash` links it there under the chain rule of record-chain.ts.
 */
export const SyncFaceMatchSchema = z.strictObject({
  recordId,
  operator: label,
  concludedAt: z.string().datetime({ offset: true }),
  outcome: z.enum(FACE_MATCH_OUTCOMES),
  decision: z.enum(FACE_DECISIONS).nullable(),
  score: z.number().min(-1).max(1).nullable(),
  threshold: z.number().min(0).max(1),
  model: label,
  activeCheck: z.enum(ACTIVE_CHECK_STATUSES),
  tellerDecision: z.enum(['MATCH', 'NO_MATCH']),
  teller: z.enum(TELLER_CHOICES),
  prevHash: hash,
  hash,
});
export type SyncFaceMatch = z.infer<typeof SyncFaceMatchSchema>;

export const FaceMatchBatchSchema = z.object({
  terminalNow: z.string().datetime({ offset: true }),
  /** Each one is validated on its own; the answer's `results[].id` is the record id. */
  faceMatches: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
});
export type FaceMatchBatch = z.infer<typeof FaceMatchBatchSchema>;

/**
 * Why the registry refuses a face match: not its shape, its hash does not match its content, its
 * record is not one this terminal sent (or has not arrived yet), it names another record hash,
 * or the record already has a different face match.
 */
export const FACE_MATCH_REJECTIONS = ['INVALID_FACE_MATCH', 'TAMPERED', 'RECORD_UNKNOWN', 'RECORD_HASH_MISMATCH', 'FACE_MATCH_CONFLICT'] as const;
export type FaceMatchRejection = (typeof FACE_MATCH_REJECTIONS)[number];

export const EnrolRequestSchema = z.object({
  code: z.string().min(8).max(64),
  /** Ed25519 SubjectPublicKeyInfo DER, base64. */
  publicKey: z.string().min(40).max(200),
  name: label.optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

export const EnrolResponseSchema = z.object({
  terminalId: z.string(),
  /** The registry's Ed25519 SPKI DER, base64: pinned by the terminal for trust-list verification. */
  registryKey: z.string(),
  registryKeyId: z.string(),
});
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.enum(['sqlite', 'postgres']),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const VersionResponseSchema = z.object({
  name: z.string(),
  version: z.string(),
  protocol: z.literal(PROTOCOL_VERSION),
  /** First 8 bytes of SHA-256 of the registry SPKI, hex. */
  registryKeyId: z.string(),
  /** The registry's trust-list key (SPKI DER, base64): shown as a fingerprint before enrolment. */
  registryKey: z.string(),
});
export type VersionResponse = z.infer<typeof VersionResponseSchema>;

/**
 * The error codes the registry answers with (`{"error": {"code", "message"}}`), all in the
 * message catalogue so the terminal shows them in the clerk's language.
 */
export const REGISTRY_ERROR_CODES = [
  'BAD_REQUEST', 'PUBLIC_KEY_INVALID', 'CLOCK_SKEW', 'REPLAYED_REQUEST', 'UNKNOWN_TERMINAL', 'ENROLMENT_CODE_INVALID',
  'TERMINAL_REVOKED', 'NO_TRUST_LIST', 'PAYLOAD_TOO_LARGE', 'UNAVAILABLE', 'NOT_FOUND', 'SIGNATURE_INVALID', 'SIGNATURE_MISSING',
] as const satisfies readonly ErrorCode[];
export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export function isRegistryErrorCode(code: string): code is RegistryErrorCode {
  return (REGISTRY_ERROR_CODES as readonly string[]).includes(code);
}

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), serverTime: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The signed payload of the trust list (the answer to GET /v1/trust-list is its compact JWS). */
export const TrustListSchema = z.object({
  format: z.literal(TRUST_LIST_FORMAT),
  version: z.number().int().positive(),
  issuedAt: z.string(),
  /** DER certificates, base64. */
  cscas: z.array(z.string()).max(20000),
  /** DER CRLs, base64. */
  crls: z.array(z.string()).max(20000),
});
export type TrustList = z.infer<typeof TrustListSchema>;
