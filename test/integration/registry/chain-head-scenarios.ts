/**
 * Signed chain heads with and without the face-match chain's end, run once per registry store
 * (SQLite and PostgreSQL): an older terminal's head is accepted as before, the face-match end is
 * kept with the head, and a face-match chain that ends earlier than reported is HEAD_REGRESSION.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningRegistry } from '../../../registry/start.ts';
import { GENESIS_HASH } from '../../../core/registry-protocol/record-chain.ts';
import { enrolTestTerminal } from './registry-harness.ts';

export function chainHeadScenarios(label: string, registry: () => RunningRegistry): void {
  test(`${label}: an old-format head is accepted; a face-match chain that went backwards is flagged`, async () => {
    const term = await enrolTestTerminal(registry(), 'heads');
    const client = term.client();
    const base = { seq: -1, recordId: null, hash: GENESIS_HASH, auditSeq: 2, auditMac: 'a'.repeat(64), at: new Date().toISOString() };
    assert.deepEqual((await client.reportHead(base)).flags, [], 'a head without the face-match end, as older terminals send it');
    assert.deepEqual((await client.reportHead({ ...base, faceMatchSeq: 3, faceMatchMac: 'b'.repeat(64) })).flags, []);
    const kept = await registry().store.withTerminalLock(term.identity.terminalId, (tx) => tx.lastHead(term.identity.terminalId));
    assert.deepEqual([kept?.faceMatchSeq, kept?.faceMatchMac], [3, 'b'.repeat(64)]);
    assert.deepEqual((await client.reportHead({ ...base, faceMatchSeq: 2, faceMatchMac: 'c'.repeat(64) })).flags, ['HEAD_REGRESSION']);
    assert.deepEqual((await client.reportHead({ ...base, faceMatchSeq: 2, faceMatchMac: 'd'.repeat(64) })).flags, ['HEAD_FORK']);
    // A head that drops the face-match end once reported (older software run on the data) would hide a cut.
    assert.deepEqual((await client.reportHead(base)).flags, ['HEAD_REGRESSION']);
    const flags = await registry().store.listFlags(term.identity.terminalId);
    assert.deepEqual(flags.map((f) => [f.kind, f.detail.replace(/ on .*/, '')]), [
      ['HEAD_REGRESSION', 'face-match chain ends at 2, reported 3'],
      ['HEAD_FORK', 'face match 2 differs from the one reported'],
      ['HEAD_REGRESSION', 'face-match chain left out, reported ending at 2'],
    ]);
  });
}
