/**
 * Every PC/SC failure the terminal can meet, as EidErrors (worded for a counter clerk in
 * core/messages), and the mapping from the native binding's errors (which carry only the PC/SC
 * message text) to them.
 */
import { EidError, isEidError } from '../core/errors.ts';

export type PcscErrorCode =
  | 'READER_UNAVAILABLE'
  | 'READER_BUSY'
  | 'NO_CARD'
  | 'CARD_REMOVED'
  | 'CARD_RESET'
  | 'CARD_UNRESPONSIVE'
  | 'TRANSPORT_TIMEOUT'
  | 'EXTENDED_LENGTH_UNSUPPORTED'
  | 'PCSC_ERROR';

/** Builds the EidError for a code; `detail` (never personal data) is a note for support staff. */
export function pcscError(code: PcscErrorCode, detail?: string, cause?: unknown): EidError {
  return new EidError(code, detail ? { detail } : {}, { cause });
}

/** The one command that installs what real readers need, run in the terminal's folder. */
export function pcscEnableCommand(platform: NodeJS.Platform = process.platform): string {
  return platform === 'linux' ? 'sudo apt-get install libpcsclite-dev pcscd && npm install' : 'npm install';
}

/** PCSC_UNAVAILABLE: the service (pcscd) is not running, or the binding is not installed; both name the fix. */
export function pcscUnavailable(missing: 'service' | 'binding', detail?: string, cause?: unknown): EidError {
  return new EidError('PCSC_UNAVAILABLE', { missing, command: pcscEnableCommand(), ...(detail ? { detail } : {}) }, { cause });
}

/** PC/SC message texts as the binding reports them (pcsc-lite's pcsc_stringify_error and smartcard's table). */
const BY_MESSAGE: readonly [RegExp, PcscErrorCode | 'PCSC_UNAVAILABLE'][] = [
  [/card was removed|no smart card|unpowered|removed card/i, 'CARD_REMOVED'],
  [/card was reset|reset card/i, 'CARD_RESET'],
  [/reader unavailable|unknown reader|reader not ready|no readers/i, 'READER_UNAVAILABLE'],
  [/service (not running|stopped)|no service|service not available/i, 'PCSC_UNAVAILABLE'],
  [/sharing violation/i, 'READER_BUSY'],
  [/timed out|timeout/i, 'TRANSPORT_TIMEOUT'],
  [/unresponsive|protocol mismatch|not supported|invalid atr/i, 'CARD_UNRESPONSIVE'],
];

/** Converts whatever the native binding threw into a typed EidError (EidErrors pass through). */
export function pcscFailure(e: unknown, reader?: string): EidError {
  if (isEidError(e)) return e;
  const text = e instanceof Error ? e.message : String(e);
  const code = BY_MESSAGE.find(([pattern]) => pattern.test(text))?.[1] ?? 'PCSC_ERROR';
  const detail = reader ? `${reader}: ${text}` : text;
  return code === 'PCSC_UNAVAILABLE' ? pcscUnavailable('service', detail, e) : pcscError(code, detail, e);
}
