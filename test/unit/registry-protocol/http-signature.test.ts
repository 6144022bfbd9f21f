import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSignature, signRequest, signatureBase, verifyRequestSignature } from '../../../core/registry-protocol/http-signature.ts';
import { contentDigest, contentDigestMatches } from '../../../core/registry-protocol/content-digest.ts';
import { generateEd25519KeyPair } from '../../../core/crypto/node-crypto.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { fromHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';

const keys = generateEd25519KeyPair();
const params = { keyId: 't-123', created: 1_800_000_000, nonce: 'bm9uY2Utbm9uY2U' };
const body = utf8('{"records":[]}');
const req = { method: 'post', url: '/v1/records?x=1', body };

function sign() {
  return signRequest(req, params, { alg: 'ed25519', privateKey: keys.privateKeyDer });
}

test('Content-Digest is the RFC 9530 sha-256 form', () => {
  // RFC 9530 appendix example: {"hello": "world"}
  assert.equal(contentDigest(utf8('{"hello": "world"}')), 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
});

test('the signature base lists the covered components then @signature-params (RFC 9421 section 2.5)', () => {
  const h = sign();
  const parsed = parseSignature(h['signature-input'], h.signature);
  assert.equal(signatureBase(req, parsed.components, parsed.paramsText, h['content-digest']), [
    '"@method": POST',
    '"@path": /v1/records',
    '"@query": ?x=1',
    `"content-digest": ${h['content-digest']}`,
    `"@signature-params": ("@method" "@path" "@query" "content-digest");created=1800000000;nonce="bm9uY2Utbm9uY2U";keyid="t-123";alg="ed25519"`,
  ].join('\n'));
});

test('a signed request verifies with the terminal key, and parameters come back as sent', () => {
  const h = sign();
  const parsed = parseSignature(h['signature-input'], h.signature);
  assert.equal(parsed.keyId, 't-123');
  assert.equal(parsed.created, 1_800_000_000);
  assert.equal(parsed.nonce, params.nonce);
  verifyRequestSignature(req, h['content-digest'], parsed, keys.spkiDer);
});

test('changing the body, method, path, query or key makes verification fail with SIGNATURE_INVALID', () => {
  const h = sign();
  const parsed = parseSignature(h['signature-input'], h.signature);
  const invalid = (e: unknown) => isEidError(e, 'SIGNATURE_INVALID');
  assert.throws(() => verifyRequestSignature({ ...req, body: utf8('{"records":[1]}') }, h['content-digest'], parsed, keys.spkiDer), invalid);
  assert.throws(() => verifyRequestSignature({ ...req, method: 'PUT' }, h['content-digest'], parsed, keys.spkiDer), invalid);
  assert.throws(() => verifyRequestSignature({ ...req, url: '/v1/other?x=1' }, h['content-digest'], parsed, keys.spkiDer), invalid);
  assert.throws(() => verifyRequestSignature({ ...req, url: '/v1/records?x=2' }, h['content-digest'], parsed, keys.spkiDer), invalid);
  assert.throws(() => verifyRequestSignature(req, h['content-digest'], parsed, generateEd25519KeyPair().spkiDer), invalid);
  // The body and its digest both replaced: the digest is consistent but the signature covers the old one.
  const other = utf8('{"records":[2]}');
  assert.throws(() => verifyRequestSignature({ ...req, body: other }, contentDigest(other), parsed, keys.spkiDer), invalid);
});

test('a signature that leaves out a required component is refused', () => {
  const h = sign();
  const stripped = h['signature-input'].replace(' "content-digest"', '');
  const parsed = parseSignature(stripped, h.signature);
  assert.throws(() => verifyRequestSignature(req, h['content-digest'], parsed, keys.spkiDer), /content-digest not covered/);
});

test('missing or malformed signature headers give typed errors, never a crash', () => {
  assert.throws(() => parseSignature(undefined, undefined), (e: unknown) => isEidError(e, 'SIGNATURE_MISSING'));
  const h = sign();
  const hostile: [string, string][] = [
    ['', h.signature], [h['signature-input'], ''], ['sig2=("@method");created=1;nonce="abcdefgh";keyid="k";alg="ed25519"', h.signature],
    [h['signature-input'].replace(';alg="ed25519"', ''), h.signature], [h['signature-input'].replace('"@path"', '"@path";req'), h.signature],
    ['sig1=(' + '"@method" '.repeat(500) + ')', h.signature], [h['signature-input'], 'sig1=:not base64!:'], ['x'.repeat(5000), h.signature],
    [h['signature-input'].replace('created=1800000000', 'created="1800000000"'), h.signature], [h['signature-input'], h.signature.replace(/:/g, '"')],
  ];
  for (const [input, sig] of hostile) {
    assert.throws(() => parseSignature(input, sig), (e: unknown) => isEidError(e) && /^SIGNATURE_/.test(e.code), `input ${input.slice(0, 60)}`);
  }
});

test('the headers are byte for byte what the hand-written serialiser produced (Ed25519 signatures are deterministic)', () => {
  const privateKey = fromHex('302e020100300506032b657004220420' + '11'.repeat(32));
  assert.deepEqual(signRequest(req, params, { alg: 'ed25519', privateKey }), {
    'signature-input': 'sig1=("@method" "@path" "@query" "content-digest");created=1800000000;nonce="bm9uY2Utbm9uY2U";keyid="t-123";alg="ed25519"',
    signature: 'sig1=:PFNdRz85Z3/Cswty3mG0LIXZVGl/r1PULJ1Y6FX5fJfLuojm2K/TnAe+28Lpzvu2GtAULVHWfYTJBpSakOatAQ==:',
    'content-digest': 'sha-256=:G4tMC29q0dMlZZUnILwATusfGI9iBF5NVSWuKvjHhDI=:',
  });
  assert.deepEqual(signRequest({ method: 'GET', url: '/v1/trust-list' }, params, { alg: 'ed25519', privateKey }), {
    'signature-input': 'sig1=("@method" "@path" "@query");created=1800000000;nonce="bm9uY2Utbm9uY2U";keyid="t-123";alg="ed25519"',
    signature: 'sig1=:bUV7S2OAS0m22T44Dclf2bvR38qzvGGUiPzeWgB42KQ11w78rtCImRLhcUSrYDlIHnV/2SpmIpwNjb9SL+wpDg==:',
  });
});

test('the fields are read as RFC 8941 dictionaries: other signatures and other digest algorithms may stand beside ours', () => {
  const h = sign();
  const input = `sig0=("@method");created=1;keyid="proxy", ${h['signature-input']}`;
  const signature = `sig0=:AAAA:, ${h.signature}`;
  const digest = `sha-512=:${Buffer.alloc(64).toString('base64')}:, ${h['content-digest']}`;
  assert.equal(contentDigestMatches(digest, body), true);
  // The Content-Digest field as received is what the signer covered, so this one no longer verifies against sig1.
  assert.throws(() => verifyRequestSignature(req, digest, parseSignature(input, signature), keys.spkiDer), (e: unknown) => isEidError(e, 'SIGNATURE_INVALID'));
  verifyRequestSignature(req, h['content-digest'], parseSignature(input, signature), keys.spkiDer);
});

test('a Content-Digest that is malformed, lacks sha-256 or names another body does not match', () => {
  for (const field of [undefined, '', 'sha-256=:!!:', 'sha-512=:AAAA:', 'sha-256="text"', 'sha-256=(:AAAA:)', contentDigest(utf8('other')), 'x'.repeat(5000)]) {
    assert.equal(contentDigestMatches(field, body), false, String(field).slice(0, 40));
  }
});

test('a parameter repeated after signing changes @signature-params, so the signature no longer verifies', () => {
  const h = sign();
  const parsed = parseSignature(h['signature-input'] + ';created=5', h.signature);
  assert.equal(parsed.created, 5);
  assert.throws(() => verifyRequestSignature(req, h['content-digest'], parsed, keys.spkiDer), (e: unknown) => isEidError(e, 'SIGNATURE_INVALID'));
});
