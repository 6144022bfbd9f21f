/** The `records` table row and its decoding into a StoredRecord (decrypting personal fields). */
import { z } from 'zod';
import { ChecksSchema, StatsSchema, VerdictSchema } from '../api/verification.ts';
import { WarningSchema } from '../api/messages.ts';
import { legacyWarnings } from '../messages/legacy-warnings.ts';
import type { Warning } from '../messages/message.ts';
import { toHex } from '../bytes/hex.ts';
import type { FieldCipher } from './field-cipher.ts';
import type { ChainedColumns } from './chain.ts';
import { PERSONAL_FIELDS, type PersonalData } from './personal-fields.ts';
import type { ProtocolDetails, StoredRecord } from './record-types.ts';
import { storeError } from './errors.ts';

export interface RecordRow extends ChainedColumns {
  readonly personal: Uint8Array | null;
  readonly id_hash: Uint8Array | null;
  readonly purged_at: string | null;
  readonly synced_at: string | null;
  readonly prev_hash: Uint8Array;
  readonly hash: Uint8Array;
}

/** Columns for SELECT, in an order independent of how the table was migrated. */
export const RECORD_COLUMNS = 'seq, id, created_at, terminal_id, operator, purpose, document_type, issuing_state, verdict, details, csca_id, ds_id, retain_until, personal_hash, personal, id_hash, purged_at, synced_at, prev_hash, hash';

/**
 * The non-personal verification details kept as one JSON column. Warnings are catalogue
 * `{ code, params }`; records written before the catalogue hold English sentences, which the
 * hash chain keeps as they are and reading turns into warnings (core/messages/legacy-warnings.ts).
 */
export const DetailsSchema = z.object({
  warnings: z.array(z.union([WarningSchema, z.string()])),
  checks: ChecksSchema,
  protocol: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  stats: StatsSchema.nullable(),
});
export type Details = z.infer<typeof DetailsSchema>;

const PersonalSchema = z.partialRecord(z.enum(PERSONAL_FIELDS), z.string());

function parseDetails(text: string): Details {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw storeError('RECORD_CORRUPT', 'details are not JSON', e);
  }
  const parsed = DetailsSchema.safeParse(raw);
  if (!parsed.success) throw storeError('RECORD_CORRUPT', 'details do not match the schema');
  return parsed.data;
}

function parseVerdict(text: string): StoredRecord['verdict'] {
  const parsed = VerdictSchema.safeParse(text);
  if (!parsed.success) throw storeError('RECORD_CORRUPT', 'unknown verdict');
  return parsed.data;
}

export function openPersonal(cipher: FieldCipher, row: Pick<RecordRow, 'id' | 'personal'>): PersonalData | null {
  if (row.personal === null) return null;
  const parsed = PersonalSchema.safeParse(cipher.open(row.id, row.personal));
  if (!parsed.success) throw storeError('RECORD_DECRYPT_FAILED', 'personal fields do not match the schema');
  return parsed.data as PersonalData;
}

/** The warnings of a record as catalogue messages, whichever way it stored them. */
export function storedWarnings(stored: Details['warnings']): Warning[] {
  return stored.flatMap((w) => (typeof w === 'string' ? legacyWarnings(w) : [w]));
}

export function decodeRecord(row: RecordRow, cipher: FieldCipher): StoredRecord {
  const details = parseDetails(row.details);
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.created_at,
    terminalId: row.terminal_id,
    operator: row.operator,
    purpose: row.purpose,
    documentType: row.document_type,
    issuingState: row.issuing_state,
    verdict: parseVerdict(row.verdict),
    warnings: storedWarnings(details.warnings),
    checks: details.checks,
    protocol: details.protocol as ProtocolDetails,
    stats: details.stats,
    cscaId: row.csca_id,
    dsId: row.ds_id,
    personal: openPersonal(cipher, row),
    retainUntil: row.retain_until,
    purgedAt: row.purged_at,
    syncedAt: row.synced_at,
    prevHash: toHex(row.prev_hash).toLowerCase(),
    hash: toHex(row.hash).toLowerCase(),
  };
}
