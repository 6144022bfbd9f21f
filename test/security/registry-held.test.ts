/**
 * What held in issue 15 and must keep holding, at the registry's HTTP door: unsigned, replayed,
 * skewed, swapped body/digest/query, relabelled algorithm, a GET signature reused on a POST, all
 * 401; one enrolment code under 20 concurrent redemptions enrols exactly one terminal; a revoked
 * terminal 403; a 17 MB body 413; malformed JSON 400. (The same guarantees through the client and
 * both stores: test/integration/registry/scenarios.ts; the index: test/security/README.md.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8 } from '../../core/bytes/bytes.ts';
import { toBase64Url } from '../../core/bytes/base64.ts';
import { randomBytes } from '../../core/crypto/node-crypto.ts';
import { signRequest } from '../../core/registry-protocol/http-signature.ts';
import { generateTerminalKey } from '../../core/registry-protocol/terminal-key.ts';
import { toBase64 } from '../../core/bytes/base64.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { SqliteRegistryStore } from '../../registry/store/sqlite-store.ts';
import type { RunningRegistry } from '../../registry/start.ts';
import { makeRecords } from '../../fixtures/sync/memory-outbox.ts';
import { enrolTestTerminal, start, type TestTerminal } from '../integration/registry/registry-harness.ts';

let registry: RunningRegistry;
let term: TestTerminal;
test.before(async () => {
  registry = await start(new SqliteRegistryStore(':memory:'));
  term = await enrolTestTerminal(registry);
});
test.after(async () => {
  await registry.close();
  await registry.store.close();
});

interface Signed {
  readonly method: string;
  readonly url: string;
  readonly body?: Uint8Array;
  readonly headers: Record<string, string>;
}

function sign(method: string, url: string, body: Uint8Array | undefined, createdOffsetS = 0): Signed {
  const headers = signRequest({ method, url, body }, {
    keyId: term.identity.terminalId, created: Math.floor(Date.now() / 1000) + createdOffsetS, nonce: toBase64Url(randomBytes(16)),
  }, { alg: term.identity.keyAlg, privateKey: term.identity.privateKey });
  return { method, url, ...(body ? { body } : {}), headers: { ...headers, 'content-type': 'application/json' } };
}

async function send(r: Signed): Promise<{ status: number; code: string }> {
  const res = await fetch(registry.url + r.url, { method: r.method, headers: r.headers, ...(r.body ? { body: new Uint8Array(r.body) } : {}) });
  const text = await res.text();
  return { status: res.status, code: text ? ((JSON.parse(text) as { error?: { code: string } }).error?.code ?? 'OK') : 'OK' };
}

const batch = () => utf8(JSON.stringify({ terminalNow: new Date().toISOString(), records: makeRecords(1) }));

test('what held: a signed batch is stored; the same request again is a replay', async () => {
  const r = sign('POST', '/v1/records', batch());
  assert.deepEqual(await send(r), { status: 200, code: 'OK' });
  assert.deepEqual(await send(r), { status: 401, code: 'REPLAYED_REQUEST' });
});

test('what held: unsigned, skewed, swapped body, swapped digest, swapped query, relabelled algorithm, GET signature on a POST: 401', async () => {
  const body = batch();
  const unsigned = { method: 'POST', url: '/v1/records', body, headers: { 'content-type': 'application/json' } };
  assert.deepEqual(await send(unsigned), { status: 401, code: 'SIGNATURE_MISSING' });
  assert.deepEqual(await send(sign('POST', '/v1/records', body, -600)), { status: 401, code: 'CLOCK_SKEW' });
  assert.deepEqual(await send({ ...sign('POST', '/v1/records', body), body: batch() }), { status: 401, code: 'SIGNATURE_INVALID' });
  const swapped = sign('POST', '/v1/records', body);
  const otherDigest = sign('POST', '/v1/records', batch()).headers['content-digest']!;
  assert.deepEqual(await send({ ...swapped, headers: { ...swapped.headers, 'content-digest': otherDigest } }), { status: 401, code: 'SIGNATURE_INVALID' });
  const query = sign('POST', '/v1/records?batch=1', body);
  assert.deepEqual(await send({ ...query, url: '/v1/records?batch=2' }), { status: 401, code: 'SIGNATURE_INVALID' });
  const relabelled = sign('POST', '/v1/records', body);
  assert.deepEqual(await send({ ...relabelled, headers: { ...relabelled.headers, 'signature-input': relabelled.headers['signature-input']!.replace('alg="ed25519"', 'alg="ecdsa-p256-sha256"') } }),
    { status: 401, code: 'SIGNATURE_INVALID' });
  const get = sign('GET', '/v1/trust-list', undefined);
  assert.deepEqual(await send({ ...get, method: 'POST', url: '/v1/records' }), { status: 401, code: 'SIGNATURE_INVALID' });
});

test('what held: a signed 17 MB body is refused 413; malformed JSON 400', async () => {
  assert.equal((await send(sign('POST', '/v1/records', new Uint8Array(17 * 1024 * 1024).fill(0x20)))).status, 413);
  assert.deepEqual(await send(sign('POST', '/v1/records', utf8('{"terminalNow":'))), { status: 400, code: 'BAD_REQUEST' });
});

test('what held: a revoked terminal is refused 403', async () => {
  const revoked = await enrolTestTerminal(registry, 'revoked counter');
  await registry.store.revokeTerminal(revoked.identity.terminalId, new Date().toISOString());
  const headers = signRequest({ method: 'GET', url: '/v1/trust-list' }, { keyId: revoked.identity.terminalId, created: Math.floor(Date.now() / 1000), nonce: toBase64Url(randomBytes(16)) },
    { alg: revoked.identity.keyAlg, privateKey: revoked.identity.privateKey });
  assert.deepEqual(await send({ method: 'GET', url: '/v1/trust-list', headers: { ...headers } }), { status: 403, code: 'TERMINAL_REVOKED' });
});

test('what held: one enrolment code redeemed 20 times at once enrols exactly one terminal', async () => {
  const { code } = await createEnrolmentCode(registry.store, new Date());
  const before = (await registry.store.listTerminals()).length;
  const answers = await Promise.all(Array.from({ length: 20 }, async () => {
    const res = await fetch(`${registry.url}/v1/enrolments`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: toBase64(generateTerminalKey().spkiDer) }),
    });
    return res.status;
  }));
  assert.deepEqual(answers.sort(), [201, ...Array(19).fill(403)]);
  assert.equal((await registry.store.listTerminals()).length, before + 1);
});
