/**
 * The terminal's signed chain head. A copy of the terminal's database can be cut short and its
 * head reset so that nothing local shows it; so the terminal reports, signed with its own key,
 * where its record chain, its audit log and its face-match chain end (`POST /v1/chain-heads`), and the registry keeps
 * each report as evidence and flags a head that goes backwards (HEAD_REGRESSION) or names
 * another history than before, or than the records it already holds (HEAD_FORK).
 */
import { z } from 'zod';
import { utf8 } from '../bytes/bytes.ts';
import { canonicalJson } from './record-chain.ts';
import { ChainFlagSchema } from './messages.ts';
import { algOfSpki, signWithTerminalKey, verifyWithSpki, type TerminalKeyPair } from './terminal-key.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

const ChainHeadFields = z.object({
  terminalId: z.string().min(1).max(200),
  /** Sequence number of the last record; -1 before the first. */
  seq: z.number().int().min(-1),
  recordId: z.string().max(128).nullable(),
  /** The last record's hash in the terminal's own chain (the payload's `recordHash`); the genesis hash before the first. */
  hash,
  /** Sequence number of the last audit event; 0 before the first. */
  auditSeq: z.number().int().nonnegative(),
  /** The audit log's keyed link at that event (it reveals nothing of the key). */
  auditMac: hash,
  /** Sequence number of the last face match; 0 before the first. Absent from older terminals' heads. */
  faceMatchSeq: z.number().int().nonnegative().optional(),
  /** The face-match chain's keyed link at that face match; with faceMatchSeq or not at all. */
  faceMatchMac: hash.optional(),
  /** The terminal's clock when it signed. */
  at: z.string().datetime({ offset: true }),
});

export const ChainHeadSchema = ChainHeadFields.refine((h) => (h.faceMatchSeq === undefined) === (h.faceMatchMac === undefined), {
  message: 'faceMatchSeq and faceMatchMac come together',
});
export type ChainHead = z.infer<typeof ChainHeadSchema>;

export const ChainHeadReportSchema = z.object({
  head: ChainHeadSchema,
  /** The terminal key's signature over the head's RFC 8785 canonical JSON, base64. */
  signature: z.string().max(200),
});
export type ChainHeadReport = z.infer<typeof ChainHeadReportSchema>;

export const ChainHeadAnswerSchema = z.object({
  receivedAt: z.string(),
  /** What this report revealed; empty when the head moved forward along the same history. */
  flags: z.array(ChainFlagSchema),
});
export type ChainHeadAnswer = z.infer<typeof ChainHeadAnswerSchema>;

export function chainHeadStatement(head: ChainHead): Uint8Array {
  return utf8(canonicalJson(head));
}

export function signChainHead(head: ChainHead, key: Pick<TerminalKeyPair, 'alg' | 'privateKey'>): Uint8Array {
  return signWithTerminalKey(key, chainHeadStatement(head));
}

export function verifyChainHead(head: ChainHead, signature: Uint8Array, terminalSpki: Uint8Array): boolean {
  const alg = algOfSpki(terminalSpki);
  return alg !== undefined && verifyWithSpki(terminalSpki, alg, chainHeadStatement(head), signature);
}
