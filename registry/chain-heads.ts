/**
 * Chain heads the terminals report (core/registry-protocol/chain-head.ts): each signed head is
 * kept as evidence and compared, under the terminal's lock, with the head it reported before and
 * with the records it already sent. A record chain, audit log or face-match chain that ends
 * earlier than before is HEAD_REGRESSION (entries cut off at the end, an older database restored);
 * another hash at the same place, or another hash than the record stored for that sequence
 * number, is HEAD_FORK (history rewritten). Like record flags, these never refuse anything.
 */
import { fromBase64 } from '../core/bytes/base64.ts';
import { verifyChainHead, type ChainHeadAnswer, type ChainHeadReport } from '../core/registry-protocol/chain-head.ts';
import type { ChainFlag } from '../core/registry-protocol/messages.ts';
import { HttpProblem } from './http-problem.ts';
import type { ChainFlagRow, ChainHeadRow, RegistryStore, TerminalRow } from './store/types.ts';

type Found = { kind: ChainFlag; detail: string };

/** Where one of the terminal's keyed chains (audit log, face matches) ends: its last number and link. */
type ChainEnd = { readonly seq: number; readonly link: string };

/**
 * One keyed chain's end against the one reported before: ending earlier, or no longer reported
 * (which would hide a cut from the next comparison), is a regression; another link at the same
 * number a fork. Nothing to compare before the chain was first reported.
 */
function compareEnd(chain: string, entry: string, end: ChainEnd | undefined, before: ChainEnd | undefined, reportedOn: string): Found[] {
  if (!before) return [];
  if (!end) return [{ kind: 'HEAD_REGRESSION', detail: `${chain} left out, reported ending at ${before.seq} on ${reportedOn}` }];
  if (end.seq < before.seq) return [{ kind: 'HEAD_REGRESSION', detail: `${chain} ends at ${end.seq}, reported ${before.seq} on ${reportedOn}` }];
  if (end.seq === before.seq && end.link !== before.link) return [{ kind: 'HEAD_FORK', detail: `${entry} ${end.seq} differs from the one reported on ${reportedOn}` }];
  return [];
}

const auditEnd = (h: ChainHeadRow): ChainEnd => ({ seq: h.auditSeq, link: h.auditMac });
/** Undefined in heads from terminals that did not report their face-match chain yet: nothing to compare. */
const faceMatchEnd = (h: ChainHeadRow): ChainEnd | undefined =>
  h.faceMatchSeq === null || h.faceMatchMac === null ? undefined : { seq: h.faceMatchSeq, link: h.faceMatchMac };

function compare(head: ChainHeadRow, last: ChainHeadRow | undefined, sentHashes: readonly string[]): Found[] {
  const found: Found[] = [];
  if (last && head.seq < last.seq) found.push({ kind: 'HEAD_REGRESSION', detail: `record chain ends at ${head.seq}, reported ${last.seq} on ${last.receivedAt}` });
  else if (last && head.seq === last.seq && head.hash !== last.hash) found.push({ kind: 'HEAD_FORK', detail: `record ${head.seq} has another hash than reported on ${last.receivedAt}` });
  if (sentHashes.length > 0 && !sentHashes.includes(head.hash)) found.push({ kind: 'HEAD_FORK', detail: `record ${head.seq} has another hash than the record the terminal sent` });
  if (!last) return found;
  return [
    ...found,
    ...compareEnd('audit log', 'audit event', auditEnd(head), auditEnd(last), last.receivedAt),
    ...compareEnd('face-match chain', 'face match', faceMatchEnd(head), faceMatchEnd(last), last.receivedAt),
  ];
}

/** The payload's `recordHash`: the hash of that record in the terminal's own chain, as it was sent. */
function recordHashOf(payload: string): string | undefined {
  const value = (JSON.parse(payload) as { recordHash?: unknown }).recordHash;
  return typeof value === 'string' ? value : undefined;
}

export async function receiveChainHead(store: RegistryStore, terminal: TerminalRow, report: ChainHeadReport, receivedAt: Date): Promise<ChainHeadAnswer> {
  const { head } = report;
  if (head.terminalId !== terminal.id || !verifyChainHead(head, fromBase64(report.signature), fromBase64(terminal.publicKey))) {
    throw new HttpProblem(400, 'HEAD_SIGNATURE_INVALID', 'The chain head is not signed by this terminal');
  }
  const at = receivedAt.toISOString();
  const row: ChainHeadRow = {
    terminalId: terminal.id, seq: head.seq, recordId: head.recordId, hash: head.hash, auditSeq: head.auditSeq, auditMac: head.auditMac,
    faceMatchSeq: head.faceMatchSeq ?? null, faceMatchMac: head.faceMatchMac ?? null, terminalTime: head.at, receivedAt: at, signature: report.signature,
  };
  const found = await store.withTerminalLock(terminal.id, async (tx) => {
    const sent = head.seq < 0 ? [] : (await tx.payloadsAt(terminal.id, head.seq)).map(recordHashOf).filter((h): h is string => h !== undefined);
    const flags = compare(row, await tx.lastHead(terminal.id), sent);
    await tx.insertHead(row);
    // One flag per kind and report, naming everything this report showed of that kind.
    const kinds = [...new Set(flags.map((f) => f.kind))];
    const rows: Omit<ChainFlagRow, 'resolvedAt'>[] = kinds.map((kind) => ({
      terminalId: terminal.id, recordId: head.recordId ?? '', seq: head.seq, kind, flaggedAt: at,
      detail: flags.filter((f) => f.kind === kind).map((f) => f.detail).join('; '),
    }));
    await tx.addFlags(rows);
    return kinds;
  });
  return { receivedAt: at, flags: found };
}
