/**
 * PACE-CAM verification (ICAO 9303-11 §4.4.3.5): the chip proved knowledge of its static key if
 * CA_IC · PK_IC = PK_Map,IC. PK_IC must come from passively authenticated data (EF.CardSecurity
 * or DG14 under a valid SOD) — otherwise a clone could bring its own key.
 */
import type { PaceCamData } from '../pace/pace-types.ts';
import { bytesToBigInt, equal } from '../../bytes/bytes.ts';
import { chipAuthenticationGroup, type ChipAuthenticationKey } from './chip-auth-keys.ts';
import type { ChipAuthenticationResult } from './chip-auth.ts';

export function verifyChipAuthenticationMapping(cam: PaceCamData | undefined, keys: readonly ChipAuthenticationKey[]): ChipAuthenticationResult {
  if (cam === undefined) return { status: 'NOT_SUPPORTED', method: 'CAM', detail: 'PACE did not run with Chip Authentication Mapping' };
  const caIc = bytesToBigInt(cam.chipAuthenticationData);
  if (caIc === 0n || caIc >= cam.group.order) return { status: 'FAIL', method: 'CAM', detail: 'chip authentication data out of range' };
  if (keys.length === 0) return { status: 'NOT_SUPPORTED', method: 'CAM', detail: 'no Chip Authentication public key was read to check the CAM data' };
  let tried = 0;
  for (const key of keys) {
    let staticKey: unknown;
    try {
      const { group, staticKey: k } = chipAuthenticationGroup(key.publicKey);
      // Only a key on the PACE curve can be the chip's CAM key.
      if (group.label !== cam.group.label || group.agreement !== 'ECDH') continue;
      staticKey = cam.group.decodePublicKey(group.encodePublicKey(k));
    } catch {
      continue;
    }
    tried++;
    const expected = cam.group.encodePublicKey(cam.group.multiply(staticKey, caIc));
    if (equal(expected, cam.chipMappingPublicKey)) {
      return key.keyId === undefined ? { status: 'PASS', method: 'CAM', protocol: 'PACE-CAM' } : { status: 'PASS', method: 'CAM', protocol: 'PACE-CAM', keyId: key.keyId };
    }
  }
  if (tried === 0) return { status: 'FAIL', method: 'CAM', detail: 'no Chip Authentication key on the PACE curve to check the CAM data against' };
  return { status: 'FAIL', method: 'CAM', detail: 'CA_IC · PK_IC does not equal the chip mapping key' };
}
