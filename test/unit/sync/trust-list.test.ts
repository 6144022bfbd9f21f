import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signTrustList } from '../../../core/registry-protocol/signed-trust-list.ts';
import { acceptTrustList, currentTrustList } from '../../../core/sync/trust-list.ts';
import { testSigner } from '../../helpers/trust-list-signer.ts';
import { isEidError } from '../../../core/errors.ts';
import { MemoryKv } from '../../../fixtures/sync/memory-outbox.ts';

const signer = testSigner();
const registry = { spkiDer: signer.publicKey };

function bundle(version: number, key = signer): string {
  return signTrustList({ version, issuedAt: '2026-11-27T00:00:00.000Z', cscas: [new Uint8Array([0x30, 0])], crls: [] }, key);
}

test('a new trust list replaces the current one only after it verifies, and never with an older version', () => {
  const kv = new MemoryKv();
  const v2 = acceptTrustList(kv, bundle(2), '"e2"', registry.spkiDer);
  assert.equal(v2.version, 2);
  assert.deepEqual(v2.cscas, [new Uint8Array([0x30, 0])]);
  // Signed by someone else: refused, the current list stays.
  assert.throws(() => acceptTrustList(kv, bundle(3, testSigner()), '"e3"', registry.spkiDer),
    (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID'));
  assert.equal(currentTrustList(kv)?.version, 2);
  // Properly signed but older: a rollback, refused.
  assert.throws(() => acceptTrustList(kv, bundle(1), '"e1"', registry.spkiDer), (e: unknown) => isEidError(e, 'TRUST_LIST_ROLLBACK'));
  assert.equal(currentTrustList(kv)?.etag, '"e2"');
  acceptTrustList(kv, bundle(5), '"e5"', registry.spkiDer);
  assert.equal(currentTrustList(kv)?.version, 5);
});
