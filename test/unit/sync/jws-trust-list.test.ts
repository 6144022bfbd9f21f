import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signJws, verifyJws } from '../../../core/sync/jws.ts';
import { acceptTrustList, currentTrustList, verifyTrustList } from '../../../core/sync/trust-list.ts';
import { TRUST_LIST_FORMAT, TRUST_LIST_JWS_TYPE } from '../../../core/sync/protocol.ts';
import { generateEd25519KeyPair } from '../../../core/crypto/node-crypto.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { isEidError } from '../../../core/errors.ts';
import { MemoryKv } from '../../../fixtures/sync/memory-outbox.ts';

const registry = generateEd25519KeyPair();
const header = { alg: 'EdDSA', typ: TRUST_LIST_JWS_TYPE, kid: 'k1' } as const;

function bundle(version: number, key = registry.privateKeyDer, extra: Record<string, unknown> = {}): string {
  const list = { format: TRUST_LIST_FORMAT, version, issuedAt: '2026-11-27T00:00:00.000Z', cscas: ['MAA='], crls: [], ...extra };
  return signJws(header, utf8(JSON.stringify(list)), key);
}

test('a compact JWS verifies and returns its payload; any changed part fails', () => {
  const jws = signJws(header, utf8('hello'), registry.privateKeyDer);
  assert.equal(new TextDecoder().decode(verifyJws(jws, registry.spkiDer, TRUST_LIST_JWS_TYPE).payload), 'hello');
  const [h, p, s] = jws.split('.');
  const bad = (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID');
  assert.throws(() => verifyJws(`${h}.${p}x.${s}`, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(`${h}.${p}`, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(jws, generateEd25519KeyPair().spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(jws, registry.spkiDer, 'other+jws'), bad);
  const none = signJws({ ...header, alg: 'none' as 'EdDSA' }, utf8('x'), registry.privateKeyDer);
  assert.throws(() => verifyJws(none, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws('!!.??.**', registry.spkiDer, TRUST_LIST_JWS_TYPE), (e: unknown) => isEidError(e));
});

test('a new trust list replaces the current one only after it verifies, and never with an older version', () => {
  const kv = new MemoryKv();
  const v2 = acceptTrustList(kv, bundle(2), '"e2"', registry.spkiDer);
  assert.equal(v2.version, 2);
  assert.deepEqual(v2.cscas, [new Uint8Array([0x30, 0])]);
  // Signed by someone else: refused, the current list stays.
  assert.throws(() => acceptTrustList(kv, bundle(3, generateEd25519KeyPair().privateKeyDer), '"e3"', registry.spkiDer),
    (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID'));
  assert.equal(currentTrustList(kv)?.version, 2);
  // Properly signed but older: a rollback, refused.
  assert.throws(() => acceptTrustList(kv, bundle(1), '"e1"', registry.spkiDer), (e: unknown) => isEidError(e, 'TRUST_LIST_ROLLBACK'));
  assert.equal(currentTrustList(kv)?.etag, '"e2"');
  // Signed but not our format.
  assert.throws(() => verifyTrustList(bundle(4, registry.privateKeyDer, { format: 'x' }), registry.spkiDer), (e: unknown) => isEidError(e, 'TRUST_LIST_INVALID'));
  acceptTrustList(kv, bundle(5), '"e5"', registry.spkiDer);
  assert.equal(currentTrustList(kv)?.version, 5);
});
