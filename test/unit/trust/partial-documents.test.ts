/**
 * Documents with files missing (issue 13 point 4) and SODs typed id-data (point 2): what is there
 * is verified, what needs DG1 is SKIPPED, the verdict is NOT_VERIFIED (FAILED only on evidence),
 * and a warning says which files were missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { warning } from '../../../core/messages/message.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocumentWithDetails } from '../../../core/trust/verify-document.ts';
import { readDumpFolder } from '../../../core/trust/dump-folder.ts';
import { fixtureBytes, fixturePath } from '../../../fixtures/index.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const doc = buildDocument('icao-td3-passport', null);

function verify(names: readonly string[], change?: (files: Map<string, Uint8Array>) => void) {
  const files = new Map([...doc.files].filter(([name]) => names.includes(name)));
  change?.(files);
  const store = new TrustStore();
  for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
  return verifyDocumentWithDetails(files, store, { now: NOW }).result;
}

test('the SOD alone: signature, chain and revocation checked; no hash to check; NOT_VERIFIED decided by the missing DG1', () => {
  const result = verify(['SOD']);
  assert.equal(result.verdict, 'NOT_VERIFIED');
  assert.equal(result.decidedBy, 'documentExpiry');
  assert.equal(result.checks.sodSignature.status, 'PASS');
  assert.equal(result.checks.certificateChain.status, 'PASS');
  assert.equal(result.checks.revocation.status, 'UNKNOWN');
  assert.deepEqual(result.checks.dataGroupHashes, { status: 'SKIPPED', failed: [], reason: { code: 'NO_DATA_GROUP', params: {} } });
  assert.deepEqual(result.checks.documentExpiry, { status: 'SKIPPED', reason: { code: 'DG1_MISSING', params: {} } });
  assert.deepEqual(result.checks.consistency, { status: 'SKIPPED', reason: { code: 'DG1_MISSING', params: {} } });
  assert.equal(result.document, null);
  const listed = [...doc.files.keys()].filter((n) => /^DG\d+$/.test(n)).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  assert.deepEqual(result.warnings.find((w) => w.code === 'FILES_MISSING'), warning('FILES_MISSING', { files: listed.join(', ') }));
});

test('the SOD and some data groups: their hashes are checked; the warning names only what is missing', () => {
  const result = verify(['SOD', 'DG2', 'DG14']);
  assert.equal(result.verdict, 'NOT_VERIFIED');
  assert.equal(result.checks.dataGroupHashes.status, 'PASS');
  assert.deepEqual(result.warnings.find((w) => w.code === 'FILES_MISSING'), warning('FILES_MISSING', { files: 'DG1, DG11, DG12' }));
});

test('without DG1, a data group that does not match the SOD is still FAILED', () => {
  const result = verify(['SOD', 'DG2'], (files) => {
    const dg2 = Uint8Array.from(files.get('DG2')!);
    dg2[dg2.length - 40] = dg2[dg2.length - 40]! ^ 0x5a;
    files.set('DG2', dg2);
  });
  assert.equal(result.verdict, 'FAILED');
  assert.equal(result.decidedBy, 'dataGroupHashes');
  assert.deepEqual(result.checks.dataGroupHashes.reason, { code: 'DG_HASH_MISMATCH', params: { dataGroups: 'DG2' } });
});

test('neither SOD nor DG1: MISSING and SKIPPED, NOT_VERIFIED, both named missing', () => {
  const result = verify(['DG2']);
  assert.equal(result.verdict, 'NOT_VERIFIED');
  assert.equal(result.decidedBy, 'sodSignature');
  assert.equal(result.checks.sodSignature.status, 'MISSING');
  assert.deepEqual(result.warnings.find((w) => w.code === 'FILES_MISSING'), warning('FILES_MISSING', { files: 'DG1, SOD' }));
});

test('an id-data SOD is read as an LDS security object: hashes checked, a warning says so', () => {
  const store = new TrustStore();
  loadTrustBytes(store, fixtureBytes('corpus', 'trust', 'UTO-CSCA-A.cer'), 'UTO-CSCA-A.cer', NOW);
  const { result } = verifyDocumentWithDetails(readDumpFolder(fixturePath('corpus', 'cases', 'uto-id-data')), store, { now: new Date('2026-06-01T00:00:00Z') });
  assert.equal(result.verdict, 'VERIFIED');
  assert.equal(result.checks.dataGroupHashes.status, 'PASS');
  assert.ok(result.warnings.some((w) => w.code === 'ID_DATA_CONTENT_TYPE'));
  const plain = verifyDocumentWithDetails(doc.files, store, { now: NOW }).result;
  assert.ok(!plain.warnings.some((w) => w.code === 'ID_DATA_CONTENT_TYPE'));
});
