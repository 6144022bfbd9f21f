/**
 * The JSON a record becomes in the sync outbox: what the registry may receive. Never the face
 * or MRZ; personal fields only as the purpose profile's `sendToRegistry` allows.
 */
import { pickFields, SENSITIVE_FIELDS } from './personal-fields.ts';
import type { PurposeProfile } from './profiles.ts';
import type { StoredRecord } from './record-types.ts';

export function registryPayload(record: StoredRecord, profile: PurposeProfile | undefined): string {
  const allowed = (profile?.sendToRegistry ?? []).filter((f) => !SENSITIVE_FIELDS.includes(f));
  const personal = record.personal && allowed.length > 0 ? pickFields(record.personal, allowed) : null;
  return JSON.stringify({
    id: record.id,
    seq: record.seq,
    createdAt: record.createdAt,
    terminalId: record.terminalId,
    operator: record.operator,
    purpose: record.purpose,
    documentType: record.documentType,
    issuingState: record.issuingState,
    verdict: record.verdict,
    warnings: record.warnings,
    checks: record.checks,
    protocol: record.protocol,
    cscaId: record.cscaId,
    dsId: record.dsId,
    personal,
    prevHash: record.prevHash,
    hash: record.hash,
  });
}
