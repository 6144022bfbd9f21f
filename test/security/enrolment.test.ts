/**
 * Issue 15, row 4: enrolment pins the registry's key, so it must not be done in clear across a
 * network (https is required except to loopback), and the key must be the administrator's: its
 * fingerprint is shown and can be confirmed with `--expect-fingerprint` before the one-time code
 * is sent, as SSH does on first contact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { toBase64 } from '../../core/bytes/base64.ts';
import { generateEd25519KeyPair } from '../../core/crypto/node-crypto.ts';
import { isEidError } from '../../core/errors.ts';
import { enrolTerminal } from '../../core/sync/enrolment.ts';
import { loadIdentity } from '../../core/sync/identity.ts';
import type { FetchLike } from '../../core/sync/registry-client.ts';
import { registryKeyFingerprint } from '../../core/registry-protocol/registry-key.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { startRegistry } from '../../registry/start.ts';
import { main } from '../../cli/main.ts';
import { MemoryKv } from '../../fixtures/sync/memory-outbox.ts';
import { tempDir } from '../unit/store/fixtures.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

/** A registry impersonated in-process (no traffic leaves the test): answers version and enrolment with its own key. */
function impersonator(versionKey: Uint8Array, enrolKey = versionKey): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return {
    calls,
    fetch: async (url) => {
      calls.push(url);
      if (url.endsWith('/v1/version')) return json({ name: 'x', version: '1', protocol: 1, registryKeyId: 'k', registryKey: toBase64(versionKey) });
      return json({ terminalId: 't-evil', registryKey: toBase64(enrolKey), registryKeyId: 'k' }, 201);
    },
  };
}

test('row 4: enrolling over http to a host that is not loopback is refused before anything is sent', async () => {
  const attacker = generateEd25519KeyPair().spkiDer;
  for (const url of ['http://registry.example.vn', 'http://10.1.2.3:8080', 'http://[2001:db8::1]/']) {
    const fake = impersonator(attacker);
    const kv = new MemoryKv();
    await assert.rejects(enrolTerminal(kv, url, 'AAAA-BBBB-CCCC-DDDD', { fetch: fake.fetch }), (e) => isEidError(e, 'REGISTRY_URL_INSECURE'), url);
    assert.deepEqual(fake.calls, [], `${url}: nothing sent`);
    assert.equal(loadIdentity(kv), undefined);
  }
  for (const url of ['https://registry.example.vn', 'http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080']) {
    const identity = await enrolTerminal(new MemoryKv(), url, 'AAAA-BBBB-CCCC-DDDD', { fetch: impersonator(attacker).fetch });
    assert.equal(identity.terminalId, 't-evil', url);
  }
});

test('row 4: a registry whose key is not the expected fingerprint gets no code; an enrolment answer with another key is refused', async () => {
  const real = generateEd25519KeyPair().spkiDer;
  const attacker = generateEd25519KeyPair().spkiDer;
  const fake = impersonator(attacker);
  const kv = new MemoryKv();
  await assert.rejects(enrolTerminal(kv, 'https://registry.example.vn', 'AAAA-BBBB-CCCC-DDDD', { fetch: fake.fetch, expectFingerprint: registryKeyFingerprint(real) }),
    (e) => isEidError(e, 'REGISTRY_FINGERPRINT_MISMATCH'));
  assert.deepEqual(fake.calls.map((u) => new URL(u).pathname), ['/v1/version'], 'the code was never sent');
  assert.equal(loadIdentity(kv), undefined);
  // Version shows one key, the enrolment answer pins another: refused.
  await assert.rejects(enrolTerminal(kv, 'https://registry.example.vn', 'AAAA-BBBB-CCCC-DDDD', { fetch: impersonator(real, attacker).fetch }),
    (e) => isEidError(e, 'REGISTRY_KEY_CHANGED'));
  assert.equal(loadIdentity(kv), undefined);
});

test('row 4: the CLI shows the fingerprint the administrator reads out (`registry key`), and --expect-fingerprint confirms it', async () => {
  const registryDir = tempDir();
  const terminalDir = tempDir();
  const registry = await startRegistry({ dataDir: registryDir, port: 0 });
  try {
    const admin = await captureOutput(() => main(['registry', 'key', '--json', '--data-dir', registryDir]));
    assert.equal(admin.code, 0, admin.err);
    const { fingerprint } = JSON.parse(admin.out) as { fingerprint: string };
    assert.match(fingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
    const { code } = await createEnrolmentCode(registry.store, new Date());
    const wrong = await captureOutput(() => main(['enrol', registry.url, code, '--expect-fingerprint', registryKeyFingerprint(generateEd25519KeyPair().spkiDer), '--json', '--data-dir', terminalDir]));
    assert.equal(JSON.parse(wrong.out).error.code, 'REGISTRY_FINGERPRINT_MISMATCH');
    const right = await captureOutput(() => main(['enrol', registry.url, code, '--expect-fingerprint', fingerprint, '--data-dir', terminalDir]));
    assert.equal(right.code, 0, right.err);
    assert.ok(right.out.includes(fingerprint), 'the fingerprint is shown');
  } finally {
    await registry.close();
    rmSync(registryDir, { recursive: true, force: true });
    rmSync(terminalDir, { recursive: true, force: true });
  }
});
