/**
 * ISO 7816-4 status words the terminal meets on eMRTDs, and the typed error a failing status
 * becomes. Callers branch on EidError.code; `sw` keeps the raw value for logs and quirk tables.
 */
import { EidError } from '../../errors.ts';

export const SW = {
  OK: 0x9000,
  END_OF_FILE_BEFORE_LE: 0x6282,
  AUTHENTICATION_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  AUTHENTICATION_METHOD_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  SM_DATA_OBJECTS_MISSING: 0x6987,
  SM_DATA_OBJECTS_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  INCORRECT_P1P2: 0x6a86,
  REFERENCED_DATA_NOT_FOUND: 0x6a88,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  UNKNOWN: 0x6f00,
} as const;

/** SW1 values whose SW2 carries a length. */
export const SW1_BYTES_REMAINING = 0x61;
export const SW1_WRONG_LE = 0x6c;

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

export function isSuccess(sw: number): boolean {
  return sw === SW.OK || (sw >> 8) === SW1_BYTES_REMAINING;
}

export type ChipStatusCode = 'FILE_NOT_FOUND' | 'SECURITY_STATUS_NOT_SATISFIED' | 'SM_REJECTED_BY_CHIP' | 'WRONG_LENGTH' | 'NOT_SUPPORTED_BY_CHIP' | 'CHIP_ERROR';

/**
 * A status word that ended a command. `code` names the condition; the params carry the command
 * and the status word as text (e.g. 'READ BINARY DG2', '6982'); `sw` is the raw value.
 */
export class ChipStatusError extends EidError<ChipStatusCode> {
  readonly sw: number;

  constructor(code: ChipStatusCode, sw: number, command: string) {
    super(code, { command, status: swHex(sw) });
    this.name = 'ChipStatusError';
    this.sw = sw;
  }
}

function statusCode(sw: number): ChipStatusCode {
  switch (sw) {
    case SW.FILE_NOT_FOUND:
      return 'FILE_NOT_FOUND';
    case SW.SECURITY_STATUS_NOT_SATISFIED:
      return 'SECURITY_STATUS_NOT_SATISFIED';
    case SW.SM_DATA_OBJECTS_MISSING:
    case SW.SM_DATA_OBJECTS_INCORRECT:
      return 'SM_REJECTED_BY_CHIP';
    case SW.WRONG_LENGTH:
      return 'WRONG_LENGTH';
    case SW.INS_NOT_SUPPORTED:
    case SW.FUNCTION_NOT_SUPPORTED:
      return 'NOT_SUPPORTED_BY_CHIP';
    default:
      return 'CHIP_ERROR';
  }
}

/** The typed error for a failing status word; `command` names the command for the message. */
export function chipStatusError(sw: number, command: string): ChipStatusError {
  return new ChipStatusError(statusCode(sw), sw, command);
}
