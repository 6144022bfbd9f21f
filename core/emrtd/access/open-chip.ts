/**
 * Opening a chip: the chip access procedure of ICAO 9303-11 §4.2, with the CCCD lessons in
 * docs/design/vn-cccd.md §8. Read EF.CardAccess by FID without selecting the MF; when it
 * offers PACE, run the best variant this terminal supports, then SELECT the eMRTD application
 * under secure messaging; otherwise, or when PACE fails for a reason other than a lost card,
 * SELECT the application and run BAC with the MRZ key. Whatever opened the chip is named in the
 * result.
 */
import { EidError, isEidError } from '../../errors.ts';
import type { RandomSource } from '../../crypto/ec/index.ts';
import type { AccessKey } from '../../mrz/index.ts';
import { parseCardAccess, paceInfos } from '../../lds/card-access.ts';
import { EMRTD_AID, ldsFile } from '../../lds/files.ts';
import type { SecurityInfo } from '../../lds/security-infos.ts';
import type { Transport } from '../apdu/transport.ts';
import { sendCommand } from '../apdu/exchange.ts';
import { SW, ChipStatusError, chipStatusError } from '../apdu/status-words.ts';
import { FileReader } from '../read/read-file.ts';
import { performBac } from '../bac/bac.ts';
import type { SecureMessaging } from '../sm/secure-messaging.ts';
import type { SessionKeys } from '../sm/sm-channel.ts';
import { paceCandidates, performPaceWithCardAccess } from '../pace/pace-select.ts';
import type { PaceResult } from '../pace/pace-types.ts';
import { paceAlgorithmLabel } from '../pace/pace-algorithm.ts';

export interface OpenChipOptions {
  readonly random?: RandomSource;
  /** Skip PACE even when offered (diagnostics, chips with broken PACE, PACE already refused). */
  readonly bacOnly?: boolean;
  /** EF.CardAccess as already read (readCardAccess): several keys tried on one chip, or the chip opened again, read it once. */
  readonly cardAccess?: Uint8Array | null;
}

export interface OpenedChip {
  readonly method: 'PACE' | 'BAC';
  /** What the accessControl check names, e.g. 'BAC' or 'PACE-CAN ECDH-GM-AES-128 brainpoolP256r1'. */
  readonly protocol: string;
  /** Plain APDUs in, protected on the wire: read everything through this. */
  readonly transport: SecureMessaging;
  readonly sessionKeys: SessionKeys;
  /** EF.CardAccess exactly as read (null when the chip has none or refused it). */
  readonly cardAccess: Uint8Array | null;
  readonly pace?: PaceResult;
  /** Why PACE was not used although offered (an error code, for the record and the logs). */
  readonly paceFallbackReason?: string;
}

/** Errors after which BAC is still worth trying: the chip refused or broke PACE, not the link. */
export function paceFallbackAllowed(e: unknown): e is EidError {
  return e instanceof ChipStatusError || isEidError(e, 'PACE_UNSUPPORTED') || isEidError(e, 'PACE_FAILED')
    || isEidError(e, 'ACCESS_DENIED') || isEidError(e, 'SM_RESPONSE_INVALID') || isEidError(e, 'SM_REJECTED_BY_CHIP') || isEidError(e, 'TLV_MALFORMED');
}

/** SELECT the eMRTD application by AID (P1=04 P2=0C, no Le). */
export async function selectEmrtdApplication(transport: Transport): Promise<void> {
  const r = await sendCommand(transport, { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (r.sw === SW.FILE_NOT_FOUND) {
    throw new EidError('NOT_AN_EMRTD');
  }
  if (r.sw !== SW.OK) throw chipStatusError(r.sw, 'SELECT eMRTD application');
}

/** EF.CardAccess, or null when the chip has none or will not show it (then there is no PACE). */
export async function readCardAccess(transport: Transport): Promise<Uint8Array | null> {
  try {
    return await new FileReader(transport).readFile(ldsFile('CardAccess').fid);
  } catch (e) {
    if (e instanceof ChipStatusError || isEidError(e, 'TLV_MALFORMED') || isEidError(e, 'READ_LENGTH_REFUSED')) return null;
    throw e;
  }
}

async function openWithBac(transport: Transport, key: AccessKey, cardAccess: Uint8Array | null, options: OpenChipOptions, paceFallbackReason?: string): Promise<OpenedChip> {
  if (key.kind !== 'MRZ') {
    throw new EidError('MRZ_KEY_REQUIRED');
  }
  // PACE-only chips show the application only after access control (6982): select it then.
  const selected = await selectEmrtdApplication(transport).then(() => true, (e: unknown) => {
    if (isEidError(e, 'SECURITY_STATUS_NOT_SATISFIED')) return false;
    throw e;
  });
  const bac = await performBac(transport, key.mrz.value, options.random ? { random: options.random } : {});
  if (!selected) await selectEmrtdApplication(bac.secureMessaging);
  return {
    method: 'BAC', protocol: 'BAC', transport: bac.secureMessaging, sessionKeys: bac.sessionKeys, cardAccess,
    ...(paceFallbackReason !== undefined && { paceFallbackReason }),
  };
}

/** The SecurityInfos of EF.CardAccess, or the error code that kept them from being read. */
function cardAccessInfos(cardAccess: Uint8Array): SecurityInfo[] | string {
  try {
    return parseCardAccess(cardAccess);
  } catch (e) {
    if (!isEidError(e)) throw e;
    return e.code;
  }
}

/**
 * Opens the chip with the access key. PACE variants are chosen and tried by the PACE module
 * (core/emrtd/pace/pace-select.ts). Even ACCESS_DENIED from PACE gets one BAC attempt with an MRZ
 * key: some chips fail PACE with 6300 under the right key (dmrtd#33). Errors: ACCESS_DENIED (wrong
 * key, both protocols agree), MRZ_KEY_REQUIRED (CAN given, no PACE), NOT_AN_EMRTD; transport
 * errors propagate unchanged.
 */
export async function openChip(transport: Transport, key: AccessKey, options: OpenChipOptions = {}): Promise<OpenedChip> {
  const cardAccess = options.cardAccess !== undefined ? options.cardAccess : options.bacOnly ? null : await readCardAccess(transport);
  const infos = cardAccess && !options.bacOnly ? cardAccessInfos(cardAccess) : [];
  let fallback: string | undefined = typeof infos === 'string' ? infos : undefined;
  if (typeof infos !== 'string' && paceInfos(infos).length > 0) {
    try {
      if (paceCandidates(infos).length === 0) throw new EidError('PACE_UNSUPPORTED');
      const pace = await performPaceWithCardAccess(transport, infos, key, options.random ? { random: options.random } : {});
      await selectEmrtdApplication(pace.transport);
      const protocol = `${paceAlgorithmLabel(pace.algorithm, key.kind)} ${pace.groupLabel}`;
      return { method: 'PACE', protocol, transport: pace.transport, sessionKeys: pace.sessionKeys, cardAccess, pace };
    } catch (e) {
      // A CAN opens nothing but PACE: its error is the one to show.
      if (!paceFallbackAllowed(e) || key.kind !== 'MRZ') throw e;
      fallback = e.code;
    }
  }
  return openWithBac(transport, key, cardAccess, options, fallback);
}
