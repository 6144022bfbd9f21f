/** X.509 CRL structure (RFC 5280 5.1): issuer, update times, revoked serial numbers, signature. */
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from './algorithms.ts';
import { parseName, type X500Name } from './name.ts';
import { OID } from './oids.ts';
import { asn1Error, bitStringBytes, guard, integerValue, items, octetStringValue, oidValue, readWhole, timeValue } from './reader.ts';

export interface RevokedEntry {
  readonly serialNumber: bigint;
  readonly revocationDate: Date;
}

export interface Crl {
  readonly raw: Uint8Array;
  readonly tbsRaw: Uint8Array;
  readonly issuer: X500Name;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  readonly revoked: readonly RevokedEntry[];
  /** authorityKeyIdentifier crlExtension, when present. */
  readonly authorityKeyIdentifier: Uint8Array | undefined;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
}

const MAX_REVOKED = 1_000_000;

export function parseCrl(der: Uint8Array): Crl {
  return guard('CRL', () => {
    const t = readWhole(der, 'CertificateList');
    const [tbs, sigAlg, sigValue] = items(t, 'CertificateList');
    const f = items(tbs, 'TBSCertList');
    let i = 0;
    if (f[i]?.tag === 0x02) i++; // version
    i++; // inner signature algorithm
    const issuer = parseName(f[i++], 'CRL issuer');
    const thisUpdate = timeValue(f[i++], 'thisUpdate');
    let nextUpdate: Date | undefined;
    if (f[i]?.tag === 0x17 || f[i]?.tag === 0x18) nextUpdate = timeValue(f[i++], 'nextUpdate');
    const revoked: RevokedEntry[] = [];
    if (f[i]?.tag === 0x30) {
      const entries = items(f[i++], 'revokedCertificates');
      if (entries.length > MAX_REVOKED) throw asn1Error('too many revoked entries');
      for (const e of entries) {
        const [serial, date] = items(e, 'revoked entry');
        revoked.push({ serialNumber: integerValue(serial, 'revoked serial'), revocationDate: timeValue(date, 'revocationDate') });
      }
    }
    let authorityKeyIdentifier: Uint8Array | undefined;
    if (f[i]?.tag === 0xa0) {
      for (const ext of items(items(f[i], 'crlExtensions', 0xa0)[0], 'crlExtensions')) {
        const parts = items(ext, 'CRL extension');
        if (oidValue(parts[0], 'CRL extension id') === OID.authorityKeyIdentifier) {
          const aki = octetStringValue(parts[parts.length - 1], 'AKI');
          authorityKeyIdentifier = items(readWhole(aki, 'AKI'), 'AKI').find((c) => c.tag === 0x80)?.value;
        }
      }
    }
    return {
      raw: t.raw, tbsRaw: tbs!.raw, issuer, thisUpdate, nextUpdate, revoked, authorityKeyIdentifier,
      signatureAlgorithm: parseAlgorithmIdentifier(sigAlg, 'CRL signature algorithm'),
      signature: bitStringBytes(sigValue, 'CRL signature'),
    };
  });
}
