/**
 * Issue 13 point 1: the chain is judged when each certificate was used, never at the verification
 * date. Every combination of document, DS and CSCA valid or expired at the verification date, with
 * the SOD signed inside the DS validity, before it began or after it ended, and without a
 * signingTime: expiry by the verification date is never FAILED; signing outside the DS validity is.
 * Documents are made with the factory's writers (core/chip/factory).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeDg1 } from '../../../core/lds/dg1.ts';
import { writeTd3 } from '../../../core/chip/factory/mrz-writer.ts';
import { writeSod } from '../../../core/chip/factory/sod-writer.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocumentWithDetails } from '../../../core/trust/verify-document.ts';
import { csca, documentSigner } from './pki-fixtures.ts';

const AT = new Date('2031-06-01T00:00:00Z');
const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** The certificate or document ends before AT (expired) or after it (valid). */
const end = (expired: boolean): Date => (expired ? date('2031-01-01') : date('2033-01-01'));

function dg1(expiry: Date): Uint8Array {
  const yymmdd = expiry.toISOString().slice(2, 10).replace(/-/g, '');
  return encodeDg1(writeTd3({
    documentCode: 'P', issuingState: 'UTO', documentNumber: 'L898902C3', dateOfBirth: '740812', sex: 'F', dateOfExpiry: yymmdd,
    nationality: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA<MARIA',
  }));
}

type Signing = 'inside' | 'before' | 'after' | 'no signingTime';
const DS_FROM = date('2024-01-01');
const SIGNED: Record<Signing, Date | null> = { inside: date('2024-02-01'), before: date('2023-12-01'), after: null, 'no signingTime': null };

function verify(documentExpired: boolean, dsExpired: boolean, cscaExpired: boolean, signing: Signing) {
  const label = `${documentExpired}-${dsExpired}-${cscaExpired}-${signing}`;
  const root = csca(`tos-${cscaExpired}`, { kind: 'ec', curve: 'P-256' }, 'Time CSCA', { notBefore: date('2020-01-01'), notAfter: end(cscaExpired) });
  // "after": the DS had ended (2025) before the SOD was signed (2026); its later lapse is beside the point.
  const dsUntil = signing === 'after' ? date('2025-01-01') : end(dsExpired);
  const ds = documentSigner(root, `tos-${label}`, 0x77n, { notBefore: DS_FROM, notAfter: dsUntil });
  const groups = new Map([[1, dg1(end(documentExpired))]]);
  const signingTime = signing === 'after' ? date('2026-03-01') : SIGNED[signing];
  const sod = writeSod({ dataGroups: groups, hash: 'sha256', signer: ds, issuerName: root.name, signingTime });
  const store = new TrustStore();
  loadTrustBytes(store, root.der, 'time CSCA', AT);
  return verifyDocumentWithDetails(new Map([['DG1', groups.get(1)!], ['SOD', sod]]), store, { now: AT }).result;
}

for (const documentExpired of [false, true]) {
  for (const dsExpired of [false, true]) {
    for (const cscaExpired of [false, true]) {
      const state = `document ${documentExpired ? 'expired' : 'valid'}, DS ${dsExpired ? 'expired' : 'valid'}, CSCA ${cscaExpired ? 'expired' : 'valid'} at the verification date`;
      for (const signing of ['inside', 'no signingTime'] as const) {
        test(`${state}, signed ${signing === 'inside' ? 'while the DS was valid' : 'without signingTime'}: never FAILED`, () => {
          const result = verify(documentExpired, dsExpired, cscaExpired, signing);
          assert.equal(result.checks.certificateChain.status, 'PASS', JSON.stringify(result.checks.certificateChain));
          assert.equal(result.checks.sodSignature.status, 'PASS');
          assert.equal(result.checks.dataGroupHashes.status, 'PASS');
          assert.equal(result.verdict, documentExpired ? 'NOT_VERIFIED' : 'VERIFIED');
          assert.equal(result.decidedBy, documentExpired ? 'documentExpiry' : null);
          assert.deepEqual(result.checks.documentExpiry.reason, documentExpired ? { code: 'PAST_EXPIRY_DATE', params: {} } : null);
          assert.equal(result.warnings.some((w) => w.code === 'CERTIFICATE_EXPIRED_SINCE_SIGNING'), dsExpired || cscaExpired);
        });
      }
      for (const signing of ['before', 'after'] as const) {
        test(`${state}, signed ${signing === 'before' ? 'before the DS became valid' : 'after the DS had expired'}: FAILED (DS_NOT_VALID_WHEN_SIGNED)`, () => {
          const result = verify(documentExpired, dsExpired, cscaExpired, signing);
          assert.equal(result.verdict, 'FAILED');
          assert.equal(result.decidedBy, 'certificateChain');
          assert.equal(result.checks.certificateChain.status, 'FAIL');
          assert.equal(result.checks.certificateChain.reason?.code, 'DS_NOT_VALID_WHEN_SIGNED');
          assert.equal(result.checks.certificateChain.reason?.params.basis, 'signingTime');
        });
      }
    }
  }
}
