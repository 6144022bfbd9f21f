/**
 * Issue 15, row 1 (key rotation): `registry rotate-key` replaces the trust-list key; the old key
 * signs a hand-over to the new one, the hand-overs travel in the trust list's header, and a
 * terminal moves its pin along them, from the key it pinned, one signed step at a time. After it
 * moved, a list signed by the old key is refused; a hand-over not signed by a key the terminal
 * trusts moves nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testSigner } from '../helpers/trust-list-signer.ts';
import { equal } from '../../core/bytes/bytes.ts';
import { isEidError } from '../../core/errors.ts';
import { signRotation, type KeyRotation } from '../../core/registry-protocol/key-rotation.ts';
import { registryKeyId } from '../../core/registry-protocol/registry-key.ts';
import { signTrustList, verifyTrustList } from '../../core/registry-protocol/signed-trust-list.ts';
import { acceptTrustList, currentTrustList } from '../../core/sync/trust-list.ts';
import { loadIdentity } from '../../core/sync/identity.ts';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { startRegistry } from '../../registry/start.ts';
import { main } from '../../cli/main.ts';
import { MemoryKv } from '../../fixtures/sync/memory-outbox.ts';
import { enrolTestTerminal, tempDir } from '../integration/registry/registry-harness.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

const key = () => testSigner();

const contents = (version: number) => ({ version, issuedAt: '2026-12-01T00:00:00.000Z', cscas: [Uint8Array.of(0x30, 0)], crls: [] });

test('a terminal pinned to K1 follows K1 -> K2 -> K3 to a list signed by K3, and only along signed hand-overs', () => {
  const [k1, k2, k3, evil] = [key(), key(), key(), key()];
  const rotations: KeyRotation[] = [signRotation(k1, k2.publicKey), signRotation(k2, k3.publicKey)];
  const list = verifyTrustList(signTrustList(contents(3), k3, rotations), k1.publicKey);
  assert.ok(equal(list.signedBy, k3.publicKey));
  assert.ok(equal(verifyTrustList(signTrustList(contents(3), k3, rotations), k2.publicKey).signedBy, k3.publicKey), 'from a later pin too');
  const invalid = (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID');
  // A hand-over signed by a key the terminal never trusted.
  assert.throws(() => verifyTrustList(signTrustList(contents(3), evil, [signRotation(k3, evil.publicKey)]), k1.publicKey), invalid);
  // A hand-over from K1 whose signature is not K1's.
  const forged: KeyRotation = { ...signRotation(evil, evil.publicKey), previous: k1.publicKey };
  assert.throws(() => verifyTrustList(signTrustList(contents(3), evil, [forged]), k1.publicKey), invalid);
  // The list itself signed by another key than the chain ends with.
  assert.throws(() => verifyTrustList(signTrustList(contents(3), k2, rotations), k1.publicKey), invalid);
});

test('once the pin moved to the new key, a list signed by the old key is refused', () => {
  const [k1, k2] = [key(), key()];
  const kv = new MemoryKv();
  kv.set('sync.identity', JSON.stringify({ registryUrl: 'https://r', terminalId: 't-1', keyAlg: 'ed25519', privateKey: '', registryKey: Buffer.from(k1.publicKey).toString('base64'), registryKeyId: k1.keyId }));
  acceptTrustList(kv, signTrustList(contents(1), k1), '"1"', k1.publicKey);
  const moved = acceptTrustList(kv, signTrustList(contents(2), k2, [signRotation(k1, k2.publicKey)]), '"2"', k1.publicKey);
  assert.ok(equal(moved.signedBy, k2.publicKey));
  assert.ok(equal(loadIdentity(kv)!.registryKey, k2.publicKey), 'the identity pins the new key');
  assert.equal(loadIdentity(kv)!.registryKeyId, k2.keyId);
  assert.throws(() => acceptTrustList(kv, signTrustList(contents(3), k1), '"3"', loadIdentity(kv)!.registryKey), (e) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID'));
  assert.equal(currentTrustList(kv)?.version, 2);
});

test('`registry rotate-key`: the next list is signed by the new key, and an enrolled terminal moves over on its next sync', async () => {
  const dir = tempDir('eid-sec-rotate-');
  const registry = await startRegistry({ dataDir: dir.path, port: 0 });
  try {
    const csca = join(dir.path, 'csca.der');
    writeFileSync(csca, buildDocument('cccd-2021').trust.cscas[0]!);
    assert.equal((await captureOutput(() => main(['registry', 'trust-publish', csca, '--data-dir', dir.path]))).code, 0);
    const term = await enrolTestTerminal(registry);
    const before = term.identity.registryKey;
    const worker = term.worker();
    assert.equal((await worker.syncOnce(true)).trustList, 'updated');

    const rotated = await captureOutput(() => main(['registry', 'rotate-key', '--json', '--data-dir', dir.path]));
    assert.equal(rotated.code, 0, rotated.err);
    const out = JSON.parse(rotated.out) as { keyId: string; previousKeyId: string; trustListVersion: number };
    assert.equal(out.previousKeyId, registryKeyId(before));
    assert.equal(out.trustListVersion, 2);

    assert.equal((await worker.syncOnce(true)).trustList, 'updated');
    assert.equal(currentTrustList(term.kv)?.version, 2);
    assert.equal(loadIdentity(term.kv)!.registryKeyId, out.keyId);
    const version = (await (await fetch(`${registry.url}/v1/version`)).json()) as { registryKeyId: string };
    assert.equal(version.registryKeyId, out.keyId, 'new enrolments pin the new key');
  } finally {
    await registry.close();
    dir.remove();
  }
});
