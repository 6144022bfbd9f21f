/**
 * The registry's HTTP API (registry/openapi.yaml): enrolment, signed record batches, the signed
 * trust list, health and version. Stateless over its store, so several nodes can share one
 * PostgreSQL behind a load balancer.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { fromUtf8 } from '../core/bytes/bytes.ts';
import { fromBase64, toBase64 } from '../core/bytes/base64.ts';
import { terminalKeySet, type TerminalKeySet } from '../core/registry-protocol/terminal-key-set.ts';
import {
  EnrolRequestSchema, FaceMatchBatchSchema, MAX_BODY_BYTES, PROTOCOL_VERSION, RecordBatchSchema,
  type BatchResponse, type EnrolResponse, type ErrorBody, type HealthResponse, type VersionResponse,
} from '../core/registry-protocol/messages.ts';
import { redeemEnrolmentCode } from './enrolment-codes.ts';
import { HttpProblem } from './http-problem.ts';
import { ingestBatch } from './ingest.ts';
import { ingestFaceMatches } from './face-match-ingest.ts';
import { receiveChainHead } from './chain-heads.ts';
import { ChainHeadReportSchema, type ChainHeadAnswer } from '../core/registry-protocol/chain-head.ts';
import type { PersonalSeal } from './personal-seal.ts';
import { announcedKeys, type TrustListKeys } from './trust-list-keys.ts';
import { authenticateHeaders, checkSignedBody, type AuthenticatedHead } from './request-auth.ts';
import type { RegistryStore } from './store/types.ts';

export const REGISTRY_VERSION = '0.1.0';
/** Bodies nobody has signed for (enrolment) are a few hundred bytes; anything far above is refused unread. */
export const MAX_UNSIGNED_BODY_BYTES = 8 * 1024;

export interface RegistryServerOptions {
  readonly store: RegistryStore;
  /** Seals the personal fields of every stored record. */
  readonly personal: PersonalSeal;
  readonly now?: () => Date;
  /** Allowed distance between a signature's `created` and the registry clock. */
  readonly signatureWindowSeconds?: number;
  readonly maxClockSkewMs?: number;
  /** Seconds a client is told to wait when the store is unavailable. */
  readonly retryAfterSeconds?: number;
  readonly logger?: boolean;
}

function parseJson(body: unknown): unknown {
  if (!(body instanceof Uint8Array) || body.length === 0) throw new HttpProblem(400, 'BAD_REQUEST', 'A JSON body is required');
  try {
    return JSON.parse(fromUtf8(body));
  } catch {
    throw new HttpProblem(400, 'BAD_REQUEST', 'The body is not JSON');
  }
}

export function buildRegistryServer(options: RegistryServerOptions): FastifyInstance {
  const { store, personal } = options;
  // Read at each use: `registry rotate-key` on the publishing host reaches every API node at once.
  const currentKey = async (): Promise<TrustListKeys> => {
    const keys = await announcedKeys(store);
    if (!keys) throw new Error('the registry announces no trust-list key');
    return keys;
  };
  const now = options.now ?? (() => new Date());
  const window = options.signatureWindowSeconds ?? 300;
  const maxClockSkewMs = options.maxClockSkewMs ?? 5 * 60_000;
  const retryAfter = String(options.retryAfterSeconds ?? 5);
  // Request logs carry method, path and status only: records hold personal data.
  // The small limit is the default; only signed routes, authenticated before their body is read, take more.
  const app = Fastify({ bodyLimit: MAX_UNSIGNED_BODY_BYTES, logger: options.logger ?? false });

  app.removeAllContentTypeParsers();
  // Raw bytes: the signature covers the body's digest, so it is checked before JSON parsing.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const problem = (code: string, message: string, extra: Record<string, string> = {}): ErrorBody => ({ error: { code, message, ...extra } });
  app.setErrorHandler((error: unknown, _req: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpProblem) {
      return reply.code(error.status).headers(error.headers).send(problem(error.code, error.message, error.extra));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.code(413).send(problem('PAYLOAD_TOO_LARGE', 'The request body is too large'));
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send(problem('BAD_REQUEST', 'The request is malformed'));
    }
    // Anything else is the store failing (database down, pool exhausted): ask the client to come back.
    return reply.code(503).header('retry-after', retryAfter).send(problem('UNAVAILABLE', 'The registry is temporarily unavailable'));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(problem('NOT_FOUND', 'No such endpoint')));

  // Who signed a request is settled in onRequest, before Fastify reads the body.
  const heads = new WeakMap<FastifyRequest, AuthenticatedHead>();
  const signedHead = async (req: FastifyRequest): Promise<void> => {
    heads.set(req, await authenticateHeaders(store, { method: req.method, url: req.url, headers: req.headers }, now(), window));
  };
  const signed = (req: FastifyRequest): AuthenticatedHead => {
    const head = heads.get(req)!;
    checkSignedBody(head, req.body instanceof Uint8Array ? req.body : undefined);
    return head;
  };

  app.get('/v1/health', async (_req, reply) => {
    try {
      await store.ping();
    } catch {
      return reply.code(503).header('retry-after', retryAfter).send({ status: 'unavailable', store: store.kind } satisfies HealthResponse);
    }
    return { status: 'ok', store: store.kind } satisfies HealthResponse;
  });

  app.get('/v1/version', async () => {
    const key = await currentKey();
    return { name: 'eid-terminal-registry', version: REGISTRY_VERSION, protocol: PROTOCOL_VERSION, registryKeyId: key.keyId, registryKey: toBase64(key.publicKey) } satisfies VersionResponse;
  });

  // Public keys and revocations, so signed verification results verify online or, saved, offline.
  app.get('/v1/terminal-keys', async (_req, reply) => {
    const terminals = await store.listTerminals();
    const set = terminalKeySet(terminals.map((t) => ({ terminalId: t.id, name: t.name, spkiDer: fromBase64(t.publicKey), enrolledAt: t.enrolledAt, revokedAt: t.revokedAt })), now());
    return reply.header('cache-control', 'no-cache').send(set satisfies TerminalKeySet);
  });

  app.post('/v1/enrolments', async (req, reply) => {
    const parsed = EnrolRequestSchema.safeParse(parseJson(req.body));
    if (!parsed.success) throw new HttpProblem(400, 'BAD_REQUEST', 'Expected {code, publicKey, name?}');
    const key = await currentKey();
    const terminal = await redeemEnrolmentCode(store, parsed.data.code, parsed.data.publicKey, parsed.data.name, now());
    return reply.code(201).send({ terminalId: terminal.id, registryKey: toBase64(key.publicKey), registryKeyId: key.keyId } satisfies EnrolResponse);
  });

  app.post('/v1/records', { onRequest: signedHead, bodyLimit: MAX_BODY_BYTES }, async (req) => {
    const { terminal } = signed(req);
    const parsed = RecordBatchSchema.safeParse(parseJson(req.body));
    if (!parsed.success) throw new HttpProblem(400, 'BAD_REQUEST', 'Expected {terminalNow, records[1..1000]}');
    const receivedAt = now();
    const { clockSkewMs, results } = await ingestBatch(store, terminal.id, parsed.data.records, parsed.data.terminalNow, receivedAt, { maxClockSkewMs, personal });
    return { receivedAt: receivedAt.toISOString(), clockSkewMs, results } satisfies BatchResponse;
  });

  // A record's face match, after the record (registry/face-match-ingest.ts); answered per face match like records.
  app.post('/v1/face-matches', { onRequest: signedHead, bodyLimit: MAX_BODY_BYTES }, async (req) => {
    const { terminal } = signed(req);
    const parsed = FaceMatchBatchSchema.safeParse(parseJson(req.body));
    if (!parsed.success) throw new HttpProblem(400, 'BAD_REQUEST', 'Expected {terminalNow, faceMatches[1..1000]}');
    const receivedAt = now();
    const results = await ingestFaceMatches(store, terminal.id, parsed.data.faceMatches, receivedAt);
    return { receivedAt: receivedAt.toISOString(), clockSkewMs: Date.parse(parsed.data.terminalNow) - receivedAt.getTime(), results } satisfies BatchResponse;
  });

  app.post('/v1/chain-heads', { onRequest: signedHead }, async (req) => {
    const { terminal } = signed(req);
    const parsed = ChainHeadReportSchema.safeParse(parseJson(req.body));
    if (!parsed.success) throw new HttpProblem(400, 'BAD_REQUEST', 'Expected {head, signature}');
    return (await receiveChainHead(store, terminal, parsed.data, now())) satisfies ChainHeadAnswer;
  });

  app.get('/v1/trust-list', { onRequest: signedHead }, async (req, reply) => {
    signed(req);
    const list = await store.latestTrustList();
    if (!list) throw new HttpProblem(404, 'NO_TRUST_LIST', 'No trust list has been published yet');
    reply.header('etag', list.etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === list.etag) return reply.code(304).send();
    return reply.type('application/jose').send(list.jws);
  });

  return app;
}
