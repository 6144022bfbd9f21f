/** What the store takes in (a verification plus its context) and what it gives back. */
import type { Checks, VerificationResult, Verdict } from '../api/verification.ts';
import type { PersonalData } from './personal-fields.ts';
import type { Warning } from '../messages/message.ts';

/** Protocol facts worth auditing: "PACE-GM brainpoolP256r1 AES-128", "CA ECDH", APDU counts ... */
export type ProtocolDetails = Record<string, string | number | boolean | null>;

export interface RecordContext {
  /** The logged-in operator who ran the verification (every record names one). */
  readonly operator: string;
  /** Purpose profile name; the `purposeProfile` setting when absent. */
  readonly purpose?: string;
  /** The `terminalId` setting when absent. */
  readonly terminalId?: string;
  readonly protocol?: ProtocolDetails;
  /** Subject or key identifier of the CSCA and Document Signer that issued the document. */
  readonly cscaId?: string | null;
  readonly dsId?: string | null;
  /** The DG2 face image; stored only when the purpose profile keeps `face`. */
  readonly faceImage?: Uint8Array;
  /** Client-generated UUIDv7; created here when absent. */
  readonly id?: string;
  /** Verification time; the store's clock when absent. */
  readonly createdAt?: Date;
}

export interface RecordInput {
  readonly result: VerificationResult;
  readonly context: RecordContext;
}

/** Identity of a stored record, returned once it is durable. */
export interface RecordRef {
  readonly id: string;
  readonly seq: number;
  readonly hash: string;
}

export interface StoredRecord {
  readonly id: string;
  readonly seq: number;
  readonly createdAt: string;
  readonly terminalId: string;
  readonly operator: string;
  readonly purpose: string;
  readonly documentType: string | null;
  readonly issuingState: string | null;
  readonly verdict: Verdict;
  readonly warnings: Warning[];
  readonly checks: Checks;
  readonly protocol: ProtocolDetails;
  readonly stats: VerificationResult['stats'] | null;
  readonly cscaId: string | null;
  readonly dsId: string | null;
  /** Decrypted personal fields the profile kept; null after the retention purge. */
  readonly personal: PersonalData | null;
  readonly retainUntil: string;
  readonly purgedAt: string | null;
  readonly syncedAt: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

export interface RecordQuery {
  /** ID number (exact, via the keyed hash) or name words (all must match, diacritics ignored). */
  readonly search?: string;
  readonly idNumber?: string;
  readonly name?: string;
  readonly verdict?: Verdict;
  /** ISO date or date-time, inclusive. */
  readonly from?: string;
  /** ISO date (the whole day) or date-time, inclusive. */
  readonly to?: string;
  readonly limit?: number;
  /** Paging: records with seq below this one (newest first). */
  readonly beforeSeq?: number;
  readonly offset?: number;
}

export interface RecordPage {
  readonly records: StoredRecord[];
  /** Pass as `beforeSeq` for the next page; null on the last page. */
  readonly nextBeforeSeq: number | null;
}
