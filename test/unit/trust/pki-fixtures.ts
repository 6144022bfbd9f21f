/** A small test PKI built with the factory's writers (core/chip/factory): CSCAs, link, DS, CRL, SOD. */
import { createCrl, createCsca, createDocumentSigner, createLinkCertificate, type IssuedCertificate } from '../../../core/chip/factory/pki.ts';
import { testKey, type KeySpec } from '../../../core/chip/factory/keys.ts';
import { writeSod } from '../../../core/chip/factory/sod-writer.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { tlv } from '../../../core/bytes/tlv.ts';

export const YEARS = (from: number, to: number) => ({ notBefore: new Date(`${from}-01-01T00:00:00Z`), notAfter: new Date(`${to}-01-01T00:00:00Z`) });
export const NOW = new Date('2026-06-01T00:00:00Z');

export function csca(seed: string, spec: KeySpec = { kind: 'ec', curve: 'P-256' }, name = 'Test CSCA', validity = YEARS(2020, 2045)): IssuedCertificate {
  return createCsca({ country: 'UT', organization: 'Test', commonName: name }, testKey(spec, `csca:${seed}`), 1n, validity);
}

export function documentSigner(issuer: IssuedCertificate, seed: string, serial = 0x42n, validity = YEARS(2025, 2035), spec: KeySpec = { kind: 'ec', curve: 'P-256' }): IssuedCertificate {
  return createDocumentSigner(issuer, { country: 'UT', organization: 'Test', commonName: `DS ${seed}` }, testKey(spec, `ds:${seed}`), serial, validity);
}

export { createCrl, createLinkCertificate };

export const DATA_GROUPS = new Map<number, Uint8Array>([
  [1, tlv(0x61, tlv(0x5f1f, utf8('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10')))],
  [2, tlv(0x75, utf8('not really a face'))],
]);

export function sodFor(signer: IssuedCertificate, issuer: IssuedCertificate, dataGroups = DATA_GROUPS): Uint8Array {
  return writeSod({ dataGroups, hash: 'sha256', signer, issuerName: issuer.name, signingTime: new Date('2025-06-01T00:00:00Z') });
}
