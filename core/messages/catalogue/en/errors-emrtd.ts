/** English: errors of talking to the chip (ICAO 9303-11: APDUs, secure messaging, BAC, PACE, CA, AA, reading). */
import { template } from '../../define.ts';

/** A failing status word: the command it ended and the word itself (e.g. 'READ BINARY DG2', '6982'). */
const status = { command: 'text', status: 'text' } as const;

/** Why a Vietnamese card did not open with the ID number alone (PACE with its last 6 digits as CAN). */
export const BIRTH_DATE_REASONS = ['no-pace', 'pace-refused'] as const;
export type BirthDateReason = (typeof BIRTH_DATE_REASONS)[number];

export const emrtdErrors = {
  APDU_MALFORMED: 'Malformed command to the chip',
  RESPONSE_MALFORMED: 'The chip sent an incomplete answer',
  RESPONSE_TOO_LONG: 'The chip kept sending more data than any document holds',
  FILE_NOT_FOUND: template(status, (p) => `${p.command}: the file is not on this document (${p.status})`),
  SECURITY_STATUS_NOT_SATISFIED: template(status, (p) => `${p.command}: the chip refused access (${p.status})`),
  SM_REJECTED_BY_CHIP: template(status, (p) => `${p.command}: the chip rejected the secure channel (${p.status}); place the card again`),
  WRONG_LENGTH: template(status, (p) => `${p.command}: the chip did not accept the length (${p.status})`),
  NOT_SUPPORTED_BY_CHIP: template(status, (p) => `${p.command}: the chip does not support this (${p.status})`),
  CHIP_ERROR: template(status, (p) => `${p.command}: the chip answered with an error (${p.status})`),
  SM_SESSION_LOST: 'The secure channel to the chip was lost; place the card again',
  SM_RESPONSE_INVALID: "The chip's protected answer is not authentic; place the card again",
  SM_COMMAND_INVALID: 'Protected command rejected',
  SM_OBJECTS_MISSING: 'Protected command incomplete',
  ACCESS_DENIED: 'The chip did not accept the key: check the document number, the dates or the CAN',
  ACCESS_KEY_MISSING: 'No key to open the chip was given',
  BIRTH_DATE_NEEDED: template({ reason: BIRTH_DATE_REASONS }, (p) => (p.reason === 'no-pace'
    ? 'This card does not open with the ID number alone (it has no PACE): enter the date of birth as well'
    : 'The chip did not open with the ID number alone: check the ID number, or enter the date of birth as well')),
  ACCESS_KEY_INVALID: 'The document number, birth date or expiry date is not valid',
  BAC_RESPONSE_INVALID: "The chip's answer to Basic Access Control is not authentic",
  NOT_AN_EMRTD: 'This card is not a chip passport or ID card',
  MRZ_KEY_REQUIRED: 'This card opens only with the document number and dates (the CAN needs PACE)',
  PACE_UNSUPPORTED: 'The chip offers no PACE variant this terminal supports',
  PACE_FAILED: 'Opening the chip with PACE failed',
  CA_KEY_UNSUPPORTED: 'The Chip Authentication key cannot be used',
  AA_UNSUPPORTED: 'Active Authentication cannot be checked',
  READ_RESPONSE_INVALID: 'The chip answered a read with malformed data',
  READ_LENGTH_REFUSED: 'The chip refused every read size; the reader may not support this card',
  FILE_TOO_LARGE: 'A file on the chip claims to be larger than any document holds',
  READ_TOO_MANY_CHUNKS: 'Reading a file took too many steps',
};
