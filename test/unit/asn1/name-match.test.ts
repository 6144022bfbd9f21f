/**
 * X500Name.key compares names as RFC 5280 7.1 does (issue 13 point 3): the attributes of one RDN
 * as a set, directory strings case-insensitively with spaces folded, whatever string type encodes
 * them; RDNs keep their order, and other value types compare as encoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ascii } from '../../../core/bytes/bytes.ts';
import { oid, printableString, sequence, set, utf8String } from '../../../core/bytes/der.ts';
import { readTlv, tlv } from '../../../core/bytes/tlv.ts';
import { parseName } from '../../../core/asn1/name.ts';
import { NAME_ATTRIBUTES } from '../../../core/asn1/oids.ts';

const atv = (type: string, value: Uint8Array): Uint8Array => sequence(oid(type), value);
const C = (v: string): Uint8Array => atv(NAME_ATTRIBUTES.country.oid, printableString(v));
const O = (v: Uint8Array): Uint8Array => atv(NAME_ATTRIBUTES.organization.oid, v);
const CN = (v: Uint8Array): Uint8Array => atv(NAME_ATTRIBUTES.commonName.oid, v);
const key = (...rdns: Uint8Array[][]): string => parseName(readTlv(sequence(...rdns.map((atvs) => set(...atvs)))), 'name').key;

test('case, leading/trailing and inner spaces are insignificant in directory strings', () => {
  const a = key([C('US')], [O(printableString('U.S. Government'))], [CN(printableString('DEPARTMENT OF STATE'))]);
  assert.equal(key([C('us')], [O(printableString('  U.S.   government '))], [CN(printableString('Department of State'))]), a);
  assert.equal(key([C('US')], [O(utf8String('U.S. Government'))], [CN(utf8String('department of state'))]), a, 'PrintableString and UTF8String of the same text');
  assert.notEqual(key([C('US')], [O(printableString('U.S. Governments'))], [CN(printableString('DEPARTMENT OF STATE'))]), a);
});

test('attributes of one RDN are a set; the RDN sequence keeps its order', () => {
  const multi = key([C('FR')], [O(utf8String('Gouv')), CN(utf8String('CSCA-FRANCE'))]);
  assert.equal(key([C('FR')], [CN(utf8String('CSCA-FRANCE')), O(utf8String('Gouv'))]), multi);
  const ordered = key([C('FR')], [O(utf8String('Gouv'))], [CN(utf8String('CSCA-FRANCE'))]);
  assert.notEqual(key([CN(utf8String('CSCA-FRANCE'))], [O(utf8String('Gouv'))], [C('FR')]), ordered, 'reversed RDNs are another name');
  assert.notEqual(multi, ordered, 'one multi-valued RDN is not two RDNs');
});

test('Unicode is compared after NFKC normalisation', () => {
  assert.equal(key([C('VN')], [CN(utf8String('Cục Cảnh sát'))]), key([C('VN')], [CN(utf8String('Cục Cảnh sát'.normalize('NFD')))]));
});

test('a value that is no directory string compares as encoded', () => {
  const email = (v: string): Uint8Array => atv('1.2.840.113549.1.9.1', tlv(0x16, ascii(v)));
  assert.equal(key([C('DE')], [email('pki@example.org')]), key([C('DE')], [email('PKI@example.org')]), 'IA5String is a directory string here');
  const octets = (b: number): Uint8Array => atv('2.5.4.45', Uint8Array.of(0x03, 0x02, 0x00, b));
  assert.notEqual(key([C('DE')], [octets(1)]), key([C('DE')], [octets(2)]));
});
