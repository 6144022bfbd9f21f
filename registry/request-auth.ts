/**
 * Authenticates a signed terminal request (RFC 9421 via core/registry-protocol/http-signature.ts)
 * in two steps, so that nobody makes the registry read a body before it knows who sends it:
 *
 * 1. `authenticateHeaders`, before the body is read: the key id names an enrolled, unrevoked
 *    terminal, the signature verifies over method, path, query and the Content-Digest field,
 *    `created` is within the window, and the nonce has not been seen in that window.
 * 2. `checkSignedBody`, once the body is in: it is the body the signed digest names.
 */
import { isEidError } from '../core/errors.ts';
import { fromBase64 } from '../core/bytes/base64.ts';
import { parseSignature, verifySignedBody, verifySignedHeaders, type ParsedSignature } from '../core/registry-protocol/http-signature.ts';
import { HttpProblem } from './http-problem.ts';
import type { RegistryStore, TerminalRow } from './store/types.ts';

export interface SignedRequestHead {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface AuthenticatedHead {
  readonly terminal: TerminalRow;
  readonly signature: ParsedSignature;
  readonly contentDigest: string | undefined;
}

function header(h: SignedRequestHead['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Whether the request announces a body (HTTP/1.1 framing: a non-zero length, or chunked). */
function declaresBody(h: SignedRequestHead['headers']): boolean {
  const length = header(h, 'content-length');
  return header(h, 'transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}

function invalid(e: unknown): HttpProblem {
  return new HttpProblem(401, isEidError(e) ? e.code : 'SIGNATURE_INVALID', e instanceof Error ? e.message : 'bad signature');
}

export async function authenticateHeaders(store: RegistryStore, req: SignedRequestHead, now: Date, windowSeconds: number): Promise<AuthenticatedHead> {
  let sig: ParsedSignature;
  try {
    sig = parseSignature(header(req.headers, 'signature-input'), header(req.headers, 'signature'));
  } catch (e) {
    throw invalid(e);
  }
  const terminal = await store.getTerminal(sig.keyId);
  if (!terminal) throw new HttpProblem(401, 'UNKNOWN_TERMINAL', 'No terminal is enrolled with this key id');
  if (terminal.revokedAt) throw new HttpProblem(403, 'TERMINAL_REVOKED', 'This terminal has been revoked');
  const contentDigest = header(req.headers, 'content-digest');
  try {
    verifySignedHeaders({ method: req.method, url: req.url }, declaresBody(req.headers), contentDigest, sig, fromBase64(terminal.publicKey));
  } catch (e) {
    throw new HttpProblem(401, 'SIGNATURE_INVALID', e instanceof Error ? e.message : 'bad signature');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - sig.created) > windowSeconds) {
    throw new HttpProblem(401, 'CLOCK_SKEW', `Signature time is more than ${windowSeconds} s from the registry's clock`, {},
      { serverTime: now.toISOString() });
  }
  const expires = (sig.created + windowSeconds + 60) * 1000;
  if (!(await store.useNonce(terminal.id, sig.nonce, expires, now.getTime()))) {
    throw new HttpProblem(401, 'REPLAYED_REQUEST', 'This request was already received');
  }
  return { terminal, signature: sig, contentDigest };
}

export function checkSignedBody(head: AuthenticatedHead, body: Uint8Array | undefined): void {
  try {
    verifySignedBody(body, head.contentDigest, head.signature);
  } catch (e) {
    throw new HttpProblem(401, 'SIGNATURE_INVALID', e instanceof Error ? e.message : 'bad signature');
  }
}
