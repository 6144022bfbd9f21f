/**
 * The JSON a record becomes in the sync outbox: what the registry may receive. Never the face
 * or MRZ; personal fields only as the purpose profile's `sendToRegistry` allows.
 *
 * Payloads form their own hash chain under the link rule of core/registry-protocol/record-chain.ts,
 * which the registry re-checks on every record it receives. It is separate from the local chain
 * (core/store/chain.ts) because the registry sees only part of each record: the local chain
 * must stay checkable after purges without the plaintext, the payload chain must be checkable
 * from the payload alone. Each payload carries the local `recordHash`, tying the two together.
 */
import { chainHash } from '../registry-protocol/record-chain.ts';
import { pickFields, SENSITIVE_FIELDS } from './personal-fields.ts';
import type { PurposeProfile } from './profiles.ts';
import type { StoredRecord } from './record-types.ts';
import type { StoredFaceMatch } from './face-matches.ts';

export const SYNC_HEAD = 'sync_head';

/** The payload without its chain link. */
export function registryPayloadBody(record: StoredRecord, profile: PurposeProfile | undefined): Record<string, unknown> {
  const allowed = (profile?.sendToRegistry ?? []).filter((f) => !SENSITIVE_FIELDS.includes(f));
  const personal = record.personal && allowed.length > 0 ? pickFields(record.personal, allowed) : null;
  return {
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
    recordHash: record.hash,
  };
}

/** The payload JSON linked to the previous payload's hash; returns it with its own hash. */
export function chainedRegistryPayload(record: StoredRecord, profile: PurposeProfile | undefined, prevHash: string): { payload: string; hash: string } {
  const body = { ...registryPayloadBody(record, profile), prevHash };
  const hash = chainHash(prevHash, body);
  return { payload: JSON.stringify({ ...body, hash }), hash };
}

/**
 * The JSON a face match becomes for the registry, sent after its record: the machine's decision
 * and the teller's conclusion, linked to the record's local hash (its payload's `recordHash`).
 * Members are picked one by one, so nothing kept later beside them (and never the teller's own
 * words, which are sealed) reaches the registry by accident.
 */
export function faceMatchPayload(recordId: string, recordHash: string, m: Omit<StoredFaceMatch, 'reason'>): string {
  const body = {
    recordId, operator: m.operator, concludedAt: m.at, outcome: m.outcome, decision: m.decision, score: m.score,
    threshold: m.threshold, model: m.model, activeCheck: m.activeCheck, tellerDecision: m.tellerDecision, teller: m.teller,
    prevHash: recordHash,
  };
  return JSON.stringify({ ...body, hash: chainHash(recordHash, body) });
}
