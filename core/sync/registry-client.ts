/**
 * HTTP client for the registry (fetch, available in Node 20 and Electron): signs every request
 * with the terminal key (RFC 9421), validates every answer against the protocol schemas, and
 * maps failures to RegistryError so the worker can tell "offline" from "refused".
 */
import { utf8 } from '../bytes/bytes.ts';
import { randomBytes } from '../crypto/node-crypto.ts';
import { toBase64Url } from '../bytes/base64.ts';
import { parseRetryAfter } from './backoff.ts';
import { signRequest } from '../registry-protocol/http-signature.ts';
import type { TerminalIdentity } from './identity.ts';
import {
  BatchResponseSchema, EnrolResponseSchema, ErrorBodySchema, isRegistryErrorCode, VersionResponseSchema,
  type BatchResponse, type EnrolRequest, type FaceMatchBatch, type EnrolResponse, type RecordBatch, type VersionResponse,
} from '../registry-protocol/messages.ts';
import { RegistryError } from './registry-error.ts';
import { ChainHeadAnswerSchema, signChainHead, type ChainHead, type ChainHeadAnswer } from '../registry-protocol/chain-head.ts';
import { toBase64 } from '../bytes/base64.ts';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array; signal?: AbortSignal }) => Promise<Response>;

export interface RegistryClientOptions {
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

export type TrustListFetch =
  | { status: 'unchanged' }
  | { status: 'none' }
  | { status: 'updated'; jws: string; etag: string };

const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export class RegistryClient {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** Registry time minus terminal time, learnt when the registry refuses a skewed signature. */
  private clockOffsetMs = 0;

  constructor(private readonly baseUrl: string, private readonly identity: TerminalIdentity | undefined, options: RegistryClientOptions = {}) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init as RequestInit));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get requestTimeoutMs(): number {
    return this.timeoutMs;
  }

  /** Unsigned: who the registry is, with its key (shown to a person before enrolment). */
  async version(): Promise<VersionResponse> {
    const parsed = VersionResponseSchema.safeParse(await this.json(await this.exchange('GET', '/v1/version', undefined, false, {})));
    if (!parsed.success) throw this.badAnswer('version answer does not match the protocol');
    return parsed.data;
  }

  async enrol(request: EnrolRequest): Promise<EnrolResponse> {
    const body = utf8(JSON.stringify(request));
    const res = await this.exchange('POST', '/v1/enrolments', body, false, {});
    return EnrolResponseSchema.parse(await this.json(res));
  }

  async pushBatch(batch: RecordBatch): Promise<BatchResponse> {
    const body = utf8(JSON.stringify(batch));
    const res = await this.signedExchange('POST', '/v1/records', body, {});
    const parsed = BatchResponseSchema.safeParse(await this.json(res));
    if (!parsed.success) throw this.badAnswer('batch answer does not match the protocol');
    return parsed.data;
  }

  /** Face matches after their records (POST /v1/face-matches); the answer's ids are record ids. */
  async pushFaceMatches(batch: FaceMatchBatch): Promise<BatchResponse> {
    const body = utf8(JSON.stringify(batch));
    const res = await this.signedExchange('POST', '/v1/face-matches', body, {});
    const parsed = BatchResponseSchema.safeParse(await this.json(res));
    if (!parsed.success) throw this.badAnswer('face-match answer does not match the protocol');
    return parsed.data;
  }

  /** Signs the chain head with the terminal key and reports it; the answer names what the registry flagged. */
  async reportHead(head: Omit<ChainHead, 'terminalId'>): Promise<ChainHeadAnswer> {
    if (!this.identity) throw new RegistryError('NOT_ENROLLED', {}, { failure: 'REFUSED' });
    const signed = { ...head, terminalId: this.identity.terminalId };
    const body = utf8(JSON.stringify({ head: signed, signature: toBase64(signChainHead(signed, { alg: this.identity.keyAlg, privateKey: this.identity.privateKey })) }));
    const parsed = ChainHeadAnswerSchema.safeParse(await this.json(await this.signedExchange('POST', '/v1/chain-heads', body, {})));
    if (!parsed.success) throw this.badAnswer('chain-head answer does not match the protocol');
    return parsed.data;
  }

  async fetchTrustList(etag: string | undefined): Promise<TrustListFetch> {
    const extra: Record<string, string> = etag ? { 'if-none-match': etag } : {};
    let res: Response;
    try {
      res = await this.signedExchange('GET', '/v1/trust-list', undefined, extra);
    } catch (e) {
      if (e instanceof RegistryError && e.status === 404 && e.code === 'NO_TRUST_LIST') return { status: 'none' };
      throw e;
    }
    if (res.status === 304) return { status: 'unchanged' };
    const jws = new TextDecoder().decode(await this.bounded(res));
    return { status: 'updated', jws, etag: res.headers.get('etag') ?? '' };
  }

  /** Signs and sends; when the registry refuses the signature's time, adopts its clock and retries once. */
  private async signedExchange(method: string, path: string, body: Uint8Array | undefined, extra: Record<string, string>): Promise<Response> {
    try {
      return await this.exchange(method, path, body, true, extra);
    } catch (e) {
      if (e instanceof RegistryError && e.code === 'CLOCK_SKEW' && e.serverTime) {
        this.clockOffsetMs = Date.parse(e.serverTime) - this.now();
        return this.exchange(method, path, body, true, extra);
      }
      throw e;
    }
  }

  private async exchange(method: string, path: string, body: Uint8Array | undefined, sign: boolean, extra: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (body) headers['content-type'] = 'application/json';
    if (sign) {
      if (!this.identity) throw new RegistryError('NOT_ENROLLED', {}, { failure: 'REFUSED' });
      Object.assign(headers, signRequest({ method, url: path, body }, {
        keyId: this.identity.terminalId,
        created: Math.floor((this.now() + this.clockOffsetMs) / 1000),
        nonce: toBase64Url(randomBytes(16)),
      }, { alg: this.identity.keyAlg, privateKey: this.identity.privateKey }));
    }
    let res: Response;
    try {
      res = await this.fetch(this.baseUrl + path, {
        method, headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new RegistryError('REGISTRY_UNREACHABLE', {},
        { failure: 'UNREACHABLE', cause });
    }
    if (res.status < 400) return res;
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
    let code = `HTTP_${res.status}`;
    let message = `registry answered HTTP ${res.status}`;
    let serverTime: string | undefined;
    try {
      const err = ErrorBodySchema.safeParse(await this.json(res));
      if (err.success) ({ code, message, serverTime } = err.data.error);
    } catch {
      // an unreadable error body keeps the HTTP status as the code
    }
    const failure = res.status >= 500 || res.status === 429 ? 'UNAVAILABLE' : 'REFUSED';
    const info = { failure, status: res.status, retryAfterMs, serverTime } as const;
    // The registry's own codes are in the catalogue; anything else is reported with its status.
    if (isRegistryErrorCode(code)) throw new RegistryError(code, { detail: message }, info);
    throw new RegistryError('REGISTRY_REFUSED', { status: res.status, detail: `${code}: ${message}` }, info);
  }

  private async bounded(res: Response): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_RESPONSE_BYTES) throw this.badAnswer('answer too large');
    let buf: ArrayBuffer;
    try {
      buf = await res.arrayBuffer();
    } catch (cause) {
      throw new RegistryError('REGISTRY_UNREACHABLE', { detail: 'the connection broke during the answer' },
        { failure: 'UNREACHABLE', cause });
    }
    if (buf.byteLength > MAX_RESPONSE_BYTES) throw this.badAnswer('answer too large');
    return new Uint8Array(buf);
  }

  private async json(res: Response): Promise<unknown> {
    const bytes = await this.bounded(res);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw this.badAnswer('answer is not JSON');
    }
  }

  private badAnswer(detail: string): RegistryError {
    return new RegistryError('REGISTRY_BAD_ANSWER', { detail },
      { failure: 'UNAVAILABLE' });
  }
}
