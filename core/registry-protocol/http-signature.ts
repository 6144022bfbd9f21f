/**
 * HTTP Message Signatures (RFC 9421) as the registry protocol uses them: one signature labelled
 * `sig1`, Ed25519 or ECDSA P-256 (terminal-key.ts), covering the method, path, query and the body's Content-Digest (RFC 9530),
 * with `created`, `nonce` and `keyid` parameters for replay protection. Both the terminal (signs)
 * and the registry (verifies) use this module, so the signature base is built in one place.
 */
import { EidError } from '../errors.ts';
import { utf8 } from '../bytes/bytes.ts';
import { hash, timingSafeEqual } from '../crypto/node-crypto.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { signWithTerminalKey, verifyWithSpki, type TerminalKeyPair } from './terminal-key.ts';

export const SIGNATURE_LABEL = 'sig1';
export const SIGNATURE_ALGS: readonly string[] = ['ed25519', 'ecdsa-p256-sha256'];
const MAX_HEADER = 2048;
const COMPONENTS_WITHOUT_BODY = ['@method', '@path', '@query'] as const;
const COMPONENTS_WITH_BODY = [...COMPONENTS_WITHOUT_BODY, 'content-digest'] as const;

export interface SignableRequest {
  readonly method: string;
  /** Path and query as sent, e.g. `/v1/records` or `/v1/records?x=1`. */
  readonly url: string;
  readonly body?: Uint8Array | undefined;
}

export interface SignatureParams {
  readonly keyId: string;
  /** Unix seconds. */
  readonly created: number;
  readonly nonce: string;
}

export interface ParsedSignature extends SignatureParams {
  readonly components: readonly string[];
  readonly alg: string;
  /** The parameter list exactly as received (`("@method" ...);created=...`), part of the base. */
  readonly paramsText: string;
  readonly signature: Uint8Array;
}

export interface SignatureHeaders {
  'signature-input': string;
  signature: string;
  'content-digest'?: string;
}

function bad(detail: string): EidError {
  return new EidError('SIGNATURE_INVALID', `Request signature is invalid: ${detail}`,
    `Chữ ký của yêu cầu không hợp lệ: ${detail}`);
}

/** RFC 9530 Content-Digest with SHA-256. */
export function contentDigest(body: Uint8Array): string {
  return `sha-256=:${toBase64(hash('sha256', body))}:`;
}

function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '?' } : { path: url.slice(0, q), query: url.slice(q) };
}

function componentValue(name: string, req: SignableRequest, digest: string | undefined): string {
  const { path, query } = splitUrl(req.url);
  switch (name) {
    case '@method': return req.method.toUpperCase();
    case '@path': return path;
    case '@query': return query;
    case 'content-digest':
      if (digest === undefined) throw bad('content-digest is covered but absent');
      return digest;
    default: throw bad(`unsupported component ${name}`);
  }
}

/** The RFC 9421 signature base for the covered components. */
export function signatureBase(req: SignableRequest, components: readonly string[], paramsText: string, digest: string | undefined): string {
  const lines = components.map((c) => `"${c}": ${componentValue(c, req, digest)}`);
  lines.push(`"@signature-params": ${paramsText}`);
  return lines.join('\n');
}

function paramsTextOf(components: readonly string[], p: SignatureParams, alg: string): string {
  if (!/^[\x21-\x7e]{1,200}$/.test(p.keyId) || p.keyId.includes('"') || p.keyId.includes('\\')) throw bad('bad keyid');
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(p.nonce)) throw bad('bad nonce');
  const list = components.map((c) => `"${c}"`).join(' ');
  return `(${list});created=${Math.floor(p.created)};nonce="${p.nonce}";keyid="${p.keyId}";alg="${alg}"`;
}

/** Headers to add to a request so the registry can authenticate it. */
export function signRequest(req: SignableRequest, params: SignatureParams, key: Pick<TerminalKeyPair, 'alg' | 'privateKey'>): SignatureHeaders {
  const hasBody = req.body !== undefined && req.body.length > 0;
  const digest = hasBody ? contentDigest(req.body!) : undefined;
  const components = hasBody ? COMPONENTS_WITH_BODY : COMPONENTS_WITHOUT_BODY;
  const paramsText = paramsTextOf(components, params, key.alg);
  const signature = signWithTerminalKey(key, utf8(signatureBase(req, components, paramsText, digest)));
  const headers: SignatureHeaders = {
    'signature-input': `${SIGNATURE_LABEL}=${paramsText}`,
    signature: `${SIGNATURE_LABEL}=:${toBase64(signature)}:`,
  };
  if (digest) headers['content-digest'] = digest;
  return headers;
}

const INPUT = /^sig1=(\(((?:"[a-z@-]{1,32}"(?: "[a-z@-]{1,32}"){0,7})?)\)((?:;[a-z]{1,16}=(?:"[^"\\]{0,256}"|[0-9]{1,16})){0,8}))$/;
const SIG = /^sig1=:([A-Za-z0-9+/]{1,200}={0,2}):$/;

/** Parses the Signature-Input and Signature headers (bounded; only the `sig1` label). */
export function parseSignature(signatureInput: string | undefined, signature: string | undefined): ParsedSignature {
  if (!signatureInput || !signature) {
    throw new EidError('SIGNATURE_MISSING', 'The request is not signed', 'Yêu cầu chưa được ký');
  }
  if (signatureInput.length > MAX_HEADER || signature.length > MAX_HEADER) throw bad('header too long');
  const m = INPUT.exec(signatureInput);
  if (!m) throw bad('malformed Signature-Input');
  const s = SIG.exec(signature);
  if (!s) throw bad('malformed Signature');
  const components = (m[2] ?? '').split(' ').filter(Boolean).map((c) => c.slice(1, -1));
  const params = new Map<string, string>();
  for (const part of (m[3] ?? '').split(';').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    if (params.has(key)) throw bad(`duplicate parameter ${key}`);
    params.set(key, part.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  const created = Number(params.get('created'));
  const nonce = params.get('nonce');
  const keyId = params.get('keyid');
  const alg = params.get('alg');
  if (!Number.isSafeInteger(created) || !nonce || !keyId || !alg) throw bad('created, nonce, keyid and alg are required');
  return { components, created, nonce, keyId, alg, paramsText: m[1]!, signature: fromBase64(s[1]!) };
}

/**
 * Checks a parsed signature over a received request: the required components are covered, the
 * body matches its Content-Digest, and the signature verifies with the terminal's key (whose
 * algorithm must be the one the signature names).
 * Throws SIGNATURE_INVALID; freshness and nonce reuse are the caller's (the registry's) job.
 */
export function verifyRequestSignature(req: SignableRequest, contentDigestHeader: string | undefined, sig: ParsedSignature, spkiDer: Uint8Array): void {
  if (!SIGNATURE_ALGS.includes(sig.alg)) throw bad(`unsupported alg ${sig.alg}`);
  const hasBody = req.body !== undefined && req.body.length > 0;
  const required = hasBody ? COMPONENTS_WITH_BODY : COMPONENTS_WITHOUT_BODY;
  for (const c of required) if (!sig.components.includes(c)) throw bad(`component ${c} not covered`);
  let digest: string | undefined;
  if (hasBody) {
    digest = contentDigest(req.body!);
    if (contentDigestHeader === undefined || !timingSafeEqual(utf8(contentDigestHeader), utf8(digest))) {
      throw bad('body does not match Content-Digest');
    }
  }
  const base = signatureBase(req, sig.components, sig.paramsText, digest);
  if (!verifyWithSpki(spkiDer, sig.alg, utf8(base), sig.signature)) throw bad('signature does not verify');
}
