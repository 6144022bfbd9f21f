import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signJws, verifyJws } from '../../../core/registry-protocol/jws.ts';
import { signTrustList, verifyTrustList } from '../../../core/registry-protocol/signed-trust-list.ts';
import { TRUST_LIST_JWS_TYPE } from '../../../core/registry-protocol/messages.ts';
import { fromBase64Url } from '../../../core/bytes/base64.ts';
import { generateEd25519KeyPair } from '../../../core/crypto/node-crypto.ts';
import { testSigner } from '../../helpers/trust-list-signer.ts';
import { fromUtf8, utf8 } from '../../../core/bytes/bytes.ts';
import { isEidError } from '../../../core/errors.ts';

const key = testSigner();
const registry = { spkiDer: key.publicKey };
const header = { alg: 'EdDSA', typ: TRUST_LIST_JWS_TYPE, kid: key.keyId } as const;
const sign = (input: Uint8Array) => key.sign(input);

test('a compact JWS verifies and returns its payload; any changed part fails', () => {
  const jws = signJws(header, utf8('hello'), sign);
  assert.equal(new TextDecoder().decode(verifyJws(jws, registry.spkiDer, TRUST_LIST_JWS_TYPE).payload), 'hello');
  const [h, p, s] = jws.split('.');
  const bad = (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID');
  assert.throws(() => verifyJws(`${h}.${p}x.${s}`, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(`${h}.${p}`, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(jws, generateEd25519KeyPair().spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws(jws, registry.spkiDer, 'other+jws'), bad);
  const none = signJws({ ...header, alg: 'none' as 'EdDSA' }, utf8('x'), sign);
  assert.throws(() => verifyJws(none, registry.spkiDer, TRUST_LIST_JWS_TYPE), bad);
  assert.throws(() => verifyJws('!!.??.**', registry.spkiDer, TRUST_LIST_JWS_TYPE), (e: unknown) => isEidError(e));
});

test('the registry signs a trust list the terminal verifies with the pinned key, in the eid-trust-list/1 format', () => {
  const contents = { version: 2, issuedAt: '2026-11-27T00:00:00.000Z', cscas: [new Uint8Array([0x30, 0])], crls: [new Uint8Array([0x30, 1, 2])] };
  const jws = signTrustList(contents, key);
  const [h, p] = jws.split('.') as [string, string];
  assert.deepEqual(JSON.parse(fromUtf8(fromBase64Url(h))), header);
  assert.equal(fromUtf8(fromBase64Url(p)), '{"format":"eid-trust-list/1","version":2,"issuedAt":"2026-11-27T00:00:00.000Z","cscas":["MAA="],"crls":["MAEC"]}');
  assert.deepEqual(verifyTrustList(jws, registry.spkiDer), { ...contents, signedBy: key.publicKey });
  assert.throws(() => verifyTrustList(jws, generateEd25519KeyPair().spkiDer), (e: unknown) => isEidError(e, 'TRUST_LIST_SIGNATURE_INVALID'));
});

test('a properly signed payload that is not a trust list is refused as TRUST_LIST_INVALID', () => {
  for (const payload of ['not json', '{"format":"x","version":1,"issuedAt":"","cscas":[],"crls":[]}', '{"format":"eid-trust-list/1","version":0,"issuedAt":"","cscas":[],"crls":[]}']) {
    assert.throws(() => verifyTrustList(signJws(header, utf8(payload), sign), registry.spkiDer), (e: unknown) => isEidError(e, 'TRUST_LIST_INVALID'), payload);
  }
});
