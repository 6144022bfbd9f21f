/**
 * Chip authenticity after the chip is open: PACE-CAM when it ran, else Chip Authentication with
 * the DG14 keys, else Active Authentication with the DG15 key. Reported PASS only when the chip
 * produced the proof; a document without any mechanism is NOT_SUPPORTED.
 */
import { warning, type Warning } from '../messages/message.ts';
import { isEidError } from '../errors.ts';
import { performActiveAuthentication } from '../emrtd/active-auth/active-auth.ts';
import { chipAuthenticationKeys } from '../emrtd/chip-auth/chip-auth-keys.ts';
import { performChipAuthentication } from '../emrtd/chip-auth/chip-auth.ts';
import { verifyChipAuthenticationMapping } from '../emrtd/chip-auth/chip-auth-cam.ts';
import type { OpenedChip } from '../emrtd/access/open-chip.ts';
import { ChipStatusError } from '../emrtd/apdu/status-words.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import { parseDg14 } from '../lds/dg14.ts';
import type { SecurityInfo } from '../lds/security-infos.ts';
import type { ChipChecks } from '../trust/verdict.ts';

export interface ChipProof {
  readonly check: ChipChecks['chipAuthentication'];
  /** e.g. 'CA-ECDH-AES-128 brainpoolP256r1' or 'AA RSA-ISO9796-2 sha256'. */
  readonly protocol: string | null;
  readonly warnings: Warning[];
}

function securityInfosOf(dg14: Uint8Array | undefined, warnings: Warning[]): readonly SecurityInfo[] {
  if (!dg14) return [];
  try {
    return parseDg14(dg14).securityInfos;
  } catch (e) {
    if (!isEidError(e)) throw e;
    warnings.push(warning('DG14_UNREADABLE'));
    return [];
  }
}

export async function proveChip(opened: OpenedChip, files: ReadonlyMap<string, Uint8Array>, random?: RandomSource): Promise<ChipProof> {
  const warnings: Warning[] = [];
  const infos = securityInfosOf(files.get('DG14'), warnings);
  const caKeys = chipAuthenticationKeys(infos);
  if (opened.pace?.cam) {
    const r = verifyChipAuthenticationMapping(opened.pace.cam, caKeys);
    return { check: { status: r.status, method: 'CAM' }, protocol: r.protocol ?? opened.protocol, warnings };
  }
  if (caKeys.length > 0) {
    const r = await performChipAuthentication(opened.transport, caKeys, random ? { random } : {});
    if (r.status !== 'NOT_SUPPORTED' || !files.has('DG15')) {
      if (r.status === 'NOT_SUPPORTED' && r.detail) warnings.push(warning('CHIP_AUTHENTICATION_IMPOSSIBLE', { detail: r.detail }));
      return { check: { status: r.status, method: r.status === 'NOT_SUPPORTED' ? null : 'CA' }, protocol: r.protocol ?? null, warnings };
    }
  }
  const dg15 = files.get('DG15');
  if (dg15) {
    const aaInfo = infos.find((i) => i.type === 'ActiveAuthenticationInfo');
    try {
      const r = await performActiveAuthentication(opened.transport, dg15, {
        ...(random && { random }),
        ...(aaInfo?.type === 'ActiveAuthenticationInfo' && { signatureAlgorithmOid: aaInfo.signatureAlgorithm }),
      });
      return { check: { status: r.status, method: 'AA' }, protocol: `AA ${r.algorithm}${r.hash ? ' ' + r.hash : ''}`, warnings };
    } catch (e) {
      if (e instanceof ChipStatusError) {
        // The chip publishes an AA key but will not sign with it: nothing proves it genuine.
        warnings.push(warning('ACTIVE_AUTHENTICATION_REFUSED'));
        return { check: { status: 'FAIL', method: 'AA' }, protocol: null, warnings };
      }
      if (!isEidError(e, 'AA_UNSUPPORTED')) throw e;
      warnings.push(warning('ACTIVE_AUTHENTICATION_UNCHECKABLE', { detail: String(e.params.detail ?? '') }));
    }
  }
  warnings.push(warning('NO_CLONE_PROTECTION'));
  return { check: { status: 'NOT_SUPPORTED', method: null }, protocol: null, warnings };
}
