import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENESIS_HASH, canonicalJson, chainHash, verifyChainLink } from '../../../core/registry-protocol/record-chain.ts';
import { isEidError } from '../../../core/errors.ts';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { recordHash } from '../../../core/store/chain.ts';
import { hash } from '../../../core/crypto/node-crypto.ts';
import { concat, utf8 } from '../../../core/bytes/bytes.ts';

test('canonical JSON sorts keys at every depth, drops undefined members and has no white space', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, 'x', null, true], c: undefined, b: 2 } }), '{"a":{"b":2,"d":[1,"x",null,true]},"b":1}');
});

test('canonical JSON uses ECMAScript number and string serialisation (RFC 8785)', () => {
  assert.equal(canonicalJson([1.0, 1e21, 0.000001, -0, 'é\u2028"']), '[1,1e+21,0.000001,0,"é\u2028\\""]');
  assert.equal(canonicalJson({ '\u00e9': 1, z: 2, 'A': 3 }), '{"A":3,"z":2,"é":1}');
});

test('canonical JSON refuses what JSON cannot carry and overly deep nesting, with a typed error', () => {
  for (const bad of [Number.NaN, Infinity, () => 1, 10n, Symbol('s'), [undefined]]) {
    assert.throws(() => canonicalJson({ x: bad }), (e: unknown) => isEidError(e, 'RECORD_NOT_CANONICAL'));
  }
  let deep: unknown = 1;
  for (let i = 0; i < 40; i++) deep = [deep];
  assert.throws(() => canonicalJson(deep), (e: unknown) => isEidError(e, 'RECORD_NOT_CANONICAL'));
});

test('the chain link is SHA-256 over the previous hash bytes and the canonical record without its hash', () => {
  const record = { seq: 0, id: 'a', prevHash: GENESIS_HASH, verdict: 'VERIFIED' };
  const expected = toHex(hash('sha256', concat(new Uint8Array(32), utf8('{"id":"a","prevHash":"' + GENESIS_HASH + '","seq":0,"verdict":"VERIFIED"}')))).toLowerCase();
  assert.equal(chainHash(GENESIS_HASH, record), expected);
  assert.equal(chainHash(GENESIS_HASH, { ...record, hash: 'ignored' }), expected);
  assert.equal(verifyChainLink({ ...record, hash: expected }), true);
  assert.equal(verifyChainLink({ ...record, verdict: 'FAILED', hash: expected }), false);
  assert.equal(verifyChainLink({ ...record, hash: expected.toUpperCase() }), false);
  assert.throws(() => chainHash('abc', record), (e: unknown) => isEidError(e, 'RECORD_NOT_CANONICAL'));
});

test('a string with a lone surrogate is not I-JSON, so RFC 8785 refuses it', () => {
  assert.throws(() => canonicalJson({ operator: 'Lan \ud800' }), (e: unknown) => isEidError(e, 'RECORD_NOT_CANONICAL'));
  assert.equal(canonicalJson({ operator: 'Lan \ud83d\ude00' }), '{"operator":"Lan \ud83d\ude00"}');
});

test('both chains hash as they did before canonicalize was adopted (vectors from the hand-written serialiser)', () => {
  const payload = { id: 'r1', seq: 0, n: [1.5, 1e21, -0, 0.000001], s: 'é\u2028"', nested: { b: 1, a: null, c: undefined } };
  assert.equal(chainHash(GENESIS_HASH, payload), '449d52f5018c75f6521c22508726eb78bb7891fb0bde6991af18bf8548c41124');
  const row = {
    seq: 7, id: '0190f1d2-7c3a-7b4e-8a1f-3c2d1e0f9a8b', created_at: '2026-03-01T08:00:00.000Z', terminal_id: 'term-1', operator: 'Lan Nguyễn',
    purpose: 'bank-kyc', document_type: 'ID', issuing_state: 'VNM', verdict: 'VERIFIED', details: '{"warnings":[],"checks":{"sod":"PASS"},"note":"é\u2028\\"x"}',
    csca_id: null, ds_id: 'ds-1', retain_until: '2031-03-01T08:00:00.000Z', personal_hash: new Uint8Array(32).fill(0xab),
  };
  assert.equal(toHex(recordHash(fromHex(GENESIS_HASH), row)).toLowerCase(), '38409aca326865e4595c5c16cfde0d69364c2c4445ae3bf5e43c8e4ed3911e83');
});
