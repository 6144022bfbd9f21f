/**
 * Command and response APDUs (ISO 7816-4): short and extended Lc/Le encoding, parsing of both
 * directions (the card side parses commands), and `Ne` semantics: undefined = no Le field,
 * 256 = short Le '00', 65536 = extended Le '0000'.
 */
import { EidError } from '../../errors.ts';
import { concat } from '../../bytes/bytes.ts';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data (Nc = length); empty or undefined = no Lc field. */
  readonly data?: Uint8Array;
  /** Expected response length Ne, 1..65536; undefined = no Le field. */
  readonly ne?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export const SHORT_MAX_NC = 255;
export const SHORT_MAX_NE = 256;
export const EXTENDED_MAX_NE = 65536;
const EXTENDED_MAX_NC = 65535;

function malformed(detail: string): EidError {
  return new EidError('APDU_MALFORMED', { detail });
}

/** Whether the command needs extended length fields. */
export function needsExtendedLength(cmd: CommandApdu): boolean {
  return (cmd.data?.length ?? 0) > SHORT_MAX_NC || (cmd.ne ?? 0) > SHORT_MAX_NE;
}

/** Encodes the command; extended form when needed or when `forceExtended` is set. */
export function encodeCommand(cmd: CommandApdu, forceExtended = false): Uint8Array {
  const nc = cmd.data?.length ?? 0;
  const ne = cmd.ne;
  for (const b of [cmd.cla, cmd.ins, cmd.p1, cmd.p2]) {
    if (!Number.isInteger(b) || b < 0 || b > 255) throw malformed('header byte out of range');
  }
  if (nc > EXTENDED_MAX_NC) throw malformed('command data too long');
  if (ne !== undefined && (!Number.isInteger(ne) || ne < 1 || ne > EXTENDED_MAX_NE)) throw malformed('Ne out of range');
  const header = Uint8Array.of(cmd.cla, cmd.ins, cmd.p1, cmd.p2);
  const extended = forceExtended || needsExtendedLength(cmd);
  if (!extended) {
    const lc = nc > 0 ? Uint8Array.of(nc) : new Uint8Array(0);
    const le = ne !== undefined ? Uint8Array.of(ne & 0xff) : new Uint8Array(0);
    return concat(header, lc, cmd.data ?? new Uint8Array(0), le);
  }
  const le2 = ne !== undefined ? Uint8Array.of((ne >> 8) & 0xff, ne & 0xff) : new Uint8Array(0);
  if (nc > 0) return concat(header, Uint8Array.of(0, nc >> 8, nc & 0xff), cmd.data!, le2);
  if (ne !== undefined) return concat(header, Uint8Array.of(0), le2);
  return header;
}

export interface ParsedCommand extends CommandApdu {
  readonly data: Uint8Array;
  readonly extended: boolean;
}

/** Parses a command APDU (cases 1, 2S/E, 3S/E, 4S/E); anything else is APDU_MALFORMED. */
export function parseCommand(bytes: Uint8Array): ParsedCommand {
  if (bytes.length < 4) throw malformed('shorter than a header');
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const base = { cla, ins, p1, p2 };
  const none = new Uint8Array(0);
  if (bytes.length === 4) return { ...base, data: none, extended: false };
  const b4 = bytes[4]!;
  if (bytes.length === 5) return { ...base, data: none, ne: b4 === 0 ? 256 : b4, extended: false };
  if (b4 !== 0) {
    if (bytes.length === 5 + b4) return { ...base, data: bytes.slice(5), extended: false };
    if (bytes.length === 6 + b4) {
      const le = bytes[5 + b4]!;
      return { ...base, data: bytes.slice(5, 5 + b4), ne: le === 0 ? 256 : le, extended: false };
    }
    throw malformed('Lc does not match the length');
  }
  if (bytes.length < 7) throw malformed('truncated extended length');
  const n = (bytes[5]! << 8) | bytes[6]!;
  if (bytes.length === 7) return { ...base, data: none, ne: n === 0 ? 65536 : n, extended: true };
  if (n === 0) throw malformed('extended Lc of zero');
  if (bytes.length === 7 + n) return { ...base, data: bytes.slice(7), extended: true };
  if (bytes.length === 9 + n) {
    const le = (bytes[7 + n]! << 8) | bytes[8 + n]!;
    return { ...base, data: bytes.slice(7, 7 + n), ne: le === 0 ? 65536 : le, extended: true };
  }
  throw malformed('extended Lc does not match the length');
}

/** Splits a response APDU into data and SW1SW2. */
export function parseResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw new EidError('RESPONSE_MALFORMED');
  }
  return { data: bytes.subarray(0, bytes.length - 2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! };
}

export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  return concat(data, Uint8Array.of((sw >> 8) & 0xff, sw & 0xff));
}

/** Le bytes as carried in DO'97' of secure messaging: one byte up to 256, else two. */
export function encodeLeValue(ne: number): Uint8Array {
  if (ne <= SHORT_MAX_NE) return Uint8Array.of(ne & 0xff);
  return Uint8Array.of((ne >> 8) & 0xff, ne & 0xff);
}

export function decodeLeValue(le: Uint8Array): number {
  if (le.length === 1) return le[0] === 0 ? 256 : le[0]!;
  if (le.length === 2) {
    const n = (le[0]! << 8) | le[1]!;
    return n === 0 ? 65536 : n;
  }
  throw malformed('Le of more than two bytes');
}
