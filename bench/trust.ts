/**
 * Trust benchmarks: loading the German master list (~590 CSCAs, signature checked) against a
 * baseline of only parsing the same certificates; and passive authentications per second for SODs
 * signed with ECDSA P-384, brainpool P-512 with explicit parameters and RSA-PSS 4096 (generated
 * here with the factory's PKI), with P-384 as the baseline of the ratios. The P-384 rate is also
 * set against the OpenSSL ECDSA P-384 verify rate on this machine in the same run (`openssl speed`;
 * one passive authentication verifies two P-384 signatures, the SOD's and the DS certificate's, so
 * 0.5 would be OpenSSL's speed). Rates are hardware-dependent; compare the ratios.
 */
import { spawnSync } from 'node:child_process';
import { parseSignedData } from '../core/asn1/cms.ts';
import { parseCscaMasterList } from '../core/asn1/master-list.ts';
import { parseCertificate } from '../core/asn1/x509.ts';
import { TrustStore } from '../core/trust/store.ts';
import { loadTrustBytes } from '../core/trust/trust-files.ts';
import { passiveAuthentication } from '../core/trust/passive-auth.ts';
import { createCsca, createDocumentSigner } from '../core/chip/factory/pki.ts';
import { testKey, type KeySpec } from '../core/chip/factory/keys.ts';
import { writeSod } from '../core/chip/factory/sod-writer.ts';
import { tlv } from '../core/bytes/tlv.ts';
import { utf8 } from '../core/bytes/bytes.ts';
import { realData } from '../fixtures/index.ts';
import type { BenchRow } from './run.ts';

const DE_ML = 'master-lists/DE_ML_2026-05-28-08-28-45.ml';
const AT = new Date('2026-08-01T00:00:00Z');

/** Median of `rounds` timings of `fn`, in milliseconds. */
function medianMillis(rounds: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Operations per second of `fn`, run for about `budgetMs` after one warm-up call. */
function rate(budgetMs: number, fn: () => void): number {
  fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

function masterListRows(): BenchRow[] {
  const bytes = realData(DE_ML);
  let count = 0;
  const parseOnly = medianMillis(3, () => {
    const sd = parseSignedData(bytes);
    const list = parseCscaMasterList(sd.eContent!).certificates;
    for (const der of list) parseCertificate(der);
    count = list.length;
  });
  const load = medianMillis(3, () => loadTrustBytes(new TrustStore(), bytes, 'DE ML', AT));
  return [
    { name: `DE master list: parse ${count} certificates (baseline)`, value: parseOnly, unit: 'ms' },
    { name: 'DE master list: load into the trust store, signature verified', value: load, unit: 'ms', baseline: parseOnly, ratio: load / parseOnly },
  ];
}

const DATA_GROUPS = new Map<number, Uint8Array>([
  [1, tlv(0x61, tlv(0x5f1f, utf8('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10')))],
  [2, tlv(0x75, new Uint8Array(20_000))],
]);

function sodCase(label: string, spec: KeySpec): { label: string; verify: () => void } {
  const validity = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2040-01-01T00:00:00Z') };
  const csca = createCsca({ country: 'UT', commonName: `Bench CSCA ${label}` }, testKey(spec, `bench-csca:${label}`), 1n, validity);
  const ds = createDocumentSigner(csca, { country: 'UT', commonName: `Bench DS ${label}` }, testKey(spec, `bench-ds:${label}`), 2n, validity);
  const sod = writeSod({ dataGroups: DATA_GROUPS, hash: ds.hash, signer: ds, issuerName: csca.name, signingTime: validity.notBefore });
  const store = new TrustStore();
  loadTrustBytes(store, csca.der, label, AT);
  return {
    label,
    verify: () => {
      const pa = passiveAuthentication(sod, DATA_GROUPS, store, AT);
      if (pa.signature.status !== 'PASS' || pa.chain.status !== 'PASS' || pa.dataGroupHashes.status !== 'PASS') throw new Error(`bench SOD ${label} did not verify`);
    },
  };
}

/** ECDSA P-384 verifications per second of the system OpenSSL, or undefined when it cannot say. */
function opensslP384VerifyRate(): number | undefined {
  const out = spawnSync('openssl', ['speed', '-elapsed', '-seconds', '2', 'ecdsap384'], { encoding: 'utf8' });
  const m = /384 bits ecdsa \(nistp384\)\s+\S+s\s+\S+s\s+[\d.]+\s+([\d.]+)/.exec(out.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

export async function run(): Promise<BenchRow[]> {
  const rows = masterListRows();
  const cases = [
    sodCase('ECDSA P-384', { kind: 'ec', curve: 'P-384' }),
    sodCase('ECDSA brainpoolP512r1 explicit', { kind: 'ec', curve: 'brainpoolP512r1', explicitParameters: true }),
    sodCase('RSA-PSS 4096', { kind: 'rsa', bits: 4096, pss: true }),
  ];
  const base = rate(1500, cases[0]!.verify);
  rows.push({ name: `passive authentication, ${cases[0]!.label} (baseline)`, value: base, unit: 'verifications/s', note: 'SOD + DS->CSCA + 2 DG hashes' });
  const openssl = opensslP384VerifyRate();
  if (openssl === undefined) rows.push({ name: 'ECDSA P-384 verify, OpenSSL', value: 0, unit: 'skipped', note: 'openssl speed gave no P-384 rate' });
  else rows.push({ name: `passive authentication, ${cases[0]!.label} vs OpenSSL`, value: base, unit: 'verifications/s', baseline: openssl, ratio: base / openssl, note: 'baseline: openssl speed ecdsap384, verify/s' });
  for (const c of cases.slice(1)) {
    const r = rate(1500, c.verify);
    rows.push({ name: `passive authentication, ${c.label}`, value: r, unit: 'verifications/s', baseline: base, ratio: r / base });
  }
  return rows;
}
