/**
 * PACE command and response encodings shared by both sides: MSE:Set AT (ICAO 9303-11 §4.4.4.1)
 * and the chained GENERAL AUTHENTICATE exchanges whose data is Dynamic Authentication Data '7C'
 * (§4.4.4.2). Parsing is bounded and gives PACE_FAILED on malformed input.
 */
import { concat } from '../../bytes/bytes.ts';
import { children, readTlv, tlv, type Tlv } from '../../bytes/tlv.ts';
import { encodeOidValue } from '../../bytes/oid.ts';
import type { CommandApdu } from '../apdu/apdu.ts';
import { paceFailed } from './pace-errors.ts';

/** Data-object tags inside '7C'. */
export const PACE_TAG = {
  ENCRYPTED_NONCE: 0x80,
  MAPPING_TERMINAL: 0x81,
  MAPPING_CHIP: 0x82,
  EPHEMERAL_TERMINAL: 0x83,
  EPHEMERAL_CHIP: 0x84,
  TOKEN_TERMINAL: 0x85,
  TOKEN_CHIP: 0x86,
  CAR_1: 0x87,
  CAR_2: 0x88,
  CAM_DATA: 0x8a,
} as const;

/** MSE:Set AT for PACE: 80 OID, 83 password reference, 84 parameter id when given; no Le. */
export function mseSetAtCommand(oid: string, passwordReference: number, parameterId?: number): CommandApdu {
  const parts = [tlv(0x80, encodeOidValue(oid)), tlv(0x83, Uint8Array.of(passwordReference))];
  if (parameterId !== undefined) parts.push(tlv(0x84, Uint8Array.of(parameterId)));
  return { cla: 0x00, ins: 0x22, p1: 0xc1, p2: 0xa4, data: concat(...parts) };
}

/** GENERAL AUTHENTICATE with '7C' data; every step but the last sets the chaining bit (CLA 10). */
export function generalAuthenticateCommand(objects: readonly Uint8Array[], last: boolean): CommandApdu {
  return { cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0x00, p2: 0x00, data: tlv(0x7c, ...objects), ne: 256 };
}

/**
 * The data objects of a '7C' template. An empty body (no bytes at all) counts as an empty
 * template: chips answer the IM mapping step either way.
 */
export function parseDynamicAuthenticationData(data: Uint8Array): Tlv[] {
  if (data.length === 0) return [];
  try {
    const outer = readTlv(data);
    if (outer.tag !== 0x7c || outer.end !== data.length) throw paceFailed('answer is not a 7C template');
    return children(outer);
  } catch (e) {
    throw paceFailed('malformed dynamic authentication data', e);
  }
}

/** The value of a required data object. */
export function requireObject(objects: readonly Tlv[], tag: number, what: string): Uint8Array {
  const found = objects.find((o) => o.tag === tag);
  if (found === undefined || found.value.length === 0) throw paceFailed(`${what} missing`);
  return found.value;
}

export const optionalObject = (objects: readonly Tlv[], tag: number): Uint8Array | undefined => objects.find((o) => o.tag === tag)?.value;
