/**
 * Authenticates a signed terminal request (RFC 9421 via core/registry-protocol/http-signature.ts):
 * the key id names an enrolled, unrevoked terminal, the signature verifies over method, path,
 * query and body digest, `created` is within the window, and the nonce has not been seen in that
 * window.
 */
import { isEidError } from '../core/errors.ts';
import { fromBase64 } from '../core/bytes/base64.ts';
import { parseSignature, verifyRequestSignature } from '../core/registry-protocol/http-signature.ts';
import { HttpProblem } from './http-problem.ts';
import type { RegistryStore, TerminalRow } from './store/types.ts';

export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: Uint8Array | undefined;
  readonly headers: Record<string, string | string[] | undefined>;
}

function header(h: SignedRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

export async function authenticate(store: RegistryStore, req: SignedRequest, now: Date, windowSeconds: number): Promise<TerminalRow> {
  let sig;
  try {
    sig = parseSignature(header(req.headers, 'signature-input'), header(req.headers, 'signature'));
  } catch (e) {
    throw new HttpProblem(401, isEidError(e) ? e.code : 'SIGNATURE_INVALID', e instanceof Error ? e.message : 'bad signature');
  }
  const terminal = await store.getTerminal(sig.keyId);
  if (!terminal) throw new HttpProblem(401, 'UNKNOWN_TERMINAL', 'No terminal is enrolled with this key id');
  if (terminal.revokedAt) throw new HttpProblem(403, 'TERMINAL_REVOKED', 'This terminal has been revoked');
  try {
    verifyRequestSignature({ method: req.method, url: req.url, body: req.body }, header(req.headers, 'content-digest'), sig, fromBase64(terminal.publicKey));
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
  return terminal;
}
