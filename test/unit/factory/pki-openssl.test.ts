/**
 * The factory's certificates, CRLs and SODs checked by an independent implementation: OpenSSL.
 * Skipped only when the openssl binary is missing (CI installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testKey, type KeySpec } from '../../../core/chip/factory/keys.ts';
import { createCrl, createCsca, createDocumentSigner, createLinkCertificate } from '../../../core/chip/factory/pki.ts';
import { writeSodCms } from '../../../core/chip/factory/sod-writer.ts';
import { children, expectTlv } from '../../../core/bytes/tlv.ts';
import { toPem } from '../../../core/chip/factory/x509-writer.ts';
import { opensslSkip } from '../../helpers/openssl.ts';


const validity = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2044-01-01T00:00:00Z') };
const dsValidity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2036-01-01T00:00:00Z') };

function openssl(dir: string, args: string[]): string {
  return execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function makeDocument(cscaSpec: KeySpec, dsSpec: KeySpec, seed: string) {
  const csca = createCsca({ country: 'VN', organization: 'Test Factory', commonName: `CSCA ${seed}` }, testKey(cscaSpec, `csca-${seed}`), 1n, validity);
  const ds = createDocumentSigner(csca, { country: 'VN', organization: 'Test Factory', commonName: `DS ${seed}` }, testKey(dsSpec, `ds-${seed}`), 2n, dsValidity);
  const dataGroups = new Map([[1, Uint8Array.of(0x61, 0x01, 0x00)], [2, Uint8Array.of(0x75, 0x01, 0x01)]]);
  const cms = writeSodCms({ dataGroups, hash: ds.hash, signer: ds, issuerName: csca.name, signingTime: dsValidity.notBefore });
  return { csca, ds, cms };
}

for (const [label, cscaSpec, dsSpec] of [
  ['ECDSA P-256', { kind: 'ec', curve: 'P-256' }, { kind: 'ec', curve: 'P-256' }],
  ['RSA PKCS#1', { kind: 'rsa', bits: 2048 }, { kind: 'rsa', bits: 2048 }],
  ['P-384 CSCA over RSA-PSS DS', { kind: 'ec', curve: 'P-384' }, { kind: 'rsa', bits: 2048, pss: true }],
] as const) {
  test(`openssl verifies an ${label} SOD and its chain to the CSCA`, { skip: opensslSkip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sod-'));
    try {
      const { csca, cms } = makeDocument(cscaSpec, dsSpec, label.replace(/\W/g, ''));
      writeFileSync(join(dir, 'sod.der'), cms);
      writeFileSync(join(dir, 'csca.pem'), toPem('CERTIFICATE', csca.der));
      const out = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', 'sod.der', '-CAfile', 'csca.pem', '-purpose', 'any', '-out', 'content.der'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(out.length, 0);
      // A one-bit change to the signed content must make openssl refuse it.
      const broken = Uint8Array.from(cms);
      const at = broken.length - 40;
      broken[at]! ^= 0x01;
      writeFileSync(join(dir, 'bad.der'), broken);
      assert.throws(() => openssl(dir, ['cms', '-verify', '-inform', 'DER', '-in', 'bad.der', '-CAfile', 'csca.pem', '-purpose', 'any']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('brainpool keys with explicit parameters sign certificates openssl accepts', { skip: opensslSkip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-'));
  try {
    for (const curve of ['brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1'] as const) {
      const { csca, ds } = makeDocument({ kind: 'ec', curve }, { kind: 'ec', curve }, curve);
      writeFileSync(join(dir, 'csca.pem'), toPem('CERTIFICATE', csca.der));
      writeFileSync(join(dir, 'ds.pem'), toPem('CERTIFICATE', ds.der));
      const text = openssl(dir, ['x509', '-in', 'csca.pem', '-noout', '-text']);
      assert.match(text, /Field Type: prime-field/, `${curve} SPKI carries explicit parameters`);
      // OpenSSL's path verifier refuses explicit-parameter keys by design, so check the DS
      // certificate's signature directly: tbsCertificate + signature under the CSCA public key.
      const [tbs, , sig] = children(expectTlv(ds.der, 0x30));
      writeFileSync(join(dir, 'tbs.der'), tbs!.raw);
      writeFileSync(join(dir, 'sig.der'), sig!.value.subarray(1));
      openssl(dir, ['x509', '-in', 'csca.pem', '-pubkey', '-noout', '-out', 'csca-pub.pem']);
      const digest = curve === 'brainpoolP512r1' ? '-sha512' : curve === 'brainpoolP384r1' ? '-sha384' : '-sha256';
      assert.match(openssl(dir, ['dgst', digest, '-verify', 'csca-pub.pem', '-signature', 'sig.der', 'tbs.der']), /Verified OK/);
      const tampered = Uint8Array.from(tbs!.raw);
      tampered[tampered.length - 5]! ^= 1;
      writeFileSync(join(dir, 'tbs.der'), tampered);
      assert.throws(() => openssl(dir, ['dgst', digest, '-verify', 'csca-pub.pem', '-signature', 'sig.der', 'tbs.der']));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('link certificate and CRL verify under openssl', { skip: opensslSkip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-'));
  try {
    const oldCsca = createCsca({ country: 'VN', commonName: 'CSCA old' }, testKey({ kind: 'ec', curve: 'P-384' }, 'old'), 1n, validity);
    const newCsca = createCsca({ country: 'VN', commonName: 'CSCA new' }, testKey({ kind: 'ec', curve: 'P-384' }, 'new'), 2n, validity);
    const link = createLinkCertificate(oldCsca, newCsca, 3n, validity);
    writeFileSync(join(dir, 'old.pem'), toPem('CERTIFICATE', oldCsca.der));
    writeFileSync(join(dir, 'link.pem'), toPem('CERTIFICATE', link));
    assert.match(openssl(dir, ['verify', '-CAfile', 'old.pem', '-partial_chain', 'link.pem']), /link.pem: OK/);
    const crl = createCrl(oldCsca, [{ serial: 77n, revokedAt: new Date('2025-06-01T00:00:00Z') }], { thisUpdate: new Date('2025-06-01T00:00:00Z'), nextUpdate: new Date('2045-01-01T00:00:00Z') });
    writeFileSync(join(dir, 'crl.pem'), toPem('X509 CRL', crl));
    const text = openssl(dir, ['crl', '-in', 'crl.pem', '-CAfile', 'old.pem', '-noout', '-text']);
    assert.match(text, /Serial Number: 4D/);
    assert.doesNotThrow(() => openssl(dir, ['crl', '-in', 'crl.pem', '-CAfile', 'old.pem', '-noout']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
