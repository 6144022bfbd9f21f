/**
 * Signed verification results: made with jose, checked by `eid-terminal result verify` against the
 * registry's published terminal keys (a saved file or the registry itself), and independently by
 * the terminal-key code (node:crypto for Ed25519, @noble/curves for P-256) over the JWS signing
 * input. A changed byte fails; a revoked terminal and an unknown key are told apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ascii } from '../../../core/bytes/bytes.ts';
import { fromBase64Url } from '../../../core/bytes/base64.ts';
import { checkSignedResult, signResult, type SignedResultClaims } from '../../../core/registry-protocol/signed-result.ts';
import { generateTerminalKey, verifyWithSpki, type TerminalKeyAlg } from '../../../core/registry-protocol/terminal-key.ts';
import { spkiOfJwk, terminalKeySet, TerminalKeySetSchema } from '../../../core/registry-protocol/terminal-key-set.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { MemoryKv } from '../../../fixtures/sync/memory-outbox.ts';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import { startRegistry } from '../../../registry/start.ts';
import { runCliAsync } from '../../helpers/cli-process.ts';

const CLAIMS: SignedResultClaims = {
  iss: 'T-1', iat: 1_750_000_000, jti: 'session-1', recordId: 'rec-1', verifiedAt: '2025-06-15T08:00:00.000Z', terminalName: 'Quầy 3',
  operator: 'lan', purpose: 'bank', verdict: 'VERIFIED', reasons: [], documentType: 'ID', issuingState: 'VNM',
  fields: { idNumber: '001099012345', fullName: 'Nguyễn Văn An' }, photoSha256: null, idNumberMatch: true,
};

function entry(terminalId: string, spkiDer: Uint8Array, revokedAt: string | null = null) {
  return { terminalId, name: 'Quầy 3', spkiDer, enrolledAt: '2025-01-01T00:00:00.000Z', revokedAt };
}

/** Flips one character of part `index` (0 header, 1 payload, 2 signature) of a compact JWS. */
function changed(jws: string, index: number): string {
  const parts = jws.split('.');
  const p = parts[index]!;
  const at = Math.floor(p.length / 2);
  parts[index] = `${p.slice(0, at)}${p[at] === 'A' ? 'B' : 'A'}${p.slice(at + 1)}`;
  return parts.join('.');
}

for (const alg of ['ed25519', 'ecdsa-p256-sha256'] as TerminalKeyAlg[]) {
  test(`${alg}: a signed result verifies with jose and independently; a changed byte fails`, async () => {
    const key = generateTerminalKey(alg);
    const jws = await signResult({ terminalId: 'T-1', alg, privateKey: key.privateKey }, CLAIMS);
    const set = terminalKeySet([entry('T-1', key.spkiDer)], new Date());
    TerminalKeySetSchema.parse(set);
    const check = await checkSignedResult(jws, set);
    assert.equal(check.status, 'valid');
    assert.deepEqual(check.status === 'valid' && check.claims, CLAIMS);
    // Independent of jose: the SPKI rebuilt from the published JWK, and the terminal-key verifier.
    const spki = spkiOfJwk(set.keys[0]!);
    assert.deepEqual(spki, key.spkiDer);
    const [h, p, s] = jws.split('.') as [string, string, string];
    assert.equal(verifyWithSpki(spki, alg, ascii(`${h}.${p}`), fromBase64Url(s)), true);
    for (const part of [0, 1, 2]) {
      const bad = changed(jws, part);
      assert.notEqual((await checkSignedResult(bad, set)).status, 'valid', `part ${part}`);
      const [bh, bp, bs] = bad.split('.') as [string, string, string];
      assert.equal(verifyWithSpki(spki, alg, ascii(`${bh}.${bp}`), fromBase64Url(bs)), false, `independent, part ${part}`);
    }
  });
}

test('a revoked terminal, an unknown key and a key of another terminal are reported as such', async () => {
  const key = generateTerminalKey('ed25519');
  const other = generateTerminalKey('ed25519');
  const jws = await signResult({ terminalId: 'T-1', alg: 'ed25519', privateKey: key.privateKey }, CLAIMS);
  const revoked = await checkSignedResult(jws, terminalKeySet([entry('T-1', key.spkiDer, '2025-07-01T00:00:00.000Z')], new Date()));
  assert.equal(revoked.status, 'revoked');
  assert.deepEqual(await checkSignedResult(jws, terminalKeySet([entry('T-2', key.spkiDer)], new Date())), { status: 'unknown-key', terminalId: 'T-1' });
  assert.equal((await checkSignedResult(jws, terminalKeySet([entry('T-1', other.spkiDer)], new Date()))).status, 'invalid');
  assert.equal((await checkSignedResult('not a jws', terminalKeySet([], new Date()))).status, 'invalid');
});

test('eid-terminal result verify checks against the registry\'s key set, saved or fetched; a revoked terminal is told', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-result-'));
  const registry = await startRegistry({ dataDir: join(dir, 'registry') });
  const { store, url } = registry;
  try {
    const kv = new MemoryKv();
    const { code } = await createEnrolmentCode(store, new Date());
    const identity = await enrolTerminal(kv, url, code);
    const jws = await signResult({ terminalId: identity.terminalId, alg: identity.keyAlg, privateKey: identity.privateKey }, { ...CLAIMS, iss: identity.terminalId });
    const published = await (await fetch(`${url}/v1/terminal-keys`)).json();
    const set = TerminalKeySetSchema.parse(published);
    assert.equal(set.keys[0]!.kid, identity.terminalId);
    assert.equal(set.keys[0]!.revokedAt, null);
    const keysFile = join(dir, 'keys.json');
    const resultFile = join(dir, 'result.jws');
    writeFileSync(keysFile, JSON.stringify(published));
    writeFileSync(resultFile, `${jws}\n`);

    const offline = await runCliAsync(['result', 'verify', resultFile, '--keys', keysFile]);
    assert.equal(offline.status, 0, offline.stderr);
    assert.match(offline.stdout, /^valid: VERIFIED by terminal /);
    const piped = await runCliAsync(['result', 'verify', '-', '--registry', url, '--json'], { input: jws });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(JSON.parse(piped.stdout).status, 'valid');

    writeFileSync(resultFile, changed(jws, 1));
    const tampered = await runCliAsync(['result', 'verify', resultFile, '--keys', keysFile]);
    assert.equal(tampered.status, 1);
    assert.match(tampered.stdout, /^invalid: /);

    assert.ok(await store.revokeTerminal(identity.terminalId, new Date().toISOString()));
    const afterRevocation = await runCliAsync(['result', 'verify', '-', '--registry', url], { input: jws });
    assert.equal(afterRevocation.status, 1);
    assert.match(afterRevocation.stdout, /^revoked terminal: /);
  } finally {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
