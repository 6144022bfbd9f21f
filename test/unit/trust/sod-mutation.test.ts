/**
 * Every single-byte change of a SOD is handled: passive authentication never throws, and a change
 * inside the signed content, the signed attributes or the signature never passes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { parseSignedData } from '../../../core/asn1/cms.ts';
import { passiveAuthentication } from '../../../core/trust/passive-auth.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { csca, DATA_GROUPS, documentSigner, NOW, sodFor } from './pki-fixtures.ts';

test('single-byte mutations of a SOD: no exception, no pass when signed bytes change', () => {
  const root = csca('mutation-root');
  const sod = sodFor(documentSigner(root, 'mutation'), root);
  const store = new TrustStore();
  store.addCertificate(parseCertificate(root.der), 'test');
  const sd = parseSignedData(sod);
  const signer = sd.signerInfos[0]!;
  const ranges = [sd.eContent!, signer.signedAttrsRaw!, signer.signature].map((v) => [v.byteOffset - sod.byteOffset, v.byteOffset - sod.byteOffset + v.length] as const);
  const inSigned = (i: number): boolean => ranges.some(([a, b]) => i >= a && i < b);
  let signedPositions = 0;
  for (let i = 0; i < sod.length; i++) {
    const bad = Uint8Array.from(sod);
    bad[i] = bad[i]! ^ (i % 2 ? 0x01 : 0x80);
    const pa = passiveAuthentication(bad, DATA_GROUPS, store, NOW);
    const allPass = pa.signature.status === 'PASS' && pa.chain.status === 'PASS' && pa.dataGroupHashes.status === 'PASS';
    if (inSigned(i)) {
      signedPositions++;
      assert.equal(allPass, false, `byte ${i} changed inside signed data but passive authentication passed`);
    }
  }
  assert.ok(signedPositions > 100);
});
