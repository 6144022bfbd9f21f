/**
 * The demo trust the shipped virtual documents chain to: two demo CSCAs with committed keys
 * (demo-keys/), their Document Signers (deterministic EC, or RSA cached per process), their CRLs,
 * and an "unknown" CSCA that no trust store contains. Dates are fixed so every byte is stable.
 */
import { DEMO_CSCA_UTO_KEY, DEMO_CSCA_VN_KEY } from './demo-keys/demo-csca-keys.ts';
import { loadKey, testKey, type KeySpec } from './keys.ts';
import { createCrl, createCsca, createDocumentSigner, type IssuedCertificate } from './pki.ts';
import type { DistinguishedName } from './x509-writer.ts';

export type DemoIssuer = 'VN' | 'UTO';

export interface DemoAuthority {
  readonly id: DemoIssuer;
  readonly csca: IssuedCertificate;
  /** CRL signed by the CSCA; lists the `revoked-ds` Document Signer. */
  readonly crl: Uint8Array;
}

const CSCA_VALIDITY = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2049-01-01T00:00:00Z') };
const DS_VALIDITY = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2040-01-01T00:00:00Z') };
/** Issued under the demo CSCA, ended before the documents were signed (DEMO_SIGNING_TIME). */
const EXPIRED_DS_VALIDITY = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') };
const CRL_DATES = { thisUpdate: new Date('2025-06-01T00:00:00Z'), nextUpdate: new Date('2045-06-01T00:00:00Z') };

/** Serial numbers of Document Signers; the revoked one is on every demo CRL. */
export const DS_SERIAL = { good: 0x1001n, revoked: 0x1002n, expired: 0x1003n, rogue: 0x1004n } as const;

const NAMES: Record<DemoIssuer, DistinguishedName> = {
  VN: { country: 'VN', organization: 'eID Terminal DEMO (not a real authority)', serialNumber: '001', commonName: 'DEMO CSCA Vietnam' },
  UTO: { country: 'UT', organization: 'eID Terminal DEMO (not a real authority)', commonName: 'DEMO CSCA Utopia' },
};

const authorities = new Map<string, DemoAuthority>();

export function demoAuthority(id: DemoIssuer): DemoAuthority {
  let a = authorities.get(id);
  if (!a) {
    const key = loadKey(id === 'VN' ? DEMO_CSCA_VN_KEY : DEMO_CSCA_UTO_KEY);
    const csca = createCsca(NAMES[id], key, 1n, CSCA_VALIDITY);
    const crl = createCrl(csca, [{ serial: DS_SERIAL.revoked, revokedAt: CRL_DATES.thisUpdate }], CRL_DATES);
    a = { id, csca, crl };
    authorities.set(id, a);
  }
  return a;
}

/** A CSCA with the same name as a demo one but a key nobody trusts. */
export function unknownAuthority(id: DemoIssuer): DemoAuthority {
  const key = `unknown:${id}`;
  let a = authorities.get(key);
  if (!a) {
    const name = { ...NAMES[id], commonName: `${NAMES[id].commonName} (untrusted copy)` };
    const csca = createCsca(name, testKey({ kind: 'ec', curve: 'P-384' }, key), 1n, CSCA_VALIDITY);
    a = { id, csca, crl: createCrl(csca, [], CRL_DATES) };
    authorities.set(key, a);
  }
  return a;
}

export type SignerKind = keyof typeof DS_SERIAL;

export interface SignerRequest {
  readonly authority: DemoAuthority;
  readonly key: KeySpec;
  readonly kind: SignerKind;
}

const signers = new Map<string, IssuedCertificate>();

/**
 * A Document Signer under `authority`. 'rogue' claims the CSCA as issuer but is signed by another
 * key (the `ds-not-signed-by-csca` document); 'expired' had its validity end before it signed.
 */
export function demoSigner(req: SignerRequest): IssuedCertificate {
  const cacheKey = `${req.authority.csca.name.commonName}:${JSON.stringify(req.key)}:${req.kind}`;
  let ds = signers.get(cacheKey);
  if (!ds) {
    const name: DistinguishedName = { country: req.authority.csca.name.country, organization: req.authority.csca.name.organization, commonName: `DEMO Document Signer ${req.kind} ${req.authority.id}` };
    const key = testKey(req.key, `ds:${cacheKey}`);
    const validity = req.kind === 'expired' ? EXPIRED_DS_VALIDITY : DS_VALIDITY;
    const issuer: IssuedCertificate = req.kind === 'rogue'
      // Same name and authority key identifier as the real CSCA, signature by another key.
      ? { ...req.authority.csca, key: { ...testKey({ kind: 'ec', curve: 'P-384' }, `rogue:${cacheKey}`), spkiDer: req.authority.csca.key.spkiDer } }
      : req.authority.csca;
    ds = createDocumentSigner(issuer, name, key, DS_SERIAL[req.kind], validity);
    signers.set(cacheKey, ds);
  }
  return ds;
}

/** When documents are signed: inside the good DS's validity, after the expired one's ended. */
export const DEMO_SIGNING_TIME = new Date('2025-03-01T08:00:00Z');

