/** English: errors of the registry connection: enrolment, sync, the signed trust list, request signing. */
import { template } from '../../define.ts';

export const syncErrors = {
  NOT_ENROLLED: 'This terminal is not enrolled with a registry; run `eid-terminal enrol URL CODE`',
  ALREADY_ENROLLED: template({ terminalId: 'text' }, (p) => `This terminal is already enrolled as ${p.terminalId}`),
  REGISTRY_URL_INVALID: 'The registry address is not a valid http or https URL',
  REGISTRY_URL_INSECURE: 'Enrolment pins the registry key, so it needs https (plain http only to a registry on this machine)',
  REGISTRY_FINGERPRINT_MISMATCH: template({ fingerprint: 'text', expected: 'text' }, (p) => `The registry's key is ${p.fingerprint}, not the expected ${p.expected}; nothing was sent`),
  ENROLMENT_CANCELLED: 'Enrolment cancelled: the registry key was not confirmed',
  REGISTRY_KEY_CHANGED: 'The enrolment answer carries another registry key than the one checked; nothing was saved',
  REGISTRY_UNREACHABLE: 'The registry cannot be reached',
  REGISTRY_BAD_ANSWER: "The registry's answer cannot be used",
  REGISTRY_REFUSED: template({ status: 'number' }, (p) => `The registry refused the request or is unavailable (HTTP ${p.status})`),
  TRUST_LIST_ROLLBACK: template({ offered: 'number', current: 'number' }, (p) => `The registry offered trust list version ${p.offered}, older than the current ${p.current}`),
  TRUST_LIST_INVALID: 'The trust list from the registry is invalid',
  TRUST_LIST_SIGNATURE_INVALID: 'The trust list signature is invalid',
  SIGNATURE_INVALID: 'The request signature is invalid',
  SIGNATURE_MISSING: 'The request is not signed',
  RECORD_NOT_CANONICAL: 'The record cannot be serialised canonically',
  // What the registry answers (registry/openapi.yaml); the terminal shows them to the clerk.
  BAD_REQUEST: 'The registry could not understand the request',
  PUBLIC_KEY_INVALID: "The terminal's public key is not acceptable to the registry",
  CLOCK_SKEW: "The terminal's clock differs too much from the registry's",
  REPLAYED_REQUEST: 'The registry already received this request',
  UNKNOWN_TERMINAL: 'The registry does not know this terminal',
  ENROLMENT_CODE_INVALID: 'The enrolment code is unknown, used or expired',
  TERMINAL_REVOKED: 'This terminal has been revoked at the registry',
  TERMINAL_NOT_FOUND: template({ terminalId: 'text' }, (p) => `No active terminal ${p.terminalId}`),
  NO_TRUST_LIST: 'The registry has published no trust list yet',
  PAYLOAD_TOO_LARGE: 'The request is too large for the registry',
  UNAVAILABLE: 'The registry is temporarily unavailable',
};
