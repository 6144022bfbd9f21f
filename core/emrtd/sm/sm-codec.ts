/**
 * Secure messaging data objects (ICAO 9303-11 §9.8): DO'87' (encrypted data, even INS, with the
 * 01 padding indicator), DO'85' (encrypted data, odd INS), DO'97' (Le), DO'99' (status word),
 * DO'8E' (8-byte MAC). Both directions for both ends: the terminal protects commands and
 * verifies responses; the card side (core/chip/sm-card.ts) does the reverse with the same code.
 */
import { EidError } from '../../errors.ts';
import { concat } from '../../bytes/bytes.ts';
import { readTlvList, tlv, type Tlv } from '../../bytes/tlv.ts';
import { timingSafeEqual } from '../../crypto/node-crypto.ts';
import { unpadIso9797M2 } from '../../crypto/iso9797-padding.ts';
import { decodeLeValue, encodeCommand, encodeLeValue, encodeResponse, parseCommand, parseResponse, type CommandApdu, type ParsedCommand } from '../apdu/apdu.ts';
import { SW, SW1_BYTES_REMAINING, chipStatusError } from '../apdu/status-words.ts';
import type { SmChannel } from './sm-channel.ts';

const DO_ENCRYPTED_ODD = 0x85;
const DO_ENCRYPTED_EVEN = 0x87;
const DO_LE = 0x97;
const DO_STATUS = 0x99;
const DO_MAC = 0x8e;
const PADDING_INDICATOR = 0x01;

export function smResponseInvalid(detail: string): EidError {
  return new EidError('SM_RESPONSE_INVALID', { detail });
}

/** Card side: the command's SM objects are wrong (answered 6988). */
export function smCommandInvalid(detail: string): EidError {
  return new EidError('SM_COMMAND_INVALID', { detail });
}

/** Card side: the command lacks SM objects it must carry (answered 6987). */
export function smObjectsMissing(detail: string): EidError {
  return new EidError('SM_OBJECTS_MISSING', { detail });
}

function isOddIns(ins: number): boolean {
  return (ins & 1) === 1;
}

function encryptedDataObject(ch: SmChannel, ssc: Uint8Array, ins: number, data: Uint8Array): Uint8Array {
  const ciphertext = ch.encrypt(ssc, ch.pad(data));
  return isOddIns(ins) ? tlv(DO_ENCRYPTED_ODD, ciphertext) : tlv(DO_ENCRYPTED_EVEN, Uint8Array.of(PADDING_INDICATOR), ciphertext);
}

/** Decrypts DO'85'/'87'; `fail` builds the direction's error. */
function decryptDataObject(ch: SmChannel, ssc: Uint8Array, dobj: Tlv, fail: (d: string) => EidError): Uint8Array {
  let ciphertext = dobj.value;
  if (dobj.tag === DO_ENCRYPTED_EVEN) {
    if (ciphertext[0] !== PADDING_INDICATOR) throw fail('unknown padding indicator');
    ciphertext = ciphertext.subarray(1);
  }
  if (ciphertext.length === 0 || ciphertext.length % ch.blockSize !== 0) throw fail('encrypted data is not whole blocks');
  try {
    return unpadIso9797M2(ch.decrypt(ssc, ciphertext)).slice();
  } catch {
    throw fail('bad padding in encrypted data');
  }
}

interface SplitObjects {
  readonly encrypted?: Tlv;
  readonly le?: Tlv;
  readonly status?: Tlv;
  readonly mac: Tlv;
  /** Bytes of every object before DO'8E', as encoded (the MAC covers exactly these). */
  readonly macInput: Uint8Array;
}

/** Splits and checks SM objects: each at most once, in order, DO'8E' last with 8 bytes. */
function splitObjects(body: Uint8Array, allowed: readonly number[], fail: (d: string) => EidError, missing: (d: string) => EidError = fail): SplitObjects {
  let list: Tlv[];
  try {
    list = readTlvList(body);
  } catch {
    throw fail('malformed data objects');
  }
  const last = list[list.length - 1];
  if (!last || last.tag !== DO_MAC) {
    if (list.some((t) => t.tag === DO_MAC)) throw fail('checksum not last');
    throw missing('checksum missing');
  }
  if (last.value.length !== 8) throw fail('checksum length');
  const found = new Map<number, Tlv>();
  let previousRank = -1;
  for (const dobj of list.slice(0, -1)) {
    const rank = allowed.indexOf(dobj.tag);
    if (rank < 0) throw fail(`unexpected object ${dobj.tag.toString(16)}`);
    if (rank <= previousRank) throw fail('objects repeated or out of order');
    previousRank = rank;
    found.set(dobj.tag, dobj);
  }
  if (found.has(DO_ENCRYPTED_ODD) && found.has(DO_ENCRYPTED_EVEN)) throw fail('two encrypted objects');
  const encrypted = found.get(DO_ENCRYPTED_EVEN) ?? found.get(DO_ENCRYPTED_ODD);
  const macInput = body.subarray(0, body.length - last.raw.length);
  const le = found.get(DO_LE);
  const status = found.get(DO_STATUS);
  return { ...(encrypted && { encrypted }), ...(le && { le }), ...(status && { status }), mac: last, macInput };
}

function checkMac(ch: SmChannel, ssc: Uint8Array, message: Uint8Array, mac: Uint8Array, fail: (d: string) => EidError): void {
  if (!timingSafeEqual(ch.mac(ssc, message), mac)) throw fail('checksum wrong');
}

/** Terminal: the protected form of a plain command (increments the SSC). */
export function protectCommand(ch: SmChannel, cmd: CommandApdu): Uint8Array {
  if ((cmd.cla & 0x0c) === 0x0c) throw smCommandInvalid('command is already protected');
  const ssc = ch.nextSsc();
  const cla = cmd.cla | 0x0c;
  const objects: Uint8Array[] = [];
  if (cmd.data && cmd.data.length > 0) objects.push(encryptedDataObject(ch, ssc, cmd.ins, cmd.data));
  if (cmd.ne !== undefined) objects.push(tlv(DO_LE, encodeLeValue(cmd.ne)));
  const header = ch.pad(Uint8Array.of(cla, cmd.ins, cmd.p1, cmd.p2));
  const body = concat(...objects, tlv(DO_MAC, ch.mac(ssc, concat(header, ...objects))));
  const extended = body.length > 255 || (cmd.ne ?? 0) > 256;
  return encodeCommand({ cla, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, data: body, ne: extended ? 65536 : 256 });
}

/**
 * Terminal: verifies a protected response and returns the plain one (data || SW). A response
 * without SM objects is accepted only for an error status (chips answer some errors plainly);
 * a plain success would let anyone on the channel forge answers. A plain error does not advance
 * the SSC: the chip sent nothing protected, so it counted only the command (a Chinese passport
 * answers an extended READ BINARY with a plain 6700 and keeps its session; counting that reply
 * breaks it, gmrtd#457).
 */
export function unprotectResponse(ch: SmChannel, raw: Uint8Array): Uint8Array {
  const response = parseResponse(raw);
  if (response.data.length === 0) {
    if (response.sw === SW.OK || response.sw >> 8 === SW1_BYTES_REMAINING) {
      throw smResponseInvalid(`unprotected status ${response.sw.toString(16)}`);
    }
    if (response.sw === SW.SM_DATA_OBJECTS_MISSING || response.sw === SW.SM_DATA_OBJECTS_INCORRECT) throw chipStatusError(response.sw, 'Secure messaging');
    return raw.slice();
  }
  const ssc = ch.nextSsc();
  const objects = splitObjects(response.data, [DO_ENCRYPTED_ODD, DO_ENCRYPTED_EVEN, DO_STATUS], smResponseInvalid);
  if (!objects.status || objects.status.value.length !== 2) throw smResponseInvalid('status object missing');
  checkMac(ch, ssc, objects.macInput, objects.mac.value, smResponseInvalid);
  const data = objects.encrypted ? decryptDataObject(ch, ssc, objects.encrypted, smResponseInvalid) : new Uint8Array(0);
  const sw = (objects.status.value[0]! << 8) | objects.status.value[1]!;
  return encodeResponse(data, sw);
}

/** Card: verifies a protected command and returns the plain command (increments the SSC). */
export function unprotectCommand(ch: SmChannel, raw: Uint8Array): ParsedCommand {
  const cmd = parseCommand(raw);
  const ssc = ch.nextSsc();
  if ((cmd.cla & 0x0c) !== 0x0c) throw smObjectsMissing('command is not protected');
  const objects = splitObjects(cmd.data, [DO_ENCRYPTED_ODD, DO_ENCRYPTED_EVEN, DO_LE], smCommandInvalid, smObjectsMissing);
  const header = ch.pad(Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2));
  checkMac(ch, ssc, concat(header, objects.macInput), objects.mac.value, smCommandInvalid);
  if (objects.encrypted && (objects.encrypted.tag === DO_ENCRYPTED_ODD) !== isOddIns(cmd.ins)) throw smCommandInvalid('encrypted object does not match INS');
  const data = objects.encrypted ? decryptDataObject(ch, ssc, objects.encrypted, smCommandInvalid) : new Uint8Array(0);
  let ne: number | undefined;
  if (objects.le) {
    try {
      ne = decodeLeValue(objects.le.value);
    } catch {
      throw smCommandInvalid('bad Le object');
    }
  }
  const plain = { cla: cmd.cla & ~0x0c & 0xff, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, data, extended: cmd.extended };
  return ne === undefined ? plain : { ...plain, ne };
}

/** Card: the protected form of a response (increments the SSC). */
export function protectResponse(ch: SmChannel, ins: number, data: Uint8Array, sw: number): Uint8Array {
  const ssc = ch.nextSsc();
  const objects: Uint8Array[] = [];
  if (data.length > 0) objects.push(encryptedDataObject(ch, ssc, ins, data));
  objects.push(tlv(DO_STATUS, Uint8Array.of(sw >> 8, sw & 0xff)));
  return encodeResponse(concat(...objects, tlv(DO_MAC, ch.mac(ssc, concat(...objects)))), sw);
}
