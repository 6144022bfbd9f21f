/** English: errors of the local integration API for business applications and of signed results. */
import { template } from '../../define.ts';

export const integrationErrors = {
  INTEGRATION_CLIENT_INVALID: 'The integration client is not acceptable: check its name, web origins and scopes',
  INTEGRATION_CLIENT_UNKNOWN: template({ client: 'text' }, (p) => `There is no active integration client ${p.client}`),
  SCOPE_MISSING: template({ scope: 'text' }, (p) => `This application lacks the ${p.scope} scope`),
  ORIGIN_NOT_ALLOWED: 'This web page is not registered on the terminal for this application',
  RESULT_NOT_FOUND: 'There is no such verification for this application (or it is no longer kept)',
  REQUEST_TOO_LARGE: 'The request is too large',
  SUPERVISOR_PIN_REQUIRED: 'A supervisor PIN is needed: --by-pin-file FILE, EID_TERMINAL_BY_PIN, or run the command in a terminal to type it',
  KEY_SET_INVALID: 'The terminal key set cannot be used',
  INTEGRATION_PORT_IN_USE: template({ port: 'number' }, (p) => `The integration API cannot start: another program uses port ${p.port} on this computer`),
};
