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

/** A status word that ended a command. `code` names the condition; `sw` is the raw value. */
export class ChipStatusError extends EidError {
  readonly sw: number;

  constructor(code: string, sw: number, message: string, vi: string) {
    super(code, message, vi);
    this.name = 'ChipStatusError';
    this.sw = sw;
  }
}

/** The typed error for a failing status word; `what` names the command for the message. */
export function chipStatusError(sw: number, what: string): ChipStatusError {
  const hex = swHex(sw);
  switch (sw) {
    case SW.FILE_NOT_FOUND:
      return new ChipStatusError('FILE_NOT_FOUND', sw, `${what}: the file is not on this document (${hex})`, `${what}: giấy tờ không có tệp này (${hex})`);
    case SW.SECURITY_STATUS_NOT_SATISFIED:
      return new ChipStatusError('SECURITY_STATUS_NOT_SATISFIED', sw, `${what}: the chip refused access (${hex})`, `${what}: chip từ chối truy cập (${hex})`);
    case SW.SM_DATA_OBJECTS_MISSING:
    case SW.SM_DATA_OBJECTS_INCORRECT:
      return new ChipStatusError('SM_REJECTED_BY_CHIP', sw, `${what}: the chip rejected the secure channel (${hex}); place the card again`, `${what}: chip từ chối kênh bảo mật (${hex}); hãy đặt lại thẻ`);
    case SW.WRONG_LENGTH:
      return new ChipStatusError('WRONG_LENGTH', sw, `${what}: the chip did not accept the length (${hex})`, `${what}: chip không chấp nhận độ dài (${hex})`);
    case SW.INS_NOT_SUPPORTED:
    case SW.FUNCTION_NOT_SUPPORTED:
      return new ChipStatusError('NOT_SUPPORTED_BY_CHIP', sw, `${what}: the chip does not support this (${hex})`, `${what}: chip không hỗ trợ thao tác này (${hex})`);
    default:
      return new ChipStatusError('CHIP_ERROR', sw, `${what}: the chip answered with an error (${hex})`, `${what}: chip trả về lỗi (${hex})`);
  }
}
