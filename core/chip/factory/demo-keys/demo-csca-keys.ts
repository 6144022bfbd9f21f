/**
 * DEMO-ONLY TEST MATERIAL — NOT A REAL COUNTRY SIGNING CA.
 *
 * Private keys of the two demo CSCAs whose certificates ship in certs/demo-csca-*.pem, so that
 * the built-in virtual documents verify out of the box. Anyone can sign anything with these:
 * a deployment must never trust certs/demo-csca-*.pem outside demonstrations and tests.
 * Regenerate the PEM files with `npx tsx scripts/generate-demo-certs.ts`.
 */
import type { StoredKey } from '../keys.ts';

/** Stands in for Vietnam's CCCD CSCA: ECDSA P-384 with a named curve, like the real one. */
export const DEMO_CSCA_VN_KEY: StoredKey = {
  kind: 'ec',
  curve: 'P-384',
  explicitParameters: false,
  privateKeyHex: '33AE9B3AC91EB3945D8C86B60A0BB7433613E2E39F2A33BE596D55244821CFE83D703FDD88AE88C24EF22D07073D9F7C',
};

/** The ICAO example state Utopia: brainpoolP384r1 with explicit parameters, as many CSCAs have. */
export const DEMO_CSCA_UTO_KEY: StoredKey = {
  kind: 'ec',
  curve: 'brainpoolP384r1',
  explicitParameters: true,
  privateKeyHex: '1C74CB8040AC04419EFA129B70B882875C979E56FBCFE2CA90F84D7A6D99B6F036C1F8C695176A2E0B8D88EFACD6379F',
};
