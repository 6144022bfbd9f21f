/**
 * Issue 15, rows 8 and 9: the registry reads no body before it knows who sends it, keeps
 * unauthenticated bodies small, and judges each record of a batch on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { utf8 } from '../../core/bytes/bytes.ts';
import { toBase64Url } from '../../core/bytes/base64.ts';
import { randomBytes } from '../../core/crypto/node-crypto.ts';
import { signRequest } from '../../core/registry-protocol/http-signature.ts';
import { SqliteRegistryStore } from '../../registry/store/sqlite-store.ts';
import type { RunningRegistry } from '../../registry/start.ts';
import { makeRecords } from '../../fixtures/sync/memory-outbox.ts';
import { enrolTestTerminal, start, type TestTerminal } from '../integration/registry/registry-harness.ts';

let registry: RunningRegistry;
test.before(async () => {
  registry = await start(new SqliteRegistryStore(':memory:'));
});
test.after(async () => {
  await registry.close();
  await registry.store.close();
});

/**
 * Sends the headers of a request that announces `declared` body bytes, then only `sent` of them,
 * and waits for an answer. A registry that reads the body first never answers (the rest never
 * comes); one that checks the headers first answers at once.
 */
function answerBeforeBody(path: string, headers: Record<string, string>, declared: number, sent: number): Promise<{ status: number; code: string } | 'no answer'> {
  const url = new URL(registry.url);
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': String(declared), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, 5000);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text || '{}') as { error?: { code: string } }).error?.code ?? '' });
      });
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(sent, 0x20));
  });
}

test('row 8: an unsigned 16 MB batch is refused from its headers, before its body is read', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, () => answerBeforeBody('/v1/records', {}, 16 * 1024 * 1024, 1024)));
  assert.deepEqual(answers, Array(8).fill({ status: 401, code: 'SIGNATURE_MISSING' }));
});

test('row 8: a batch signed with a key id no terminal has is refused before its body is read', async () => {
  const headers = signRequest({ method: 'POST', url: '/v1/records', body: utf8('{}') },
    { keyId: 't-nobody', created: Math.floor(Date.now() / 1000), nonce: toBase64Url(randomBytes(16)) },
    { alg: 'ed25519', privateKey: (await enrolTestTerminal(registry)).identity.privateKey });
  assert.deepEqual(await answerBeforeBody('/v1/records', { ...headers }, 16 * 1024 * 1024, 1024), { status: 401, code: 'UNKNOWN_TERMINAL' });
});

test('row 8: an unauthenticated request body (enrolment) is limited to a few kilobytes', async () => {
  const res = await fetch(`${registry.url}/v1/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'x'.repeat(100_000) }) });
  assert.equal(res.status, 413);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
});

/** Signs and sends a batch body given as text (a 200,000-deep record cannot be JSON.stringified). */
async function pushRaw(term: TestTerminal, body: string): Promise<{ status: number; json: unknown }> {
  const bytes = utf8(body);
  const headers = signRequest({ method: 'POST', url: '/v1/records', body: bytes },
    { keyId: term.identity.terminalId, created: Math.floor(Date.now() / 1000), nonce: toBase64Url(randomBytes(16)) },
    { alg: term.identity.keyAlg, privateKey: term.identity.privateKey });
  const res = await fetch(`${registry.url}/v1/records`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: new Uint8Array(bytes) });
  return { status: res.status, json: await res.json() };
}

test('row 9: one record nested 200,000 levels deep is rejected alone; the rest of the batch is stored', async () => {
  const term = await enrolTestTerminal(registry);
  const [first, second] = makeRecords(2);
  const depth = 200_000;
  const deep = `{"id":"deep-1","seq":7,"terminalTime":"${new Date().toISOString()}","prevHash":"${'0'.repeat(64)}","hash":"${'1'.repeat(64)}","x":${'{"d":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  const body = `{"terminalNow":"${new Date().toISOString()}","records":[${JSON.stringify(first)},${deep},${JSON.stringify(second)}]}`;
  const { status, json } = await pushRaw(term, body);
  assert.equal(status, 200, JSON.stringify(json));
  const results = (json as { results: { id: string; status: string; reason?: string }[] }).results;
  assert.deepEqual(results.map((r) => r.reason ?? r.status), ['stored', 'RECORD_NOT_CANONICAL', 'stored']);
  assert.equal(results[1]!.id, 'deep-1');
});

test('row 10: an enrolment whose name carries control characters is refused', async () => {
  const { createEnrolmentCode } = await import('../../registry/enrolment-codes.ts');
  const { code } = await createEnrolmentCode(registry.store, new Date());
  const publicKey = 'MCowBQYDK2VwAyEA' + 'A'.repeat(43) + '=';
  const res = await fetch(`${registry.url}/v1/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, publicKey, name: 'counter \u001b[2J' }) });
  assert.equal(res.status, 400);
});
