/**
 * HTTP Message Signatures (RFC 9421) as the registry protocol uses them: one signature labelled
 * `sig1`, Ed25519 or ECDSA P-256 (terminal-key.ts), covering the method, path, query and the
 * body's Content-Digest (RFC 9530), with `created`, `nonce`, `keyid` and `alg` parameters for
 * replay protection. Signature-Input and Signature are RFC 8941 dictionaries, read and written
 * with `structured-headers`. The terminal signs and the registry verifies with this one module,
 * so the signature base is built in one place.
 */
import {
  isInnerList, parseDictionary, serializeDictionary, serializeInnerList, type BareItem, type InnerList, type Item,
} from 'structured-headers';
import { EidError } from '../errors.ts';
import { utf8 } from '../bytes/bytes.ts';
import { contentDigest, contentDigestMatches } from './content-digest.ts';
import { signWithTerminalKey, verifyWithSpki, type TerminalKeyPair } from './terminal-key.ts';

export const SIGNATURE_LABEL = 'sig1';
export const SIGNATURE_ALGS: readonly string[] = ['ed25519', 'ecdsa-p256-sha256'];
const MAX_HEADER = 2048;
const MAX_PARAMETER = 256;
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
  /** The serialised inner list (`("@method" ...);created=...`): the `@signature-params` value. */
  readonly paramsText: string;
  readonly signature: Uint8Array;
}

export interface SignatureHeaders {
  'signature-input': string;
  signature: string;
  'content-digest'?: string;
}

function bad(detail: string): EidError {
  return new EidError('SIGNATURE_INVALID', { detail });
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

function signatureInput(components: readonly string[], p: SignatureParams, alg: string): InnerList {
  if (!/^[\x21-\x7e]{1,200}$/.test(p.keyId)) throw bad('bad keyid');
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(p.nonce)) throw bad('bad nonce');
  const params = new Map<string, BareItem>([['created', Math.floor(p.created)], ['nonce', p.nonce], ['keyid', p.keyId], ['alg', alg]]);
  return [components.map((c): Item => [c, new Map()]), params];
}

/** Headers to add to a request so the registry can authenticate it. */
export function signRequest(req: SignableRequest, params: SignatureParams, key: Pick<TerminalKeyPair, 'alg' | 'privateKey'>): SignatureHeaders {
  const hasBody = req.body !== undefined && req.body.length > 0;
  const digest = hasBody ? contentDigest(req.body!) : undefined;
  const components = hasBody ? COMPONENTS_WITH_BODY : COMPONENTS_WITHOUT_BODY;
  const input = signatureInput(components, params, key.alg);
  // A copy whose buffer is a plain ArrayBuffer, as BufferSource asks.
  const signature = new Uint8Array(signWithTerminalKey(key, utf8(signatureBase(req, components, serializeInnerList(input), digest))));
  const headers: SignatureHeaders = {
    'signature-input': serializeDictionary(new Map([[SIGNATURE_LABEL, input]])),
    signature: serializeDictionary(new Map([[SIGNATURE_LABEL, [signature, new Map()] as Item]])),
  };
  if (digest) headers['content-digest'] = digest;
  return headers;
}

/** The `sig1` member of a Signature-Input or Signature dictionary. */
function labelled(field: string, name: string): Item | InnerList {
  let member;
  try {
    member = parseDictionary(field).get(SIGNATURE_LABEL);
  } catch {
    throw bad(`malformed ${name}`);
  }
  if (member === undefined) throw bad(`${name} has no ${SIGNATURE_LABEL}`);
  return member;
}

function textParameter(params: ReadonlyMap<string, BareItem>, key: string): string | undefined {
  const value = params.get(key);
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PARAMETER ? value : undefined;
}

/** Parses the Signature-Input and Signature headers (bounded; only the `sig1` label). */
export function parseSignature(signatureInputField: string | undefined, signatureField: string | undefined): ParsedSignature {
  if (!signatureInputField || !signatureField) {
    throw new EidError('SIGNATURE_MISSING');
  }
  if (signatureInputField.length > MAX_HEADER || signatureField.length > MAX_HEADER) throw bad('header too long');
  const input = labelled(signatureInputField, 'Signature-Input');
  if (!isInnerList(input)) throw bad('malformed Signature-Input');
  const [items, params] = input;
  const components = items.map(([name, itemParams]) => {
    if (typeof name !== 'string' || itemParams.size > 0) throw bad('unsupported component');
    return name;
  });
  const created = params.get('created');
  const nonce = textParameter(params, 'nonce');
  const keyId = textParameter(params, 'keyid');
  const alg = textParameter(params, 'alg');
  if (typeof created !== 'number' || !Number.isSafeInteger(created) || !nonce || !keyId || !alg) {
    throw bad('created, nonce, keyid and alg are required');
  }
  const sig = labelled(signatureField, 'Signature');
  if (isInnerList(sig) || !(sig[0] instanceof ArrayBuffer)) throw bad('malformed Signature');
  return { components, created, nonce, keyId, alg, paramsText: serializeInnerList(input), signature: new Uint8Array(sig[0]) };
}

/**
 * Checks a parsed signature over a request's method, path, query and Content-Digest field, before
 * its body is read: the required components are covered (the digest when the request declares a
 * body) and the signature verifies with the terminal's key, whose algorithm must be the one the
 * signature names. The body itself is then checked with `verifySignedBody`.
 * Throws SIGNATURE_INVALID; freshness and nonce reuse are the caller's (the registry's) job.
 */
export function verifySignedHeaders(req: Omit<SignableRequest, 'body'>, declaresBody: boolean, contentDigestHeader: string | undefined,
  sig: ParsedSignature, spkiDer: Uint8Array): void {
  if (!SIGNATURE_ALGS.includes(sig.alg)) throw bad(`unsupported alg ${sig.alg}`);
  const required = declaresBody ? COMPONENTS_WITH_BODY : COMPONENTS_WITHOUT_BODY;
  for (const c of required) if (!sig.components.includes(c)) throw bad(`component ${c} not covered`);
  // The field as received is what the terminal signed (RFC 9421 section 2.1).
  const base = signatureBase(req, sig.components, sig.paramsText, contentDigestHeader);
  if (!verifyWithSpki(spkiDer, sig.alg, utf8(base), sig.signature)) throw bad('signature does not verify');
}

/** The body that arrived after `verifySignedHeaders` passed: it must be the one the signed digest names. */
export function verifySignedBody(body: Uint8Array | undefined, contentDigestHeader: string | undefined, sig: ParsedSignature): void {
  if (body === undefined || body.length === 0) return;
  if (!sig.components.includes('content-digest')) throw bad('component content-digest not covered');
  if (!contentDigestMatches(contentDigestHeader, body)) throw bad('body does not match Content-Digest');
}

/** Both checks over a request whose body is at hand. */
export function verifyRequestSignature(req: SignableRequest, contentDigestHeader: string | undefined, sig: ParsedSignature, spkiDer: Uint8Array): void {
  const hasBody = req.body !== undefined && req.body.length > 0;
  verifySignedBody(req.body, contentDigestHeader, sig);
  verifySignedHeaders(req, hasBody, contentDigestHeader, sig, spkiDer);
}
