/**
 * The signed chain head: the face-match chain's end is optional (older terminals' reports still
 * validate) and, when present, covered by the signature as the registry checks it, after parsing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChainHeadSchema, signChainHead, verifyChainHead, type ChainHead } from '../../../core/registry-protocol/chain-head.ts';
import { GENESIS_HASH } from '../../../core/registry-protocol/record-chain.ts';
import { generateTerminalKey } from '../../../core/registry-protocol/terminal-key.ts';

const oldHead = { terminalId: 't-1', seq: 4, recordId: 'r-4', hash: 'a'.repeat(64), auditSeq: 9, auditMac: 'b'.repeat(64), at: '2026-04-01T08:00:00.000Z' };
const newHead = { ...oldHead, faceMatchSeq: 3, faceMatchMac: 'c'.repeat(64) };

/** As the registry sees a head: parsed from the wire, then verified. */
const verifiesAsReceived = (head: unknown, signature: Uint8Array, spki: Uint8Array): boolean => verifyChainHead(ChainHeadSchema.parse(head), signature, spki);

test('an old-format head without the face-match end still validates and verifies', () => {
  const key = generateTerminalKey();
  assert.equal(verifiesAsReceived(oldHead, signChainHead(oldHead, key), key.spkiDer), true);
});

test('the signature covers the face-match end: the head verifies as received, and changing either field fails', () => {
  for (const alg of ['ed25519', 'ecdsa-p256-sha256'] as const) {
    const key = generateTerminalKey(alg);
    const signature = signChainHead(newHead as ChainHead, key);
    assert.equal(verifiesAsReceived(newHead, signature, key.spkiDer), true, alg);
    assert.equal(verifiesAsReceived({ ...newHead, faceMatchSeq: 2 }, signature, key.spkiDer), false, alg);
    assert.equal(verifiesAsReceived({ ...newHead, faceMatchMac: 'd'.repeat(64) }, signature, key.spkiDer), false, alg);
    assert.equal(verifiesAsReceived(oldHead, signature, key.spkiDer), false, `${alg}: the fields cannot be dropped`);
  }
});

test('a face-match end is both fields or neither, well formed', () => {
  for (const bad of [
    { ...oldHead, faceMatchSeq: 3 }, { ...oldHead, faceMatchMac: GENESIS_HASH },
    { ...newHead, faceMatchSeq: -1 }, { ...newHead, faceMatchMac: 'C'.repeat(64) },
  ]) assert.equal(ChainHeadSchema.safeParse(bad).success, false, JSON.stringify(bad));
});
