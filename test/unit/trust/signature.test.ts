import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySignature } from '../../../core/trust/signature.ts';
import { parseAlgorithmIdentifier } from '../../../core/asn1/algorithms.ts';
import type { SubjectPublicKeyInfo } from '../../../core/asn1/x509.ts';
import { readTlv } from '../../../core/bytes/tlv.ts';
import { bitString, oid, sequence } from '../../../core/bytes/der.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { isEidError } from '../../../core/errors.ts';
import { testKey } from '../../../core/chip/factory/keys.ts';

/** SubjectPublicKeyInfo from its DER: AlgorithmIdentifier then BIT STRING. */
function spkiOf(der: Uint8Array): SubjectPublicKeyInfo {
  const outer = readTlv(der);
  const algTlv = readTlv(outer.value, 0);
  const keyTlv = readTlv(outer.value, algTlv.end);
  return { raw: der, algorithm: parseAlgorithmIdentifier(algTlv, 'alg'), publicKey: keyTlv.value.subarray(1) };
}

const DATA = utf8('signed bytes');

test('ECDSA: named-curve and explicit-parameter keys of the same point both verify; a changed byte does not', () => {
  const named = testKey({ kind: 'ec', curve: 'brainpoolP384r1', explicitParameters: false }, 'sig');
  const explicit = testKey({ kind: 'ec', curve: 'brainpoolP384r1', explicitParameters: true }, 'sig');
  const sig = named.sign(DATA, 'sha384');
  const alg = parseAlgorithmIdentifier(readTlv(named.signatureAlgorithm('sha384')), 'alg');
  assert.equal(verifySignature(spkiOf(named.spkiDer), alg, DATA, sig), true);
  assert.equal(verifySignature(spkiOf(explicit.spkiDer), alg, DATA, sig), true);
  assert.equal(verifySignature(spkiOf(explicit.spkiDer), alg, utf8('signed bytez'), sig), false);
});

test('RSA-PSS: also with an id-RSASSA-PSS SubjectPublicKeyInfo', () => {
  const key = testKey({ kind: 'rsa', bits: 2048, pss: true }, 'sig-pss');
  const sig = key.sign(DATA, 'sha256');
  const alg = parseAlgorithmIdentifier(readTlv(key.signatureAlgorithm('sha256')), 'alg');
  const spki = spkiOf(key.spkiDer);
  assert.equal(verifySignature(spki, alg, DATA, sig), true);
  const pssSpkiDer = sequence(sequence(oid('1.2.840.113549.1.1.10')), bitString(spki.publicKey));
  assert.equal(verifySignature(spkiOf(pssSpkiDer), alg, DATA, sig), true);
  // PKCS#1 v1.5 verification of a PSS signature fails.
  const pkcs1 = parseAlgorithmIdentifier(readTlv(sequence(oid('1.2.840.113549.1.1.11'))), 'alg');
  assert.equal(verifySignature(spki, pkcs1, DATA, sig), false);
});

test('a key of the wrong type gives false; an unknown algorithm gives UNSUPPORTED_ALGORITHM', () => {
  const ec = testKey({ kind: 'ec', curve: 'P-256' }, 'sig-wrong');
  const rsaAlg = parseAlgorithmIdentifier(readTlv(sequence(oid('1.2.840.113549.1.1.11'))), 'alg');
  assert.equal(verifySignature(spkiOf(ec.spkiDer), rsaAlg, DATA, new Uint8Array(256)), false);
  const unknown = parseAlgorithmIdentifier(readTlv(sequence(oid('1.3.101.112'))), 'alg');
  assert.throws(() => verifySignature(spkiOf(ec.spkiDer), unknown, DATA, new Uint8Array(64)), (e) => isEidError(e, 'UNSUPPORTED_ALGORITHM'));
});
