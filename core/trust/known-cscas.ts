/**
 * CSCAs the terminal recognises by SHA-256 fingerprint and names for the clerk. The CCCD CSCA is
 * in no ICAO master list (docs/design/vn-cccd.md §5), so it is shipped in certs/ and named here.
 */
const KNOWN: Readonly<Record<string, string>> = {
  '6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9': 'Vietnam CCCD CSCA 2021 (Government Cipher Committee)',
};

export function knownCscaName(fingerprint: string): string | undefined {
  return KNOWN[fingerprint];
}

/**
 * The virtual card factory's demo CSCAs (core/chip/factory/demo-pki.ts, shipped as
 * certs/demo-csca-*.pem): their private keys are public, so anything chaining to them is a test
 * document. Recognised by the organisation the factory puts in their names.
 */
const DEMO_ORGANIZATION = 'O=eID Terminal DEMO (not a real authority)';

export function isDemoCsca(subjectText: string): boolean {
  return subjectText.includes(DEMO_ORGANIZATION);
}
