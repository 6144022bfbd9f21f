/**
 * The verification result every transport prints or shows: `eid-terminal verify --json`,
 * `eid-terminal read --json`, the stored record and the UI all use this one shape.
 */
import { z } from 'zod';
import { ReasonSchema, WarningSchema } from './messages.ts';

export const CheckStatus = {
  accessControl: ['PASS', 'FAIL', 'SKIPPED'],
  chipAuthentication: ['PASS', 'FAIL', 'NOT_SUPPORTED', 'SKIPPED'],
  dataGroupHashes: ['PASS', 'FAIL', 'SKIPPED'],
  sodSignature: ['PASS', 'FAIL', 'MISSING'],
  certificateChain: ['PASS', 'FAIL', 'UNKNOWN_CSCA', 'SKIPPED'],
  revocation: ['GOOD', 'REVOKED', 'UNKNOWN'],
  documentExpiry: ['VALID', 'EXPIRED', 'NO_EXPIRY', 'SKIPPED'],
  consistency: ['PASS', 'FAIL', 'SKIPPED'],
} as const;

export const VerdictSchema = z.enum(['VERIFIED', 'NOT_VERIFIED', 'FAILED']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * Which rule gave a check its status: a catalogue reason `{ code, params }` (core/messages,
 * docs/reference/trust.md "Reasons"). Every status other than the passing one (PASS, GOOD, VALID,
 * NO_EXPIRY) names one; the passing ones have none. Records stored before reasons existed read
 * back with `reason: null`.
 */
const reason = ReasonSchema.nullable().default(null);

export const ChecksSchema = z.object({
  accessControl: z.object({ status: z.enum(CheckStatus.accessControl), protocol: z.string().nullable(), reason }),
  chipAuthentication: z.object({ status: z.enum(CheckStatus.chipAuthentication), method: z.enum(['CA', 'CAM', 'AA']).nullable(), reason }),
  dataGroupHashes: z.object({ status: z.enum(CheckStatus.dataGroupHashes), failed: z.array(z.number().int()), reason }),
  sodSignature: z.object({ status: z.enum(CheckStatus.sodSignature), reason }),
  certificateChain: z.object({ status: z.enum(CheckStatus.certificateChain), csca: z.string().nullable(), reason }),
  revocation: z.object({ status: z.enum(CheckStatus.revocation), reason }),
  documentExpiry: z.object({ status: z.enum(CheckStatus.documentExpiry), reason }),
  consistency: z.object({ status: z.enum(CheckStatus.consistency), reason }),
});
export type CheckName = keyof typeof CheckStatus;
export type Checks = z.infer<typeof ChecksSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const VnDataSchema = z.object({
  idNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  dateOfBirth: isoDate.nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  placeOfOrigin: z.string().nullable(),
  placeOfResidence: z.string().nullable(),
  identifyingMarks: z.string().nullable(),
  dateOfIssue: isoDate.nullable(),
  dateOfExpiry: isoDate.nullable(),
  fatherName: z.string().nullable(),
  motherName: z.string().nullable(),
  spouseName: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
});
export type VnData = z.infer<typeof VnDataSchema>;

/** How DG13 was laid out on a Vietnamese card: reported so that an unexpected layout shows in the result. */
export const Dg13FormatSchema = z.object({
  /** 'wrapped': 6D { SEQUENCE { INTEGER version, OID character set, SET { fields } } } as on cards; 'flat': fields directly under 6D. */
  layout: z.enum(['wrapped', 'flat']),
  version: z.number().int().nullable(),
  /** The character-set OID of the wrapper (1.0.10646.1.0.8, ISO/IEC 10646 UTF-8). */
  charset: z.string().nullable(),
  /** Numbers of the fields kept raw, not interpreted: 16 and anything above it. */
  rawFields: z.array(z.number().int()),
});
export type Dg13Format = z.infer<typeof Dg13FormatSchema>;

export const DocumentSchema = z.object({
  documentCode: z.string(),
  issuingState: z.string(),
  documentNumber: z.string(),
  personalNumber: z.string().nullable(),
  surname: z.string(),
  givenNames: z.string(),
  nationality: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(['M', 'F', 'X']),
  dateOfExpiry: isoDate.nullable(),
  mrz: z.string(),
  face: z.object({ mimeType: z.string(), bytes: z.number().int() }).nullable(),
  vn: VnDataSchema.nullable(),
  /** Present when the document has a readable DG13 (Vietnamese cards). */
  dg13: Dg13FormatSchema.optional(),
});
export type DocumentData = z.infer<typeof DocumentSchema>;

export const StatsSchema = z.object({
  apdus: z.number().int(),
  bytesRead: z.number().int(),
  millis: z.number(),
});

export const CheckNameSchema = z.enum(Object.keys(CheckStatus) as [CheckName, ...CheckName[]]);

export const VerificationResultSchema = z.object({
  verdict: VerdictSchema,
  /** The check whose status decided a verdict other than VERIFIED (its `reason` says why); null for VERIFIED. */
  decidedBy: CheckNameSchema.nullable(),
  /** `{ code, params }` of the catalogue's warnings, in the order the checks raised them. */
  warnings: z.array(WarningSchema),
  checks: ChecksSchema,
  document: DocumentSchema.nullable(),
  stats: StatsSchema,
});
export type VerificationResult = z.infer<typeof VerificationResultSchema>;
