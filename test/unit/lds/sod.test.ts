import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeLdsSecurityObject, parseLdsSecurityObject, parseSod } from '../../../core/lds/sod.ts';
import { hash } from '../../../core/crypto/node-crypto.ts';
import { toHex } from '../../../core/bytes/hex.ts';
import { tlv } from '../../../core/bytes/tlv.ts';
import { isEidError } from '../../../core/errors.ts';
import type { DataGroupNumber } from '../../../core/lds/files.ts';
import { realData, SOD_COUNTRIES } from '../../../fixtures/index.ts';

const countries = SOD_COUNTRIES;

test('real SODs of ten states: LDSSecurityObject with known hash algorithm and DG1/DG2 hashes', () => {
  assert.ok(countries.length >= 10);
  for (const country of countries) {
    const bytes = realData(`sod/${country}/SOD`);
    const sod = parseSod(bytes);
    assert.ok(sod.hashName, `${country}: hash algorithm ${sod.hashAlgorithm.oid} known`);
    const size = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 }[sod.hashName!];
    assert.ok(sod.dataGroupHashes.has(1) && sod.dataGroupHashes.has(2), `${country}: DG1 and DG2 hashed`);
    for (const [dg, h] of sod.dataGroupHashes) assert.equal(h.length, size, `${country} DG${dg} hash length`);
    assert.equal(sod.raw, bytes);
    assert.equal(sod.signedData.signerInfos.length, 1, country);
  }
});

test('LDSSecurityObject encode → parse (v0 and v1)', () => {
  const hashes = new Map<DataGroupNumber, Uint8Array>([[13, hash('sha256', Uint8Array.of(13))], [1, hash('sha256', Uint8Array.of(1))]]);
  const v0 = parseLdsSecurityObject(encodeLdsSecurityObject('sha256', hashes));
  assert.equal(v0.version, 0);
  assert.equal(v0.hashName, 'sha256');
  assert.deepEqual([...v0.dataGroupHashes.keys()], [1, 13]);
  assert.equal(toHex(v0.dataGroupHashes.get(13)!), toHex(hashes.get(13)!));
  const v1 = parseLdsSecurityObject(encodeLdsSecurityObject('sha384', hashes, { ldsVersion: '0108', unicodeVersion: '040000' }));
  assert.equal(v1.version, 1);
  assert.equal(v1.ldsVersion, '0108');
  assert.equal(v1.unicodeVersion, '040000');
});

test('SOD with a wrong tag, truncated, or wrong content is LDS_MALFORMED naming SOD', () => {
  const bytes = realData('sod/FR/SOD');
  const isSodError = (e: unknown): boolean => isEidError(e, 'LDS_MALFORMED') && /SOD/.test((e as Error).message);
  assert.throws(() => parseSod(bytes.subarray(0, bytes.length - 1)), isSodError);
  assert.throws(() => parseSod(Uint8Array.of(0x30, ...bytes.subarray(1))), isSodError);
  assert.throws(() => parseSod(tlv(0x77, Uint8Array.of(0x30, 0x00))), isSodError);
  // CardSecurity is SignedData too, but not an LDSSecurityObject.
  const cardSecurity = realData('sod/DE/CardSecurity');
  assert.throws(() => parseSod(tlv(0x77, cardSecurity)), isSodError);
});

test('EF.CardSecurity (DE, FI): signed SecurityInfos with PACE and CA infos', async () => {
  const { parseCardSecurity, paceInfos } = await import('../../../core/lds/card-access.ts');
  for (const country of ['DE', 'FI']) {
    const cs = parseCardSecurity(realData(`sod/${country}/CardSecurity`));
    assert.ok(paceInfos(cs.securityInfos).length >= 1, `${country} has PACEInfo`);
    assert.ok(cs.securityInfos.some((i) => i.type === 'ChipAuthenticationPublicKeyInfo'), `${country} has a CA public key`);
  }
});
